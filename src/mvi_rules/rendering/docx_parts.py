"""Small python-docx building blocks: page set-up, properties, tables, fields.

The structure uses built-in Word styles (Title, Subtitle, Heading 1-3, List Bullet, List
Number, one table style: Table Grid) plus one added paragraph style for table text, so that a
buyer restyles the whole annex by changing styles, or by giving a house-style template
(:mod:`.house_style`) that defines them. Direct formatting is kept to emphasis inside a
paragraph (a bold label, a highlight).
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

# add_table is re-exported: the writers of every document take their parts from here.
from .docx_tables import TABLE_STYLE, TABLE_TEXT
from .docx_tables import add_table as add_table
from .docx_xml import fill_paragraph, fill_run, style_id
from .outline import number_headings

DocumentObj = Any  # python-docx has no type hints; this names what we pass around

#: Usable width of an A4 page with 2.5 cm margins, upright and landscape.
TEXT_WIDTH_CM = 16.0
LANDSCAPE_TEXT_WIDTH_CM = 24.7
LANDSCAPE_MARGIN_CM = 1.8


def new_document(language_tag: str, base: DocumentObj | None = None) -> DocumentObj:
    """An empty document whose text is marked as ``language_tag`` (for spelling checks).

    Without ``base``: A4 on python-docx's default template with our fonts and spacing. With
    ``base`` (a house-style template with its body emptied): the template's styles, page
    set-up, headers and footers as they are; only what the annex needs and the template may
    lack is added (the table-text style, heading numbering).
    """
    if base is not None:
        _set_language(base, language_tag)
        _drop_thumbnail(base)
        if TABLE_TEXT not in _style_names(base):
            _add_table_text(base)
        number_headings(base)
        return base
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    _set_language(doc, language_tag)
    _set_body_font(doc)
    _drop_thumbnail(doc)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        # Headings of a long annex should not float alone at the bottom of a page.
        doc.styles[name].paragraph_format.keep_with_next = True
    # A procurement title is long; the template's 26 pt title breaks it over three lines.
    doc.styles["Title"].font.size = Pt(22)
    _add_table_text(doc)
    _shade_header_row(doc)
    doc.styles["Footer"].font.size = Pt(8)
    number_headings(doc)
    return doc


def _style_names(doc: DocumentObj) -> set[str]:
    return {style.name for style in doc.styles}


def _add_table_text(doc: DocumentObj) -> None:
    table_text = doc.styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = doc.styles["Normal"]
    table_text.quick_style = True
    table_text.font.size = Pt(9)
    table_text.paragraph_format.space_before = Pt(0)
    table_text.paragraph_format.space_after = Pt(2)
    table_text.paragraph_format.line_spacing = 1.0


def _shade_header_row(doc: DocumentObj) -> None:
    """A light grey header row in the default template's plain grid, so a table's header
    stands out without a second table style."""
    style = doc.styles[TABLE_STYLE].element
    conditional = OxmlElement("w:tblStylePr")
    conditional.set(qn("w:type"), "firstRow")
    tc_pr = OxmlElement("w:tcPr")
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "E7E6E6")
    tc_pr.append(shading)
    conditional.append(tc_pr)
    style.append(conditional)


def start_landscape_section(doc: DocumentObj) -> None:
    """Continue on a new page turned to landscape (for wide tables); headers and footers
    carry over."""
    previous = doc.sections[-1]
    width, height = previous.page_width, previous.page_height
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = max(width, height), min(width, height)
    # A landscape page is short: narrower top and bottom margins give its long reference
    # tables a few more rows per page.
    section.top_margin = section.bottom_margin = Cm(LANDSCAPE_MARGIN_CM)


def _set_language(doc: DocumentObj, tag: str) -> None:
    r_pr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), tag)


def _set_body_font(doc: DocumentObj) -> None:
    """Arial 10 pt with tight spacing for all text, headings included.

    The template's theme fonts (Cambria, Calibri) are missing on most machines that are not
    Windows, where the substitute runs wider and a document gets pages longer than in Word;
    Arial has a metric-compatible substitute everywhere (Liberation Sans), so the document
    breaks into the same pages wherever it is opened. 10 pt is the usual size of tender text.
    """
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = r_pr.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), "Arial")
    for tag in ("w:sz", "w:szCs"):
        r_pr.find(qn(tag)).set(qn("w:val"), "20")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "120")
    spacing.set(qn("w:line"), "252")
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3"):
        # Heading styles name the theme's heading font themselves.
        fonts = doc.styles[name].element.rPr.find(qn("w:rFonts"))
        if fonts is not None:
            doc.styles[name].element.rPr.remove(fonts)


def _drop_thumbnail(doc: DocumentObj) -> None:
    # The template's thumbnail shows an unrelated blank page in file browsers.
    rels = doc.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del rels[r_id]


def set_core_properties(
    doc: DocumentObj, *, title: str, subject: str, language: str, on: date
) -> None:
    """Fixed document properties: the same result always gives the same properties."""
    stamp = datetime(on.year, on.month, on.day, tzinfo=timezone.utc)
    props = doc.core_properties
    # Word's core properties hold at most 255 characters (python-docx raises beyond that); a
    # long tender title stays whole in the document, only the property is shortened.
    props.title = title if len(title) <= 255 else title[:254] + "…"
    props.subject = subject
    props.author = "mvi-rules"
    props.last_modified_by = "mvi-rules"
    props.language = language
    props.keywords = "MVI; ICT; aanbesteding; procurement"
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.revision = 1


def set_style(para: Any, name: str) -> None:
    """Give ``para`` the paragraph style called ``name`` (its id looked up once per document:
    python-docx's own lookup by name made three quarters of the rendering time)."""
    para._p.style = style_id(para.part.document, name)


def add_paragraph(container: Any, text: str = "", style: str | None = None) -> Any:
    """A paragraph with ``text`` in ``style`` (a document, or a table cell)."""
    if not isinstance(container, DocxDocument):
        para = container.add_paragraph(text)
        if style is not None:
            set_style(para, style)
        return para
    # The document body, where nearly all paragraphs go: written directly (docx_xml).
    p = OxmlElement("w:p")
    container.element.body._insert_p(p)
    fill_paragraph(p, text, None if style is None else style_id(container, style))
    return Paragraph(p, container._body)


def add_heading(doc: DocumentObj, text: str, level: int) -> Any:
    """A heading paragraph in Word's built-in "Heading <level>" style."""
    return add_paragraph(doc, text, f"Heading {level}")


def add_labelled(
    doc_or_cell: Any,
    label: str,
    text: str,
    style: str | None = None,
    *,
    italic: bool = False,
    keep_with_next: bool = False,
) -> Any:
    """A paragraph starting with a bold label, e.g. "Van toepassing op: perceel 1"; ``italic``
    sets the text after the label in italics."""
    para = add_paragraph(doc_or_cell, "", style)
    if keep_with_next:
        para.paragraph_format.keep_with_next = True
    # Two per clause: the runs are written directly, as python-docx writes them (docx_xml).
    fill_run(para._p, label, bold=True)
    fill_run(para._p, " " + text, italic=italic)
    return para


def add_marked(doc: DocumentObj, label: str, text: str) -> Any:
    """A paragraph whose bold label is highlighted, so a reader cannot miss it."""
    para = doc.add_paragraph()
    run = para.add_run(label)
    run.bold = True
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    para.add_run(" " + text)
    return para


def add_page_number_footer(doc: DocumentObj, text: str) -> None:
    """A footer line ``text`` followed by the page number (a PAGE field Word fills in).

    A house-style template's own footer is kept as it is, and then none is added.
    """
    footer = doc.sections[0].footer
    if not footer.is_linked_to_previous and any(
        para.text.strip() or para._p.xpath(".//w:fldSimple | .//w:fldChar")
        for para in footer.paragraphs
    ):
        return
    para = footer.paragraphs[0]
    if "Footer" in _style_names(doc):
        para.style = doc.styles["Footer"]
    para.add_run(text)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    inner = OxmlElement("w:r")
    placeholder = OxmlElement("w:t")
    placeholder.text = "1"
    inner.append(placeholder)
    field.append(inner)
    para._p.append(field)
