"""Shared fixtures: the repository's example profiles and a loaded catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from mvi_rules import Catalogue, load_catalogue

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The catalogue shipped with the library."""
    return load_catalogue()


@pytest.fixture
def write(tmp_path: Path):
    """Write a text file under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write
