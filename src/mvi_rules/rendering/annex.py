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
    Jurisdiction,
)
from ..selection.result import (
    EvaluationResult,
)
from .annex_details import add_details, add_lots
from .annex_notes import add_blocking, add_left_out, add_notices, add_use
from .annex_sections import add_section
from .chart_section import add_lifetime_chart
from .context import buyer_term
from .docx_parts import (
    DocumentObj,
    add_page_number_footer,
    add_paragraph,
    new_document,
    set_core_properties,
)
from .house_style import HouseStyle
from .outline import CONTENTS_LEVELS, SHORT_CONTENTS_LEVELS, add_contents
from .parts import TenderPart
from .trace import add_trace
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
    add_details(doc, result, words)
    add_lots(doc, profile, words)
    if figures is not None:
        add_lifetime_chart(doc, profile, figures, lang, final=final)
    if not final:
        add_use(doc, result, words)
        add_notices(doc, result, words)
    for kind in SECTION_ORDER:
        # Review comments are for the legal adviser, like the trace: not in the final annex.
        add_section(doc, result, kind, clauses, words, comments=not final)
    if not final:
        add_left_out(doc, result, words)
        add_trace(doc, result, words, full=False)
    return doc


def build_part(
    result: EvaluationResult,
    clauses: Mapping[str, str],
    lang: str,
    part: TenderPart,
    final: bool = False,
    figures: DeviceYearFigures | None = None,
    house: HouseStyle | None = None,
) -> DocumentObj:
    """One part of a split annex: the clause sections that belong in ``part`` of the tender
    (e.g. the Programma van Eisen), usable on its own. The part with the procurement details
    has the lifetime chart after the lots, given ``figures``, as the whole annex does.

    What is for the legal adviser only (points of attention, defaults to confirm, criteria
    left out, the trace) is in :func:`build_memo`; a concept part keeps its banner and review
    comments.
    """
    profile = result.profile
    words = Wording(lang, profile.buyer.jurisdiction)
    title = words("part_title", part=part.title(lang), title=profile.procurement.title)
    doc = _opening(result, words, title, part.kinds, final, house)
    if part.details:
        add_details(doc, result, words)
    add_lots(doc, profile, words)
    if part.details and figures is not None:
        add_lifetime_chart(doc, profile, figures, lang, final=final)
    for kind in SECTION_ORDER:
        if kind in part.kinds:
            add_section(doc, result, kind, clauses, words, comments=not final)
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
        add_blocking(doc, result, words)
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
    add_blocking(doc, result, words)
    add_details(doc, result, words)
    add_notices(doc, result, words)
    add_left_out(doc, result, words)
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
