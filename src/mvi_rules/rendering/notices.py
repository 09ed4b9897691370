"""The result's notices as sentences in the document's language.

The selection step writes its notices in English for logs and JSON. For the notices it knows
(by ``code``) the annex writes its own sentence in the document's language from the result's
data; a notice it does not know is shown with its own message, so nothing is ever dropped.
"""

from __future__ import annotations

from ..selection.result import EvaluationResult, Notice
from .formatting import format_date, format_value
from .wording import Wording


def notice_texts(result: EvaluationResult, words: Wording) -> list[str]:
    """One sentence per notice; unconfirmed parameters are grouped per criterion."""
    texts: list[str] = []
    grouped: set[str] = set()
    for notice in result.notices:
        if notice.code == "engine-fallback":
            continue  # which backend decided is for logs and JSON; the tender is the same
        if notice.text is not None:
            texts.append(notice.text.get(words.lang))
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
    values = [
        f"‘{p.description.get(words.lang)}’ ({format_value(p.value, p.unit, words.lang)})"
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
