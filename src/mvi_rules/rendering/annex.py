"""The tender annex as a Word document: title block, one section per criterion type, trace table.

Layout, top to bottom: title and draft banner; procurement details; lots; how to use the annex;
points of attention (only when the result has notices); the four clause sections in tender
order — selection, minimum requirements, award criteria (with a weighting table), contract
clauses — each present even when empty, with one line saying so, so the reader sees that the
category was considered; and a trace table of every clause's source and legal basis.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..catalogue.model import (
    CriterionType,
    LocalText,
    Source,
    SourceJurisdiction,
    SourceKind,
)
from ..profile.model import Jurisdiction, Lot, ProcurementProfile, ProductGroup, Theme
from ..selection.result import EvaluationResult, ProofLabel, SelectedCriterion
from .docx_parts import (
    LANDSCAPE_TEXT_WIDTH_CM,
    TEXT_WIDTH_CM,
    DocumentObj,
    add_heading,
    add_labelled,
    add_marked,
    add_page_number_footer,
    add_paragraph,
    add_table,
    new_document,
    set_core_properties,
    start_landscape_section,
)
from .formatting import format_date, format_money, format_number, format_unit, format_value, yes_no
from .notices import notice_texts
from .text import to_blocks
from .wording import Wording

#: The order of sections in a tender.
SECTION_ORDER = (
    CriterionType.SELECTION,
    CriterionType.MINIMUM_REQUIREMENT,
    CriterionType.AWARD,
    CriterionType.CONTRACT_CLAUSE,
    CriterionType.OPTION,
)


def _language_tag(lang: str, jurisdiction: Jurisdiction) -> str:
    """The document's language for Word's spelling check (Belgian Dutch for a Belgian buyer)."""
    if lang == "nl":
        return "nl-BE" if jurisdiction is Jurisdiction.BE else "nl-NL"
    return "en-GB"


def build_annex(result: EvaluationResult, clauses: Mapping[str, str], lang: str) -> DocumentObj:
    """The annex document for ``result``; ``clauses`` maps criterion id to rendered clause text."""
    profile = result.profile
    words = Wording(lang, profile.buyer.jurisdiction)
    title = words("title", title=profile.procurement.title)
    tag = _language_tag(lang, profile.buyer.jurisdiction)
    doc = new_document(tag)
    set_core_properties(
        doc,
        title=title,
        subject=words("subtitle"),
        language=tag,
        on=profile.procurement.reference_date,
    )
    add_page_number_footer(doc, words("footer", catalogue=result.catalogue_version))

    add_paragraph(doc, title, "Title")
    add_paragraph(doc, words("subtitle"), "Subtitle")
    banner = doc.add_paragraph()
    banner.add_run(words("draft_banner")).bold = True

    _details(doc, result, words)
    _lots(doc, profile, words)
    _use(doc, result, words)
    _notices(doc, result, words)
    for kind in SECTION_ORDER:
        _section(doc, result, kind, clauses, words)
    _trace(doc, result, words)
    return doc


def _details(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
    profile, lang = result.profile, words.lang
    proc = profile.procurement
    add_heading(doc, words("details"), 1)
    rows: list[tuple[str, str]] = [
        (words("buyer"), profile.buyer.name),
        (words("authority_type"), words.authority(profile.buyer.authority_type)),
        (words("law"), words(f"law_{profile.buyer.jurisdiction.value}")),
        (
            words("procedure"),
            words.procedure(proc.procedure.value) if proc.procedure else words("not_set"),
        ),
        (words("reference_date"), format_date(proc.reference_date, lang)),
        (
            words("estimated_value"),
            words("excl_vat", amount=format_money(proc.estimated_value_eur, lang)),
        ),
        (words("threshold"), _threshold(result, words)),
        (words("term"), _term(profile, words)),
        (words("indexation"), yes_no(proc.price_indexation, lang)),
        (words("ambition"), _ambition(profile, words)),
    ]
    commitments = _commitments(profile, words)
    if commitments:
        rows.append((words("commitments"), commitments))
    rows.append(
        (
            words("ruleset"),
            words(
                "ruleset_value",
                catalogue=result.catalogue_version,
                library=result.library_version,
            ),
        )
    )
    add_table(
        doc, None, rows, (5.5, TEXT_WIDTH_CM - 5.5), style="Table Grid", bold_first_column=True
    )


def _threshold(result: EvaluationResult, words: Wording) -> str:
    if result.eu_threshold_eur is None:
        return words("unknown")
    amount = format_money(result.eu_threshold_eur, words.lang)
    above = result.profile.procurement.estimated_value_eur >= result.eu_threshold_eur
    return words("threshold_above" if above else "threshold_below", amount=amount)


def _years(value: int, words: Wording) -> str:
    return f"{format_number(value, words.lang)} {format_unit('years', value, words.lang)}"


def _term(profile: ProcurementProfile, words: Wording) -> str:
    proc = profile.procurement
    term = _years(proc.contract_term_years, words)
    if not proc.extension_years:
        return words("term_plain", term=term)
    extensions = " + ".join(format_number(y, words.lang) for y in proc.extension_years)
    unit = format_unit("years", proc.extension_years[-1], words.lang)
    return words(
        "term_extended",
        term=term,
        extensions=f"{extensions} {unit}",
        maximum=_years(proc.maximum_term_years, words),
    )


def _ambition(profile: ProcurementProfile, words: Wording) -> str:
    parts = [words("ambition_overall", level=words.level(profile.ambition.level))]
    for theme in Theme:
        own: int | None = getattr(profile.ambition, theme.value)
        if own is not None:
            parts.append(words("ambition_theme", theme=words.theme(theme), level=words.level(own)))
    return "; ".join(parts)


def _commitments(profile: ProcurementProfile, words: Wording) -> str:
    c = profile.commitments
    parts = [
        words(key)
        for key, on in (
            ("commit_isv", c.isv_policy),
            ("commit_ew", c.electronics_watch_affiliate),
            ("commit_fira", c.fira_participant),
        )
        if on
    ]
    parts.extend(c.csr_targets)
    return "; ".join(parts)


def _group_text(lot: Lot, words: Wording) -> str:
    text = words.product_group(lot.product_group)
    if lot.product_group is ProductGroup.WERKPLEK and lot.components:
        text += " (" + ", ".join(words.product_group(c) for c in lot.components) + ")"
    return text


def _lots(doc: DocumentObj, profile: ProcurementProfile, words: Wording) -> None:
    add_heading(doc, words("lots"), 1)
    rows = [
        (lot.id, lot.name, _group_text(lot, words), format_number(lot.quantity, words.lang))
        for lot in profile.lots
    ]
    header = (words("lot"), words("lot_name"), words("product_group"), words("quantity"))
    add_table(doc, header, rows, (2.4, 6.6, 4.5, 2.5), keep_together=len(rows) < 15)


def _use(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
    add_heading(doc, words("use"), 1)
    label_law = words(f"label_law_{result.profile.buyer.jurisdiction.value}")
    for key in ("use_1", "use_2", "use_3", "use_4", "use_5"):
        text = words(key, catalogue=result.catalogue_version, label_law=label_law)
        add_paragraph(doc, text, "List Number")


def _notices(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
    texts = notice_texts(result, words)
    if not texts:
        return
    add_heading(doc, words("notices"), 1)
    add_marked(doc, words("attention"), words("notices_intro"))
    for text in texts:
        add_paragraph(doc, text, "List Bullet")


def _section(
    doc: DocumentObj,
    result: EvaluationResult,
    kind: CriterionType,
    clauses: Mapping[str, str],
    words: Wording,
) -> None:
    add_heading(doc, words.section(kind), 1)
    criteria = [c for c in result.selected if c.type is kind]
    if not criteria:
        doc.add_paragraph(words("section_empty"))
        return
    if kind is CriterionType.AWARD:
        _weighting(doc, result.profile, criteria, words)
    if kind is CriterionType.OPTION:
        _options(doc, result.profile, criteria, words)
    for criterion in criteria:
        _clause(doc, result.profile, criterion, clauses[criterion.id], words)


def _number_param(criterion: SelectedCriterion, name: str) -> float | None:
    for p in criterion.parameters:
        if p.name == name and isinstance(p.value, (int, float)) and not isinstance(p.value, bool):
            return float(p.value)
    return None


def _weight(criterion: SelectedCriterion) -> float | None:
    return _number_param(criterion, "weight")


def _options(
    doc: DocumentObj,
    profile: ProcurementProfile,
    criteria: list[SelectedCriterion],
    words: Wording,
) -> None:
    """The options' maxima in percent and euro, so the buyer can include them in the estimate."""
    lang = words.lang
    doc.add_paragraph(words("options_intro"))
    add_heading(doc, words("options_table"), 2)
    estimate = profile.procurement.estimated_value_eur
    rows: list[tuple[str, str, str]] = []
    total = 0.0
    for criterion in criteria:
        percent = _number_param(criterion, "max_value_percent") or 0.0
        amount = round(estimate * percent / 100, 2)
        total += amount
        rows.append(
            (
                f"{criterion.id} {criterion.title.get(lang)}",
                _percent(percent, words),
                format_money(amount, lang),
            )
        )
    rows.append((words("options_total"), "", format_money(total, lang)))
    header = (words("option"), words("option_max_percent"), words("option_max_eur"))
    table = add_table(
        doc, header, rows, (TEXT_WIDTH_CM - 7.4, 3.6, 3.8), keep_together=len(rows) < 12
    )
    for cell in table.rows[-1].cells:
        for para in cell.paragraphs:
            for run in para.runs:
                run.bold = True
    doc.add_paragraph(
        words(
            "options_estimate",
            value=format_money(estimate, lang),
            total=format_money(estimate + total, lang),
        )
    )


