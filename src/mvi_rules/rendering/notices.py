"""The result's notices as sentences in the document's language, ranked as points of attention.

The selection step writes its notices in English for logs and JSON. For the notices it knows
(by ``code``) the annex writes its own sentence in the document's language from the result's
data; a notice it does not know is shown with its own message, so nothing is ever dropped.
Criteria left out and unconfirmed defaults are not points of attention: the annex shows them in
tables of their own.
"""

from __future__ import annotations

from ..selection.result import EvaluationResult, Notice
from .formatting import format_date, format_money
from .law import localise
from .wording import Wording

#: Notices the document words itself from the result's figures.
_VALUE_CODES = (
    "value-threshold-crossing",
    "procedure-below-threshold-only",
    "options-over-half",
    "lot-values-missing",
    "be-term-over-four-years",
    "framework-over-four-years",
    "options-in-stated-value",
)


def notice_text(result: EvaluationResult, notice: Notice, words: Wording) -> str:
    """The sentence for one notice in the document's language and jurisdiction."""
    jurisdiction = result.profile.buyer.jurisdiction
    if notice.text is not None:
        return localise(notice.text.get(words.lang), jurisdiction, words.lang)
    if notice.code in _VALUE_CODES:
        value, lang = result.value, words.lang
        added = value.amount("option") + value.amount("incentive")
        ids = sorted({line.criterion_id for line in value.lines if line.criterion_id})
        return words(
            f"notice_{notice.code}",
            stated=format_money(value.stated_eur, lang),
            total=format_money(value.total_eur, lang),
            threshold=format_money(value.threshold_eur or 0.0, lang),
            initial=format_money(value.initial_eur, lang),
            added=format_money(added, lang),
            years=result.profile.procurement.maximum_term_years,
            procedure=words.procedure(result.profile.procurement.procedure.value)
            if result.profile.procurement.procedure
            else "",
            options=", ".join(ids),
            law=words(f"raming_law_{jurisdiction.value}"),
            parts=_parts(result, words),
        )
    if notice.code == "override-unused" and notice.criterion_id:
        return words("notice_override-unused", criterion_id=notice.criterion_id)
    if notice.code == "no-threshold":
        date = format_date(result.profile.procurement.reference_date, words.lang)
        return words("notice_no-threshold", date=date)
    return notice.message


#: Notices that are not points of attention: criteria left out (their own table), unconfirmed
#: defaults (the checklist), and which backend decided (for logs and JSON; the tender is the
#: same).
ELSEWHERE = frozenset({"conflict", "award-overlap", "parameter-unconfirmed", "engine-fallback"})

#: The order of the points of attention: the decisions with the most weight first.
_RANK = (
    "value-threshold-crossing",
    "procedure-below-threshold-only",
    "options-in-stated-value",
    "be-term-over-four-years",
    "framework-over-four-years",
    "options-over-half",
    "lot-values-missing",
    "no-threshold",
    "attachment-needed",
    "criterion-attention",
    "legal-limit",
    "label-version-expired",
    "label-version-replaced",
    "label-thin-market",
    "weight-zero",
    "override-unused",
)


def attention_points(result: EvaluationResult, words: Wording) -> list[str]:
    """The points of attention, ranked: each names something the buyer must decide."""
    ranked = sorted(
        (n for n in result.notices if n.code not in ELSEWHERE),
        key=lambda n: _RANK.index(n.code) if n.code in _RANK else len(_RANK),
    )
    return [notice_text(result, n, words) for n in ranked]


def _parts(result: EvaluationResult, words: Wording) -> str:
    """The kinds of value lines present, in words: 'de verlengingen en de opties'."""
    kinds = [
        words(f"parts_{kind}")
        for kind in ("extension", "option", "incentive")
        if any(line.kind == kind for line in result.value.lines)
    ]
    return words.listing(kinds)
