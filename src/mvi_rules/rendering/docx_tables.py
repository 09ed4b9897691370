"""Tables of the Word documents, written element by element in one pass (:mod:`.docx_xml`):
python-docx's cell-by-cell API was the largest part of the rendering time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.oxml import OxmlElement
from docx.shared import Cm, Emu
from docx.table import Table

from .docx_xml import fill_paragraph, style_id, sub

DocumentObj = Any  # python-docx has no type hints; this names what we pass around

#: Paragraph style of text in table cells (compact, a size smaller than body text).
TABLE_TEXT = "Table Text"

#: The one table style of every table: the name Word gives its plain grid ("Tabelraster"),
#: which every Word template has, so a house-style template restyles all tables at once.
TABLE_STYLE = "Table Grid"

#: tblLook flags in the order python-docx's table template declares them, with their bits.
_LOOK = (
    ("firstColumn", 0x80),
    ("firstRow", 0x20),
    ("lastColumn", 0x100),
    ("lastRow", 0x40),
    ("noHBand", 0x200),
    ("noVBand", 0x400),
)


def add_table(
    doc: DocumentObj,
    header: Sequence[str] | None,
    rows: Sequence[Sequence[str | Sequence[str]]],
    widths_cm: Sequence[float],
    bold_first_column: bool = False,
    keep_together: bool = False,
    rows_may_split: bool = False,
) -> Any:
    """A table in :data:`TABLE_STYLE` with fixed column widths; a cell given as a list gets
    one paragraph per item.

    Rows never break across pages unless ``rows_may_split`` (a reference table of long rows,
    where keeping each row whole leaves half-empty pages); the header row repeats on every
    page the table runs over; ``keep_together`` keeps a short table on one page.
    """
    widths = [str(Cm(width).twips) for width in _fitted(doc, widths_cm)]
    text_style = style_id(doc, TABLE_TEXT)
    tbl = OxmlElement("w:tbl")
    doc.element.body._insert_tbl(tbl)
    props = sub(tbl, "tblPr")
    sub(props, "tblStyle", val=style_id(doc, TABLE_STYLE))
    sub(props, "tblW", type="auto", w="0")
    sub(props, "tblLayout", type="fixed")
    flags = {
        "firstColumn": bold_first_column,
        "firstRow": header is not None,
        "lastColumn": False,
        "lastRow": False,
        "noHBand": False,
        "noVBand": True,
    }
    look = {name: "1" if flags[name] else "0" for name, _ in _LOOK}
    look["val"] = f"{sum(bit for name, bit in _LOOK if flags[name]):04X}"
    sub(props, "tblLook", **look)
    grid = sub(tbl, "tblGrid")
    for width in widths:
        sub(grid, "gridCol", w=width)
    all_rows: list[Sequence[str | Sequence[str]]] = [header] if header else []
    all_rows.extend(rows)
    last = len(all_rows) - 1
    for r, values in enumerate(all_rows):
        tr = sub(tbl, "tr")
        is_header = r == 0 and header is not None
        if not rows_may_split or is_header:
            tr_pr = sub(tr, "trPr")
            if not rows_may_split:
                sub(tr_pr, "cantSplit")
            if is_header:
                sub(tr_pr, "tblHeader")
        if len(values) != len(widths):
            raise ValueError(f"row {r} has {len(values)} cells for {len(widths)} columns")
        for c, value in enumerate(values):
            tc = sub(tr, "tc")
            sub(sub(tc, "tcPr"), "tcW", type="dxa", w=widths[c])
            lines = [value] if isinstance(value, str) else list(value)
            bold = is_header or (bold_first_column and c == 0)
            keep = keep_together and r < last
            for line in lines or [""]:
                fill_paragraph(sub(tc, "p"), line, text_style, bold, keep, run=True)
    return Table(tbl, doc._body)


def _fitted(doc: DocumentObj, widths_cm: Sequence[float]) -> list[float]:
    """The column widths, narrowed in proportion where a house-style template's page leaves
    less room between the margins than the widths were drawn for (A4, 2.5 cm margins)."""
    section = doc.sections[-1]
    sizes = (section.page_width, section.left_margin, section.right_margin)
    if any(size is None for size in sizes):
        return list(widths_cm)
    room = Emu(sizes[0] - sizes[1] - sizes[2]).cm
    total = sum(widths_cm)
    if room <= 0 or total <= room + 0.01:
        return list(widths_cm)
    return [width * room / total for width in widths_cm]
