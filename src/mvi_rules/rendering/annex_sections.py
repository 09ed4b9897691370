"""The clause sections of the annex: one per criterion type, each clause with where it applies,
its text, its means of proof and its review comment; the award weighting and the options table."""

from __future__ import annotations

from collections.abc import Mapping

from ..catalogue.model import (
    CriterionType,
)
from ..profile.model import (
    ProcurementProfile,
    RefurbishedPolicy,
)
from ..selection.result import (
    EvaluationResult,
    LotWeighting,
    SelectedCriterion,
    ValueLine,
)
from .annex_details import lot_refs
from .attachments import attachment_line
from .docx_parts import (
    TEXT_WIDTH_CM,
    DocumentObj,
    add_heading,
    add_labelled,
    add_paragraph,
    add_table,
)
from .formatting import (
    capitalised,
    format_money,
    format_number,
    label_text,
)
from .law import below_threshold_nl, localise
from .review_comments import add_review_comment, review_comment_text
from .text import to_blocks
from .trace import sources_text
from .wording import Wording


def add_section(
    doc: DocumentObj,
    result: EvaluationResult,
    kind: CriterionType,
    clauses: Mapping[str, str],
    words: Wording,
    comments: bool = False,
) -> None:
    heading = words.section(kind)
    if kind is CriterionType.OPTION and below_threshold_nl(result):
        heading = words("section_option_below")
    add_heading(doc, heading, 1)
    criteria = [c for c in result.selected if c.type is kind]
    if not criteria:
        doc.add_paragraph(words("section_empty"))
        return
    if kind is CriterionType.AWARD:
        _weighting(doc, result, words)
    if kind is CriterionType.OPTION:
        _options(doc, result, words)
    for criterion in criteria:
        _clause(doc, result, criterion, clauses[criterion.id], words, comments)


