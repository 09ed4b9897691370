"""The document's outline: numbered headings (Word numbering) and a table of contents field.

The numbers are not typed into the headings: one multi-level list in numbering.xml is linked to
the Heading 1-3 styles, so Word numbers 1, 1.1, 1.1.1 itself and renumbers when a buyer moves,
adds or deletes a section. The table of contents is a TOC field over those headings that Word
fills in; the settings ask Word to update fields when the document is opened.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

DocumentObj = Any  # python-docx has no type hints

#: The heading styles that are numbered, by level.
HEADING_STYLES = ("Heading 1", "Heading 2", "Heading 3")

#: Hanging indent per level (twentieths of a point): room for "1", "1.1" and "1.1.1".
_INDENTS = (567, 709, 851)

#: Elements that follow w:updateFields in w:settings (the schema fixes the order).
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def _element(tag: str, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def number_headings(doc: DocumentObj) -> None:
    """Link Heading 1-3 to one new multi-level list (1 / 1.1 / 1.1.1).

    A heading style that already carries numbering (a house style's own) keeps it, and then
    none is added: the house decides how its headings are numbered.
    """
    styles = [doc.styles[name] for name in HEADING_STYLES]
    if any(
        style.element.pPr is not None and style.element.pPr.numPr is not None for style in styles
    ):
        return
    numbering = doc.part.numbering_part.element
    abstract_ids = [
        int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))
    ]
    abstract_id = max(abstract_ids, default=-1) + 1
    abstract = _element("w:abstractNum", abstractNumId=str(abstract_id))
    abstract.append(_element("w:multiLevelType", val="multilevel"))
    for level, (style, indent) in enumerate(zip(styles, _INDENTS, strict=True)):
        lvl = _element("w:lvl", ilvl=str(level))
        lvl.append(_element("w:start", val="1"))
        lvl.append(_element("w:numFmt", val="decimal"))
        lvl.append(_element("w:pStyle", val=style.style_id))
        lvl.append(_element("w:lvlText", val=".".join(f"%{n}" for n in range(1, level + 2))))
        lvl.append(_element("w:lvlJc", val="left"))
        p_pr = _element("w:pPr")
        p_pr.append(_element("w:ind", left=str(indent), hanging=str(indent)))
        lvl.append(p_pr)
        abstract.append(lvl)
    # Every w:abstractNum comes before the first w:num.
    existing = numbering.findall(qn("w:abstractNum"))
    if existing:
        existing[-1].addnext(abstract)
    else:
        numbering.insert(0, abstract)
    num = numbering.add_num(abstract_id)
    doc.part.__dict__[_NUMBERED_KEY] = True
    for level, style in enumerate(styles):
        num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = num.numId


#: Heading levels the table of contents lists: sections and clauses (the headings within a
#: clause, such as its means of proof, would repeat under every clause).
CONTENTS_LEVELS = 2
#: A short annex lists its sections only: a handful of clauses is found without an entry each.
SHORT_CONTENTS_LEVELS = 1

# Where the table of contents and whether the headings carry our numbering are remembered
# (python-docx objects take no attributes of their own; the part's __dict__ does).
_CONTENTS_KEY = "_mvi_contents"
_NUMBERED_KEY = "_mvi_numbered"


def add_contents(
    doc: DocumentObj, heading: str, instruction: str | None, levels: int = CONTENTS_LEVELS
) -> None:
    """A table of contents over the section and clause headings, under ``heading`` (in the
    "TOC Heading" style where the document has one; not numbered itself).

    The field is marked for update, so Word fills it in with page numbers; until then it
    holds the headings without page numbers (:func:`fill_contents`), which is what a reader
    that does not update fields shows. ``instruction`` (the concept's "right-click, update
    field") goes on a line of its own under the heading.
    """
    names = {style.name for style in doc.styles}
    title = doc.add_paragraph(heading)
    if "TOC Heading" in names:
        title.style = doc.styles["TOC Heading"]
    else:
        title.runs[0].bold = True
    # Not numbered, though its style may be based on a numbered heading style.
    num_pr = title._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = 0
    if instruction:
        doc.add_paragraph().add_run(instruction).italic = True
    para = doc.add_paragraph()
    para._p.append(_field_char("begin", dirty=True))
    instr = _element("w:r")
    text = _element("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f' TOC \\o "1-{levels}" \\h \\z \\u '
    instr.append(text)
    para._p.append(instr)
    para._p.append(_field_char("separate"))
    para._p.append(_field_char("end"))
    doc.part.__dict__[_CONTENTS_KEY] = (para._p, levels)
    update_fields_on_open(doc)


def fill_contents(doc: DocumentObj) -> None:
    """Put the headings, numbered as Word numbers them, into the table of contents field as
    its current result (once the document is complete; nothing without a table of contents).
    """
    contents = doc.part.__dict__.pop(_CONTENTS_KEY, None)
    if contents is None:
        return
    field, depth = contents
    levels = {doc.styles[HEADING_STYLES[n]].style_id: n for n in range(CONTENTS_LEVELS)}
    numbered = doc.part.__dict__.get(_NUMBERED_KEY, False)
    counters = [0] * CONTENTS_LEVELS
    entries: list[tuple[int, str, str]] = []
    for p in doc.element.body.iterchildren(qn("w:p")):
        level = levels.get(p.style) if p.style is not None else None
        if level is None:
            continue
        counters[level] += 1
        counters[level + 1 :] = [0] * (CONTENTS_LEVELS - level - 1)
        if level >= depth:
            continue
        label = ".".join(str(n) for n in counters[: level + 1]) if numbered else ""
        entries.append((level, label, "".join(t.text or "" for t in p.iter(qn("w:t")))))
    end = field[-1]
    last = field
    for level, label, text in entries:
        para = _element("w:p")
        p_pr = _element("w:pPr")
        indent = sum(_INDENTS[:level])
        p_pr.append(_element("w:spacing", before="0", after="40"))
        p_pr.append(
            _element("w:ind", left=str(indent + _INDENTS[level]), hanging=str(_INDENTS[level]))
        )
        para.append(p_pr)
        para.append(_run(f"{label}\t{text}" if label else text))
        last.addnext(para)
        last = para
    if last is not field:
        last.append(end)  # the field's end after its last entry


def _run(text: str) -> Any:
    run = _element("w:r")
    parts = text.split("\t")
    for i, part in enumerate(parts):
        if i:
            run.append(_element("w:tab"))
        t = _element("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = part
        run.append(t)
    return run


def _field_char(kind: str, dirty: bool = False) -> Any:
    run = _element("w:r")
    char = _element("w:fldChar", fldCharType=kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    run.append(char)
    return run


def update_fields_on_open(doc: DocumentObj) -> None:
    """Have Word offer to update the document's fields (the table of contents) on opening."""
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is None:
        settings.insert_element_before(
            _element("w:updateFields", val="true"), *_AFTER_UPDATE_FIELDS
        )
