"""Each lint rule on its cases (tests/lint_cases/*.yaml), plus the rules that need more than a
catalogue on disk: sources, version bumps against a git base, and suppressions."""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from mvi_rules.catalogue.model import SourceRecord
from mvi_rules.lint import RULES, Finding, LintUsageError, lint
from mvi_rules.lint.context import LintContext
from mvi_rules.lint.rules import mvi006_sources

from .conftest import make_rulesets

CASES = Path(__file__).parent / "lint_cases"
BASE_CRITERION: dict[str, Any] = {
    "id": "MVI-TST-001",
    "version": 1,
    "title": {"nl": "Levensduur", "en": "Lifetime"},
    "type": "minimum_requirement",
    "set": "core",
    "level": 1,
    "themes": ["circularity"],
    "product_groups": ["laptop"],
    "parameters": {
        "years": {
            "default": 6,
            "min": 4,
            "max": 10,
            "unit": "years",
            "description": {"nl": "Jaren", "en": "Years"},
        }
    },
    "verification": {"other": {"nl": "Verklaring", "en": "Statement"}},
    "legal_basis": {
        "NL": ["Aanbestedingswet 2012, art. 2.75"],
        "BE": ["Wet van 17 juni 2016, art. 53"],
    },
    "sources": [
        {
            "key": "eu_gpp_computers_2021",
            "supports": {"nl": "Steun", "en": "Support"},
            "confidence": "confirmed",
        }
    ],
    "template": "test/clause",
}
DEFAULT_TEMPLATES = {
    "nl/test/clause.j2": "Ten minste {{ p.years }} jaar.\n",
    "en/test/clause.j2": "At least {{ p.years }} years.\n",
}


def build(root: Path, criteria: list[dict[str, Any]], templates: dict[str, str]) -> Path:
    """A catalogue under ``root``: the shipped registries, ``criteria`` merged onto the base
    criterion, and the clause templates; returns the rulesets dir."""
    full = [{**copy.deepcopy(BASE_CRITERION), **c} for c in criteria]
    topic = {"topic": "test", "title": {"nl": "Test", "en": "Test"}, "criteria": full}
    rules = make_rulesets(root, json.dumps(topic, indent=2, ensure_ascii=False), "")
    for name, text in {**DEFAULT_TEMPLATES, **templates}.items():
        path = root / "templates" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return rules


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("MVI*.yaml")):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append(pytest.param(data["rule"], case, id=f"{data['rule']}: {case['name']}"))
    return out


@pytest.mark.parametrize("code, case", _cases())
def test_rule_case(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    rules = build(tmp_path, case.get("criteria", [{}]), case.get("templates", {}))
    findings = lint(rules, tmp_path / "templates", select=[code])
    expected = case["expect"]
    assert len(findings) == len(expected), [str(f) for f in findings]
    for finding, want in zip(findings, expected, strict=True):
        assert finding.code == code
        assert finding.file.endswith(want["file"]), finding
        assert want["contains"] in finding.message, finding.message


def test_every_rule_has_cases_or_a_test_and_documents_a_bad_and_good_example() -> None:
    with_cases = {p.stem for p in CASES.glob("MVI*.yaml")}
    tested_here = {"MVI006", "MVI008"}
    assert set(RULES) == with_cases | tested_here
    for code, registered in RULES.items():
        assert "Bad" in registered.doc and "Good" in registered.doc, code


def test_a_cited_source_without_address_is_a_finding(catalogue) -> None:
    entry = catalogue.entries[0]
    index = next(i for i, s in enumerate(entry.criterion.sources) if s.record is not None)
    bare = SourceRecord.model_construct(
        **{**entry.criterion.sources[index].record.__dict__, "url": None, "identifier": None}
    )
    sources = list(entry.criterion.sources)
    sources[index] = sources[index].model_copy(update={"record": bare})
    broken = type(entry)(
        entry.criterion.model_copy(update={"sources": sources}),
        entry.topic,
        entry.file,
        entry.line,
        entry.condition,
    )
    fake = type(catalogue)(
        **{
            **{f: getattr(catalogue, f) for f in catalogue.__dataclass_fields__},
            "entries": (broken,),
        }
    )
    context = LintContext(catalogue.rulesets_dir, catalogue.templates_dir, fake, [])
    findings = list(mvi006_sources.check(context))
    assert len(findings) == 1
    assert "has no URL or official identifier" in findings[0].message
    assert findings[0].criterion == entry.criterion.id
    ok = LintContext(catalogue.rulesets_dir, catalogue.templates_dir, catalogue, [])
    assert list(mvi006_sources.check(ok)) == []


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def _repo_with_change(tmp_path: Path, change: dict[str, Any], template: str | None) -> Path:
    rules = build(tmp_path, [{}], {})
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "v1")
    new = build_topic(change)
    (rules / "test.yaml").write_text(new, encoding="utf-8")
    if template is not None:
        (tmp_path / "templates" / "nl" / "test" / "clause.j2").write_text(template)
    return rules


