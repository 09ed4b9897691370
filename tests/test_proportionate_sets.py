"""Core and comprehensive sets: a selection proportionate to the purchase (issue 8, part 1).

In the default (core) set every device lot of every example and test profile gets at most 15
criteria (options not counted) and at most 5 options; a small purchase below the threshold
gets at most 10 items in all and no selection criteria, KPI regime, evaluation moments or
options. The comprehensive set makes everything that applies available, and what the core set
leaves out is listed in the result and in the annex's "Niet opgenomen criteria" table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mvi_rules import (
    Catalogue,
    CriterionType,
    EvaluationResult,
    evaluate,
    load_profile,
    parse_profile,
    render_docx,
)
from mvi_rules.conditions import lot_facts, parse_condition, trace
from mvi_rules.profile import CriteriaSet, ProductGroup
from mvi_rules.selection.select import OUTSIDE_SET, SCALED_OUT

from .conftest import EXAMPLES, comprehensive
from .test_rendering_fixtures import all_text, open_docx

PROFILES = Path(__file__).parent / "profiles"
ALL = sorted(EXAMPLES.glob("*.yaml")) + sorted(PROFILES.glob("*.yaml"))

#: Criteria per device lot (options not counted) and options per lot in the core set.
MAX_CRITERIA, MAX_OPTIONS = 15, 5
#: Items in all (options included) for a small purchase below the threshold.
MAX_SMALL = 10

#: Contract-management criteria a small purchase should not carry: the KPI regime (with its
#: bonus/malus and the data-centre KPIs) and the evaluation moments.
KPI_AND_EVALUATION = {"MVI-CMG-001", "MVI-CMG-002", "MVI-CMG-004", "MVI-DCC-017"}


def _core(path: Path, catalogue: Catalogue) -> EvaluationResult:
    profile = load_profile(path)
    assert profile.procurement.criteria_set is CriteriaSet.CORE  # the default, not set
    return evaluate(profile, catalogue, backend="plain")


def _pairs(result: EvaluationResult) -> set[tuple[str, str]]:
    return {(c.id, lot) for c in result.selected for lot in c.lots}


def _is_device_lot(group: ProductGroup) -> bool:
    return group.is_device or group is ProductGroup.WERKPLEK


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_core_counts_per_lot_are_within_the_targets(path: Path, catalogue: Catalogue) -> None:
    result = _core(path, catalogue)
    for lot in result.profile.lots:
        here = [c for c in result.selected if lot.id in c.lots]
        options = [c.id for c in here if c.type is CriterionType.OPTION]
        criteria = [c.id for c in here if c.type is not CriterionType.OPTION]
        assert len(options) <= MAX_OPTIONS, (lot.id, options)
        if _is_device_lot(lot.product_group):
            assert len(criteria) <= MAX_CRITERIA, (lot.id, criteria)


def test_the_small_school_purchase_gets_a_handful_of_items(catalogue: Catalogue) -> None:
    result = _core(PROFILES / "nl-school-small.yaml", catalogue)
    assert result.value.above is False
    ids = result.selected_ids()
    assert len(ids) <= MAX_SMALL, ids
    types = {c.type for c in result.selected}
    assert CriterionType.SELECTION not in types
    assert CriterionType.OPTION not in types
    assert not KPI_AND_EVALUATION & set(ids)
    # What it keeps are the key impacts of a laptop.
    assert {"MVI-LIF-003", "MVI-LIF-005", "MVI-REP-001", "MVI-REP-004", "MVI-CIR-001"} <= set(ids)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_comprehensive_makes_everything_available(path: Path, catalogue: Catalogue) -> None:
    core = _core(path, catalogue)
    full = evaluate(comprehensive(path), catalogue, backend="plain")
    assert full.profile.procurement.criteria_set is CriteriaSet.COMPREHENSIVE
    # Every core choice is available in the comprehensive set: selected, or left out there
    # for a stated reason (an overlap with a criterion only the comprehensive set has, such as
    # extended warranty next to life-cycle cost).
    available = _pairs(full) | {
        (row.criterion_id, lot) for row in full.left_out for lot in row.lot_ids
    }
    assert _pairs(core) <= available, sorted(_pairs(core) - available)
    assert len(_pairs(full)) > len(_pairs(core))
    assert set(core.selected_ids()) < set(full.selected_ids()) | {
        row.criterion_id for row in full.left_out
    }
    # The comprehensive set leaves nothing out because of the set.
    assert not [row for row in full.left_out if row.reason in (OUTSIDE_SET, SCALED_OUT)]


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_every_criterion_the_set_leaves_out_is_listed_once(
    path: Path, catalogue: Catalogue
) -> None:
    result = _core(path, catalogue)
    expected = {
        outcome.id: [d.lot_id for d in outcome.decisions if d.reason.holds]
        for outcome in result.not_selected
        if catalogue.get(outcome.id).criterion.set is CriteriaSet.COMPREHENSIVE
        and any(d.reason.holds for d in outcome.decisions)
    }
    rows = {row.criterion_id: row.lot_ids for row in result.left_out if row.reason == OUTSIDE_SET}
    assert rows == expected
    # One row per criterion: the lots are listed in it.
    ids = [row.criterion_id for row in result.left_out if row.reason == OUTSIDE_SET]
    assert len(ids) == len(set(ids))
    # No core criterion is ever left out for the set.
    assert all(catalogue.get(i).criterion.set is CriteriaSet.COMPREHENSIVE for i in ids)


def test_the_annex_lists_what_the_set_left_out(catalogue: Catalogue) -> None:
    result = _core(EXAMPLES / "gemeente-laptops.yaml", catalogue)
    document = open_docx(render_docx(result, catalogue))
    (table,) = [t for t in document.tables if t.rows[0].cells[-1].text == "Reden"]
    rows = {row.cells[0].text: (row.cells[1].text, row.cells[2].text) for row in table.rows[1:]}
    lots, reason = rows[
        "MVI-CMG-001 Prestatie-indicatoren (KPI's) voor de duurzaamheidsverplichtingen"
    ]
    assert lots == "1, 2"
    assert reason == "Hoort alleen bij de uitgebreide set"
    # How to add it back is said once, above the table.
    text = "\n".join(p.text for p in document.paragraphs)
    assert text.count("kies dan in het inkoopprofiel de uitgebreide set") == 1
    lots, _ = rows["MVI-LCC-001 Levenscycluskosten (LCC) als prijscriterium"]
    assert lots == "1, 2"
    # The front table states the choice.
    facts = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert facts["Omvang van de selectie"].startswith("kernset: de criteria voor de belangrijkste")


def test_the_small_purchase_annex_says_what_was_scaled_down(catalogue: Catalogue) -> None:
    result = _core(PROFILES / "nl-school-small.yaml", catalogue)
    scaled = {row.criterion_id: row.lot_ids for row in result.left_out if row.reason == SCALED_OUT}
    # The option for more (private quotation) and the REACH declaration (below the threshold).
    assert scaled == {"MVI-OPT-001": ["1"], "MVI-HAZ-002": ["1"]}
    document = open_docx(render_docx(result, catalogue))
    (table,) = [t for t in document.tables if t.rows[0].cells[-1].text == "Reden"]
    texts = {row.cells[0].text: row.cells[2].text for row in table.rows[1:]}
    reason = texts["MVI-OPT-001 Optie op aanvullende aantallen"]
    assert reason == "Hoort in de kernset alleen bij een grotere opdracht"
    assert "MVI-CMG-002 Evaluatiemomenten tijdens de looptijd" in texts


def test_the_core_award_weights_still_add_up(catalogue: Catalogue) -> None:
    result = _core(EXAMPLES / "gemeente-laptops.yaml", catalogue)
    awards = {c.id for c in result.selected if c.type is CriterionType.AWARD}
    assert awards == {"MVI-CIR-007", "MVI-LIF-006"}  # no life-cycle cost in the core set
    for table in result.weighting:
        assert sum(row.weight_percent for row in table.rows) == 100
        assert table.rows[0].role == "price"


def _school(**procurement: object) -> dict[str, object]:
    data = load_profile(PROFILES / "nl-school-small.yaml").model_dump(mode="json")
    data["procurement"].update(procurement)
    return data


def test_an_advertised_small_purchase_keeps_the_option_for_more(catalogue: Catalogue) -> None:
    # Scaling follows the procedure for options (their own value cannot decide them).
    ids = evaluate(parse_profile(_school(procedure="national_open")), catalogue).selected_ids()
    assert "MVI-OPT-001" in ids and "MVI-HAZ-002" not in ids
    ids = evaluate(parse_profile(_school(procedure=None)), catalogue).selected_ids()
    assert "MVI-OPT-001" in ids  # a procedure not yet chosen does not count as small


def test_the_profile_default_is_core_and_the_choice_is_validated() -> None:
    assert parse_profile(_school()).procurement.criteria_set is CriteriaSet.CORE
    with pytest.raises(Exception, match="criteria_set"):
        parse_profile(_school(criteria_set="everything"))


def test_a_lot_without_its_own_value_fails_every_value_test(catalogue: Catalogue) -> None:
    profile = load_profile(EXAMPLES / "gemeente-laptops.yaml")  # lots with their own value
    small = parse_profile(_school())  # no value per lot
    at_least = parse_condition("lot.estimated_value_eur is at least 500000")
    unset = parse_condition("lot.estimated_value_eur is not set")
    laptops, monitors = (lot_facts(profile, lot, 216_000.0) for lot in profile.lots)
    assert trace(at_least, laptops).holds and not trace(at_least, monitors).holds
    (chromebooks,) = (lot_facts(small, lot, 216_000.0) for lot in small.lots)
    assert not trace(at_least, chromebooks).holds and trace(unset, chromebooks).holds
    assert laptops["procurement.criteria_set"] == "core"


def test_every_lot_has_a_weighting_that_adds_up(catalogue: Catalogue) -> None:
    # Each lot is awarded alone: lots 3 and 4 of the hogeschool example have no sustainability
    # award criterion, and still get a table whose weights add up to 100 %.
    result = evaluate(load_profile(EXAMPLES / "hogeschool-infra.yaml"), catalogue)
    doc = open_docx(render_docx(result, catalogue, "nl"))
    totals = [
        t
        for t in doc.tables
        if t.rows[0].cells[0].text == "Criterium" and t.rows[0].cells[1].text == "Gewicht"
    ]
    assert len(totals) == len(result.profile.lots) == 4
    for table in totals:
        assert table.rows[-1].cells[1].text == "100 %"
    text = all_text(render_docx(result, catalogue, "nl"))
    assert (
        "Voor perceel 3 (Multifunctionals), perceel 4 (Cloudwerkplekdiensten (SaaS)) is geen"
        " duurzaamheidscriterium voor de gunning geselecteerd" in text
    )


def test_a_service_lot_is_not_asked_about_refurbished_devices(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "hogeschool-infra.yaml"), catalogue)
    doc = open_docx(render_docx(result, catalogue, "nl"))
    lots = next(t for t in doc.tables if t.rows[0].cells[0].text == "Perceel")
    by_lot = {row.cells[0].text: row.cells[4].text for row in lots.rows[1:]}
    assert by_lot["4"] == "n.v.t. (dienst)"
    assert by_lot["1"] != "n.v.t. (dienst)"
