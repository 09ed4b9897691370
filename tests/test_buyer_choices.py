"""The buyer decides: criteria included or excluded by id, the lot's use, and the refurbished
route, asserted on the selection and on the text that lands in the Word annex."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mvi_rules import Catalogue, ProfileError, evaluate, load_profile, parse_profile
from mvi_rules.cli import main
from mvi_rules.rendering import render_docx
from mvi_rules.selection.result import EvaluationResult

from .conftest import comprehensive
from .test_rendering_fixtures import all_text

PROFILES = Path(__file__).parent / "profiles"


def _state_laptops(**extra: Any) -> dict[str, Any]:
    """The State buys 2,000 laptops above the EU threshold: ISV is mandatory."""
    data: dict[str, Any] = {
        "buyer": {
            "name": "Ministerie van Voorbeeldzaken",
            "authority_type": "state",
            "jurisdiction": "NL",
        },
        "procurement": {
            "title": "Laptops",
            "reference_date": "2026-03-01",
            "estimated_value_eur": 500000,
            "contract_term_years": 4,
        },
        "lots": [{"id": "1", "name": "Laptops", "product_group": "laptop", "quantity": 2000}],
        "ambition": {"level": 1},
    }
    data.update(extra)
    return data


def _evaluate(data: dict[str, Any], catalogue: Catalogue) -> EvaluationResult:
    return evaluate(parse_profile(data), catalogue, backend="plain")


def _problems(data: dict[str, Any], catalogue: Catalogue) -> str:
    with pytest.raises(ProfileError) as caught:
        _evaluate(data, catalogue)
    return str(caught.value)


# --- include and exclude by id ---------------------------------------------------------------


def test_excluded_criterion_is_left_out_with_the_buyers_reason(
    catalogue: Catalogue, write: Any
) -> None:
    reason = "de beveiligingsupdates regelt het eigen beheercontract"
    plain = _evaluate(_state_laptops(), catalogue)
    assert "MVI-LIF-003" in plain.selected_ids()
    data = _state_laptops(criteria={"exclude": [{"id": "MVI-LIF-003", "reason": reason}]})
    path = write("profiel.json", json.dumps(data))
    result = _evaluate(data, catalogue)
    assert "MVI-LIF-003" not in result.selected_ids()
    [row] = [r for r in result.left_out if r.criterion_id == "MVI-LIF-003"]
    assert row.lot_ids == ["1"]
    assert reason in row.reason.nl
    explained = CliRunner().invoke(main, ["explain", str(path), "MVI-LIF-003"])
    assert (
        f"niet opgenomen: het wordt weggelaten op keuze van de inkoper: {reason}"
        in explained.stdout
    )
    text = all_text(render_docx(result, catalogue, lang="nl"))
    assert "Niet opgenomen criteria" in text
    assert f"Wordt weggelaten op keuze van de inkoper: {reason}" in text
    assert "MVI-LIF-003 Beveiligingsupdates" in text  # in the table, not as a clause
    assert text.count("MVI-LIF-003") == 1


def test_included_criterion_is_selected_and_its_reason_is_in_the_trace(
    catalogue: Catalogue, write: Any
) -> None:
    reason = "de laptops gaan dagelijks mee naar cliënten"
    plain = _evaluate(_state_laptops(), catalogue)
    assert "MVI-ROB-001" not in plain.selected_ids()  # office use at circularity 1
    data = _state_laptops(criteria={"include": [{"id": "MVI-ROB-001", "reason": reason}]})
    result = _evaluate(data, catalogue)
    item = next(c for c in result.selected if c.id == "MVI-ROB-001")
    assert item.lots == ["1"]
    assert item.included_by_buyer == reason
    decision = item.decisions[0]
    assert decision.selected and not decision.reason.holds  # the condition did not hold
    assert decision.included_by_buyer == reason
    text = all_text(render_docx(result, catalogue, lang="nl"))
    assert f"Opgenomen op keuze van de inkoper: {reason}" in text
    assert "MVI-ROB-001 Valtest" in text
    english = all_text(render_docx(result, catalogue, lang="en"))
    assert f"Included by the buyer's choice: {reason}" in english
    path = write("profiel.json", json.dumps(data))
    explained = CliRunner().invoke(main, ["explain", str(path), "MVI-ROB-001"])
    assert f"✓ opgenomen op keuze van de inkoper: {reason}" in explained.stdout


def test_parameters_keep_working_for_an_included_criterion(catalogue: Catalogue) -> None:
    result = _evaluate(
        _state_laptops(
            criteria={"include": [{"id": "MVI-ROB-001", "reason": "veldwerk in de haven"}]},
            parameters={"MVI-ROB-001": {"min_free_fall_class": "B"}},
        ),
        catalogue,
    )
    item = next(c for c in result.selected if c.id == "MVI-ROB-001")
    assert item.parameter_values()["min_free_fall_class"] == "B"


def test_mandatory_isv_cannot_be_excluded(catalogue: Catalogue) -> None:
    message = _problems(
        _state_laptops(criteria={"exclude": [{"id": "MVI-SOC-001", "reason": "te zwaar"}]}),
        catalogue,
    )
    assert "criteria.exclude[0].id: MVI-SOC-001 cannot be excluded" in message
    assert "mandatory for lot 1" in message
    assert "at or above the EU threshold in an ISV risk category" in message


def test_isv_can_be_excluded_where_it_is_not_mandatory(catalogue: Catalogue) -> None:
    data = _state_laptops(criteria={"exclude": [{"id": "MVI-SOC-001", "reason": "onder drempel"}]})
    data["procurement"]["estimated_value_eur"] = 50000  # below the threshold: not selected
    result = _evaluate(data, catalogue)
    assert "MVI-SOC-001" not in result.selected_ids()
    assert any(
        n.code == "choice-unused" and n.criterion_id == "MVI-SOC-001" for n in result.notices
    )


def test_belgian_review_clauses_cannot_be_excluded(catalogue: Catalogue) -> None:
    data = _state_laptops(criteria={"exclude": [{"id": "MVI-OPT-101", "reason": "niet nodig"}]})
    data["buyer"] = {"name": "FOD Test", "authority_type": "be_federal", "jurisdiction": "BE"}
    message = _problems(data, catalogue)
    assert "MVI-OPT-101 cannot be excluded" in message
    assert "Royal Decree of 14 January 2013" in message


def test_unknown_id_names_the_nearest_one_and_the_line(catalogue: Catalogue, write: Any) -> None:
    path = write(
        "profiel.yaml",
        """\
