"""A short Word memo for the legal adviser: the contract, the figures per drawer, the references.

The same check always gives byte-identical bytes: the document's dates are the proposed change's
date, and the zip package is normalised (:func:`mvi_rules._docx_determinism.normalise_docx`).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Cm, Pt, RGBColor

from .._atomic import write_atomic
from .._docx_determinism import normalise_docx
from .drawers import ground_label
from .render import SHOW_NOTICE, contract_facts
from .result import ChangeCheck, DrawerResult, Verdict
from .texts import Lang, pick, signed_money

_GREY = RGBColor(0x59, 0x59, 0x59)

_VERDICT_COLOURS = {
    Verdict.FITS: RGBColor(0x1E, 0x6B, 0x30),
    Verdict.CONDITIONAL: RGBColor(0x1E, 0x6B, 0x30),
    Verdict.LEGAL_REVIEW: RGBColor(0x8A, 0x5A, 0x00),
    Verdict.NOT_APPLICABLE: _GREY,
    Verdict.DOES_NOT_FIT: RGBColor(0xA0, 0x1E, 0x1E),
    Verdict.UNDETERMINED: RGBColor(0x8A, 0x5A, 0x00),
}


def _set_core_properties(document: Any, check: ChangeCheck) -> None:
    # Fixed, input-derived metadata: python-docx would otherwise stamp the current time.
    stamp = dt.datetime.combine(check.proposed_change.date, dt.time(0, 0))
    props = document.core_properties
    props.author = "mvi-rules"
    props.last_modified_by = "mvi-rules"
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    props.title = check.heading()
    props.subject = pick(check.lang, "Memo contractwijziging", "Contract change memo")
    props.keywords = "mvi-rules; ladekast"
    props.comments = ""
    props.category = ""


def _bullets(document: Any, items: list[str]) -> None:
    for item in items:
        document.add_paragraph(item, style="List Bullet")


def _label(document: Any, text: str) -> None:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = True
    paragraph.paragraph_format.space_after = Pt(2)


def _table(document: Any, header: tuple[str, ...] | None, widths_cm: tuple[float, ...]) -> Any:
    """A bordered table with fixed column widths (Word and LibreOffice both honour cell widths)."""
    table = document.add_table(rows=0, cols=len(widths_cm))
    table.style = "Table Grid"
    table.autofit = False
    # LibreOffice reads the grid, Word the cells; set both.
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    if header is not None:
        cells = _row(table, widths_cm)
        for cell, text in zip(cells, header, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
    return table


def _row(table: Any, widths_cm: tuple[float, ...]) -> Any:
    cells = table.add_row().cells
    for cell, width in zip(cells, widths_cm, strict=True):
        cell.width = Cm(width)
    return cells


def _history_table(document: Any, check: ChangeCheck) -> None:
    lang = check.lang
    widths = (2.6, 3.0, 6.9, 3.5)
    header = (
        pick(lang, "Datum", "Date"),
        pick(lang, "Bedrag", "Amount"),
        pick(lang, "Omschrijving", "Description"),
        pick(lang, "Grond", "Ground"),
    )
    table = _table(document, header, widths)
    for change in check.history:
        cells = _row(table, widths)
        cells[0].text = str(change.date)
        cells[1].text = signed_money(change.amount_eur, lang)
        option = f" ({pick(lang, 'optie', 'option')} {change.option})" if change.option else ""
        cells[2].text = change.description + option
        cells[3].text = ground_label(change.ground, check.contract, lang)


def _overview_table(document: Any, check: ChangeCheck) -> None:
    lang = check.lang
    widths = (4.2, 3.6, 8.2)
    header = (
        pick(lang, "Lade", "Drawer"),
        pick(lang, "Uitkomst", "Outcome"),
        pick(lang, "Kern", "Gist"),
    )
    table = _table(document, header, widths)
    for drawer in check.drawers:
        cells = _row(table, widths)
        cells[0].text = f"{drawer.order}. {drawer.title}"
        run = cells[1].paragraphs[0].add_run(drawer.verdict_text)
        run.bold = True
        run.font.color.rgb = _VERDICT_COLOURS[drawer.verdict]
        cells[2].text = drawer.reason


def _drawer_section(document: Any, drawer: DrawerResult, lang: Lang) -> None:
    document.add_heading(f"{drawer.order}. {drawer.title}", level=2)
    verdict = document.add_paragraph()
    run = verdict.add_run(drawer.verdict_text)
    run.bold = True
    run.font.color.rgb = _VERDICT_COLOURS[drawer.verdict]
    verdict.add_run(f". {drawer.reason}")
    sections = (
        (pick(lang, "Berekening", "Arithmetic"), drawer.arithmetic),
        (
            pick(lang, "Te bevestigen door de aanbestedende dienst", "The buyer must confirm"),
            drawer.conditions,
        ),
        (pick(lang, "Vragen voor de jurist", "Questions for the legal adviser"), drawer.questions),
        (pick(lang, "Let op", "Note"), drawer.notes),
    )
    for heading, items in sections:
        if items:
            _label(document, heading)
            _bullets(document, items)
    if drawer.notice is not None and drawer.verdict in SHOW_NOTICE:
        paragraph = document.add_paragraph()
        paragraph.add_run(pick(lang, "Aankondiging: ", "Notice: ")).bold = True
        paragraph.add_run(drawer.notice.text)
    refs = document.add_paragraph()
    refs_run = refs.add_run(pick(lang, "Bronnen: ", "References: ") + "; ".join(drawer.references))
    refs_run.italic = True
    refs_run.font.size = Pt(9)
    refs_run.font.color.rgb = _GREY


def build_memo(check: ChangeCheck) -> Any:
    """The memo as a python-docx ``Document`` (call :func:`render_memo` for bytes).

    Contract facts and history, an overview of every drawer, the recommendation, then the
    figures, conditions and questions of each drawer that applies, and the notes.
    """
    lang = check.lang
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    _set_core_properties(document, check)

    document.add_heading(
        pick(
            lang, "Memo: wijziging van een lopende opdracht", "Memo: change to a running contract"
        ),
        level=0,
    )
    intro = document.add_paragraph()
    intro.add_run(
        pick(
            lang,
            "Aan: de jurist. Onderwerp: past de voorgestelde wijziging in een lade van de "
            "ladekast (de gronden om een lopende opdracht te wijzigen zonder nieuwe "
            "aanbesteding)? Opgesteld met mvi-rules; de berekeningen zijn exact, het oordeel "
            "over voorwaarden en vragen is aan u.",
            "To: the legal adviser. Subject: does the proposed change fit a drawer of the chest "
            "(the grounds for changing a running contract without a new procedure)? Prepared "
            "with mvi-rules; the arithmetic is exact, judging the conditions and questions is "
            "for you.",
        )
    ).italic = True

    document.add_heading(
        pick(lang, "1. Opdracht en voorgestelde wijziging", "1. Contract and proposed change"),
        level=1,
    )
    widths = (4.5, 11.5)
    table = _table(document, None, widths)
    for label, value in contract_facts(check):
        cells = _row(table, widths)
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].text = value
    if check.history:
        document.add_paragraph()
        _label(document, pick(lang, "Eerdere wijzigingen", "Earlier changes"))
        _history_table(document, check)

    document.add_heading(pick(lang, "2. Advies", "2. Recommendation"), level=1)
    document.add_paragraph(check.recommendation.text)
    _overview_table(document, check)

    document.add_heading(
        pick(lang, "3. Berekening en vragen per lade", "3. Figures and questions per drawer"),
        level=1,
    )
    for drawer in check.drawers:
        if drawer.verdict is not Verdict.NOT_APPLICABLE:
            _drawer_section(document, drawer, lang)

    document.add_heading(pick(lang, "4. Opmerkingen", "4. Notes"), level=1)
    _bullets(document, check.notes)
    return document


def render_memo(check: ChangeCheck) -> bytes:
    """The memo as .docx bytes; the same check always gives the same bytes."""
    buffer = io.BytesIO()
    build_memo(check).save(buffer)
    return normalise_docx(buffer.getvalue())


def write_memo(check: ChangeCheck, path: str | Path, *, force: bool = False) -> Path:
    """Write the memo to ``path`` atomically; refuse to overwrite unless ``force``.

    Raises :class:`~mvi_rules.errors.OutputExistsError` when ``path`` exists and ``force`` is
    false. The memo is rendered before anything is written.
    """
    target = Path(path)
    data = render_memo(check)
    write_atomic(target, data, force=force)
    return target
