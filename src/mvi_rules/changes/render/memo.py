"""A short Word memo for the legal adviser: the contract, the figures per drawer, the references.

It is built from the same Word parts and styles as the tender annex
(:mod:`mvi_rules.rendering.docx_parts`): A4 with the house margins, the document language set
for spelling checks, built-in heading and list styles, the annex's table style and table text,
and fixed properties. The same check always gives byte-identical bytes: the document's dates
are the proposed change's date, and the zip package is normalised
(:func:`mvi_rules._docx_determinism.docx_bytes`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..._atomic import write_atomic
from ..._docx_determinism import docx_bytes
from ...profile.model import Jurisdiction
from ...rendering.docx_parts import (
    DocumentObj,
    add_heading,
    add_labelled,
    add_page_number_footer,
    add_paragraph,
    add_table,
    new_document,
    set_core_properties,
)
from ..result import ChangeCheck, DrawerResult, Verdict
from ..texts import Lang, signed_money
from .law_text import ground_label
from .text import SHOW_NOTICE, contract_facts, drawer_sections
from .wording import date_text, pick


def _language_tag(check: ChangeCheck) -> str:
    """The memo's language for Word's spelling check (Belgian Dutch for a Belgian contract)."""
    if check.lang == "nl":
        return "nl-BE" if check.contract.jurisdiction is Jurisdiction.BE else "nl-NL"
    return "en-GB"


def _bullets(doc: DocumentObj, items: list[str]) -> None:
    for item in items:
        add_paragraph(doc, item, "List Bullet")


def _label(doc: DocumentObj, text: str) -> None:
    add_paragraph(doc).add_run(text).bold = True


def _bold_column(table: Any, column: int) -> None:
    """Emphasise one column of a table's body rows (the verdicts)."""
    for row in table.rows[1:]:
        for run in row.cells[column].paragraphs[0].runs:
            run.bold = True


def _history_table(doc: DocumentObj, check: ChangeCheck) -> None:
    lang = check.lang
    header = (
        pick(lang, "Datum", "Date"),
        pick(lang, "Bedrag", "Amount"),
        pick(lang, "Omschrijving", "Description"),
        pick(lang, "Grond", "Ground"),
    )
    rows = []
    for change in check.history:
        option = f" ({pick(lang, 'optie', 'option')} {change.option})" if change.option else ""
        rows.append(
            (
                date_text(change.date, lang),
                signed_money(change.amount_eur, lang),
                change.description + option,
                ground_label(change.ground, check.contract, lang),
            )
        )
    add_table(doc, header, rows, (2.8, 3.0, 6.7, 3.5))


def _overview_table(doc: DocumentObj, check: ChangeCheck) -> None:
    lang = check.lang
    header = (
        pick(lang, "Lade", "Drawer"),
        pick(lang, "Uitkomst", "Outcome"),
        pick(lang, "Kern", "Gist"),
    )
    rows = [(f"{d.order}. {d.title}", d.verdict_text, d.reason) for d in check.drawers]
    _bold_column(add_table(doc, header, rows, (4.2, 3.6, 8.2)), 1)


def _drawer_section(doc: DocumentObj, drawer: DrawerResult, lang: Lang) -> None:
    add_heading(doc, f"{drawer.order}. {drawer.title}", 2)
    verdict = add_paragraph(doc)
    verdict.add_run(drawer.verdict_text).bold = True
    verdict.add_run(f". {drawer.reason}")
    for heading, items in drawer_sections(drawer, lang):
        if items:
            _label(doc, heading)
            _bullets(doc, items)
    if drawer.notice is not None and drawer.verdict in SHOW_NOTICE:
        add_labelled(doc, pick(lang, "Aankondiging:", "Notice:"), drawer.notice.text)
    refs = pick(lang, "Bronnen: ", "References: ") + "; ".join(drawer.references)
    add_paragraph(doc).add_run(refs).italic = True


def _build_memo(check: ChangeCheck) -> DocumentObj:
    """The memo as a python-docx ``Document`` (call :func:`render_memo` for bytes).

    Contract facts and history, an overview of every drawer, the recommendation, then the
    figures, conditions and questions of each drawer that applies, and the notes.
    """
    lang = check.lang
    title = pick(
        lang, "Memo: wijziging van een lopende opdracht", "Memo: change to a running contract"
    )
    doc = new_document(_language_tag(check))
    set_core_properties(
        doc,
        title=check.heading(),
        subject=pick(lang, "Memo contractwijziging", "Contract change memo"),
        language=_language_tag(check),
        on=check.proposed_change.date,
    )
    add_page_number_footer(
        doc,
        pick(
            lang,
            "Memo contractwijziging, mvi-rules. Pagina ",
            "Contract change memo, mvi-rules. Page ",
        ),
    )
    add_paragraph(doc, title, "Title")
    intro = pick(
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
    add_paragraph(doc).add_run(intro).italic = True

    add_heading(
        doc,
        pick(lang, "1. Opdracht en voorgestelde wijziging", "1. Contract and proposed change"),
        1,
    )
    add_table(doc, None, contract_facts(check), (4.5, 11.5), bold_first_column=True)
    if check.history:
        _label(doc, pick(lang, "Eerdere wijzigingen", "Earlier changes"))
        _history_table(doc, check)

    add_heading(doc, pick(lang, "2. Advies", "2. Recommendation"), 1)
    add_paragraph(doc, check.recommendation.text)
    _overview_table(doc, check)

    add_heading(
        doc,
        pick(lang, "3. Berekening en vragen per lade", "3. Figures and questions per drawer"),
        1,
    )
    for drawer in check.drawers:
        if drawer.verdict is not Verdict.NOT_APPLICABLE:
            _drawer_section(doc, drawer, lang)

    add_heading(doc, pick(lang, "4. Opmerkingen", "4. Notes"), 1)
    _bullets(doc, check.notes)
    return doc


def render_memo(check: ChangeCheck) -> bytes:
    """The memo as .docx bytes; the same check always gives the same bytes."""
    return docx_bytes(_build_memo(check))


def write_memo(check: ChangeCheck, path: str | Path, *, force: bool = False) -> Path:
    """Write the memo to ``path`` atomically; refuse to overwrite unless ``force``.

    Raises :class:`~mvi_rules.errors.OutputExistsError` when ``path`` exists and ``force`` is
    false. The memo is rendered before anything is written.
    """
    target = Path(path)
    data = render_memo(check)
    write_atomic(target, data, force=force)
    return target
