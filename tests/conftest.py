"""Shared fixtures: the repository's example profiles and a loaded catalogue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mvi_rules import Catalogue, ProcurementProfile, load_catalogue, load_profile
from mvi_rules.catalogue.files import REGISTRY_FILES, RETIRED_FILE
from mvi_rules.profile import CriteriaSet

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


def make_rulesets(root: Path, topic_yaml: str, template: str) -> Path:
    """A rulesets dir under ``root`` with the shipped registry files, one topic file and one
    clause template ``test/clause`` in both languages; returns the rulesets dir (templates are
    in ``root / "templates"``)."""
    rules = root / "rulesets"
    rules.mkdir()
    for name in REGISTRY_FILES:
        shutil.copy(REPO / "rulesets" / name, rules / name)
    # The shipped retired ids point to the criteria that replace them, which a one-topic
    # catalogue does not hold; tests of retirement write their own registry.
    (rules / RETIRED_FILE).write_text("retired: []\n", encoding="utf-8")
    (rules / "test.yaml").write_text(topic_yaml, encoding="utf-8")
    for lang in ("nl", "en"):
        folder = root / "templates" / lang / "test"
        folder.mkdir(parents=True)
        (folder / "clause.j2").write_text(template, encoding="utf-8")
    return rules


def comprehensive(path: Path) -> ProcurementProfile:
    """The profile at ``path`` with the comprehensive set: for tests about a criterion the core
    set leaves out, or about the value of every option."""
    profile = load_profile(path)
    procurement = profile.procurement.model_copy(update={"criteria_set": CriteriaSet.COMPREHENSIVE})
    return profile.model_copy(update={"procurement": procurement})
