"""A buyer's house style: a reference .docx whose styles, page setup, headers and footers the
documents take over.

The annex is built on the template with its body emptied: its styles (fonts, colours, the
heading, list and table styles), its theme, its numbering definitions and its last section
(paper size, margins, headers and footers) stay. The annex asks for styles by their Word
names, so a template must define every style in :data:`REQUIRED_STYLES`; one that lacks a style
is refused before anything is written, with every missing style named at once.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from ..errors import Problem, ReferenceDocxError
from .docx_parts import DocumentObj
from .docx_tables import TABLE_STYLE

#: The styles the documents use, each with what it is used for (said in the error message).
REQUIRED_STYLES: tuple[tuple[str, WD_STYLE_TYPE, str], ...] = (
    ("Title", WD_STYLE_TYPE.PARAGRAPH, "the document title"),
    ("Subtitle", WD_STYLE_TYPE.PARAGRAPH, "the line under the title"),
    ("Heading 1", WD_STYLE_TYPE.PARAGRAPH, "section headings"),
    ("Heading 2", WD_STYLE_TYPE.PARAGRAPH, "clause headings"),
    ("Heading 3", WD_STYLE_TYPE.PARAGRAPH, "headings within a clause"),
    ("List Bullet", WD_STYLE_TYPE.PARAGRAPH, "bullet lists"),
    ("List Number", WD_STYLE_TYPE.PARAGRAPH, "numbered lists"),
    (TABLE_STYLE, WD_STYLE_TYPE.TABLE, "every table"),
)

_TYPE_NAMES = {
    WD_STYLE_TYPE.PARAGRAPH: "paragraph style",
    WD_STYLE_TYPE.TABLE: "table style",
}

# A Word template (.dotx) differs from a document only in its main part's content type.
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@dataclass(frozen=True)
class HouseStyle:
    """A house-style template, read and checked by :func:`load_house_style`: its path (for
    messages) and its bytes. Pass it as ``reference_docx`` to render several documents on it
    while reading and checking the file once."""

    path: Path
    data: bytes

    def open(self) -> DocumentObj:
        """A new document on this template, its body empty but for the page set-up."""
        doc = Document(io.BytesIO(self.data))
        body = doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        return doc


def load_house_style(path: str | Path) -> HouseStyle:
    """Read and check the reference document at ``path`` (.docx or .dotx).

    Raises :class:`~mvi_rules.errors.ReferenceDocxError` naming the file when it cannot be
    read, is not a Word document, or lacks a style the documents use (all missing styles
    are named at once).
    """
    target = Path(path)
    try:
        raw = target.read_bytes()
    except OSError as exc:
        raise ReferenceDocxError.single(target, "", f"cannot be read: {exc.strerror}") from exc
    data = _as_document(raw)
    try:
        doc = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds for a file that is not Word
        raise ReferenceDocxError.single(
            target, "", "is not a Word document (.docx or .dotx)"
        ) from exc
    styles = {style.name: style.type for style in doc.styles}
    problems = [
        Problem(
            str(target),
            "styles",
            f"no {_TYPE_NAMES[kind]} {name!r} (used for {use}); add it to the template",
        )
        for name, kind, use in REQUIRED_STYLES
        if styles.get(name) != kind
    ]
    if problems:
        raise ReferenceDocxError(problems)
    return HouseStyle(target, data)


def _as_document(raw: bytes) -> bytes:
    """``raw`` with a template's content type changed to a document's (python-docx opens only
    documents); anything else is returned as it is, for Document() to judge."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as source:
            types = source.read("[Content_Types].xml")
            if _TEMPLATE_TYPE not in types:
                return raw
            parts = {info.filename: source.read(info) for info in source.infolist()}
    except (zipfile.BadZipFile, KeyError):
        return raw
    parts["[Content_Types].xml"] = types.replace(_TEMPLATE_TYPE, _DOCUMENT_TYPE)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in parts.items():
            target.writestr(name, content)
    return out.getvalue()
