"""The trace annex: every document cited once in a numbered list, then per clause its version,
type, level, pinpointed sources and legal basis.

A citation names its document by number (``[3] art. 43: …``) instead of repeating publisher,
title and address in every row: the same few documents back most clauses, and repeating them
made the trace half of the annex. The review comment on a clause, which stands on its own,
keeps the full citation (:func:`source_text`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..catalogue.model import (
    Confidence,
    CriterionType,
    LocalText,
    Source,
    SourceJurisdiction,
    SourceKind,
)
from ..catalogue.sourcing import text_in
from ..profile.model import Jurisdiction
from ..selection.result import EvaluationResult, SelectedCriterion
from .docx_parts import (
    LANDSCAPE_TEXT_WIDTH_CM,
    DocumentObj,
    add_heading,
    add_table,
    start_landscape_section,
)
from .law import below_threshold_nl, legal_basis, part1_basis
from .wording import Wording

#: Clause types in tender order, which is the order ``CriterionType`` declares them in.
_TENDER_ORDER = {kind: i for i, kind in enumerate(CriterionType)}
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


def shown(source: Source, jurisdiction: Jurisdiction) -> bool:
    """Whether a document for ``jurisdiction`` cites this source: a Belgian document shows no
    Dutch source, a Dutch document no Belgian statute."""
    record = source.record
    if record is None:
        return True
    if jurisdiction is Jurisdiction.BE:
        return record.jurisdiction is not SourceJurisdiction.NL
    return not (record.jurisdiction is SourceJurisdiction.BE and record.kind is SourceKind.STATUTE)


def _document(source: Source, lang: str) -> str:
    """Publisher, title, version and date of the cited document as a document in ``lang``
    names it; its key when a citation was built in code without the registry."""
    record = source.record
    if record is None:
        return str(source.key)
    return ", ".join(x for x in (record.document(lang), record.version, record.date) if x)


def _pinpoint(source: Source, lang: str) -> str:
    """The place in the document in ``lang`` ("bijlage II" / "Annex II"); empty if none."""
    return text_in(source.pinpoint, lang) if source.pinpoint is not None else ""


def _where(source: Source) -> str:
    record = source.record
    return " ".join(x for x in (record.identifier, record.url) if x) if record else ""


def _confidence(source: Source, words: Wording) -> str:
    return f" ({words.confidence(source.confidence)})" if source.confidence else ""


def source_text(source: Source, words: Wording) -> str:
    """One source written out in full, in the document's language: publisher, title, date,
    pinpoint, what it supports, where to find it, and how sure we are."""
    supports = source.supports.get(words.lang)
    if source.policy_choice:
        return f"{_POLICY_CHOICE.get(words.lang)}: {supports}"
    head = ", ".join(x for x in (_document(source, words.lang), _pinpoint(source, words.lang)) if x)
    where = _where(source)
    return f"{head}: {supports}.{' ' + where if where else ''}{_confidence(source, words)}"


def sources_text(sources: Sequence[Source], words: Wording) -> list[str]:
    """The sources of one clause a document in ``words``' jurisdiction shows, in full."""
    full = [source_text(s, words) for s in sources if shown(s, words.jurisdiction)]
    return full or [_NO_SOURCE_HERE.get(words.lang)]


def _ordered(result: EvaluationResult) -> list[SelectedCriterion]:
    return sorted(result.selected, key=lambda c: (_TENDER_ORDER[c.type], c.id))