def _percent(value: float, words: Wording) -> str:
    return words("percent", value=format_number(value, words.lang))


def _weighting(
    doc: DocumentObj,
    profile: ProcurementProfile,
    criteria: list[SelectedCriterion],
    words: Wording,
) -> None:
    """The weighting table; one per lot when there are several, as each lot is awarded alone."""
    add_heading(doc, words("weighting"), 2)
    doc.add_paragraph(words("weighting_intro"))
    if len(profile.lots) == 1:
        _weighting_table(doc, criteria, words)
        return
    for lot in profile.lots:
        of_lot = [c for c in criteria if lot.id in c.lots]
        if of_lot:
            title = words("lot_ref", id=lot.id, name=lot.name)
            add_heading(doc, title[:1].upper() + title[1:], 3)
            _weighting_table(doc, of_lot, words)


def _weighting_table(doc: DocumentObj, criteria: list[SelectedCriterion], words: Wording) -> None:
    lang = words.lang
    rows: list[tuple[str, str, list[str]]] = []
    total = 0.0
    for criterion in criteria:
        weight = _weight(criterion)
        total += weight or 0.0
        steps = [
            f"{_score(step.points, criterion, words)}: "
            + _lower_first(step.en if lang == "en" else step.nl)
            for step in criterion.scoring
        ]
        rows.append(
            (
                f"{criterion.id} {criterion.title.get(lang)}",
                _percent(weight, words) if weight is not None else "—",
                steps,
            )
        )
    rows.append((words("total"), _percent(total, words), []))
    header = (words("criterion"), words("weight"), words("scoring_x"))
    table = add_table(
        doc, header, rows, (5.5, 2.4, TEXT_WIDTH_CM - 7.9), keep_together=len(rows) < 10
    )
    for cell in table.rows[-1].cells:
        for para in cell.paragraphs:
            for run in para.runs:
                run.bold = True
    if total > 100:
        add_marked(doc, words("attention"), words("over_100"))


