"""The shipped examples: listed, written to a file, and usable as they are."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mvi_rules import check_change, evaluate, load_catalogue, load_ledger, load_profile
from mvi_rules.cli import main
from mvi_rules.errors import MviRulesError
from mvi_rules.examples import example_text, find_example, list_examples

from .conftest import EXAMPLES


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_every_example_in_the_repository_is_listed_with_a_summary() -> None:
    names = {e.name for e in list_examples()}
    assert names == {p.stem for p in EXAMPLES.glob("*.yaml")} | {
        f"ledgers/{p.stem}" for p in (EXAMPLES / "ledgers").glob("*.yaml")
    }
    assert all(e.summary.endswith(".") for e in list_examples())


def test_examples_lists_profiles_and_ledgers() -> None:
    code, out, _ = run("examples")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("gemeente-laptops ") and " profile " in lines[0]
    assert any(
        line.startswith("ledgers/gemeente-laptops ") and " ledger " in line for line in lines
    )


def test_examples_writes_a_profile_that_generates(tmp_path: Path) -> None:
    target = tmp_path / "profile.yaml"
    code, _, err = run("examples", "gemeente-laptops", "-o", str(target))
    assert code == 0 and "written" in err
    # As shipped, less the editor's schema line (its relative path points into the repository).
    shipped = (EXAMPLES / "gemeente-laptops.yaml").read_text(encoding="utf-8")
    assert target.read_text(encoding="utf-8") == shipped.split("\n", 1)[1]
    code, _, err = run("examples", "gemeente-laptops", "-o", str(target))
    assert code == 1 and "already exists" in err
    annex = tmp_path / "annex.docx"
    assert run("generate", str(target), "-o", str(annex))[0] == 0 and annex.stat().st_size > 0


def test_every_example_loads(tmp_path: Path) -> None:
    catalogue = load_catalogue()
    for example in list_examples():
        if example.kind == "profile":
            assert evaluate(load_profile(example.path), catalogue).selected
        else:
            assert check_change(load_ledger(example.path)).drawers


def test_a_mistyped_name_gets_did_you_mean() -> None:
    with pytest.raises(MviRulesError, match="did you mean 'gemeente-laptops'"):
        find_example("gemeente-laptop")
    code, _, err = run("examples", "nothing-like-it")
    assert code == 1 and "use one of: gemeente-laptops" in err
    assert example_text("ledgers/gemeente-laptops.yaml").startswith("# Contractgrootboek")