class _Documents:
    """The documents the trace cites, numbered in the order they are first cited."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.entries: list[tuple[str, list[str]]] = []

    def number(self, source: Source, words: Wording) -> int:
        key = str(source.key)
        if key not in self.numbers:
            self.numbers[key] = len(self.numbers) + 1
            self.entries.append((f"[{self.numbers[key]}]", _entry(source, words)))
        return self.numbers[key]


def _entry(source: Source, words: Wording) -> list[str]:
    where = _where(source)
    document = _document(source, words.lang)
    lines = [f"{document}. {where}" if where else document]
    record = source.record
    caveat = record.caveat(words.lang) if record is not None else None
    if caveat is not None:
        lines.append(words("trace_not_confirmed", detail=caveat))
    return lines


def _citation(source: Source, documents: _Documents, words: Wording, full: bool) -> str:
    """One source of one clause, by the number of its document; ``full`` adds what the
    source supports."""
    supports = source.supports.get(words.lang)
    if source.policy_choice:
        return f"{_POLICY_CHOICE.get(words.lang)}: {supports}"
    pinpoint = _pinpoint(source, words.lang)
    pinpoint = f" {pinpoint}" if pinpoint else ""
    number = documents.number(source, words)
    what = f": {supports}." if full else ""
    return f"[{number}]{pinpoint}{what}{_confidence(source, words)}"


def _citations(
    criterion: SelectedCriterion, documents: _Documents, words: Wording, full: bool
) -> list[str]:
    chosen = criterion.included_by_buyer
    lines = [] if chosen is None else [words("trace_included", reason=chosen)]
    here = [s for s in criterion.sources if shown(s, words.jurisdiction)]
    cited = (
        [_citation(s, documents, words, full) for s in here]
        if full
        else _short(here, documents, words)
    )
    return lines + (cited or [_NO_SOURCE_HERE.get(words.lang)])


def _short(sources: list[Source], documents: _Documents, words: Wording) -> list[str]:
    """One line per place in a document, with the confidence of each claim made there that is
    not confirmed: two claims on the same page would otherwise read as the same line twice."""
    places: dict[tuple[int, str], list[str]] = {}
    choices: list[str] = []
    for source in sources:
        if source.policy_choice:
            choices.append(_citation(source, documents, words, full=True))
            continue
        place = (documents.number(source, words), _pinpoint(source, words.lang))
        # Only what is less than confirmed is marked: the exceptions stand out.
        confidence = source.confidence
        sure = (
            words.confidence(confidence)
            if confidence is not None and confidence is not Confidence.CONFIRMED
            else ""
        )
        seen = places.setdefault(place, [])
        if sure and sure not in seen:
            seen.append(sure)
    lines = []
    for (number, pinpoint), levels in places.items():
        where = f" {pinpoint}" if pinpoint else ""
        lines.append(f"[{number}]{where}{' (' + '; '.join(levels) + ')' if levels else ''}")
    return lines + choices


_ARTICLE = re.compile(r"(?P<statute>.+?), (?P<article>art\. .+)$")


def _by_statute(lines: list[str]) -> list[str]:
    """One line per statute with its articles in order, so that a row reads "Aanbestedingswet
    2012, art. 2.75 (...); art. 2.76 (...)" instead of repeating the statute's name."""
    articles: dict[str, list[str]] = {}
    for line in lines:
        match = _ARTICLE.match(line)
        statute, article = (match["statute"], match["article"]) if match else (line, "")
        found = articles.setdefault(statute, [])
        if article:
            found.append(article)
    return [
        f"{statute}, {'; '.join(arts)}" if arts else statute for statute, arts in articles.items()
    ]


def add_trace(
    doc: DocumentObj, result: EvaluationResult, words: Wording, *, full: bool = True
) -> None:
    """The trace annex on landscape pages: the numbered documents, then one row per clause.

    Without ``full`` (the concept annex, whose clauses carry review comments with every
    source written out) a row names each source's document and place but not what it
    supports; the memo for the legal adviser has the full trace.
    """
    # Six columns need the width of a landscape page.
    start_landscape_section(doc)
    add_heading(doc, words("trace"), 1)
    if not result.selected:
        doc.add_paragraph(words("trace_none"))
        return
    documents = _Documents()
    ordered = _ordered(result)
    # Below the threshold every clause rests on Part 1 of the Aanbestedingswet, and Part 2
    # applies by analogy: both said once, above the table, not in every row.
    bases = [legal_basis(result, list(c.legal_basis), words.lang, marked=False) for c in ordered]
    common = [part1_basis(result, words.lang)] if below_threshold_nl(result) else []
    rows = [
        (
            c.id,
            str(c.version),
            words.criterion_type_short(c.type),
            str(c.level),
            _citations(c, documents, words, full),
            _by_statute([line for line in basis if line not in common])
            or [words("trace_common_basis_only")],
        )
        for c, basis in zip(ordered, bases, strict=True)
    ]
    if documents.entries:
        add_heading(doc, words("trace_documents"), 2)
        doc.add_paragraph(words("trace_documents_intro"))
        add_table(
            doc,
            None,
            documents.entries,
            (1.2, LANDSCAPE_TEXT_WIDTH_CM - 1.2),
            rows_may_split=True,
        )
    add_heading(doc, words("trace_clauses"), 2)
    doc.add_paragraph(words("trace_intro" if full else "trace_intro_short"))
    if common:
        doc.add_paragraph(words("trace_common_basis", basis="; ".join(common)))
    header = (
        words("col_id"),
        words("col_version"),
        words("col_type"),
        words("col_level"),
        words("col_sources"),
        words("col_legal"),
    )
    # Version and level are one or two characters; the legal basis needs the room.
    fixed = (2.4, 1.6, 2.6, 1.6, 7.6)
    add_table(
        doc, header, rows, (*fixed, LANDSCAPE_TEXT_WIDTH_CM - sum(fixed)), rows_may_split=True
    )
