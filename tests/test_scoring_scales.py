"""Award scales stated once: the ruleset's scoring rows give the clause's bands, the shared
scale template writes them, and the checks keep thresholds, wording and descriptions in step."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from mvi_rules import Catalogue, evaluate, load_profile, render_json
from mvi_rules.catalogue.model import ScoringStep
from mvi_rules.catalogue.scales import check_scale
from mvi_rules.lint.samples import sample_profile, selected
from mvi_rules.rendering.context import scale_bands
from mvi_rules.rendering.templates import ClauseRenderer

REPO = Path(__file__).resolve().parent.parent


def step(points: float, nl: str, en: str, **more: Any) -> ScoringStep:
    return ScoringStep.model_validate({"points": points, "nl": nl, "en": en, **more})


def band(nl: str, en: str) -> dict[str, str]:
    return {"nl": nl, "en": en}


RISING = [
    step(
        0, "Minder dan 10%", "Less than 10%", clause=band("minder dan {next}%", "less than {next}%")
    ),
    step(
        0.5,
        "Ten minste 10%",
        "At least 10%",
        at=10,
        clause=band("ten minste {at}%", "at least {at}%"),
    ),
    step(
        1,
        "Ten minste 25%",
        "At least 25%",
        at=25,
        clause=band("ten minste {at}%", "at least {at}%"),
    ),
]


def test_a_consistent_scale_passes() -> None:
    check_scale(RISING, parameters={"weight"})


def test_thresholds_may_fall_as_for_at_most() -> None:
    falling = [
        step(0, "GWP boven 750", "GWP above 750", clause=band("boven {next}", "above {next}")),
        step(
            0.5,
            "GWP ten hoogste 750",
            "GWP at most 750",
            at=750,
            clause=band("ten hoogste {at}", "at most {at}"),
        ),
        step(
            1,
            "GWP ten hoogste 10",
            "GWP at most 10",
            at=10,
            clause=band("ten hoogste {at}", "at most {at}"),
        ),
    ]
    check_scale(falling, parameters=set())


def test_thresholds_that_turn_back_are_refused() -> None:
    rows = [*RISING, step(1, "Ten minste 5%", "At least 5%", at=5, clause=band("{at}%", "{at}%"))]
    with pytest.raises(ValueError, match=r"do not run one way \(10, 25, 5\)"):
        check_scale(rows, parameters=set())


def test_every_row_or_none_gives_the_clause_wording() -> None:
    rows = [step(0, "Geen", "None"), *RISING[1:]]
    with pytest.raises(ValueError, match=r"every row a clause wording or none \(row 1\)"):
        check_scale(rows, parameters=set())


def test_next_needs_a_threshold_on_the_next_row() -> None:
    rows = [RISING[0], step(1, "Alles", "All", clause=band("alles", "all"))]
    with pytest.raises(ValueError, match=r"row 1: \{next\} needs a threshold"):
        check_scale(rows, parameters=set())


def test_at_needs_the_rows_threshold() -> None:
    rows = [
        step(1, "Ten minste 10%", "At least 10%", clause=band("ten minste {at}%", "at least {at}%"))
    ]
    with pytest.raises(ValueError, match=r"row 1: \{at\} needs the row's threshold"):
        check_scale(rows, parameters=set())


def test_a_parameter_placeholder_names_a_parameter_of_the_criterion() -> None:
    rows = [
        step(
            1,
            "Binnen de termijn",
            "Within the period",
            clause=band("binnen {p.months} maanden", "within {p.months} months"),
        )
    ]
    check_scale(rows, parameters={"months"})
    with pytest.raises(ValueError, match=r"\{p\.months\} is not a parameter"):
        check_scale(rows, parameters={"weight"})


def test_the_description_states_the_threshold_in_both_languages() -> None:
    # A threshold changed in `at` but not in the description would give the weighting and the
    # clause different figures.
    rows = [
        *RISING[:2],
        step(1, "Ten minste 25%", "At least 30%", at=30, clause=band("{at}%", "{at}%")),
    ]
    with pytest.raises(ValueError, match="the nl description does not state the threshold 30"):
        check_scale(rows, parameters=set())
    decimal = [
        step(
            1, "ERF van ten minste 0,3", "ERF of at least 0.3", at=0.3, clause=band("{at}", "{at}")
        )
    ]
    check_scale(decimal, parameters=set())


@pytest.mark.parametrize(
    ("more", "message"),
    [
        (
            {"clause": band("ten minste {{ p.x }}", "at least {{ p.x }}")},
            "may stand between braces",
        ),
        (
            {"clause": band("ten minste {drempel}", "at least {drempel}")},
            "may stand between braces",
        ),
        (
            {"at": 10, "clause": band("ten minste 10%", "at least {at}%")},
            r"clause\.nl does not write",
        ),
        ({"at": float("nan"), "clause": band("{at}", "{at}")}, "not a number a tender can state"),
        ({"points": -0.5}, "greater than or equal to 0"),
    ],
)
def test_a_row_is_refused(more: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ScoringStep.model_validate({"points": 0.5, "nl": "Rij", "en": "Row", **more})


def test_bands_are_filled_in_the_language() -> None:
    rows = [
        step(
            0,
            "Geen overeenkomst",
            "No agreement",
            clause=band("geen, {buyer.term} beslist", "none, {buyer.term} decides"),
        ),
        step(
            0.25,
            "Binnen de termijn",
            "Within the period",
            clause=band("binnen {p.months} maanden", "within {p.months} months"),
        ),
        step(
            1,
            "ERF ten minste 0,3",
            "ERF at least 0.3",
            at=0.3,
            clause=band("ERF ten minste {at}", "ERF at least {at}"),
        ),
    ]
    nl = scale_bands(rows, {"months": 12000}, "de aanbestedende dienst", "nl")
    en = scale_bands(rows, {"months": 12000}, "the contracting authority", "en")
    assert [(b.text, b.points) for b in nl] == [
        ("geen, de aanbestedende dienst beslist", 0),
        ("binnen 12.000 maanden", 0.25),
        ("ERF ten minste 0,3", 1),
    ]
    assert [b.text for b in en] == [
        "none, the contracting authority decides",
        "within 12,000 months",
        "ERF at least 0.3",
    ]
    assert scale_bands([*RISING[:1], step(1, "Alles", "All")], {}, "x", "nl") == []


def _clause(catalogue: Catalogue, criterion_id: str, lang: str) -> str:
    entry = next(e for e in catalogue if e.criterion.id == criterion_id)
    profile = sample_profile("NL")
    values = {name: spec.default for name, spec in entry.criterion.parameters.items()}
    return ClauseRenderer(catalogue.templates_dir, lang).render(
        selected(entry, profile, values), profile
    )


def test_the_shared_template_writes_the_scale_from_the_ruleset(catalogue: Catalogue) -> None:
    nl = _clause(catalogue, "MVI-DCC-013", "nl")
    assert (
        "Beoordeling (X is de maximale score voor dit criterium; het gewicht staat in de"
        " wegingstabel bij de gunningscriteria):\n"
        "- geen hergebruik van restwarmte en geen ondertekende overeenkomst: 0 punten;\n"
    ) in nl
    assert (
        "- een gemeten ERF van ten minste 0,1: 0,5 X;\n- een gemeten ERF van ten minste 0,3: X.\n\n"
        in nl
    )
    en = _clause(catalogue, "MVI-DCC-013", "en")
    assert (
        "- a measured ERF of at least 0.1: 0.5 X;\n- a measured ERF of at least 0.3: X.\n\n" in en
    )
    assert "\n- less than 10%: 0 points;\n- at least 10%: 0.25 X;\n" in _clause(
        catalogue, "MVI-CIR-011", "en"
    )


def test_no_clause_template_restates_its_scale(catalogue: Catalogue) -> None:
    # The bands come from the ruleset through _shared/scale.j2; a template that writes its own
    # bands would let the figures drift from the weighting's.
    for entry in catalogue:
        if not any(s.clause is not None for s in entry.criterion.scoring):
            continue
        for lang in ("nl", "en"):
            path = REPO / "clause_templates" / lang / (entry.criterion.template + ".j2")
            text = _with_includes(REPO / "clause_templates" / lang, path)
            assert '{% include "_shared/scale.j2" %}' in text, path
            assert ": 0 punten;" not in text and ": 0 points;" not in text, path


def _with_includes(lang_dir: Path, path: Path) -> str:
    # A clause may take its text from a shared template that includes the scale.
    text = path.read_text(encoding="utf-8")
    for name in re.findall(r'\{% include "(_shared/[a-z_]+\.j2)" %\}', text):
        if name != "_shared/scale.j2":
            text += _with_includes(lang_dir, lang_dir / name)
    return text


def test_the_json_result_keeps_its_scoring_rows(catalogue: Catalogue) -> None:
    # `at` and `clause` are for the clause text; the JSON rows stay points, nl and en.
    result = evaluate(load_profile(REPO / "examples" / "gemeente-laptops.yaml"), catalogue)
    rows = [row for c in json.loads(render_json(result))["selected"] for row in c["scoring"]]
    assert rows
    assert {frozenset(row) for row in rows} == {frozenset({"points", "nl", "en"})}
