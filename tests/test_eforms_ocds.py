"""eForms field values and the OCDS sustainability fragment, checked against their code lists."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from mvi_rules import Catalogue, EvaluationResult, check_change, evaluate, load_ledger, load_profile
from mvi_rules.catalogue.model import CriterionType
from mvi_rules.errors import OutputExistsError
from mvi_rules.profile.model import Procedure, Theme
from mvi_rules.rendering.eforms import eforms_fields, write_eforms
from mvi_rules.rendering.eforms_codes import FIELD_CODES, LANGUAGE_ID
from mvi_rules.rendering.ocds import ocds_release, write_ocds
from mvi_rules.rendering.ocds_codes import SUSTAINABILITY_GOAL, SUSTAINABILITY_STRATEGY

from .conftest import EXAMPLES, REPO

PROFILES = sorted(EXAMPLES.glob("*.yaml")) + sorted((REPO / "tests" / "profiles").glob("*.yaml"))

#: The sustainability extension's release schema as constraints (ocds_sustainability_extension,
#: commit b8d93a0): written out here from its field list, with the goal and strategy codes
#: restricted to the codes of its codelists that mvi-rules uses.
_SUSTAINABILITY = {
    "type": "object",
    "properties": {
        "description": {"type": ["string", "null"], "minLength": 1},
        "goal": {"type": ["string", "null"], "minLength": 1, "enum": sorted(SUSTAINABILITY_GOAL)},
        "strategies": {
            "type": ["array", "null"],
            "items": {"type": "string", "enum": sorted(SUSTAINABILITY_STRATEGY)},
            "uniqueItems": True,
            "minItems": 1,
        },
    },
    "additionalProperties": False,
    "minProperties": 1,
}
_PART = {
    "hasSustainability": {"type": ["boolean", "null"]},
    "sustainability": {
        "type": "array",
        "items": _SUSTAINABILITY,
        "uniqueItems": True,
        "minItems": 1,
    },
}
OCDS_SCHEMA = {
    "type": "object",
    "required": ["tender"],
    "additionalProperties": False,
    "properties": {
        "tender": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                **_PART,
                "lots": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id"],
                        "additionalProperties": False,
                        "properties": {
                            "id": {"type": "string", "minLength": 1},
                            "title": {"type": "string"},
                            **_PART,
                        },
                    },
                },
            },
        }
    },
}


def _result(catalogue: Catalogue, path: Path) -> EvaluationResult:
    return evaluate(load_profile(path), catalogue)


def _codes(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Every (field id, code) pair in an eForms output."""
    pairs = []
    for lot in data["lots"]:
        for field in ("BT-06-Lot", "BT-774-Lot", "BT-775-Lot", "BT-776-Lot", "BT-805-Lot"):
            pairs.extend((field, item["code"]) for item in lot[field])
        for award in lot["award_criteria"]:
            pairs.append(("BT-539-Lot", award["BT-539-Lot"]))
            pairs.append(("BT-5421-Lot", award["BT-5421-Lot"]))
    return pairs


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_every_eforms_code_is_in_the_official_code_list(catalogue: Catalogue, path: Path) -> None:
    result = _result(catalogue, path)
    data = eforms_fields(result, catalogue)
    pairs = _codes(data)
    assert pairs
    for field, code in pairs:
        assert code in FIELD_CODES[field], (field, code)
    for lot in data["lots"]:
        assert set(lot["BT-777-Lot"]) == {"NLD", "ENG"}
        for award in lot["award_criteria"]:
            assert set(award["BT-734-Lot"]) == set(award["BT-540-Lot"]) == {"NLD", "ENG"}


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_ocds_fragment_validates_against_the_extension_schema(
    catalogue: Catalogue, path: Path
) -> None:
    data = ocds_release(_result(catalogue, path))
    jsonschema.Draft202012Validator(OCDS_SCHEMA).validate(data)
    assert data["tender"]["hasSustainability"] is True


def test_the_ocds_schema_check_can_fail() -> None:
    validator = jsonschema.Draft202012Validator(OCDS_SCHEMA)
    bad = {"tender": {"sustainability": [{"goal": "environmental.unknown"}]}}
    assert not validator.is_valid(bad)
    assert not validator.is_valid({"tender": {"sustainability": []}})


def test_eforms_codes_are_justified_by_the_lots_criteria(catalogue: Catalogue) -> None:
    result = _result(catalogue, EXAMPLES / "gemeente-laptops.yaml")
    data = eforms_fields(result, catalogue)
    by_id = {c.id: c for c in result.selected}
    for lot in data["lots"]:
        codes = {item["code"]: item["criteria"] for item in lot["BT-06-Lot"]}
        assert "env-imp" in codes
        for ids in codes.values():
            assert all(lot["lot_id"] in by_id[i].lots for i in ids)
        for item in lot["BT-774-Lot"]:
            theme = {"clim-mitig": Theme.CLIMATE, "circ-econ": Theme.CIRCULARITY}.get(
                item["code"], Theme.ENVIRONMENT
            )
            assert item["criteria"] and all(theme in by_id[i].themes for i in item["criteria"])
        assert all(by_id[i].type is not CriterionType.OPTION for i in codes["env-imp"])


