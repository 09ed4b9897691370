"""The mvi-rules command line as a buyer uses it: one command, clear output, clear errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from mvi_rules.cli import main

from .conftest import EXAMPLES, REPO

PROFILE = str(EXAMPLES / "gemeente-laptops.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version_names_library_and_rulesets() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.splitlines()[0].startswith("mvi-rules 0.")
    assert out.splitlines()[1].startswith("rulesets 2026.")


@pytest.mark.parametrize("command", ["generate", "validate", "list", "explain", "change"])
def test_every_command_has_help(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0 and "Usage: main " + command in out.replace("mvi-rules", "main")


def test_generate_writes_a_word_document(tmp_path: Path) -> None:
    out = tmp_path / "annex.docx"
    code, _, err = run("generate", PROFILE, "-o", str(out))
    assert code == 0, err
    assert "criteria for 2 lot(s)" in err
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Gemeente Zuiderwaard" in "\n".join(
        c.text for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells
    )
    assert "MVI-LIF-005 Minimale garantie" in text


def test_generate_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "annex.docx"
    out.write_bytes(b"the buyer's own edits")
    code, _, err = run("generate", PROFILE, "-o", str(out))
    assert code == 1
    assert f"{out} already exists; use --force to overwrite it" in err
    assert out.read_bytes() == b"the buyer's own edits"
    code, _, _ = run("generate", PROFILE, "-o", str(out), "--force")
    assert code == 0 and out.read_bytes().startswith(b"PK")


def test_generate_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    run("generate", PROFILE, "-o", str(tmp_path / "a.docx"))
    run("generate", PROFILE, "-o", str(tmp_path / "b.docx"), "--backend", "plain")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


def test_generate_json_to_stdout_and_to_a_file(tmp_path: Path) -> None:
    code, out, _ = run("generate", PROFILE, "-o", "-")
    assert code == 0
    data = json.loads(out)
    assert "MVI-LIF-005" in [c["id"] for c in data["selected"]]
    assert data["catalogue_version"].startswith("2026.")
    code, _, _ = run("generate", PROFILE, "-o", str(tmp_path / "r.json"))
    assert code == 0 and json.loads((tmp_path / "r.json").read_text()) == data


def test_generate_in_english(tmp_path: Path) -> None:
    out = tmp_path / "annex.docx"
    assert run("generate", PROFILE, "-o", str(out), "--lang", "en")[0] == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "MVI-LIF-005 Minimum warranty" in text


def test_a_bad_profile_is_one_clear_message_and_no_document(write, tmp_path: Path) -> None:
    bad = write(
        "p.yaml", (EXAMPLES / "gemeente-laptops.yaml").read_text().replace("level: 2", "level: 4")
    )
    out = tmp_path / "annex.docx"
    code, _, err = run("generate", str(bad), "-o", str(out))
    assert code == 1
    assert f"{bad}:" in err and "ambition.level" in err and "less than or equal to 3" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_a_missing_template_variable_leaves_no_half_written_document(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "clause_templates", templates)
    clause = templates / "nl" / "lifetime" / "min_warranty.j2"
    clause.write_text(clause.read_text() + "\nZie {{ p.not_a_parameter }}.\n")
    out = tmp_path / "annex.docx"
    code, _, err = run("generate", PROFILE, "-o", str(out), "--templates", str(templates))
    assert code == 1
    assert "not_a_parameter" in err and "min_warranty" in err
    assert not out.exists() and list(tmp_path.glob(".annex.docx*")) == []


def test_validate_reports_every_problem_at_once(write) -> None:
    good = str(EXAMPLES / "school-refurbished.yaml")
    bad = write(
        "p.yaml",
        (EXAMPLES / "gemeente-laptops.yaml")
        .read_text()
        .replace("contract_term_years: 4", "contract_term_years: 0")
        .replace("quantity: 900", "quantity: 900\n    colour: grey"),
    )
    code, out, err = run("validate", good, str(bad))
    assert code == 1
    assert "school-refurbished.yaml: valid (2 lot(s), ambition 1)" in out
    assert "2 problems in procurement profile" in err
    assert "procurement.contract_term_years" in err and "lots[1].colour: unknown field" in err


def test_validate_checks_parameter_overrides_against_the_catalogue(write) -> None:
    text = (EXAMPLES / "gemeente-laptops.yaml").read_text() + (
        "parameters:\n  MVI-LIF-001:\n    min_lifetime_years: 2\n"
    )
    code, _, err = run("validate", str(write("p.yaml", text)))
    assert code == 1
    assert "parameters.MVI-LIF-001.min_lifetime_years: must be at least 4 (got 2)" in err


def test_list_shows_and_filters_the_catalogue() -> None:
    code, out, _ = run("list")
    assert code == 0 and "MVI-LIF-001" in out and "MVI-SOC-002" in out
    _, out, _ = run("list", "--product-group", "monitor", "--type", "award", "--level", "2")
    rows = [line.split()[0] for line in out.splitlines()[1:] if line.startswith("MVI-")]
    assert rows and "MVI-REP-005" not in rows  # battery award: not for monitors
    assert all(
        line.split()[2] == "award" for line in out.splitlines()[1:] if line.startswith("MVI")
    )


def test_list_as_json_for_other_tools() -> None:
    code, out, _ = run("list", "--format", "json", "--type", "option")
    assert code == 0
    data = json.loads(out)
    assert {c["type"] for c in data["criteria"]} == {"option"}
    assert all(c["value_share"] for c in data["criteria"])


def test_explain_says_why_per_lot() -> None:
    code, out, _ = run("explain", PROFILE, "MVI-REP-004")
    assert code == 0
    assert "MVI-REP-004" in out and "SELECTED" in out
    assert "lot 1 (Laptops medewerkers): selected" in out
    assert "lot 2 (Beeldschermen flexplekken): not selected" in out
    assert "✗ lot.product_groups includes any of" in out


def test_explain_an_unknown_criterion() -> None:
    code, _, err = run("explain", PROFILE, "MVI-XXX-001")
    assert code == 1 and "no criterion MVI-XXX-001" in err


def test_a_missing_profile_file() -> None:
    code, _, err = run("generate", "nope.yaml", "-o", "x.docx")
    assert code == 1 and "nope.yaml: file not found" in err and "Traceback" not in err


def test_a_written_document_gets_ordinary_file_permissions(tmp_path: Path) -> None:
    import os

    out = tmp_path / "annex.docx"
    umask = os.umask(0o022)
    try:
        assert run("generate", PROFILE, "-o", str(out))[0] == 0
    finally:
        os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o644


def test_explain_shows_a_conflict() -> None:
    code, out, _ = run("explain", str(EXAMPLES / "school-refurbished.yaml"), "MVI-LAB-001")
    assert code == 0
    assert "lot A (Refurbished laptops): not selected" in out
    assert "✗ niet opgenomen: het vraagt keurmerken die alleen nieuwe producten dragen" in out
