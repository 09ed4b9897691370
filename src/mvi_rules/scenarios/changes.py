"""Change-checker scenarios: a contract ledger, the proposed change, and the expected verdicts.

A legal adviser writes the worked example by hand (the arithmetic in ``description``) and what
the checker must find: per drawer the verdict and figures, the recommended drawer and its
fallbacks, and phrases the report must (not) contain. ``mvi-rules test`` and the test suite
run them with the other scenarios.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .._validation import field_path, problems_from
from .._yaml import Located, plain
from ..catalogue import Catalogue
from ..changes import (
    ChangeCheck,
    Ground,
    Ledger,
    Verdict,
    check_change,
    render_text,
)
from ..changes.problems import ledger_problems
from ..errors import Problem, ScenarioError
from ..profile.model import Language

_Strict = ConfigDict(extra="forbid", frozen=True)


class NoticeExpectation(BaseModel):
    """The modification notice a drawer must carry."""

    model_config = _Strict

    required: bool | None = None
    eforms_notice_subtype: int | None = None
    bt200_code: str | None = None


class DrawerExpectation(BaseModel):
    """What one drawer must find; only the fields given are checked."""

    model_config = _Strict

    verdict: Verdict | None = None
    figures: dict[str, Decimal | None] = Field(
        default_factory=dict, description="Figure -> amount; null when it must be absent"
    )
    rates: dict[str, Decimal] = Field(default_factory=dict)
    notice: NoticeExpectation | None = None


class TextExpectation(BaseModel):
    """Phrases that must (not) appear in the text report."""

    model_config = _Strict

    lang: Language = "nl"
    contains: list[str] = Field(default_factory=list)
    not_contains: list[str] = Field(default_factory=list)


class ChangeExpectation(BaseModel):
    """What a legal adviser expects of the check."""

    model_config = _Strict

    drawers: dict[Ground, DrawerExpectation] = Field(default_factory=dict)
    recommendation: Ground | None = Field(
        default=None, description="The recommended ground; leave out to not check it"
    )
    no_recommendation: bool = Field(default=False, description="True when no drawer may fit")
    alternatives: list[Ground] | None = None
    for_legal_review: list[Ground] | None = None
    text: list[TextExpectation] = Field(default_factory=list)


class ChangeScenario(BaseModel):
    """One change-checker scenario: a ledger with a proposed change, and the outcome."""

    model_config = _Strict

    scenario: str = Field(min_length=1, description="What the buyer does, in one line")
    description: str | None = None
    ledger: dict[str, Any]
    expect: ChangeExpectation


def load_ledger_of(scenario: ChangeScenario, located: Located) -> Ledger:
    """The scenario's ledger, validated; errors name the scenario file, field and line."""
    try:
        return Ledger.model_validate(plain(scenario.ledger))
    except ValidationError as exc:
        raise ScenarioError(problems_from(exc, located, prefix=("ledger",), model=Ledger)) from None


def run_change_scenario(
    scenario: ChangeScenario, ledger: Ledger, source: str, catalogue: Catalogue
) -> list[str]:
    """Check the ledger's proposed change; return what did not hold (empty: it passed)."""
    problems = [
        Problem(source, field_path(("ledger", *loc)), message)
        for loc, message in ledger_problems(ledger, catalogue.thresholds)
    ]
    if problems:
        raise ScenarioError(problems)
    expect = scenario.expect
    failures: list[str] = []
    languages: tuple[Language, ...] = ("nl", "en")
    checks = {
        lang: check_change(ledger, lang=lang, thresholds=catalogue.thresholds, source=source)
        for lang in languages
    }
    result = checks["en"]
    for ground, wanted in expect.drawers.items():
        failures.extend(_drawer_failures(result, ground, wanted))
    advice = result.recommendation
    if expect.no_recommendation and advice.ground is not None:
        failures.append(f"no drawer should fit, but {advice.ground.value} is recommended")
    if expect.recommendation is not None and advice.ground is not expect.recommendation:
        got = advice.ground.value if advice.ground is not None else "none"
        failures.append(f"{expect.recommendation.value} should be recommended, not {got}")
    if expect.alternatives is not None and advice.alternatives != expect.alternatives:
        failures.append(
            f"the fallbacks should be {_names(expect.alternatives)}, "
            f"not {_names(advice.alternatives)}"
        )
    if expect.for_legal_review is not None and advice.for_legal_review != expect.for_legal_review:
        failures.append(
            f"the legal adviser should assess {_names(expect.for_legal_review)}, "
            f"not {_names(advice.for_legal_review)}"
        )
    for text in expect.text:
        report = render_text(checks[text.lang])
        flat = report + "\n" + " ".join(report.split())
        failures.extend(
            f"the {text.lang} report should contain {p!r}" for p in text.contains if p not in flat
        )
        failures.extend(
            f"the {text.lang} report should not contain {p!r}"
            for p in text.not_contains
            if p in flat
        )
    return failures


def _names(grounds: list[Ground]) -> str:
    return "[" + ", ".join(g.value for g in grounds) + "]"


def _drawer_failures(result: ChangeCheck, ground: Ground, wanted: DrawerExpectation) -> list[str]:
    drawer = result.drawer(ground)
    failures: list[str] = []
    name = ground.value
    if wanted.verdict is not None and drawer.verdict is not wanted.verdict:
        failures.append(f"{name} should be {wanted.verdict.value}, not {drawer.verdict.value}")
    for figure, amount in wanted.figures.items():
        got = drawer.figures.get(figure)
        if amount is None and got is not None:
            failures.append(f"{name}: figure {figure} should be absent, but is {got}")
        elif amount is not None and got != amount:
            failures.append(f"{name}: figure {figure} should be {amount}, not {got}")
    for rate, value in wanted.rates.items():
        if drawer.rates.get(rate) != value:
            failures.append(f"{name}: rate {rate} should be {value}, not {drawer.rates.get(rate)}")
    if wanted.notice is not None:
        notice = drawer.notice
        if notice is None:
            failures.append(f"{name} should carry a modification notice")
        else:
            for field in ("required", "eforms_notice_subtype", "bt200_code"):
                value = getattr(wanted.notice, field)
                if value is not None and getattr(notice, field) != value:
                    failures.append(
                        f"{name}: notice {field} should be {value}, not {getattr(notice, field)}"
                    )
    return failures


__all__ = [
    "ChangeExpectation",
    "ChangeScenario",
    "DrawerExpectation",
    "NoticeExpectation",
    "TextExpectation",
    "load_ledger_of",
    "run_change_scenario",
]
