"""``mvi-rules lint`` as a legal adviser and CI use it: formats, exit codes, options."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mvi_rules.cli import main

from .test_lint_rules import build

BAD = "Volgens EN 12281, {{ p.years }} jaar.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_clean_catalogue_exits_0(tmp_path: Path) -> None:
    rules = build(tmp_path, [{}], {})
    code, out, err = run("lint", str(rules), "--templates", str(tmp_path / "templates"))
    assert (code, out) == (0, "")
    assert "no findings" in err


def test_findings_as_text_exit_1(tmp_path: Path) -> None:
    rules = build(tmp_path, [{}], {"nl/test/clause.j2": BAD})
    code, out, err = run("lint", str(rules), "--templates", str(tmp_path / "templates"))
    assert code == 1
    (line,) = out.splitlines()
    assert line.endswith(
        "templates/nl/test/clause.j2:1:9: MVI004 MVI-TST-001: EN 12281 is named without"
        " 'gelijkwaardig' in the same sentence"
    )
    assert "1 finding" in err


def test_templates_beside_the_rulesets_are_found(tmp_path: Path) -> None:
    rules = build(tmp_path, [{}], {"nl/test/clause.j2": BAD})
    (tmp_path / "templates").rename(tmp_path / "clause_templates")
    code, out, _ = run("lint", str(rules))
    assert code == 1 and "MVI004" in out


def test_json_format(tmp_path: Path) -> None:
    rules = build(tmp_path, [{}], {"nl/test/clause.j2": BAD})
    code, out, _ = run(
        "lint", str(rules), "--templates", str(tmp_path / "templates"), "--format", "json"
    )
    assert code == 1
    (finding,) = json.loads(out)
    assert finding["code"] == "MVI004"
    assert (finding["line"], finding["col"]) == (1, 9)
    assert finding["criterion"] == "MVI-TST-001"


def test_github_format(tmp_path: Path) -> None:
    rules = build(tmp_path, [{}], {"nl/test/clause.j2": BAD})
    code, out, _ = run(
        "lint", str(rules), "--templates", str(tmp_path / "templates"), "--format", "github"
    )
    assert code == 1
    assert out.startswith("::error file=")
    assert ",line=1,col=9,title=MVI004::MVI-TST-001: EN 12281 is named" in out


def test_ignore_and_unknown_code(tmp_path: Path) -> None:
    rules = build(tmp_path, [{}], {"nl/test/clause.j2": BAD})
    templates = str(tmp_path / "templates")
    assert run("lint", str(rules), "--templates", templates, "--ignore", "MVI004")[0] == 0
    code, _, err = run("lint", str(rules), "--templates", templates, "--select", "MVI404")
    assert code == 1
    assert "unknown lint code MVI404" in err and "Traceback" not in err


def test_list_rules_documents_every_rule() -> None:
    code, out, _ = run("lint", "--list-rules")
    assert code == 0
    for number in range(1, 9):
        assert f"MVI00{number} " in out
    assert out.count("Bad") >= 8