buyer: {name: Ministerie van Voorbeeldzaken, authority_type: state, jurisdiction: NL}
procurement: {title: Laptops, reference_date: 2026-03-01, estimated_value_eur: 500000,
              contract_term_years: 4}
lots:
  - {id: 1, name: Laptops, product_group: laptop, quantity: 2000}
ambition: {level: 1}
criteria:
  exclude:
    - id: MVI-LIF-03
      reason: eigen beheercontract
""",
    )
    with pytest.raises(ProfileError) as caught:
        evaluate(load_profile(path), catalogue, backend="plain")
    message = str(caught.value)
    assert f"{path}:9: criteria.exclude[0].id: no criterion MVI-LIF-03" in message
    assert "did you mean MVI-LIF-003?" in message


def test_a_criterion_named_twice_or_without_reason_is_refused(catalogue: Catalogue) -> None:
    twice = {
        "include": [{"id": "MVI-ROB-001", "reason": "veldwerk"}],
        "exclude": [{"id": "MVI-ROB-001", "reason": "kantoor"}],
    }
    assert "listed in include and again in exclude" in _problems(
        _state_laptops(criteria=twice), catalogue
    )
    no_reason = {"exclude": [{"id": "MVI-LIF-003"}]}
    assert "criteria.exclude[0].reason" in _problems(_state_laptops(criteria=no_reason), catalogue)


def test_an_included_criterion_must_fit_a_lot(catalogue: Catalogue) -> None:
    data = _state_laptops(criteria={"include": [{"id": "MVI-PRN-001", "reason": "printers"}]})
    assert "MVI-PRN-001 fits none of the lots' product groups (it is for: printer)" in (
        _problems(data, catalogue)
    )


# --- the lot's use decides robustness --------------------------------------------------------

ROBUSTNESS_REQUIREMENTS = ("MVI-ROB-001", "MVI-ROB-002", "MVI-ROB-003")


def test_office_laptops_get_no_drop_tests_at_circularity_two(catalogue: Catalogue) -> None:
    # The robustness award belongs to the comprehensive set.
    result = evaluate(comprehensive(PROFILES / "nl-office-laptops.yaml"), catalogue, "plain")
    assert not set(ROBUSTNESS_REQUIREMENTS) & set(result.selected_ids())
    assert "MVI-ROB-004" in result.selected_ids()  # robustness may still earn points
    text = all_text(render_docx(result, catalogue, lang="nl"))
    assert "Valtest en bescherming tegen stof en water" not in text
    assert "500 ml leidingwater" in text  # the award states its quantity too


def test_education_laptops_get_robustness_requirements_at_level_one(
    catalogue: Catalogue,
) -> None:
    # Spill-resistant keyboards and sleeves belong to the comprehensive set; the drop test is
    # core (tests/test_proportionate_sets.py).
    result = evaluate(comprehensive(PROFILES / "nl-education-laptops.yaml"), catalogue, "plain")
    assert set(ROBUSTNESS_REQUIREMENTS) <= set(result.selected_ids())
    core = evaluate(load_profile(PROFILES / "nl-education-laptops.yaml"), catalogue, "plain")
    assert "MVI-ROB-001" in core.selected_ids()
    text = all_text(render_docx(result, catalogue, lang="nl"))
    assert "330 ml leidingwater op kamertemperatuur" in text
    assert "een hoeveelheid water" not in text
    english = all_text(render_docx(result, catalogue, lang="en"))
    assert "330 ml of tap water at room temperature" in english


def test_use_is_a_choice_with_a_clear_error(catalogue: Catalogue) -> None:
    data = _state_laptops()
    data["lots"][0]["use"] = "kantoor"
    message = _problems(data, catalogue)
    assert "lots[0].use" in message
    assert "office" in message and "education" in message


# --- refurbished: no silent default, one statement, no contradiction -------------------------

#: Criteria on topics the refurbished statement covers (security updates, warranty, battery,
#: spare parts and repair information of the manufacturer): they must bind new devices only.
COVERED_BY_STATEMENT = {
    "MVI-LIF-003",
    "MVI-LIF-004",
    "MVI-LIF-005",
    "MVI-REP-001",
    "MVI-REP-002",
    "MVI-REP-003",
    "MVI-REP-004",
    "MVI-REP-006",
}
DEVICE_GROUPS = {"laptop", "desktop", "monitor", "tablet", "smartphone", "thin_client"}
ALL_PROFILES = sorted(
    [*(Path(__file__).parent.parent / "examples").glob("*.yaml"), *PROFILES.glob("*.yaml")]
)


def test_refurbished_default_adds_nothing_and_the_document_says_so(
    catalogue: Catalogue,
) -> None:
    result = _evaluate(_state_laptops(), catalogue)
    assert result.profile.lots[0].refurbished.value == "excluded"
    assert not {"MVI-CIR-005", "MVI-CIR-007", "MVI-CIR-013"} & set(result.selected_ids())
    text = all_text(render_docx(result, catalogue, lang="nl"))
    assert "alleen nieuwe apparaten (standaard; niet gekozen in het profiel)" in text


def test_accepted_refurbished_is_admitted_at_level_one(catalogue: Catalogue) -> None:
    data = _state_laptops()
    data["lots"][0]["refurbished"] = "accepted"
    result = _evaluate(data, catalogue)
    assert "MVI-CIR-013" in result.selected_ids()
    assert "MVI-CIR-007" not in result.selected_ids()  # the award starts at level 2
    text = all_text(render_docx(result, catalogue, lang="nl"))
    assert "ook refurbished apparaten aanbieden" in text
    assert "nieuw of refurbished" in text  # the lots table states the choice
    assert "(standaard" not in text


@pytest.mark.parametrize("path", ALL_PROFILES, ids=lambda p: p.stem)
def test_no_requirement_contradicts_the_refurbished_statement(
    path: Path, catalogue: Catalogue
) -> None:
    result = evaluate(load_profile(path), catalogue, backend="plain")
    for lot in result.profile.lots:
        if lot.refurbished.value == "excluded" or not DEVICE_GROUPS & {
            g.value for g in lot.product_groups
        }:
            continue
        chosen = [c for c in result.selected if lot.id in c.lots]
        ids = {c.id for c in chosen}
        statement = "MVI-CIR-013" if lot.refurbished.value == "accepted" else "MVI-CIR-005"
        assert statement in ids, f"lot {lot.id} has no refurbished statement"
        for c in chosen:
            if c.type.value not in ("minimum_requirement", "contract_clause"):
                continue
            states = {str(s) for s in c.applies_to or []}
            assert states, f"{c.id} does not say whether it binds new or refurbished devices"
            if c.id in COVERED_BY_STATEMENT:
                assert states == {"new"}, f"{c.id} contradicts the refurbished statement"
            if lot.refurbished.value == "wanted":
                assert "refurbished" in states, f"{c.id} binds new devices in a refurbished lot"
            if "refurbished" in states and c.proof.labels:
                new_only = all(
                    catalogue.labels.labels[label.key].new_products_only for label in c.proof.labels
                )
                assert not new_only or c.proof.other is not None, (
                    f"{c.id} binds refurbished offers to labels only new products carry"
                )
    text = all_text(render_docx(result, catalogue, lang="nl"))
    assert "het laatste apparaat onder deze overeenkomst" not in text


def test_hospital_annex_marks_new_only_requirements(catalogue: Catalogue) -> None:
    path = PROFILES / "nl-hospital-werkplek-refurbished.yaml"
    result = evaluate(load_profile(path), catalogue, backend="plain")
    text = all_text(render_docx(result, catalogue, lang="nl"))
    # One statement, and the new-device periods are marked as new-only.
    assert text.count("Refurbished apparaten toegelaten, en wat voor hen geldt") >= 1
    assert text.count("ook refurbished apparaten aanbieden") == 1
    security = text.split("MVI-LIF-003 Beveiligingsupdates voor computers")[-1][:600]
    assert "Geldt voor: alleen nieuwe apparaten" in security
    assert "jaar na de laatste levering van dat model onder deze overeenkomst" in security
    assert "Elk geleverd apparaat krijgt zo ten minste 6 jaar beveiligingsupdates" in security
    assert "Geldt voor: nieuwe en refurbished apparaten" in text
    # The statement's bullets stay separate paragraphs, the battery among them.
    assert "de inschrijver vermeldt per model de einddatum;\n" in text
    assert "een accu heeft bij aflevering een gezondheid (state of health)" in text
    english = all_text(render_docx(result, catalogue, lang="en"))
    assert "Devices covered: new devices only" in english


def test_smartphone_updates_follow_the_later_end_date_of_the_law(catalogue: Catalogue) -> None:
    data = _state_laptops()
    data["lots"] = [{"id": "1", "name": "Telefoons", "product_group": "smartphone", "quantity": 50}]
    result = _evaluate(data, catalogue)
    text = all_text(render_docx(result, catalogue, lang="nl"))
    assert "jaar na de laatste levering van dat model onder deze overeenkomst" in text
    assert "5 jaar na het einde van het in de handel brengen van het model" in text


def test_every_requirement_for_devices_says_new_or_refurbished(catalogue: Catalogue) -> None:
    binding = ("minimum_requirement", "contract_clause")
    missing = [
        e.criterion.id
        for e in catalogue
        if e.criterion.type.value in binding
        and any(g.is_device for g in e.criterion.product_groups)
        and not e.criterion.applies_to
    ]
    assert missing == []


def test_new_only_requirements_never_reach_a_refurbished_only_lot(catalogue: Catalogue) -> None:
    """``applies_to: [new]`` goes with ``lot.refurbished is not wanted`` (or labels only new
    products carry, which the conflict check takes away from such a lot)."""
    wrong = []
    for entry in catalogue:
        c = entry.criterion
        if c.applies_to is None or [str(s) for s in c.applies_to] != ["new"]:
            continue
        guarded = "lot.refurbished is not wanted" in str(c.when)
        labels = [catalogue.labels.labels[ref.label] for ref in c.verification.labels]
        if not guarded and not (labels and all(label.new_products_only for label in labels)):
            wrong.append(c.id)
    assert wrong == []


def test_an_excluded_option_is_not_counted_in_the_value(catalogue: Catalogue) -> None:
    data = _state_laptops()
    plain = _evaluate(data, catalogue)
    assert any(line.criterion_id == "MVI-OPT-001" for line in plain.value.lines)
    excluded = _evaluate(
        _state_laptops(criteria={"exclude": [{"id": "MVI-OPT-001", "reason": "geen optie"}]}),
        catalogue,
    )
    assert not any(line.criterion_id == "MVI-OPT-001" for line in excluded.value.lines)
    assert excluded.value.total_eur < plain.value.total_eur


def test_an_included_option_is_counted_in_the_value(catalogue: Catalogue) -> None:
    plain = _evaluate(_state_laptops(), catalogue)
    assert "MVI-OPT-006" not in plain.selected_ids()  # level 2, the profile is at level 1
    included = _evaluate(
        _state_laptops(criteria={"include": [{"id": "MVI-OPT-006", "reason": "snelle markt"}]}),
        catalogue,
    )
    assert "MVI-OPT-006" in included.selected_ids()
    assert any(line.criterion_id == "MVI-OPT-006" for line in included.value.lines)
    assert included.value.total_eur > plain.value.total_eur