def _score(points: float, criterion: SelectedCriterion, words: Wording) -> str:
    """A scoring step's score.

    The catalogue writes scores as shares of the criterion's maximum score X (0.25 means
    0.25X), as the EU GPP criteria do; a scale that goes above 1 counts absolute points.
    """
    if max(step.points for step in criterion.scoring) > 1:
        key = "point" if points == 1 else "points"
        return words(key, points=format_number(points, words.lang))
    if points == 0:
        return "0"
    if points == 1:
        return "X"
    return f"{format_number(points, words.lang)} X"


def _lower_first(text: str) -> str:
    """ "Alleen de ..." -> "alleen de ..." after a colon; acronyms (EPEAT) keep their capitals."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _lot_refs(profile: ProcurementProfile, lot_ids: list[str], words: Wording) -> str:
    names = {lot.id: lot.name for lot in profile.lots}
    return ", ".join(
        words("lot_ref", id=lot_id, name=names[lot_id]) if lot_id in names else lot_id
        for lot_id in lot_ids
    )


def _label_text(label: ProofLabel, lang: str) -> str:
    text = label.name
    if label.version:
        text += " " + label.version.get(lang)
    if label.level:
        text += " " + label.level[:1].upper() + label.level[1:]
    if label.note is not None:
        text += f" ({label.note.get(lang)})"
    return text


def _clause(
    doc: DocumentObj,
    profile: ProcurementProfile,
    criterion: SelectedCriterion,
    text: str,
    words: Wording,
) -> None:
    lang = words.lang
    add_heading(doc, f"{criterion.id} {criterion.title.get(lang)}", 2)
    applies = add_labelled(doc, words("applies_to"), _lot_refs(profile, criterion.lots, words))
    applies.runs[1].italic = True
    applies.paragraph_format.keep_with_next = True
    for block in to_blocks(text):
        style = "List Bullet" if block.kind == "bullet" else None
        add_paragraph(doc, block.text, style)

    proof = [
        words("or_equivalent", label=_label_text(label, lang)) for label in criterion.proof.labels
    ]
    if criterion.proof.other is not None:
        proof.append(criterion.proof.other.get(lang))
    if proof:
        add_heading(doc, words("proof"), 3)
        for item in proof:
            add_paragraph(doc, item, "List Bullet")

    for p in criterion.parameters:
        if p.to_verify:
            add_marked(
                doc,
                words("to_verify"),
                words(
                    "to_verify_value",
                    description=p.description.get(lang),
                    value=format_value(p.value, p.unit, lang),
                ),
            )


#: Trace-table texts of the source registry, kept here with the code that uses them.
_POLICY_CHOICE = LocalText(
    nl="Keuze van de catalogus, die u kunt aanpassen",
    en="Choice of the catalogue, which you can change",
)
_NO_SOURCE_HERE = LocalText(
    nl="Steunt op praktijkdocumenten van buiten deze jurisdictie; beschouw de eis als een keuze"
    " van de catalogus, die u kunt aanpassen",
    en="Rests on practice documents from outside this jurisdiction; treat the requirement as a"
    " choice of the catalogue, which you can change",
)


def _shown(source: Source, jurisdiction: Jurisdiction) -> bool:
    """Whether a document for ``jurisdiction`` cites this source: a Belgian document shows no
    Dutch source, a Dutch document no Belgian statute."""
    record = source.record
    if record is None:
        return True
    if jurisdiction is Jurisdiction.BE:
        return record.jurisdiction is not SourceJurisdiction.NL
    return not (record.jurisdiction is SourceJurisdiction.BE and record.kind is SourceKind.STATUTE)


def _source_text(source: Source, words: Wording) -> str:
    """One source in the document's language: publisher, title, date, pinpoint, what it
    supports, where to find it, and how sure we are."""
    supports = source.supports.get(words.lang)
    record = source.record
    if source.policy_choice:
        return f"{_POLICY_CHOICE.get(words.lang)}: {supports}"
    # A citation built in code without the registry shows its key.
    head = [record.publisher, record.title] if record else [str(source.key)]
    if record:
        head += [x for x in (record.version, record.date) if x]
    if source.pinpoint:
        head.append(source.pinpoint)
    where = " ".join(x for x in (record.identifier, record.url) if x) if record else ""
    confidence = f" ({words.confidence(source.confidence)})" if source.confidence else ""
    return f"{', '.join(head)}: {supports}.{' ' + where if where else ''}{confidence}"


def _sources_text(sources: list[Source], words: Wording) -> list[str]:
    shown = [_source_text(s, words) for s in sources if _shown(s, words.jurisdiction)]
    return shown or [_NO_SOURCE_HERE.get(words.lang)]


def _trace(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
    # Six columns need the width of a landscape page.
    start_landscape_section(doc)
    add_heading(doc, words("trace"), 1)
    if not result.selected:
        doc.add_paragraph(words("trace_none"))
        return
    doc.add_paragraph(words("trace_intro"))
    ordered = sorted(result.selected, key=lambda c: (SECTION_ORDER.index(c.type), c.id))
    rows = [
        (
            c.id,
            str(c.version),
            words.criterion_type(c.type),
            str(c.level),
            _sources_text(c.sources, words),
            list(c.legal_basis),
        )
        for c in ordered
    ]
    header = (
        words("col_id"),
        words("col_version"),
        words("col_type"),
        words("col_level"),
        words("col_sources"),
        words("col_legal"),
    )
    fixed = (2.9, 1.9, 3.8, 1.7, 7.4)
    add_table(doc, header, rows, (*fixed, LANDSCAPE_TEXT_WIDTH_CM - sum(fixed)))
