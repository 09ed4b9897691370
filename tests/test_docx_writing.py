"""Paragraphs and tables are written directly as WordprocessingML (for speed); a document must
come out exactly as python-docx's own API writes it, so the bytes of an annex never depend on
which of the two wrote a paragraph."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from mvi_rules import evaluate, load_catalogue, load_profile
from mvi_rules._docx_determinism import docx_bytes, normalise_docx
from mvi_rules.rendering.annex import build_annex
from mvi_rules.rendering.docx_parts import add_labelled, add_paragraph, add_table, new_document
from mvi_rules.rendering.docx_writer import render_clauses
from mvi_rules.rendering.review_comments import AUTHOR, INITIALS, add_review_comment

from .conftest import EXAMPLES

# Letters, digits, punctuation, spaces, tabs and line breaks: what clause texts hold.
TEXT = st.text(
    alphabet=st.characters(
        whitelist_categories=("L", "N", "P", "S", "Zs"), whitelist_characters="\t\n"
    ),
    max_size=30,
)


def _python_docx_table(
    doc: Any,
    header: list[str] | None,
    rows: list[list[str | list[str]]],
    widths: tuple[float, ...],
    bold_first_column: bool,
    keep_together: bool,
    split: bool,
) -> Any:
    """The table as python-docx's API builds it, step by step (the writer before docx_tables)."""
    count = len(rows) + (1 if header else 0)
    table = doc.add_table(rows=count, cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    all_rows: list[Any] = ([header] if header else []) + list(rows)
    for r, (row, values) in enumerate(zip(table.rows, all_rows, strict=True)):
        for c, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = Cm(widths[c])
            lines = [value] if isinstance(value, str) else list(value)
            bold = (r == 0 and header is not None) or (bold_first_column and c == 0)
            first = cell.paragraphs[0]
            for i, line in enumerate(lines or [""]):
                para = first if i == 0 else cell.add_paragraph()
                para.style = doc.styles["Table Text"]
                if keep_together and r < count - 1:
                    para.paragraph_format.keep_with_next = True
                run = para.add_run(line)
                if bold:
                    run.bold = True
        if not split:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    if header:
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    flags = {
        "w:firstRow": (header is not None, 0x20),
        "w:lastRow": (False, 0x40),
        "w:firstColumn": (bold_first_column, 0x80),
        "w:lastColumn": (False, 0x100),
        "w:noHBand": (False, 0x200),
        "w:noVBand": (True, 0x400),
    }
    for name, (on, _) in flags.items():
        look.set(qn(name), "1" if on else "0")
    look.set(qn("w:val"), f"{sum(bit for on, bit in flags.values() if on):04X}")
    return table


def _xml(element: Any) -> bytes:
    return etree.tostring(element)


@settings(max_examples=60, deadline=None)
@given(
    header=st.none() | st.lists(TEXT, min_size=2, max_size=2),
    rows=st.lists(
        st.lists(TEXT | st.lists(TEXT, max_size=3), min_size=2, max_size=2),
        min_size=1,
        max_size=3,
    ),
    bold_first_column=st.booleans(),
    keep_together=st.booleans(),
    split=st.booleans(),
)
def test_a_table_is_written_as_python_docx_writes_it(
    header: list[str] | None,
    rows: list[list[str | list[str]]],
    bold_first_column: bool,
    keep_together: bool,
    split: bool,
) -> None:
    ours_doc = new_document("nl-NL")
    theirs_doc = new_document("nl-NL")
    widths = (4.0, 12.0)
    ours = add_table(
        ours_doc,
        header,
        rows,
        widths,
        bold_first_column=bold_first_column,
        keep_together=keep_together,
        rows_may_split=split,
    )
    theirs = _python_docx_table(
        theirs_doc, header, rows, widths, bold_first_column, keep_together, split
    )
    assert _xml(ours._tbl) == _xml(theirs._tbl)


@settings(max_examples=60, deadline=None)
@given(text=TEXT, style=st.sampled_from([None, "Heading 1", "List Bullet", "Subtitle"]))
def test_a_body_paragraph_is_written_as_python_docx_writes_it(text: str, style: str | None) -> None:
    ours = add_paragraph(new_document("nl-NL"), text, style)
    doc = new_document("nl-NL")
    theirs = doc.add_paragraph(text, None if style is None else doc.styles[style])
    assert _xml(ours._p) == _xml(theirs._p)


def test_a_document_is_zipped_as_saving_and_normalising_it() -> None:
    catalogue = load_catalogue()
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    clauses = render_clauses(result, catalogue.templates_dir, "nl")
    document = build_annex(result, clauses, "nl")
    direct = docx_bytes(document)
    buffer = io.BytesIO()
    document.save(buffer)
    assert direct == normalise_docx(buffer.getvalue())
    assert docx.Document(io.BytesIO(direct)).paragraphs[0].text.startswith("Bijlage MVI-criteria")


@settings(max_examples=40, deadline=None)
@given(lines=st.lists(TEXT.filter(lambda t: "\n" not in t), min_size=1, max_size=5))
def test_a_review_comment_is_written_as_python_docx_writes_it(lines: list[str]) -> None:
    text = "\n".join(lines)
    on = dt.date(2026, 11, 1)
    ours_doc = new_document("nl-NL")
    add_review_comment(ours_doc, add_paragraph(ours_doc, "Clause"), text, on)
    theirs_doc = new_document("nl-NL")
    anchor = add_paragraph(theirs_doc, "Clause")
    comment = theirs_doc.add_comment(anchor.runs, text=text, author=AUTHOR, initials=INITIALS)
    comment._comment_elm.date = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
    ours = ours_doc.part._comments_part.element
    theirs = theirs_doc.part._comments_part.element
    assert _xml(ours) == _xml(theirs)


@settings(max_examples=40, deadline=None)
@given(
    label=TEXT,
    text=TEXT,
    italic=st.booleans(),
    keep=st.booleans(),
    style=st.sampled_from([None, "List Bullet"]),
)
def test_a_labelled_paragraph_is_written_as_python_docx_writes_it(
    label: str, text: str, italic: bool, keep: bool, style: str | None
) -> None:
    ours = add_labelled(
        new_document("nl-NL"), label, text, style, italic=italic, keep_with_next=keep
    )
    doc = new_document("nl-NL")
    theirs = doc.add_paragraph("", None if style is None else doc.styles[style])
    theirs.add_run(label).bold = True
    run = theirs.add_run(" " + text)
    if italic:
        run.italic = True
    if keep:
        theirs.paragraph_format.keep_with_next = True
    assert _xml(ours._p) == _xml(theirs._p)
