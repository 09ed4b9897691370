"""The language-neutral assessment worded in one language: the :class:`ChangeCheck`."""

from __future__ import annotations

from ..result import (
    Assessment,
    ChangeCheck,
    DrawerFinding,
    DrawerResult,
    Notice,
    Recommendation,
)
from ..texts import Lang
from .law_text import ground_label, ground_name, ground_title, references
from .wording import PHRASES, say, say_all, verdict_text


def _drawer(finding: DrawerFinding, assessment: Assessment, lang: Lang) -> DrawerResult:
    contract = assessment.contract
    notice = None
    if finding.notice is not None:
        notice = Notice(
            required=finding.notice.required,
            eforms_notice_subtype=finding.notice.eforms_notice_subtype,
            bt200_code=finding.notice.bt200_code,
            bt202_description=finding.notice.bt202_description,
            text=say(finding.notice.text, lang, contract),
        )
    return DrawerResult(
        ground=finding.ground,
        order=finding.order,
        label=ground_label(finding.ground, contract, lang),
        name=ground_name(finding.ground, contract, lang),
        title=ground_title(finding.ground, contract, lang),
        references=references(finding.ground, contract, lang),
        verdict=finding.verdict,
        verdict_text=verdict_text(finding.verdict, lang),
        reason=say(finding.reason, lang, contract),
        arithmetic=say_all(finding.arithmetic, lang, contract),
        conditions=say_all(finding.conditions, lang, contract),
        questions=say_all(finding.questions, lang, contract),
        notice=notice,
        figures=finding.figures,
        rates=finding.rates,
        notes=say_all(finding.notes, lang, contract),
    )


def render_check(assessment: Assessment, lang: Lang) -> ChangeCheck:
    """The assessment with every finding worded in ``lang`` (``nl`` or ``en``)."""
    contract = assessment.contract
    advice = assessment.advice
    recommendation = Recommendation(
        ground=advice.ground,
        label=None if advice.ground is None else ground_label(advice.ground, contract, lang),
        verdict=advice.verdict,
        alternatives=advice.alternatives,
        for_legal_review=advice.for_legal_review,
        text=" ".join(say_all(advice.text, lang, contract)),
    )
    ref = f" ({contract.reference})" if contract.reference else ""
    nl, en = PHRASES["heading"]
    heading = (nl if lang == "nl" else en) + f": {contract.title}{ref}"
    return ChangeCheck(
        lang=lang,
        source=assessment.source,
        contract=contract,
        proposed_change=assessment.proposed_change,
        history=assessment.history,
        base_value_eur=assessment.base_value_eur,
        base_is_indexed=assessment.base_is_indexed,
        regime=assessment.regime,
        regime_text=say(assessment.regime_basis, lang, contract),
        by_analogy=assessment.by_analogy,
        drawers=[_drawer(f, assessment, lang) for f in assessment.drawers],
        recommendation=recommendation,
        notes=say_all(assessment.notes, lang, contract),
        heading_text=heading,
        assessment=assessment,
    )
