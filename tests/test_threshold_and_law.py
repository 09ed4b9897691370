"""The value for the threshold test, the law each document cites, and award weights that add up.

Each profile under ``tests/profiles`` crosses (or stays under) the EU threshold in its own way;
the expected value is computed by hand in the test, from the percentages in the catalogue:
options at ambition 1 for laptops are 20 % (additional quantities) + 10 % (lifetime services)
+ 5 % (upgrades) + 5 % (take-back); at ambition 2 also 5 % (replacement) + 5 % (value
engineering), and the bonus cap of 2 % per contract year.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mvi_rules import (
    Catalogue,
    EvaluationResult,
    evaluate,
    load_profile,
    parse_profile,
    render_docx,
)
from mvi_rules.catalogue.model import CriterionType
from mvi_rules.rendering.law import legal_basis

from .conftest import EXAMPLES, comprehensive
from .test_rendering_fixtures import all_text, open_docx

PROFILES = Path(__file__).parent / "profiles"
ALL = sorted(EXAMPLES.glob("*.yaml")) + sorted(PROFILES.glob("*.yaml"))

#: Statute references that belong in a Dutch document only.
DUTCH_LAW = re.compile(
    r"Aanbestedingswet|Aanbestedingsbesluit|Gids Proportionaliteit|\bAw\b|art\. 2\.\d"
)


def _result(path: Path, catalogue: Catalogue) -> EvaluationResult:
    return evaluate(load_profile(path), catalogue, backend="plain")


@pytest.mark.parametrize(
    ("name", "total", "threshold", "above", "differ"),
    [
        # 180,000 x (1 + 0.40 options) = 252,000 >= 216,000 (sub-central), stated value below.
        ("nl-options-push-over", 252_000.00, 216_000, True, True),
        # 120,000 for 2 years; 1 extension year = 50 %; options 40 %: 120,000 x 1.9 = 228,000,
        # at or above the State's 140,000.
        ("nl-state-extensions", 228_000.00, 140_000, True, True),
        # Everything included: the total is the stated 200,000, below 216,000.
        ("nl-university-all-included", 200_000.00, 216_000, False, False),
        # 130,000 x (1 + 0.50 options + 0.02 bonus) = 197,600 >= 140,000 (federal).
        ("be-federal-options", 197_600.00, 140_000, True, True),
        # Everything included: 100,000 < 216,000 (non-federal).
        ("be-non-federal-long-term", 100_000.00, 216_000, False, False),
        # Everything included: 12,000, far below.
        ("nl-school-small", 12_000.00, 216_000, False, False),
    ],
)
def test_the_threshold_verdict_equals_the_hand_computation(
    catalogue: Catalogue, name: str, total: float, threshold: float, above: bool, differ: bool
) -> None:
    # The hand computations count every option the profile's lots can have.
    result = evaluate(comprehensive(PROFILES / f"{name}.yaml"), catalogue, backend="plain")
    assert result.value.total_eur == total
    assert result.value.threshold_eur == threshold
    assert result.value.above is above
    assert result.value.readings_differ is differ
    codes = [n.code for n in result.notices]
    assert ("value-threshold-crossing" in codes) is differ
    text = all_text(render_docx(result, catalogue))
    assert ("Beslissing nodig:" in text) is differ


def test_counting_the_extensions_in_the_stated_value_changes_the_initial_value(
    catalogue: Catalogue,
) -> None:
    data = load_profile(PROFILES / "nl-state-extensions.yaml").model_dump(mode="json")
    data["procurement"]["estimated_value_includes"] = ["extensions"]
    data["procurement"]["criteria_set"] = "comprehensive"  # every option, as computed below
    value = evaluate(parse_profile(data), catalogue, backend="plain").value
    # 120,000 covers 2 + 1 years: the initial 2 years are 80,000; with the extension (40,000)
    # and the options (40 % of 80,000 = 32,000) the total is 152,000, still above 140,000.
    assert value.initial_eur == 80_000.00
    assert value.total_eur == 152_000.00
    assert value.above and value.readings_differ


def test_a_national_procedure_above_the_threshold_is_a_decision(catalogue: Catalogue) -> None:
    result = _result(PROFILES / "nl-options-push-over.yaml", catalogue)
    assert "procedure-below-threshold-only" in [n.code for n in result.notices]
    text = all_text(render_docx(result, catalogue))
    assert "de gekozen procedure (nationale openbare procedure) is alleen toegestaan" in text
    assert "Een Europese aanbestedingsprocedure is verplicht" in text


def test_the_state_above_the_threshold_gets_mandatory_isv_and_says_why(
    catalogue: Catalogue,
) -> None:
    result = _result(PROFILES / "nl-state-extensions.yaml", catalogue)
    assert "MVI-SOC-001" in result.selected_ids()
    text = all_text(render_docx(result, catalogue))
    assert (
        "Verplicht voor perceel 1 (Laptops): het Rijk koopt op of boven de Europese drempel" in text
    )


def _state_with(catalogue: Catalogue, group: str) -> tuple[EvaluationResult, str]:
    """The State profile above the threshold with a second lot of ``group``."""
    data = load_profile(PROFILES / "nl-state-extensions.yaml").model_dump(mode="json")
    data["lots"].append(
        {"id": "2", "name": "Tweede perceel", "product_group": group, "quantity": 10}
    )
    result = evaluate(parse_profile(data), catalogue, backend="plain")
    return result, all_text(render_docx(result, catalogue))


@pytest.mark.parametrize(
    ("group", "mandatory"), [("network_equipment", ["1", "2"]), ("cloud_service", ["1"])]
)
def test_an_unconfirmed_isv_category_is_said_to_be_a_choice(
    catalogue: Catalogue, group: str, mandatory: list[str]
) -> None:
    # Network equipment under "Datacenters" and cloud services in no category are choices of
    # the catalogue that the ISV model texts do not confirm (rulesets/isv.yaml).
    result, text = _state_with(catalogue, group)
    assert result.isv.mandatory_lots == mandatory
    assert result.isv.unconfirmed_lots == ["2"]
    assert (
        "Voor perceel 2 (Tweede perceel) is de indeling in een ISV-risicocategorie (of in geen)"
        " een keuze van deze catalogus die de bestekteksten ISV niet bevestigen" in text
    )


def test_network_equipment_of_the_state_is_in_the_data_centre_category(
    catalogue: Catalogue,
) -> None:
    # Connectiviteit is data connections bought as a service; the State's Datacenters tender
    # covered network technology (rulesets/isv.yaml).
    result, text = _state_with(catalogue, "network_equipment")
    assert result.isv.categories["2"].nl == "Datacenters"
    assert "Connectiviteit" not in text
    assert (
        "het Rijk koopt op of boven de Europese drempel in de ISV-risicocategorieën"
        " ‘Datacenters’ en ‘ICT werkomgeving Rijk’." in text
    )
    assert catalogue.isv.categories["connectivity"].product_groups == []


def test_a_confirmed_isv_category_carries_no_such_remark(catalogue: Catalogue) -> None:
    result, text = _state_with(catalogue, "monitor")
    assert result.isv.unconfirmed_lots == []
    assert "bestekteksten ISV niet bevestigen" not in text


def test_the_belgian_term_over_four_years_is_flagged(catalogue: Catalogue) -> None:
    result = _result(PROFILES / "be-non-federal-long-term.yaml", catalogue)
    text = all_text(render_docx(result, catalogue))
    assert "volgens art. 57 van de Wet van 17 juni 2016 blijft die in de regel beperkt" in text


def test_a_dutch_framework_over_four_years_needs_a_reason(catalogue: Catalogue) -> None:
    data = load_profile(EXAMPLES / "gemeente-laptops.yaml").model_dump(mode="json")
    data["procurement"]["framework_agreement"] = True
    result = evaluate(parse_profile(data), catalogue, backend="plain")
    text = all_text(render_docx(result, catalogue))
    assert "art. 2.140 lid 3 Aanbestedingswet 2012" in text


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_a_belgian_document_cites_no_dutch_law(catalogue: Catalogue, path: Path) -> None:
    result = _result(path, catalogue)
    if result.profile.buyer.jurisdiction.value != "BE":
        pytest.skip("a Dutch profile")
    for lang in ("nl", "en"):
        text = all_text(render_docx(result, catalogue, lang=lang))
        found = sorted({m.group(0) for m in DUTCH_LAW.finditer(text)})
        assert not found, (lang, found)
        if lang == "nl":
            assert not re.search(r"\bopdrachtgever|\baanbesteding\b", text, re.IGNORECASE)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_below_the_threshold_no_part_2_article_is_binding(catalogue: Catalogue, path: Path) -> None:
    result = _result(path, catalogue)
    if result.profile.buyer.jurisdiction.value != "NL" or result.value.above:
        pytest.skip("not a Dutch purchase below the threshold")
    document = open_docx(render_docx(result, catalogue))
    # The basis every clause shares, and that Part 2 applies by analogy only, are stated once
    # above the trace table; its rows name the Part 2 articles without repeating it.
    shared = next(
        p.text for p in document.paragraphs if p.text.startswith("Onder de Europese drempel rust")
    )
    assert "Aanbestedingswet 2012, art. 1.4" in shared
    assert "de artikelen uit Deel 2 in de tabel gelden naar analogie" in shared
    trace = document.tables[-1]
    part2 = [row.cells[-1].text for row in trace.rows[1:] if "art. 2." in row.cells[-1].text]
    assert part2 and not any("naar analogie" in cell for cell in part2)
    # In the clauses' own legal basis every Part 2 article still carries it.
    for criterion in result.selected:
        for line in legal_basis(result, list(criterion.legal_basis), "nl"):
            if re.match(r"Aanbestedingswet 2012, art\. 2\.", line):
                assert line.endswith("(naar analogie, onder de drempel)"), line
    text = all_text(render_docx(result, catalogue))
    assert "Deel 1 (onder de Europese drempel; Deel 2 naar analogie)" in text
    assert "Nota van Inlichtingen" not in text


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_every_weighting_adds_up_to_100_with_price_separate(
    catalogue: Catalogue, path: Path
) -> None:
    result = _result(path, catalogue)
    award = result.profile.procurement.award
    for table in result.weighting:
        assert table.total == 100
        assert table.rows[0].role == "price"
        assert table.rows[0].weight_percent == award.effective_price_weight_percent
        ids = [row.criterion_id for row in table.rows if row.role == "sustainability"]
        assert len(ids) == len(set(ids))
    for lang in ("nl", "en"):
        document = open_docx(render_docx(result, catalogue, lang=lang))
        weight = "Gewicht" if lang == "nl" else "Weight"
        tables = [t for t in document.tables if t.rows[0].cells[-1].text == weight]
        assert len(tables) == len([t for t in result.weighting if len(t.rows) > 2]) or tables
        for table in tables:
            assert table.rows[-1].cells[-1].text in ("100 %", "100%")


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_no_lot_has_two_criteria_rewarding_the_same_aspect(
    catalogue: Catalogue, path: Path
) -> None:
    result = _result(path, catalogue)
    aspects = catalogue.aspects
    for lot in result.profile.lots:
        awards = [c for c in result.selected if c.type is CriterionType.AWARD and lot.id in c.lots]
        for i, a in enumerate(awards):
            related = set().union(*(aspects.related(k) for k in a.rewards))
            for b in awards[i + 1 :]:
                assert not related & set(b.rewards), (lot.id, a.id, b.id)


def test_a_lowest_cost_award_keeps_only_the_price_criterion(catalogue: Catalogue) -> None:
    data = load_profile(EXAMPLES / "gemeente-laptops.yaml").model_dump(mode="json")
    data["procurement"]["award"] = {"method": "lowest_cost"}
    data["procurement"]["criteria_set"] = "comprehensive"  # life-cycle cost is not in core
    result = evaluate(parse_profile(data), catalogue, backend="plain")
    awards = [c.id for c in result.selected if c.type is CriterionType.AWARD]
    assert awards == ["MVI-LCC-001"]
    assert [(r.role, r.weight_percent) for r in result.weighting[0].rows] == [("price", 100.0)]


def test_the_buyer_sets_the_award_weights(catalogue: Catalogue) -> None:
    data = load_profile(EXAMPLES / "gemeente-laptops.yaml").model_dump(mode="json")
    data["procurement"]["award"] = {"price_weight_percent": 40, "own_quality_share_percent": 25}
    result = evaluate(parse_profile(data), catalogue, backend="plain")
    table = result.weighting[0]
    # Price 40; quality 60, of which 25 % (15) own and 45 for sustainability.
    assert [r.weight_percent for r in table.rows[:2]] == [40, 15]
    assert sum(r.weight_percent for r in table.rows[2:]) == 45
