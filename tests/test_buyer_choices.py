"""The buyer decides: criteria included or excluded by id, the lot's use, and the refurbished
route, asserted on the selection and on the text that lands in the Word annex."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mvi_rules import Catalogue, ProfileError, evaluate, load_profile, parse_profile
from mvi_rules.rendering import render_docx
from mvi_rules.selection.result import EvaluationResult

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


def test_excluded_criterion_is_left_out_with_the_buyers_reason(catalogue: Catalogue) -> None:
    reason = "de beveiligingsupdates regelt het eigen beheercontract"
    plain = _evaluate(_state_laptops(), catalogue)
    assert "MVI-LIF-003" in plain.selected_ids()
    result = _evaluate(
        _state_laptops(criteria={"exclude": [{"id": "MVI-LIF-003", "reason": reason}]}),
        catalogue,
    )
    assert "MVI-LIF-003" not in result.selected_ids()
    [row] = [r for r in result.left_out if r.criterion_id == "MVI-LIF-003"]
    assert row.lot_ids == ["1"]
    assert reason in row.reason.nl
    text = all_text(render_docx(result, catalogue, lang="nl"))
    assert "Niet opgenomen criteria" in text
    assert f"Weggelaten door de inkoper: {reason}" in text
    assert "MVI-LIF-003 Beveiligingsupdates" in text  # in the table, not as a clause
    assert text.count("MVI-LIF-003") == 1


def test_included_criterion_is_selected_and_its_reason_is_in_the_trace(
    catalogue: Catalogue,
) -> None:
    reason = "de laptops gaan dagelijks mee naar cliënten"
    plain = _evaluate(_state_laptops(), catalogue)
    assert "MVI-ROB-001" not in plain.selected_ids()  # office use at circularity 1
    result = _evaluate(
        _state_laptops(criteria={"include": [{"id": "MVI-ROB-001", "reason": reason}]}),
        catalogue,
    )
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