def test_social_criteria_give_social_procurement(catalogue: Catalogue) -> None:
    result = _result(catalogue, EXAMPLES / "ministerie-werkplek.yaml")
    social = [c.id for c in result.selected if Theme.SOCIAL in c.themes]
    assert social
    lot = eforms_fields(result, catalogue)["lots"][0]
    assert "soc-obj" in {item["code"] for item in lot["BT-06-Lot"]}
    assert {item["code"] for item in lot["BT-775-Lot"]} == {"hum-right", "work-cond"}


def test_eu_gpp_based_criteria_are_marked_eu(catalogue: Catalogue) -> None:
    result = _result(catalogue, EXAMPLES / "gemeente-laptops.yaml")
    eu = {
        c.id
        for c in result.selected
        if any((s.key or "").startswith("eu_gpp_") for s in c.sources)
        and c.type is not CriterionType.OPTION
    }
    assert eu
    lot = eforms_fields(result, catalogue)["lots"][0]
    marked = {i for item in lot["BT-805-Lot"] if item["code"] == "eu" for i in item["criteria"]}
    assert eu == marked
    tender = ocds_release(result)["tender"]
    circular = next(
        s for s in tender["sustainability"] if s["goal"] == "environmental.circularEconomy"
    )
    assert "euGPPCriteria" in circular["strategies"]


def test_award_criteria_are_the_weighting_table(catalogue: Catalogue) -> None:
    result = _result(catalogue, REPO / "tests" / "profiles" / "be-federal-options.yaml")
    data = eforms_fields(result, catalogue)
    tables = {t.lot_id: t for t in result.weighting}
    for lot in data["lots"]:
        awards = lot["award_criteria"]
        assert [a["criterion_id"] for a in awards] == [
            r.criterion_id for r in tables[lot["lot_id"]].rows
        ]
        assert round(sum(a["BT-541-Lot-WeightNumber"] for a in awards), 6) == 100
        assert awards[0]["BT-539-Lot"] in ("price", "cost")
        assert {a["BT-539-Lot"] for a in awards[1:]} <= {"quality"}


def test_nothing_selected_is_no_strategic_procurement(catalogue: Catalogue) -> None:
    result = _result(catalogue, EXAMPLES / "gemeente-laptops.yaml")
    empty = result.model_copy(update={"selected": []})
    lot = eforms_fields(empty, catalogue)["lots"][0]
    assert [item["code"] for item in lot["BT-06-Lot"]] == ["none"]
    assert [item["code"] for item in lot["BT-805-Lot"]] == ["none"]
    assert lot["BT-774-Lot"] == lot["BT-775-Lot"] == []
    assert lot["BT-777-Lot"][LANGUAGE_ID["nl"]].startswith("Geen criteria")
    tender = ocds_release(empty)["tender"]
    assert tender["hasSustainability"] is False and "sustainability" not in tender
    jsonschema.Draft202012Validator(OCDS_SCHEMA).validate(ocds_release(empty))


def test_innovation_partnership_is_innovative_purchase(catalogue: Catalogue) -> None:
    profile = load_profile(EXAMPLES / "gemeente-laptops.yaml")
    procurement = profile.procurement.model_copy(
        update={"procedure": Procedure.INNOVATION_PARTNERSHIP}
    )
    result = evaluate(profile.model_copy(update={"procurement": procurement}), catalogue)
    lot = eforms_fields(result, catalogue)["lots"][0]
    assert "inn-pur" in {item["code"] for item in lot["BT-06-Lot"]}
    assert [item["code"] for item in lot["BT-776-Lot"]] == ["rd-act"]
    goals = {s["goal"] for s in ocds_release(result)["tender"]["sustainability"]}
    assert "economic.innovativePurchase" in goals


def test_writers_refuse_to_overwrite(catalogue: Catalogue, tmp_path: Path) -> None:
    result = _result(catalogue, EXAMPLES / "gemeente-laptops.yaml")
    for write, name in (
        (lambda p: write_eforms(result, catalogue, p), "e.json"),
        (lambda p: write_ocds(result, p), "o.json"),
    ):
        target = tmp_path / name
        write(target)
        assert json.loads(target.read_text(encoding="utf-8"))
        with pytest.raises(OutputExistsError):
            write(target)


@pytest.mark.parametrize(
    "path", sorted((EXAMPLES / "ledgers").glob("*.yaml")), ids=lambda p: p.stem
)
def test_change_checker_notice_codes_are_in_the_official_code_lists(path: Path) -> None:
    data = json.loads(check_change(load_ledger(path)).to_json())
    notices = [d["notice"] for d in data["drawers"] if d["notice"] is not None]
    assert notices
    for notice in notices:
        assert notice["bt200_code"] in FIELD_CODES["BT-200-Contract"]
        assert str(notice["eforms_notice_subtype"]) in FIELD_CODES["OPP-070-notice"]
        assert notice["text"]
