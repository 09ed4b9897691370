"""WordprocessingML written directly with lxml, element for element as python-docx writes it.

python-docx adds every child element by finding its place with XPath (a paragraph's
properties, its style, a run, its text); for the hundreds of paragraphs and table cells of an
annex that was most of the rendering time (benchmarks/run.py). These helpers make the same
elements, in the same order and with the same attributes, so a document's bytes do not depend
on which of the two wrote a paragraph.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def style_id(doc: Any, name: str) -> str:
    """The id of the style called ``name`` in ``doc``, looked up once per document.

    python-docx resolves a style name by scanning every style on each assignment; in a
    house-style template the id may differ from the name, so it is read from the document.
    """
    part = doc.part
    cache: dict[str, str] = part.__dict__.setdefault("_mvi_style_ids", {})
    if name not in cache:
        cache[name] = part.document.styles[name].style_id
    return cache[name]


def sub(parent: Any, tag: str, **attrs: str) -> Any:
    """A new last child ``w:tag`` of ``parent`` with the given ``w:`` attributes, in order."""
    return etree.SubElement(parent, _W + tag, {_W + k: v for k, v in attrs.items()})


def fill_paragraph(
    p: Any,
    text: str,
    style: str | None,
    bold: bool = False,
    keep_with_next: bool = False,
    run: bool = False,
) -> None:
    """Give the empty paragraph ``p`` its style (an id), keep-with-next and a run of
    ``text``; an empty text gets an (empty) run only when ``run`` asks for one, as
    python-docx's ``add_paragraph("")`` adds none and its ``add_run("")`` adds one."""
    if style is not None or keep_with_next:
        p_pr = sub(p, "pPr")
        if style is not None:
            sub(p_pr, "pStyle", val=style)
        if keep_with_next:
            sub(p_pr, "keepNext")
    if not (text or bold or run):
        return
    r = sub(p, "r")
    if bold:
        sub(sub(r, "rPr"), "b")
    run_text(r, text)


def fill_run(p: Any, text: str, *, bold: bool = False, italic: bool = False) -> None:
    """A new last run of ``p`` with ``text``, bold and/or italic, as python-docx's ``add_run``
    with ``.bold``/``.italic`` set writes it."""
    r = sub(p, "r")
    if bold or italic:
        r_pr = sub(r, "rPr")
        if bold:
            sub(r_pr, "b")
        if italic:
            sub(r_pr, "i")
    run_text(r, text)


def run_text(run: Any, text: str) -> None:
    """``text`` as run content: a tab becomes w:tab, a line break w:br, the rest w:t (kept
    with its spaces where it starts or ends with one), as python-docx's ``Run.text`` does."""
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            chunk = "".join(buffer)
            t = sub(run, "t")
            t.text = chunk
            if len(chunk.strip()) < len(chunk):
                t.set(_SPACE, "preserve")
            buffer.clear()

    for char in text:
        if char == "\t":
            flush()
            sub(run, "tab")
        elif char in "\r\n":
            flush()
            sub(run, "br")
        else:
            buffer.append(char)
    flush()