def build_topic(change: dict[str, Any]) -> str:
    criterion = {**copy.deepcopy(BASE_CRITERION), **change}
    topic = {"topic": "test", "title": {"nl": "Test", "en": "Test"}, "criteria": [criterion]}
    return json.dumps(topic, indent=2)


@pytest.mark.parametrize(
    "change, template, expected",
    [
        ({"level": 2}, None, "level changed since main"),
        ({}, "Ten minste {{ p.years }} volle jaren.\n", "nl clause text changed"),
        ({"when": ["lot.refurbished is not wanted"]}, None, "when changed"),
    ],
)
def test_a_changed_criterion_without_version_bump(
    tmp_path: Path, change: dict[str, Any], template: str | None, expected: str
) -> None:
    rules = _repo_with_change(tmp_path, change, template)
    (finding,) = lint(rules, tmp_path / "templates", select=["MVI008"], base="main")
    assert expected in finding.message
    assert "raise it to 2" in finding.message
    (rules / "test.yaml").write_text(build_topic({**change, "version": 2}), encoding="utf-8")
    assert lint(rules, tmp_path / "templates", select=["MVI008"], base="main") == []


def _award(at: float, description: str) -> dict[str, Any]:
    weight = {"default": 10, "min": 0, "max": 30, "description": {"nl": "Gewicht", "en": "W"}}
    return {
        "type": "award",
        "rewards": ["extended_warranty"],
        "parameters": {**BASE_CRITERION["parameters"], "weight": weight},
        "scoring": [
            {
                "points": 0,
                "nl": "Geen",
                "en": "None",
                "clause": {"nl": "minder dan {next} jaar", "en": "under {next} years"},
            },
            {
                "points": 1,
                "nl": f"{description} {at:g} jaar",
                "en": f"At least {at:g} years",
                "at": at,
                "clause": {"nl": "ten minste {at} jaar", "en": "at least {at} years"},
            },
        ],
    }


def test_a_changed_scale_needs_a_version_bump(tmp_path: Path) -> None:
    # The scale's figures are clause text, though no template changes with them.
    rules = build(tmp_path, [_award(2, "Ten minste")], {})
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "v1")
    (rules / "test.yaml").write_text(build_topic(_award(3, "Ten minste")), encoding="utf-8")
    (finding,) = lint(rules, tmp_path / "templates", select=["MVI008"], base="main")
    assert "scoring changed since main" in finding.message
    # Rewording a row's description for the weighting asks nothing new.
    (rules / "test.yaml").write_text(build_topic(_award(2, "Minstens")), encoding="utf-8")
    assert lint(rules, tmp_path / "templates", select=["MVI008"], base="main") == []


def test_a_changed_shared_template_needs_a_version_bump(tmp_path: Path) -> None:
    # A shared piece (the award scale) is text of every clause that includes it, also through
    # another shared piece.
    clause = 'Ten minste {{ p.years }} jaar.\n{% include "_shared/outer.j2" %}\n'
    outer = '{% include "_shared/part.j2" %}\n'
    shared = {"nl/_shared/outer.j2": outer, "nl/_shared/part.j2": "Deel.\n"}
    rules = build(tmp_path, [{}], {"nl/test/clause.j2": clause, **shared})
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "v1")
    assert lint(rules, tmp_path / "templates", select=["MVI008"], base="main") == []
    (tmp_path / "templates" / "nl" / "_shared" / "part.j2").write_text("Ander deel.\n")
    (finding,) = lint(rules, tmp_path / "templates", select=["MVI008"], base="main")
    assert "nl shared text _shared/part changed since main" in finding.message