def _options(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
    """What the extensions, options and incentive caps add, per lot where lots have values."""
    profile, value, lang = result.profile, result.value, words.lang
    law = words(f"raming_law_{profile.buyer.jurisdiction.value}")
    doc.add_paragraph(words("options_intro", law=law))
    if below_threshold_nl(result):
        doc.add_paragraph(words("options_below"))
    titles = {c.id: c.title.get(lang) for c in result.selected}
    pools: list[tuple[str | None, list[ValueLine], float]]
    if value.per_lot:
        pools = [
            (
                lot.id,
                [line for line in value.lines if line.lot_id == lot.id],
                value.initial_by_lot.get(lot.id, 0.0),
            )
            for lot in profile.lots
        ]
    else:
        pools = [(None, list(value.lines), value.initial_eur)]
    names = {lot.id: lot.name for lot in profile.lots}
    for lot_id, lines, initial in pools:
        if lot_id is None:
            add_heading(doc, words("options_table"), 2)
        else:
            add_heading(doc, words("options_table_lot", id=lot_id, name=names[lot_id]), 2)
        rows: list[tuple[str, ...]] = [
            (words("options_initial"), "", "", format_money(initial, lang))
        ]
        for line in lines:
            rows.append(
                (
                    _value_line_name(line, titles, profile, words),
                    _lots_cell(line, profile, words),
                    _percent(line.percent, words),
                    format_money(line.amount_eur, lang),
                )
            )
        total = round(initial + sum(line.amount_eur for line in lines), 2)
        last = "options_total" if lot_id is None else "options_subtotal"
        rows.append((words(last), "", "", format_money(total, lang)))
        header = (
            words("option"),
            words("option_lots"),
            words("option_max_percent"),
            words("option_max_eur"),
        )
        table = add_table(
            doc, header, rows, (TEXT_WIDTH_CM - 9.6, 2.2, 3.6, 3.8), keep_together=len(rows) < 12
        )
        for cell in table.rows[-1].cells:
            for para in cell.paragraphs:
                for run in para.runs:
                    run.bold = True
    doc.add_paragraph(
        words(
            "options_estimate",
            initial=format_money(value.initial_eur, lang),
            total=format_money(value.total_eur, lang),
        )
    )


def _value_line_name(
    line: ValueLine, titles: Mapping[str, str], profile: ProcurementProfile, words: Wording
) -> str:
    if line.criterion_id is None:
        return words("option_extension")
    name = f"{line.criterion_id} {titles.get(line.criterion_id, '')}".strip()
    if line.kind == "incentive":
        proc = profile.procurement
        # A cap per contract year: say so, or 3 % in the table reads against 2 % in the clause.
        per_year = line.percent * proc.contract_term_years / proc.maximum_term_years
        note = words(
            "incentive_note",
            percent=_percent(per_year, words),
            years=proc.maximum_term_years,
        )
        name += f" ({note})"
    return name


def _lots_cell(line: ValueLine, profile: ProcurementProfile, words: Wording) -> str:
    if len(line.lot_ids) == len(profile.lots) and len(profile.lots) > 1:
        return words("options_all_lots")
    return ", ".join(line.lot_ids)


def _percent(value: float, words: Wording) -> str:
    return words("percent", value=format_number(round(value, 2), words.lang))


def _weighting(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
    """The weighting table; one per lot when there are several, as each lot is awarded alone."""
    profile = result.profile
    award = profile.procurement.award
    add_heading(doc, words("weighting"), 2)
    has_lcc = any(t.rows and t.rows[0].criterion_id for t in result.weighting)
    price_name = words("price_name_lcc" if has_lcc else "price_name")
    if award.quality_weight_percent == 0:
        doc.add_paragraph(words("weighting_intro_lowest", price_name=price_name))
    else:
        doc.add_paragraph(
            words(
                "weighting_intro",
                price_name=price_name,
                price=_percent(award.effective_price_weight_percent, words),
                quality=_percent(award.quality_weight_percent, words),
                own=_percent(award.own_quality_weight_percent, words),
                sustainability=_percent(award.sustainability_weight_percent, words),
            )
        )
    titles = {c.id: f"{c.id} {c.title.get(words.lang)}" for c in result.selected}
    tables = [t for t in result.weighting if any(r.criterion_id for r in t.rows)]
    # Each lot is awarded alone: a lot without a sustainability award criterion still needs
    # its weighting, or its quality weight would point at criteria it does not have.
    bare = [t.lot_id for t in result.weighting if t not in tables]
    if tables and bare and award.quality_weight_percent > 0:
        doc.add_paragraph(
            words("weighting_without_sustainability", lots=lot_refs(profile, bare, words))
        )
        tables = list(result.weighting)
    names = {lot.id: lot.name for lot in profile.lots}
    for table in tables:
        if len(profile.lots) > 1:
            title = words("lot_ref", id=table.lot_id, name=names[table.lot_id])
            add_heading(doc, capitalised(title), 3)
        _weighting_table(doc, table, titles, words)


def _weighting_table(
    doc: DocumentObj, table: LotWeighting, titles: Mapping[str, str], words: Wording
) -> None:
    rows: list[tuple[str, str]] = []
    for row in table.rows:
        if row.role == "price":
            name = (
                words("row_price_lcc", criterion=titles[row.criterion_id])
                if row.criterion_id
                else words("row_price")
            )
        elif row.role == "own_quality":
            name = words("row_own")
        else:
            name = titles[row.criterion_id or ""]
        rows.append((name, _percent(row.weight_percent, words)))
    rows.append((words("total"), _percent(table.total, words)))
    header = (words("criterion"), words("weight"))
    out = add_table(doc, header, rows, (TEXT_WIDTH_CM - 2.6, 2.6), keep_together=len(rows) < 15)
    for cell in out.rows[-1].cells:
        for para in cell.paragraphs:
            for run in para.runs:
                run.bold = True


def _clause(
    doc: DocumentObj,
    result: EvaluationResult,
    criterion: SelectedCriterion,
    text: str,
    words: Wording,
    comments: bool,
) -> None:
    lang, profile = words.lang, result.profile
    heading = add_heading(doc, f"{criterion.id} {criterion.title.get(lang)}", 2)
    if comments:
        comment = review_comment_text(
            result, criterion, sources_text(criterion.sources, words), words
        )
        add_review_comment(doc, heading, comment, profile.procurement.reference_date)
    lots = lot_refs(profile, criterion.lots, words)
    add_labelled(doc, words("applies_to"), lots, italic=True, keep_with_next=True)
    state = _device_state(profile, criterion, words)
    if state is not None:
        add_labelled(doc, words("device_state"), state, italic=True, keep_with_next=True)
    jurisdiction = profile.buyer.jurisdiction
    for block in to_blocks(localise(text, jurisdiction, lang)):
        style = "List Bullet" if block.kind == "bullet" else None
        add_paragraph(doc, block.text, style)
    for attachment in criterion.attachments:
        add_paragraph(doc, attachment_line(attachment, lang))

    proof = [
        words("or_equivalent", label=label_text(label, lang)) for label in criterion.proof.labels
    ]
    if criterion.proof.other is not None:
        proof.append(localise(criterion.proof.other.get(lang), jurisdiction, lang))
    if proof:
        add_heading(doc, words("proof"), 3)
        for item in proof:
            add_paragraph(doc, item, "List Bullet")


def _device_state(
    profile: ProcurementProfile, criterion: SelectedCriterion, words: Wording
) -> str | None:
    """Whether the clause binds new or refurbished devices, where one of its lots accepts
    refurbished offers (elsewhere every device is of one kind and the mark says nothing)."""
    accepting = [
        lot
        for lot in profile.lots
        if lot.id in criterion.lots and lot.refurbished is RefurbishedPolicy.ACCEPTED
    ]
    if not accepting or not criterion.applies_to:
        return None
    return words("device_state_" + "_".join(sorted(str(s) for s in criterion.applies_to)))
