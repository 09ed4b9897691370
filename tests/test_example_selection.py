"""What the shipped example profiles get, as a buyer would check it: must and must not."""

from __future__ import annotations

import pytest

from mvi_rules import Catalogue, EvaluationResult, evaluate, load_profile

from .conftest import EXAMPLES, comprehensive


def run(name: str, catalogue: Catalogue) -> EvaluationResult:
    # Everything that applies: the core set is tested in test_proportionate_sets.py.
    return evaluate(comprehensive(EXAMPLES / name), catalogue)


def lots_of(result: EvaluationResult, criterion_id: str) -> list[str]:
    outcome = result.outcome(criterion_id)
    assert outcome is not None, f"{criterion_id} is not in the catalogue"
    return outcome.lots


def test_municipality_laptops_and_monitors(catalogue: Catalogue) -> None:
    result = run("gemeente-laptops.yaml", catalogue)
    # Lot 1 laptops, lot 2 monitors; ambition 2, circularity 3; ISV by policy.
    assert lots_of(result, "MVI-LIF-001") == ["1", "2"]  # six-year lifetime for both
    assert lots_of(result, "MVI-LAB-001") == ["1", "2"]  # labels as proof
    assert lots_of(result, "MVI-REP-003") == ["1"]  # replaceable battery: laptops, not monitors
    assert lots_of(result, "MVI-REP-004") == ["1"]
    assert lots_of(result, "MVI-LIF-003") == ["1"]  # security updates: computers only
    assert lots_of(result, "MVI-CIR-001") == ["1"]  # data wiping: monitors hold no data
    assert lots_of(result, "MVI-CIR-004") == ["1", "2"]  # circularity 3 brings level-3 award
    assert lots_of(result, "MVI-SOC-009") == ["1", "2"]  # voluntary ISV: the buyer's policy
    assert lots_of(result, "MVI-SOC-001") == []  # mandatory ISV is for the State only
    assert lots_of(result, "MVI-LCC-001") == ["1", "2"]
    # Not: refurbished route (refurbished only accepted), Electronics Watch (not affiliated),
    # smartphone rules, the Belgian review clauses, level-3 social award.
    for absent in (
        "MVI-CIR-005",
        "MVI-CIR-006",
        "MVI-SOC-002",
        "MVI-LIF-004",
        "MVI-REP-002",
        "MVI-OPT-101",
        "MVI-SOC-006",
    ):
        assert lots_of(result, absent) == [], absent


def test_ministry_werkplek_and_smartphones(catalogue: Catalogue) -> None:
    result = run("ministerie-werkplek.yaml", catalogue)
    # Lot 1 werkplek (laptop + monitor), lot 2 smartphones; the State; Electronics Watch.
    assert lots_of(result, "MVI-SOC-002") == ["1", "2"]  # Electronics Watch affiliate
    assert lots_of(result, "MVI-SOC-001") == ["1", "2"]  # ISV for the State
    assert lots_of(result, "MVI-LIF-004") == ["2"]  # OS updates for smartphones (Ecodesign floor)
    assert lots_of(result, "MVI-REP-002") == ["2"]  # spare parts for phones
    assert lots_of(result, "MVI-LIF-001") == ["1"]  # the werkplek's devices, not the phones
    assert lots_of(result, "MVI-REP-001") == ["1"]
    assert lots_of(result, "MVI-CIR-007") == ["2"]  # refurbished offer only where accepted
    assert lots_of(result, "MVI-SOC-008") == []  # due-diligence dialogue replaced by ISV/EW


def test_belgian_school_group_buying_refurbished(catalogue: Catalogue) -> None:
    result = run("school-refurbished.yaml", catalogue)
    # Lot A refurbished laptops (wanted), lot B tablets; level 1, circularity 2; FIRA.
    assert lots_of(result, "MVI-CIR-005") == ["A"]  # refurbished route
    assert lots_of(result, "MVI-CIR-006") == ["A"]  # battery rules for refurbished devices
    assert lots_of(result, "MVI-LAB-001") == ["B"]  # new-product labels not for refurbished:
    (conflict,) = [n for n in result.notices if n.code == "conflict"]  # reported, not rendered
    assert conflict.criterion_id == "MVI-LAB-001" and "lot A" in conflict.message
    assert lots_of(result, "MVI-LIF-001") == ["B"]
    assert lots_of(result, "MVI-SOC-003") == ["A", "B"]  # FIRA participant
    assert lots_of(result, "MVI-OPT-101") == ["A", "B"]  # Belgian review clauses
    for absent in ("MVI-SOC-001", "MVI-SOC-002", "MVI-OPT-002", "MVI-OPT-008", "MVI-ENE-003"):
        assert lots_of(result, absent) == [], absent
    for criterion in result.selected:
        assert not any("Aanbestedingswet" in ref for ref in criterion.legal_basis), criterion.id


def test_university_at_level_three(catalogue: Catalogue) -> None:
    result = run("university-en.yaml", catalogue)
    assert lots_of(result, "MVI-ENE-002") == ["1"]  # 80 PLUS: desktops, not laptops
    assert lots_of(result, "MVI-ENE-005") == ["1", "2"]  # level-3 carbon footprint
    assert lots_of(result, "MVI-LCC-002") == ["1", "2"]  # LCC with priced CO2 at level 3 ...
    assert lots_of(result, "MVI-LCC-001") == []  # ... instead of plain LCC, never both
    assert lots_of(result, "MVI-SOC-003") == ["1", "2"]  # FIRA participant


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_decision_is_explained(path, catalogue: Catalogue) -> None:
    result = evaluate(load_profile(path), catalogue)
    for outcome in (*result.selected, *result.not_selected):
        assert len(outcome.decisions) == len(result.profile.lots)
        for decision in outcome.decisions:
            # Selected exactly when the condition held and nothing conflicts; a conflict says why.
            assert decision.selected is (decision.reason.holds and decision.conflict is None)
            assert decision.reason.lines()[0].startswith("✓" if decision.reason.holds else "✗")


def test_labels_are_offered_as_proof_only_for_product_groups_they_cover(
    catalogue: Catalogue,
) -> None:
    data = load_profile(EXAMPLES / "gemeente-laptops.yaml").model_dump(mode="json")
    data["lots"] = [data["lots"][1]]  # the monitors only
    data["procurement"]["estimated_value_eur"] = data["lots"][0]["estimated_value_eur"]
    from mvi_rules import parse_profile

    result = evaluate(parse_profile(data), catalogue)
    (labels,) = [c.proof.labels for c in result.selected if c.id == "MVI-LAB-001"]
    names = [label.name for label in labels]
    assert "TCO Certified" in names and "EPEAT" in names
    # Blauer Engel DE-UZ 78, the EU Ecolabel and Nordic Swan 048 do not certify monitors.
    assert not {"Blauer Engel DE-UZ 78", "EU Ecolabel", "Nordic Swan Ecolabel 048"} & set(names)
    laptops = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    (labels,) = [c.proof.labels for c in laptops.selected if c.id == "MVI-LAB-001"]
    assert "Blauer Engel DE-UZ 78" in [label.name for label in labels]
