"""The catalogue at a base git ref, as raw YAML, for the rules that compare with it."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from .._yaml import load_located, plain
from ..catalogue.files import REGISTRY_FILES, TEMPLATE_SUFFIX
from ..diff.versions import read_ref, repo_root
from ..errors import CatalogueError, InputError, VersionError
from .context import BaseVersion


def raw_criteria(rulesets: Path) -> dict[str, dict[str, Any]]:
    """Criterion id to its mapping as written, from every topic file that parses."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(rulesets.glob("*.yaml")):
        if path.name in REGISTRY_FILES or path.match("labels_*.yaml"):
            continue
        try:
            data = plain(load_located(path, CatalogueError).data)
        except InputError:
            continue
        if not isinstance(data, dict) or not isinstance(data.get("criteria"), list):
            continue
        for item in data["criteria"]:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                out.setdefault(item["id"], item)
    return out


def template_texts(templates: Path) -> dict[str, str]:
    """``lang/template`` (without ``.j2``) to the template's text."""
    out: dict[str, str] = {}
    for path in sorted(templates.rglob("*" + TEMPLATE_SUFFIX)):
        key = path.relative_to(templates).as_posix()[: -len(TEMPLATE_SUFFIX)]
        try:
            out[key] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    return out


def load_base(ref: str, rulesets: Path, templates: Path) -> BaseVersion:
    """The catalogue at git ref ``ref`` of the repository holding ``rulesets``."""
    root = repo_root(rulesets.resolve())
    try:
        rel_rules = rulesets.resolve().relative_to(root).as_posix()
        rel_tmpl = templates.resolve().relative_to(root).as_posix()
    except ValueError:
        raise VersionError(
            f"--base needs the rulesets and templates inside one git repository ({root})"
        ) from None
    with tempfile.TemporaryDirectory(prefix="mvi-rules-base-") as tmp:
        dirs = read_ref(root, ref, rel_rules, rel_tmpl, Path(tmp))
        return BaseVersion(ref, raw_criteria(dirs.rulesets), template_texts(dirs.templates))
