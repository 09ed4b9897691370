"""``mvi-rules diff`` on two small catalogue versions with known changes, as directories and as
git refs in a temporary repository."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mvi_rules import parse_profile
from mvi_rules.cli import main
from mvi_rules.diff import VersionError, diff_catalogues, markdown, text

from .test_lint_rules import build

V1 = [{}, {"id": "MVI-TST-002", "title": {"nl": "Oud", "en": "Old"}}]
V2 = [
    {
        "level": 2,
        "when": ["lot.refurbished is not wanted"],
        "parameters": {
            "years": {
                "default": 7,
                "min": 4,
                "max": 10,
                "unit": "years",
                "description": {"nl": "Jaren", "en": "Years"},
            }
        },
    },
    {"id": "MVI-TST-003", "title": {"nl": "Nieuw", "en": "New"}},
]
V2_NL = "Ten minste {{ p.years }} volle jaren.\n"
PROFILE = {
    "buyer": {"name": "Gemeente Test", "authority_type": "municipality", "jurisdiction": "NL"},
    "procurement": {
        "title": "Laptops",
        "reference_date": "2026-03-01",
        "estimated_value_eur": 100000,
        "contract_term_years": 4,
    },
    "lots": [{"id": "1", "name": "Laptops", "product_group": "laptop", "quantity": 10}],
    "ambition": {"level": 1},
}


def version(root: Path, criteria: list[dict[str, Any]], nl: str | None = None) -> Path:
    """A checkout-like directory holding rulesets/ and clause_templates/."""
    root.mkdir(parents=True, exist_ok=True)
    build(root, criteria, {"nl/test/clause.j2": nl} if nl else {})
    (root / "templates").rename(root / "clause_templates")
    return root


def _profiles() -> list[tuple[str, Any]]:
    return [("laptops.yaml", parse_profile(PROFILE))]


def _check(diff: Any) -> None:
    assert [c.id for c in diff.added] == ["MVI-TST-003"]
    assert [c.id for c in diff.removed] == ["MVI-TST-002"]
    (change,) = diff.changed
    assert change.id == "MVI-TST-001"
    fields = {f.field: (f.old, f.new) for f in change.changes}
    assert fields["level"] == ("1", "2")
    assert fields["condition"] == ("always", "lot.refurbished is not wanted")
    assert fields["parameter years: default"] == ("6", "7")
    assert change.version_expected and not change.version_bumped
    (nl,) = change.texts
    assert nl.lang == "nl"
    assert [(s.kind, s.text) for s in nl.segments if s.kind != "same"] == [
        ("removed", "jaar."),
        ("added", "volle jaren."),
    ]
    (profile,) = diff.profiles
    # Level 2 now: a level-1 buyer loses the criterion; it gains the new one.
    assert profile.lost == ["MVI-TST-001 (lot 1)", "MVI-TST-002 (lot 1)"]
    assert profile.gained == ["MVI-TST-003 (lot 1)"]
    assert diff.anything_changed


def test_two_directories(tmp_path: Path) -> None:
    old = version(tmp_path / "v1", V1)
    new = version(tmp_path / "v2", V2, V2_NL)
    _check(diff_catalogues(str(old), str(new), profiles=_profiles()))
    # A rulesets directory works as well as the checkout holding it.
    _check(diff_catalogues(str(old / "rulesets"), str(new / "rulesets"), profiles=_profiles()))


def test_the_report_says_it_in_words(tmp_path: Path) -> None:
    diff = diff_catalogues(
        str(version(tmp_path / "v1", V1)),
        str(version(tmp_path / "v2", V2, V2_NL)),
        profiles=_profiles(),
    )
    md = markdown(diff)
    assert "1 criteria added; 1 removed; 1 changed; 1 without the version raise" in md
    assert "- **MVI-TST-003** Nieuw (version 1)" in md
    assert "## Criteria removed (their ids stay retired: never reuse them)" in md
    assert "*version 1 not raised although its meaning changed*" in md
    assert "| condition | always | lot.refurbished is not wanted |" in md
    assert "> Ten minste {{ p.years }} ~~jaar.~~ **volle jaren.**" in md
    assert "| laptops.yaml | MVI-TST-003 (lot 1) | MVI-TST-001 (lot 1), MVI-TST-002 (lot 1) |" in md
    plain = text(diff)
    assert "    parameter years: default: 6  ->  7" in plain
    assert "clause text (nl): Ten minste {{ p.years }} [-jaar.-] {+volle jaren.+}" in plain


def test_nothing_changed(tmp_path: Path) -> None:
    old = version(tmp_path / "v1", V1)
    new = version(tmp_path / "v2", V1)
    diff = diff_catalogues(str(old), str(new), profiles=_profiles())
    assert not diff.anything_changed
    assert "No criterion and no registry file changed." in markdown(diff)


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with the old version tagged v1 and the new one committed on top."""
    root = version(tmp_path / "repo", V1)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "v1")
    _git(root, "tag", "v1")
    newer = version(tmp_path / "next", V2, V2_NL)
    for name in ("rulesets", "clause_templates"):
        shutil.rmtree(root / name)
        shutil.copytree(newer / name, root / name)
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "v2")
    return root


