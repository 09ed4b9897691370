"""The tender annex as a Word document: title block, one section per criterion type, trace table.

Layout, top to bottom: title and draft banner; procurement details; lots; how to use the annex;
points of attention (only when the result has notices); the four clause sections in tender
order — selection, minimum requirements, award criteria (with a weighting table), contract
clauses — each present even when empty, with one line saying so, so the reader sees that the
category was considered; and a trace table of every clause's source and legal basis.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..catalogue.figures import DeviceYearFigures
from ..catalogue.model import (
    CriterionType,
)
from ..profile.model import (
    CriteriaSet,
    Jurisdiction,
    Lot,
    ProcurementProfile,
    ProductGroup,
    RefurbishedPolicy,
    Theme,
)
from ..selection.economics import BLOCKING
from ..selection.result import (
    EvaluationResult,
    LotWeighting,
    ResolvedParameter,
    SelectedCriterion,
    ValueLine,
)
from .attachments import attachment_line
from .chart_section import add_lifetime_chart
from .context import buyer_term
from .docx_parts import (
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
)
from .formatting import (
    format_date,
    format_money,
    format_number,
    format_parameter,
    format_unit,
    format_value,
    label_text,
    yes_no,
)
from .house_style import HouseStyle
from .law import below_threshold_nl, localise
from .notices import attention_points, notice_text
from .outline import CONTENTS_LEVELS, SHORT_CONTENTS_LEVELS, add_contents
from .parts import TenderPart
from .review_comments import add_review_comment, review_comment_text
from .text import to_blocks
from .trace import add_trace, sources_text
from .wording import Wording

#: The order of sections in a tender.
SECTION_ORDER = (
    CriterionType.SELECTION,
    CriterionType.MINIMUM_REQUIREMENT,
    CriterionType.AWARD,
    CriterionType.CONTRACT_CLAUSE,
    CriterionType.OPTION,
)
#: Up to this many clauses (the size of a small purchase's set, issue 8) the contents list
#: names the sections only.
SHORT_ANNEX_CLAUSES = 10


def _language_tag(lang: str, jurisdiction: Jurisdiction) -> str:
    """The document's language for Word's spelling check (Belgian Dutch for a Belgian buyer)."""
    if lang == "nl":
        return "nl-BE" if jurisdiction is Jurisdiction.BE else "nl-NL"
    return "en-GB"


def build_annex(
    result: EvaluationResult,
    clauses: Mapping[str, str],
    lang: str,
    final: bool = False,
    figures: DeviceYearFigures | None = None,
    house: HouseStyle | None = None,
) -> DocumentObj:
    """The annex document for ``result``; ``clauses`` maps criterion id to rendered clause text.

    ``figures`` (``rulesets/figures/device_years.yaml``) adds the lifetime chart after the
    lots; without them the annex has no chart.

    ``final`` leaves out what is for the buyer and the legal adviser only (the concept banner,
    the instructions, the points of attention, the defaults to confirm, the criteria left out
    and the trace annex): :func:`build_memo` holds those. ``house`` is the buyer's house-style
    template the document is built on.
    """
    profile = result.profile
    words = Wording(lang, profile.buyer.jurisdiction)
    title = words("title", title=profile.procurement.title)
    doc = _opening(result, words, title, SECTION_ORDER, final, house)
    _details(doc, result, words)
    _lots(doc, profile, words)
    if figures is not None:
        add_lifetime_chart(doc, profile, figures, lang, final=final)
    if not final:
        _use(doc, result, words)
        _notices(doc, result, words)
    for kind in SECTION_ORDER:
        # Review comments are for the legal adviser, like the trace: not in the final annex.
        _section(doc, result, kind, clauses, words, comments=not final)
    if not final:
        _left_out_section(doc, result, words)
        add_trace(doc, result, words, full=False)
    return doc


def build_part(
    result: EvaluationResult,
    clauses: Mapping[str, str],
    lang: str,
    part: TenderPart,
    final: bool = False,
    house: HouseStyle | None = None,
) -> DocumentObj:
    """One part of a split annex: the clause sections that belong in ``part`` of the tender
    (e.g. the Programma van Eisen), usable on its own.

    What is for the legal adviser only (points of attention, defaults to confirm, criteria
    left out, the trace) is in :func:`build_memo`; a concept part keeps its banner and review
    comments.
    """
    profile = result.profile
    words = Wording(lang, profile.buyer.jurisdiction)
    title = words("part_title", part=part.title(lang), title=profile.procurement.title)
    doc = _opening(result, words, title, part.kinds, final, house)
    if part.details:
        _details(doc, result, words)
    _lots(doc, profile, words)
    for kind in SECTION_ORDER:
        if kind in part.kinds:
            _section(doc, result, kind, clauses, words, comments=not final)
    return doc


def _opening(
    result: EvaluationResult,
    words: Wording,
    title: str,
    kinds: Sequence[CriterionType],
    final: bool,
    house: HouseStyle | None,
) -> DocumentObj:
    """A new annex or part up to its contents list: title, subtitle, the defined terms of the
    clause types it holds and, in a concept, the banner and what blocks the tender."""
    doc = _new_document(result, words, title, "footer_final" if final else "footer", house)
    add_paragraph(doc, title, "Title")
    add_paragraph(doc, words("subtitle"), "Subtitle")
    _defined_terms(doc, result, words, kinds)
    if not final:
        banner = doc.add_paragraph()
        banner.add_run(words("draft_banner")).bold = True
        _blocking(doc, result, words)
    clauses = sum(1 for c in result.selected if c.type in kinds)
    _contents(doc, words, final, clauses)
    return doc


def build_memo(result: EvaluationResult, lang: str, house: HouseStyle | None = None) -> DocumentObj:
    """The memo for the legal adviser that goes with a final annex: the decisions to take,
    the points of attention, the defaults to confirm, the criteria left out and, per clause,
    its sources and legal basis."""
    profile = result.profile
    words = Wording(lang, profile.buyer.jurisdiction)
    title = words("memo_title", title=profile.procurement.title)
    doc = _new_document(result, words, title, "footer_memo", house)
    add_paragraph(doc, title, "Title")
    add_paragraph(doc, words("memo_subtitle"), "Subtitle")
    _blocking(doc, result, words)
    _details(doc, result, words)
    _notices(doc, result, words)
    _left_out_section(doc, result, words)
    add_trace(doc, result, words)
    return doc


def _new_document(
    result: EvaluationResult, words: Wording, title: str, footer: str, house: HouseStyle | None
) -> DocumentObj:
    profile = result.profile
    tag = _language_tag(words.lang, profile.buyer.jurisdiction)
    doc = new_document(tag, house.open() if house is not None else None)
    set_core_properties(
        doc,
        title=title,
        subject=words("subtitle"),
        language=tag,
        on=profile.procurement.reference_date,
    )
    add_page_number_footer(doc, words(footer, catalogue=result.catalogue_version))
    return doc


def _defined_terms(
    doc: DocumentObj, result: EvaluationResult, words: Wording, kinds: Sequence[CriterionType]
) -> None:
    """The one place that names the buyer for the clauses, which use the defined term."""
    terms = list(dict.fromkeys(buyer_term(words, kind) for kind in kinds))
    text = words("defined_buyer", name=result.profile.buyer.name, term=terms[0])
    if len(terms) > 1:
        text += words("defined_buyer_contract", term=terms[1])
    doc.add_paragraph(text + ".")


def _contents(doc: DocumentObj, words: Wording, final: bool, clauses: int) -> None:
    """The table of contents, listing the clauses too unless there are only a few; only the
    concept says how to fill it in (Word offers it)."""
    levels = SHORT_CONTENTS_LEVELS if clauses <= SHORT_ANNEX_CLAUSES else CONTENTS_LEVELS
    add_contents(doc, words("contents"), None if final else words("contents_update"), levels)


def _details(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
    profile, lang = result.profile, words.lang
    proc = profile.procurement
    add_heading(doc, words("details"), 1)
    rows: list[tuple[str, str]] = [
        (words("buyer"), profile.buyer.name),
        (words("authority_type"), words.authority(profile.buyer.authority_type)),
        (words("law"), _law(result, words)),
        (
            words("procedure"),
            words.procedure(proc.procedure.value) if proc.procedure else words("not_set"),
        ),
        (words("reference_date"), _reference_date(profile, words)),
        (words("stated_value"), _stated(result, words)),
        (words("total_value"), _total(result, words)),
        (words("threshold"), _threshold(result, words)),
        (words("consequence"), _consequence(result, words)),
        (words("term"), _term(profile, words)),
        (words("indexation"), yes_no(proc.price_indexation, lang)),
        (words("ambition"), _ambition(profile, words)),
        (words("selection_set"), words(f"selection_set_{proc.criteria_set.value}")),
    ]
    if result.isv.applies:
        rows.append((words("isv"), _isv(result, words)))
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
    add_table(doc, None, rows, (5.5, TEXT_WIDTH_CM - 5.5), bold_first_column=True)


def _blocking(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
    """Decisions the buyer must take before anything else, right under the title."""
    for notice in result.notices:
        if notice.code in BLOCKING:
            add_marked(doc, words("blocking"), notice_text(result, notice, words))


def _law(result: EvaluationResult, words: Wording) -> str:
    if below_threshold_nl(result):
        return words("law_NL_below")
    return words(f"law_{result.profile.buyer.jurisdiction.value}")


def _stated(result: EvaluationResult, words: Wording) -> str:
    parts = [words("covers_initial")] + [words(f"covers_{c}") for c in result.value.includes]
    joined = ", ".join(parts[:-1]) + f" {words('and')} {parts[-1]}" if len(parts) > 1 else parts[0]
    return words(
        "stated_covers", amount=format_money(result.value.stated_eur, words.lang), parts=joined
    )


def _total(result: EvaluationResult, words: Wording) -> str:
    value, lang = result.value, words.lang
    parts = "".join(
        words(f"part_{kind}", amount=format_money(value.amount(kind), lang))
        for kind in ("extension", "option", "incentive")
        if any(line.kind == kind for line in value.lines)
    )
    return words(
        "total_value_text",
        total=format_money(value.total_eur, lang),
        initial=format_money(value.initial_eur, lang),
        parts=parts,
        law=words(f"raming_law_{result.profile.buyer.jurisdiction.value}"),
    )


def _threshold(result: EvaluationResult, words: Wording) -> str:
    if result.value.threshold_eur is None:
        return words("unknown")
    amount = format_money(result.value.threshold_eur, words.lang)
    return words("threshold_above" if result.value.above else "threshold_below", amount=amount)


#: Below this value a Belgian contract may be concluded by accepted invoice (Wet 2016 art. 92).
BE_LOW_VALUE_EUR = 30_000


def _consequence(result: EvaluationResult, words: Wording) -> str:
    if result.value.above is None:
        return words("unknown")
    jurisdiction = result.profile.buyer.jurisdiction
    if jurisdiction is Jurisdiction.NL:
        if result.value.above:
            article = "2.2" if result.profile.buyer.authority_type.is_central else "2.3"
            return words("consequence_NL_above", article=article)
        return words("consequence_NL_below")
    if result.value.above:
        return words("consequence_BE_above")
    text = words("consequence_BE_below")
    if result.value.total_eur < BE_LOW_VALUE_EUR:
        text += words("consequence_BE_low_value")
    return text


def _isv(result: EvaluationResult, words: Wording) -> str:
    text = _isv_status(result, words)
    isv, profile = result.isv, result.profile
    # Only for the State above the threshold does the category decide mandatory or voluntary.
    if isv.unconfirmed_lots and profile.buyer.authority_type.is_central and result.value.above:
        text += " " + words("isv_unconfirmed", lots=_lot_refs(profile, isv.unconfirmed_lots, words))
    return text


def _isv_status(result: EvaluationResult, words: Wording) -> str:
    profile, lang = result.profile, words.lang
    isv = result.isv
    if isv.mandatory_lots:
        names = sorted({isv.categories[lot_id].get(lang) for lot_id in isv.mandatory_lots})
        text = words(
            "isv_mandatory",
            lots=_lot_refs(profile, isv.mandatory_lots, words),
            categories=", ".join(f"‘{n}’" for n in names),
        )
        others = [lot.id for lot in profile.lots if lot.id not in isv.mandatory_lots]
        if others:
            text += " " + words(
                "isv_voluntary_state_category", lots=_lot_refs(profile, others, words)
            )
        return text
    if profile.buyer.authority_type.is_central:
        if result.value.above:
            return words(
                "isv_voluntary_state_category",
                lots=_lot_refs(profile, [lot.id for lot in profile.lots], words),
            )
        return words("isv_voluntary_state_below")
    return words("isv_voluntary_other")


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
        (
            lot.id,
            lot.name,
            _group_text(lot, words),
            format_number(lot.quantity, words.lang),
            _refurbished_text(lot, words),
        )
        for lot in profile.lots
    ]
    header = (
        words("lot"),
        words("lot_name"),
        words("product_group"),
        words("quantity"),
        words("refurbished"),
    )
    add_table(doc, header, rows, (2.0, 4.3, 3.6, 2.3, 3.8), keep_together=len(rows) < 15)


def _refurbished_text(lot: Lot, words: Wording) -> str:
    """The lot's choice on refurbished devices, marked when the profile left it to the default."""
    text = words(f"refurbished_{lot.refurbished.value}")
    if "refurbished" not in lot.model_fields_set:
        text += " " + words("refurbished_default")
    return text


