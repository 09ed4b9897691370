"""The command line for procurement systems: JSON with texts, eForms and OCDS."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mvi_rules.cli import main

from .conftest import EXAMPLES

PROFILE = str(EXAMPLES / "gemeente-laptops.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_generate_json_with_texts(tmp_path: Path) -> None:
    code, out, _ = run("generate", PROFILE, "-o", "-", "--texts")
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == "1.0"
    assert all(c["texts"]["nl"]["blocks"] for c in data["selected"])
    target = tmp_path / "full.json"
    assert run("generate", PROFILE, "-o", str(target), "--texts")[0] == 0
    assert json.loads(target.read_text(encoding="utf-8")) == data
    code, _, err = run("generate", PROFILE, "-o", str(target), "--texts")
    assert code == 1 and "already exists" in err


def test_texts_is_refused_for_a_word_document(tmp_path: Path) -> None:
    code, _, err = run("generate", PROFILE, "-o", str(tmp_path / "a.docx"), "--texts")
    assert code == 2 and "--texts applies to JSON output only" in err
    assert not (tmp_path / "a.docx").exists()


def test_generate_eforms_and_ocds(tmp_path: Path) -> None:
    code, out, _ = run("generate", PROFILE, "-o", "-", "--format", "eforms")
    assert code == 0
    eforms = json.loads(out)
    assert eforms["sdk_version"] and eforms["lots"][0]["BT-06-Lot"]
    target = tmp_path / "ocds.json"
    assert run("generate", PROFILE, "-o", str(target), "--format", "ocds", "--lang", "en")[0] == 0
    ocds = json.loads(target.read_text(encoding="utf-8"))
    assert ocds["tender"]["sustainability"][0]["description"].startswith("Sustainability criteria:")
    code, _, err = run("generate", PROFILE, "-o", str(target), "--format", "ocds")
    assert code == 1 and "already exists" in err


def test_the_new_commands_have_help() -> None:
    for command in ("init", "examples"):
        code, out, _ = run(command, "--help")
        assert code == 0 and f"{command} [OPTIONS]" in out
    code, out, _ = run("generate", "--help")
    assert "eforms" in out and "ocds" in out and "--texts" in out
