"""The full JSON result for procurement systems: clause texts, schema_version, shipped schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import mvi_rules
from mvi_rules import Catalogue, evaluate, load_profile
from mvi_rules.errors import MviRulesError, OutputExistsError
from mvi_rules.rendering import render_docx, render_json
from mvi_rules.rendering.systems import (
    SCHEMA_PATH,
    SCHEMA_VERSION,
    render_systems_json,
    result_schema,
    schema_text,
    write_systems_json,
)

from .conftest import EXAMPLES
from .test_rendering_fixtures import all_text as docx_text

REPO = Path(__file__).resolve().parent.parent
PROFILES = [
    EXAMPLES / "gemeente-laptops.yaml",
    EXAMPLES / "university-en.yaml",
    REPO / "tests" / "profiles" / "be-federal-options.yaml",
    REPO / "tests" / "profiles" / "nl-school-small.yaml",
]


def test_shipped_schema_is_what_the_models_generate() -> None:
    # If this fails, run: python -c "from mvi_rules.rendering.systems import *;
    # SCHEMA_PATH.write_text(schema_text())" and raise SCHEMA_VERSION if a field changed meaning.
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text()
    assert result_schema()["$id"].endswith(SCHEMA_VERSION)


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_systems_json_validates_against_the_shipped_schema(
    catalogue: Catalogue, path: Path
) -> None:
    result = evaluate(load_profile(path), catalogue)
    data = json.loads(render_systems_json(result, catalogue))
    jsonschema.Draft202012Validator(result_schema()).validate(data)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["languages"] == ["nl", "en"]
    assert [c["id"] for c in data["selected"]] == result.selected_ids()


def test_a_schema_violation_is_caught() -> None:
    # The validation above can fail: a document without its texts does not validate.
    validator = jsonschema.Draft202012Validator(result_schema())
    assert not validator.is_valid({"schema_version": SCHEMA_VERSION})


def test_clause_texts_are_the_annex_texts(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    data = json.loads(render_systems_json(result, catalogue))
    annex = docx_text(render_docx(result, catalogue, lang="nl"))
    for clause in data["selected"]:
        nl = clause["texts"]["nl"]
        assert nl["title"] == clause["title"]["nl"]
        assert nl["blocks"], clause["id"]
        for block in nl["blocks"]:
            assert block["text"] in annex
            prefix = "- " if block["kind"] == "bullet" else ""
            assert prefix + block["text"] in nl["text"].split("\n\n")
        assert clause["texts"]["en"]["title"] == clause["title"]["en"]
    bullets = [b for c in data["selected"] for b in c["texts"]["nl"]["blocks"]]
    assert {"paragraph", "bullet"} <= {b["kind"] for b in bullets}


def test_proof_and_legal_basis_are_stated_per_language(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    data = json.loads(render_systems_json(result, catalogue))
    with_labels = [c for c in data["selected"] if c["proof"]["labels"]]
    assert with_labels
    clause = with_labels[0]
    assert clause["texts"]["nl"]["proof"][0].endswith("of gelijkwaardig")
    assert clause["texts"]["en"]["proof"][0].endswith("or equivalent")
    assert all(c["texts"]["nl"]["legal_basis"] for c in data["selected"] if c["legal_basis"])


def test_belgian_clause_texts_use_belgian_terms(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(REPO / "tests/profiles/be-federal-options.yaml"), catalogue)
    data = json.loads(render_systems_json(result, catalogue, ["nl"]))
    annex = docx_text(render_docx(result, catalogue, lang="nl"))
    blocks = [b["text"] for c in data["selected"] for b in c["texts"]["nl"]["blocks"]]
    assert all(text in annex for text in blocks)
    assert "aanbestedende overheid" in " ".join(blocks)
    assert data["languages"] == ["nl"]
    assert all(list(c["texts"]) == ["nl"] for c in data["selected"])


def test_weighting_and_options_tables_are_the_results_data(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(REPO / "tests/profiles/be-federal-options.yaml"), catalogue)
    data = json.loads(render_systems_json(result, catalogue))
    plain = json.loads(render_json(result))
    assert data["weighting"] == plain["weighting"]
    assert data["value"] == plain["value"]
    assert data["value"]["lines"], "this profile has options"
    for table in data["weighting"]:
        assert round(sum(row["weight_percent"] for row in table["rows"]), 6) == 100


def test_systems_json_is_stable_and_extends_render_json(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    text = render_systems_json(result, catalogue)
    assert text == render_systems_json(result, catalogue)
    full, plain = json.loads(text), json.loads(render_json(result))
    for key, value in plain.items():
        if key != "selected":
            assert full[key] == value, key
    for mine, theirs in zip(full["selected"], plain["selected"], strict=True):
        assert {k: v for k, v in mine.items() if k != "texts"} == theirs


def test_unknown_language_is_a_clear_error(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    with pytest.raises(MviRulesError, match=r"'fr'.*nl, en"):
        render_systems_json(result, catalogue, ["fr"])


def test_write_systems_json_refuses_overwrite(catalogue: Catalogue, tmp_path: Path) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    target = tmp_path / "full.json"
    write_systems_json(result, catalogue, target)
    with pytest.raises(OutputExistsError):
        write_systems_json(result, catalogue, target)
    assert json.loads(target.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION


def test_top_level_api_exports_systems_json_and_change_checker() -> None:
    for name in (
        "render_systems_json",
        "write_systems_json",
        "result_schema",
        "check_change",
        "load_ledger",
    ):
        assert name in mvi_rules.__all__
        assert callable(getattr(mvi_rules, name))
    assert mvi_rules.SCHEMA_VERSION == SCHEMA_VERSION