def _use(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
    add_heading(doc, words("use"), 1)
    below = below_threshold_nl(result)
    suffix = "_below" if below else ""
    label_law = words(f"label_law_{result.profile.buyer.jurisdiction.value}{suffix}")
    for key in ("use_1", "use_2", "use_3", "use_4", "use_5" + suffix):
        text = words(key, catalogue=result.catalogue_version, label_law=label_law)
        add_paragraph(doc, text, "List Number")


def _notices(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
    texts = attention_points(result, words)
    if texts:
        add_heading(doc, words("notices"), 1)
        add_marked(doc, words("attention"), words("notices_intro"))
        for text in texts:
            add_paragraph(doc, _capital(text), "List Bullet")
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


def _left_out_section(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
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
            localise(_capital(row.reason.get(lang)), jurisdiction, lang),
        )
        for row in result.left_out
    ]
    header = (words("criterion"), words("option_lots"), words("left_out_reason"))
    add_table(doc, header, rows, (8.1, 2.2, TEXT_WIDTH_CM - 10.3))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _section(
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
    names = {lot.id: lot.name for lot in profile.lots}
    for table in tables:
        if len(profile.lots) > 1:
            title = words("lot_ref", id=table.lot_id, name=names[table.lot_id])
            add_heading(doc, title[:1].upper() + title[1:], 3)
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
    applies = add_labelled(doc, words("applies_to"), _lot_refs(profile, criterion.lots, words))
    applies.runs[1].italic = True
    applies.paragraph_format.keep_with_next = True
    state = _device_state(profile, criterion, words)
    if state is not None:
        marked = add_labelled(doc, words("device_state"), state)
        marked.runs[1].italic = True
        marked.paragraph_format.keep_with_next = True
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


def _reference_date(profile: ProcurementProfile, words: Wording) -> str:
    """The reference date; when the profile gives none, say it is today and where."""
    day = format_date(profile.procurement.reference_date, words.lang)
    zone = profile.reference_date_zone
    if zone is None:
        return day
    if zone == "local":
        return words("reference_date_local", date=day)
    return words("reference_date_today", date=day, zone=zone)
