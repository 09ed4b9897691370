"""Write examples/huisstijl.docx: a sample house-style template for ``--reference-docx``.

An invented municipality's house style, made to look clearly different from the default annex:
a serif body, green sans-serif headings, a green table header, a wider left margin, and a
header and footer of its own. Run from the repository root (the output is byte-identical on
every run):

    python examples/make_house_template.py
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from mvi_rules._docx_determinism import normalise_docx

GREEN = RGBColor(0x1F, 0x6F, 0x43)
BODY_FONT = "Times New Roman"
HEADING_FONT = "Arial"
TARGET = Path(__file__).with_name("huisstijl.docx")


def _font(style: object, name: str, size: float, colour: RGBColor | None = None) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name = name
    font.size = Pt(size)
    if colour is not None:
        font.color.rgb = colour
    fonts = style.element.rPr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:cs"), name)


def _element(tag: str, **attrs: str) -> OxmlElement:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _green_table(doc: object) -> None:
    """Table Grid with green lines and a green header row in white letters."""
    style = doc.styles["Table Grid"].element  # type: ignore[attr-defined]
    for border in style.find(qn("w:tblPr")).find(qn("w:tblBorders")):
        border.set(qn("w:color"), "1F6F43")
    first = _element("w:tblStylePr", type="firstRow")
    r_pr = _element("w:rPr")
    r_pr.append(_element("w:b"))
    r_pr.append(_element("w:color", val="FFFFFF"))
    first.append(r_pr)
    tc_pr = _element("w:tcPr")
    tc_pr.append(_element("w:shd", val="clear", color="auto", fill="1F6F43"))
    first.append(tc_pr)
    style.append(first)


def _page_field(paragraph: object) -> None:
    field = _element("w:fldSimple", instr="PAGE")
    run = _element("w:r")
    text = _element("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)  # type: ignore[attr-defined]


def build() -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(3.0), Cm(2.5)
    _font(doc.styles["Normal"], BODY_FONT, 11)
    _font(doc.styles["Title"], HEADING_FONT, 20, GREEN)
    _font(doc.styles["Subtitle"], HEADING_FONT, 12, GREEN)
    for name, size in (("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        _font(doc.styles[name], HEADING_FONT, size, GREEN)
        doc.styles[name].paragraph_format.keep_with_next = True
    _green_table(doc)
    for name in ("Header", "Footer"):
        style = doc.styles[name] if name in [s.name for s in doc.styles] else None
        if style is None:
            style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        _font(style, HEADING_FONT, 8, GREEN)
    header = section.header.paragraphs[0]
    header.text = "Gemeente Zuiderwaard · Team Inkoop"
    header.style = doc.styles["Header"]
    footer = section.footer.paragraphs[0]
    footer.text = "Gemeente Zuiderwaard — huisstijl — pagina "
    footer.style = doc.styles["Footer"]
    _page_field(footer)
    stamp = datetime(2026, 1, 1, tzinfo=timezone.utc)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = "Huisstijl", "mvi-rules", "mvi-rules"
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    doc.add_paragraph("Huisstijlsjabloon van Gemeente Zuiderwaard (voorbeeld).")
    from io import BytesIO

    buffer = BytesIO()
    doc.save(buffer)
    return normalise_docx(buffer.getvalue())


if __name__ == "__main__":
    TARGET.write_bytes(build())
    sys.stdout.write(f"{TARGET}\n")