def test_a_title_change_needs_no_version_bump(tmp_path: Path) -> None:
    rules = _repo_with_change(tmp_path, {"title": {"nl": "Levensduur (jaren)", "en": "L"}}, None)
    assert lint(rules, tmp_path / "templates", select=["MVI008"], base="main") == []


def test_version_bump_rule_runs_only_with_a_base(tmp_path: Path) -> None:
    rules = _repo_with_change(tmp_path, {"level": 2}, None)
    assert lint(rules, tmp_path / "templates", select=["MVI008"]) == []


def _with_comment(tmp_path: Path, template: str, comment: str) -> Path:
    rules = build(tmp_path, [{}], {"nl/test/clause.j2": template})
    path = rules / "test.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if '"id": "MVI-TST-001"' in line)
    lines.insert(at + 1, comment)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return rules


BAD_STANDARD = "Volgens EN 12281, {{ p.years }} jaar.\n"


def test_a_suppression_with_a_reason_silences_the_rule_for_its_criterion(tmp_path: Path) -> None:
    rules = _with_comment(
        tmp_path, BAD_STANDARD, "      # mvi-lint: disable=MVI004 the standard is cited as law"
    )
    assert lint(rules, tmp_path / "templates", select=["MVI004"]) == []


def test_a_suppression_without_reason_is_itself_a_finding(tmp_path: Path) -> None:
    rules = _with_comment(tmp_path, BAD_STANDARD, "      # mvi-lint: disable=MVI004")
    codes = [f.code for f in lint(rules, tmp_path / "templates", select=["MVI004"])]
    assert sorted(codes) == ["MVI004", "MVI900"]


def test_a_suppression_of_an_unknown_code_is_a_finding(tmp_path: Path) -> None:
    rules = _with_comment(tmp_path, BAD_STANDARD, "      # mvi-lint: disable=MVI404 reason")
    messages = [f.message for f in lint(rules, tmp_path / "templates", select=["MVI004"])]
    assert any("unknown lint code MVI404" in m for m in messages)


def test_a_file_wide_suppression(tmp_path: Path) -> None:
    rules = build(tmp_path, [{}], {"nl/test/clause.j2": BAD_STANDARD})
    path = rules / "test.yaml"
    path.write_text(
        "# mvi-lint: disable-file=MVI004 cited as law in this file\n" + path.read_text()
    )
    # A file-wide directive covers findings reported in that file only, not templates.
    findings = lint(rules, tmp_path / "templates", select=["MVI004"])
    assert [f.code for f in findings] == ["MVI004"]


def test_select_and_ignore(tmp_path: Path) -> None:
    rules = build(tmp_path, [{}], {"nl/test/clause.j2": BAD_STANDARD})
    templates = tmp_path / "templates"
    assert [f.code for f in lint(rules, templates)] == ["MVI004"]
    assert lint(rules, templates, ignore=["MVI004"]) == []
    assert lint(rules, templates, select=["MVI002,MVI003"]) == []
    with pytest.raises(LintUsageError, match="unknown lint code MVI999"):
        lint(rules, templates, select=["MVI999"])


def test_findings_print_as_file_line_col_code_message() -> None:
    finding = Finding(file="r.yaml", line=3, col=5, code="MVI005", message="m")
    assert str(finding) == "r.yaml:3:5: MVI005 m"


def test_a_catalogue_that_does_not_load_gives_only_load_findings(tmp_path: Path) -> None:
    rules = build(tmp_path, [{"levl": 1}], {"nl/test/clause.j2": BAD_STANDARD})
    assert {f.code for f in lint(rules, tmp_path / "templates")} == {"MVI001"}


def test_the_shipped_catalogue_passes_every_rule() -> None:
    # The parallel clauses (extended warranty for devices, network and servers; mandatory and
    # voluntary ISV) are silenced on the criterion with a reason.
    assert lint() == []


def test_rewording_a_parameter_description_needs_no_version_bump(tmp_path: Path) -> None:
    params = copy.deepcopy(BASE_CRITERION["parameters"])
    params["years"]["description"] = {"nl": "Aantal jaren", "en": "Number of years"}
    rules = _repo_with_change(tmp_path, {"parameters": params}, None)
    assert lint(rules, tmp_path / "templates", select=["MVI008"], base="main") == []
