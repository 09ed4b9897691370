"""The result's notices as sentences in the document's language.

The selection step writes its notices in English for logs and JSON. For the notices it knows
(by ``code``) the annex writes its own sentence in the document's language from the result's
data; a notice it does not know is shown with its own message, so nothing is ever dropped.
"""

from __future__ import annotations

from ..selection.result import EvaluationResult, Notice
from .formatting import format_date, format_money, format_value
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
        )
    return notice.message


def notice_texts(result: EvaluationResult, words: Wording) -> list[str]:
    """One sentence per notice; unconfirmed parameters are grouped per criterion."""
    texts: list[str] = []
    grouped: set[str] = set()
    for notice in result.notices:
        if notice.text is not None or notice.code in _VALUE_CODES:
            texts.append(notice_text(result, notice, words))
            continue
        if notice.code == "parameter-unconfirmed" and notice.criterion_id:
            if notice.criterion_id in grouped:
                continue
            text = _unconfirmed(result, notice, words)
            if text is not None:
                grouped.add(notice.criterion_id)
                texts.append(text)
                continue
        elif notice.code == "override-unused" and notice.criterion_id:
            texts.append(words("notice_override-unused", criterion_id=notice.criterion_id))
            continue
        elif notice.code == "no-threshold":
            date = format_date(result.profile.procurement.reference_date, words.lang)
            texts.append(words("notice_no-threshold", date=date))
            continue
        texts.append(notice.message)
    return texts


def _unconfirmed(result: EvaluationResult, notice: Notice, words: Wording) -> str | None:
    criterion = next((c for c in result.selected if c.id == notice.criterion_id), None)
    if criterion is None:
        return None
    jurisdiction = result.profile.buyer.jurisdiction
    values = [
        f"‘{localise(p.description.get(words.lang), jurisdiction, words.lang)}’"
        f" ({format_value(p.value, p.unit, words.lang)})"
        for p in criterion.parameters
        if p.to_verify
    ]
    if not values:
        return None
    return words(
        "notice_parameter-unconfirmed",
        criterion=f"{criterion.id} {criterion.title.get(words.lang)}",
        values="; ".join(values),
    )
