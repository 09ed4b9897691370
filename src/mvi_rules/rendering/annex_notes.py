"""What the concept annex tells the buyer and the legal adviser beside the clauses: what blocks
the tender, how to use the annex, the points of attention, the defaults to confirm and the
criteria the set left out."""

from __future__ import annotations

from ..profile.model import (
    CriteriaSet,
)
from ..selection.economics import BLOCKING
from ..selection.result import (
    EvaluationResult,
    ResolvedParameter,
)
from .docx_parts import (
    TEXT_WIDTH_CM,
    DocumentObj,
    add_heading,
    add_marked,
    add_paragraph,
    add_table,
)
from .formatting import (
    capitalised,
    format_parameter,
    format_value,
)
from .law import below_threshold_nl, localise
from .notices import attention_points, notice_text
from .wording import Wording


def add_blocking(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
    """Decisions the buyer must take before anything else, right under the title."""
    for notice in result.notices:
        if notice.code in BLOCKING:
            add_marked(doc, words("blocking"), notice_text(result, notice, words))


def add_use(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
    add_heading(doc, words("use"), 1)
    below = below_threshold_nl(result)
    suffix = "_below" if below else ""
    label_law = words(f"label_law_{result.profile.buyer.jurisdiction.value}{suffix}")
    for key in ("use_1", "use_2", "use_3", "use_4", "use_5" + suffix):
        text = words(key, catalogue=result.catalogue_version, label_law=label_law)
        add_paragraph(doc, text, "List Number")


def add_notices(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
    texts = attention_points(result, words)
    if texts:
        add_heading(doc, words("notices"), 1)
        add_marked(doc, words("attention"), words("notices_intro"))
        for text in texts:
            add_paragraph(doc, capitalised(text), "List Bullet")
    _checklist(doc, result, words)


def _checklist(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
    """Catalogue defaults without a confirmed source, in one table for the buyer to decide."""
    lang, jurisdiction = words.lang, result.profile.buyer.jurisdiction
    rows = [
        (
            f"{c.id} {c.title.get(lang)}",
            localise(p.description.get(lang), jurisdiction, lang),
            format_parameter(p.value, p.unit, p.value_labels, lang),
            _range_text(p, words),
        )
        for c in result.selected
        for p in c.parameters
        if p.to_verify
    ]
    if not rows:
        return
    add_heading(doc, words("checklist"), 1)
    doc.add_paragraph(words("checklist_intro"))
    header = (
        words("criterion"),
        words("checklist_value"),
        words("checklist_default"),
        words("checklist_range"),
    )
    add_table(doc, header, rows, (4.6, TEXT_WIDTH_CM - 11.2, 3.0, 3.6))


def _range_text(p: ResolvedParameter, words: Wording) -> str:
    lang = words.lang
    if p.allowed is not None:
        return ", ".join(format_parameter(v, p.unit, p.value_labels, lang) for v in p.allowed)
    if p.minimum is not None and p.maximum is not None:
        low = format_value(_whole(p.minimum), p.unit, lang)
        high = format_value(_whole(p.maximum), p.unit, lang)
        return words("range", low=low, high=high)
    return "—"


def _whole(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def add_left_out(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
    """What applied to a lot but was left out there, and why, so it can be added back."""
    if not result.left_out:
        return
    lang, jurisdiction = words.lang, result.profile.buyer.jurisdiction
    add_heading(doc, words("left_out"), 1)
    doc.add_paragraph(words("left_out_intro"))
    if result.profile.procurement.criteria_set is CriteriaSet.CORE:
        doc.add_paragraph(words("left_out_core"))
    rows = [
        (
            f"{row.criterion_id} {row.title.get(lang)}",
            ", ".join(row.lot_ids),
            localise(capitalised(row.reason.get(lang)), jurisdiction, lang),
        )
        for row in result.left_out
    ]
    header = (words("criterion"), words("option_lots"), words("left_out_reason"))
    add_table(doc, header, rows, (8.1, 2.2, TEXT_WIDTH_CM - 10.3))
