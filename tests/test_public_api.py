"""The public API: every exported name imports, and nothing the documentation names is missing."""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import mvi_rules

REPO = Path(__file__).resolve().parent.parent
#: ``::: mvi_rules.name`` in the API reference (docs/api.md), other than whole modules.
DOCUMENTED = re.compile(r"^::: mvi_rules\.(\w+)$", re.M)
#: ``from mvi_rules[.package] import a, b`` in a Python example of the README or the docs.
EXAMPLE_IMPORT = re.compile(r"^from (mvi_rules(?:\.\w+)*) import ([\w, ]+)$", re.M)
#: Packages with no API of their own: the lint rules register themselves when imported.
NO_API = {"mvi_rules.lint.rules"}


def _packages() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.walk_packages(mvi_rules.__path__, "mvi_rules.")
        if info.ispkg and not info.name.split(".")[-1].startswith("_")
    )


def test_every_top_level_name_imports_in_a_fresh_interpreter() -> None:
    # A fresh interpreter: the names load lazily, and an earlier test must not have loaded them.
    code = (
        "import mvi_rules\n"
        "from mvi_rules import *\n"
        "missing = [n for n in mvi_rules.__all__ if globals().get(n) is None]\n"
        "assert not missing, missing\n"
        "print(len(mvi_rules.__all__))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(mvi_rules.__all__)


def test_the_change_checker_is_exported_from_the_top_level() -> None:
    from mvi_rules.changes import check as change_check

    for name in ("assess_change", "check_change", "load_ledger", "render_check", "ChangeCheck"):
        assert name in mvi_rules.__all__
    assert mvi_rules.check_change is change_check.check_change
    assert mvi_rules.assess_change is change_check.assess_change


def test_the_top_level_names_and_dir_agree() -> None:
    assert sorted(mvi_rules.__all__) == dir(mvi_rules)
    assert len(set(mvi_rules.__all__)) == len(mvi_rules.__all__)
    with pytest.raises(AttributeError, match="no attribute 'not_a_name'"):
        _ = mvi_rules.not_a_name  # type: ignore[attr-defined]


def test_every_package_but_the_rule_plug_ins_says_what_it_exports() -> None:
    without = {p for p in _packages() if not hasattr(importlib.import_module(p), "__all__")}
    assert without == NO_API


@pytest.mark.parametrize("package", sorted(set(_packages()) - NO_API))
def test_every_name_a_package_exports_imports(package: str) -> None:
    module = importlib.import_module(package)
    exported = module.__all__
    missing = [name for name in exported if not hasattr(module, name)]
    assert not missing, f"{package}.__all__ names what it does not define: {missing}"


def test_every_name_the_api_reference_documents_is_exported() -> None:
    text = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    documented = [name for name in DOCUMENTED.findall(text) if name != "errors"]
    assert documented, "docs/api.md documents no names"
    assert not [name for name in documented if name not in mvi_rules.__all__]


def test_every_import_in_the_readme_and_docs_examples_works() -> None:
    imports = [
        (module, [name.strip() for name in names.split(",")])
        for page in (REPO / "README.md", *sorted((REPO / "docs").glob("*.md")))
        for module, names in EXAMPLE_IMPORT.findall(page.read_text(encoding="utf-8"))
    ]
    assert any(module == "mvi_rules.changes" for module, _ in imports)
    for module_name, names in imports:
        module = importlib.import_module(module_name)
        exported = getattr(module, "__all__", names)
        for name in names:
            assert name in exported, f"{module_name} does not export {name}"
            assert hasattr(module, name)
