"""``--version`` names the ruleset version however catalogue.yaml writes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mvi_rules.cli import main


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("# header\nversion: 2027.1.0\nreleased: 2027-01-05\n", "2027.1.0"),
        ("version: '2027.1.0'  # quoted\n", "2027.1.0"),
        # Not the usual one line: the file is parsed instead.
        ("{version: 2027.1.0, released: 2027-01-05}\n", "2027.1.0"),
        ("version:\n  2027.1.0\n", "2027.1.0"),
        ("version: 2027.1.0\nnotes: |\n  version: 9.9.9\n", "2027.1.0"),
        ("version: [\n", "unavailable (CatalogueError)"),
    ],
)
def test_version_reads_the_rulesets_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, shown: str
) -> None:
    (tmp_path / "catalogue.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("MVI_RULES_RULESETS", str(tmp_path))
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == f"rulesets {shown}"