def test_two_git_refs_without_checkout(repo: Path) -> None:
    head = (repo / "rulesets" / "test.yaml").read_bytes()
    _check(diff_catalogues("v1", "HEAD", repo=repo, profiles=_profiles()))
    # Nothing was checked out: the work tree is as it was.
    assert (repo / "rulesets" / "test.yaml").read_bytes() == head
    # A ref against the work tree directory.
    _check(diff_catalogues("v1", str(repo), repo=repo, profiles=_profiles()))


def test_an_unknown_ref_is_a_clear_error(repo: Path) -> None:
    with pytest.raises(VersionError, match="v9 is neither a catalogue directory nor a git ref"):
        diff_catalogues("v9", "HEAD", repo=repo, profiles=[])


def test_the_command_exit_status_and_formats(repo: Path, tmp_path: Path) -> None:
    profile = tmp_path / "laptops.yaml"
    profile.write_text(json.dumps(PROFILE), encoding="utf-8")
    runner = CliRunner()
    args = ["diff", "v1", "HEAD", "--repo", str(repo), "--profile", str(profile)]
    result = runner.invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["anything_changed"] is True
    assert data["changed"][0]["version_bumped"] is False
    assert data["profiles"][0]["gained"] == ["MVI-TST-003 (lot 1)"]
    result = runner.invoke(main, [*args, "--format", "markdown"])
    assert result.exit_code == 1 and result.stdout.startswith("# Criteria catalogue: v1")
    same = runner.invoke(main, ["diff", "HEAD", "HEAD", "--repo", str(repo), "--format", "text"])
    assert same.exit_code == 0, same.output
    assert "no changes" in same.stdout
    bad = runner.invoke(main, ["diff", "nope", "HEAD", "--repo", str(repo)])
    assert bad.exit_code == 1 and "nope is neither" in bad.stderr and "Traceback" not in bad.output


def test_a_shared_piece_of_clause_text_shows_in_the_clauses_that_include_it(
    tmp_path: Path,
) -> None:
    # The award scale lives in _shared/scale.j2; editing it changes every clause with a scale.
    clause = 'Ten minste {{ p.years }} jaar.\n{% include "_shared/part.j2" %}\n'
    roots = {}
    for name, part in (("v1", "Beoordeling in punten.\n"), ("v2", "Beoordeling in X.\n")):
        roots[name] = version(tmp_path / name, V1, clause)
        shared = roots[name] / "clause_templates" / "nl" / "_shared"
        shared.mkdir()
        (shared / "part.j2").write_text(part, encoding="utf-8")
    diff = diff_catalogues(str(roots["v1"]), str(roots["v2"]), profiles=_profiles())
    assert diff.changed
    for change in diff.changed:
        (nl,) = change.texts
        assert [(s.kind, s.text) for s in nl.segments if s.kind != "same"] == [
            ("removed", "punten."),
            ("added", "X."),
        ]
        assert change.version_expected and not change.version_bumped
