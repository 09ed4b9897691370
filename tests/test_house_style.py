"""A buyer's house style (reference .docx), numbered headings and the table of contents."""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Twips

from mvi_rules import Catalogue, evaluate, load_catalogue, load_profile
from mvi_rules.cli import main
from mvi_rules.errors import ReferenceDocxError
from mvi_rules.rendering import render_docx, render_memo, render_parts
from mvi_rules.rendering.house_style import load_house_style

from .conftest import EXAMPLES
from .test_rendering_fixtures import all_text, headings, make_result, open_docx, write_templates

HOUSE = EXAMPLES / "huisstijl.docx"
HOUSE_HEADER = "Gemeente Zuiderwaard · Team Inkoop"
HOUSE_FOOTER = "Gemeente Zuiderwaard — huisstijl — pagina"


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    return write_templates(tmp_path / "templates")


def _without_style(tmp_path: Path, *names: str) -> Path:
    """A Word document like the default template but lacking the styles ``names``."""
    document = docx.Document()
    for name in names:
        element = document.styles[name].element
        element.getparent().remove(element)
    path = tmp_path / "sjabloon.docx"
    document.save(str(path))
    return path


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name).decode("utf-8")


def _num_id(style: Any) -> int | None:
    p_pr = style.element.pPr
    if p_pr is None or p_pr.numPr is None:
        return None
    return int(p_pr.numPr.numId.val)


def test_the_house_styles_page_setup_header_and_footer_are_used(templates: Path) -> None:
    data = render_docx(make_result(), templates, reference_docx=HOUSE)
    document = open_docx(data)
    heading = document.styles["Heading 1"]
    assert heading.font.name == "Arial"
    assert str(heading.font.color.rgb) == "1F6F43"
    assert document.styles["Normal"].font.name == "Times New Roman"
    section = document.sections[0]
    assert round(section.left_margin.cm, 1) == 3.0
    assert HOUSE_HEADER in [p.text for p in section.header.paragraphs]
    footer = "\n".join(p.text for p in section.footer.paragraphs)
    assert HOUSE_FOOTER in footer
    assert "Concept — criteriaset" not in footer  # the house's footer, not ours
    # The template's own table style (green header row) styles every table.
    assert {t.style.name for t in document.tables} == {"Table Grid"}
    assert 'w:fill="1F6F43"' in _part(data, "word/styles.xml")
    # The template's example text is not carried over; the annex is.
    text = all_text(data)
    assert "Huisstijlsjabloon" not in text
    assert "Laptops en beeldschermen 2027" in text


def test_without_a_house_style_the_annex_is_a4_in_arial(templates: Path) -> None:
    document = open_docx(render_docx(make_result(), templates))
    assert document.styles["Heading 1"].font.color.rgb is None or (
        str(document.styles["Heading 1"].font.color.rgb) != "1F6F43"
    )
    assert HOUSE_HEADER not in all_text(render_docx(make_result(), templates))
    assert round(document.sections[0].left_margin.cm, 1) == 2.5


def test_a_word_template_dotx_is_accepted(tmp_path: Path, templates: Path) -> None:
    with zipfile.ZipFile(HOUSE) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"document.main+xml", b"template.main+xml"
    )
    dotx = tmp_path / "huisstijl.dotx"
    with zipfile.ZipFile(dotx, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)
    data = render_docx(make_result(), templates, reference_docx=dotx)
    assert HOUSE_HEADER in [p.text for p in open_docx(data).sections[0].header.paragraphs]


def test_the_house_style_holds_for_the_parts_and_the_memo(templates: Path) -> None:
    result = make_result()
    house = load_house_style(HOUSE)
    documents = [
        *render_parts(result, templates, reference_docx=house).values(),
        render_memo(result, reference_docx=house),
    ]
    for data in documents:
        header = open_docx(data).sections[0].header.paragraphs
        assert HOUSE_HEADER in [p.text for p in header]


def test_a_missing_style_is_named_with_the_file(tmp_path: Path, templates: Path) -> None:
    path = _without_style(tmp_path, "Heading 3", "Table Grid")
    with pytest.raises(ReferenceDocxError) as caught:
        render_docx(make_result(), templates, reference_docx=path)
    message = str(caught.value)
    assert str(path) in message
    assert "'Heading 3'" in message and "'Table Grid'" in message
    assert "'Heading 2'" not in message


def test_a_file_that_is_not_word_is_refused(tmp_path: Path, templates: Path) -> None:
    path = tmp_path / "huisstijl.docx"
    path.write_text("not a Word document")
    with pytest.raises(ReferenceDocxError, match="is not a Word document"):
        render_docx(make_result(), templates, reference_docx=path)
    with pytest.raises(ReferenceDocxError, match="cannot be read"):
        render_docx(make_result(), templates, reference_docx=tmp_path / "missing.docx")


def test_cli_refuses_a_template_without_a_style_and_writes_nothing(tmp_path: Path) -> None:
    path = _without_style(tmp_path, "List Bullet")
    output, sheet = tmp_path / "annex.docx", tmp_path / "lcc.xlsx"
    profile = str(EXAMPLES / "gemeente-laptops.yaml")
    args = ["generate", profile, "-o", str(output), "--reference-docx", str(path)]
    done = CliRunner().invoke(main, [*args, "--lcc-sheet", str(sheet)])
    assert done.exit_code == 1
    assert "'List Bullet'" in done.output and str(path) in done.output
    assert "Traceback" not in done.output
    assert not output.exists() and not sheet.exists()


def test_cli_writes_the_annex_in_the_house_style(tmp_path: Path) -> None:
    output = tmp_path / "annex.docx"
    profile = str(EXAMPLES / "gemeente-laptops.yaml")
    args = ["generate", profile, "-o", str(output), "--reference-docx", str(HOUSE)]
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0, done.output
    header = docx.Document(str(output)).sections[0].header.paragraphs
    assert HOUSE_HEADER in [p.text for p in header]
    as_json = CliRunner().invoke(main, [*args[:2], "-o", "-", "--reference-docx", str(HOUSE)])
    assert as_json.exit_code == 2
    assert "--reference-docx apply to the Word annex only" in as_json.output


@pytest.mark.parametrize("house", [None, HOUSE], ids=["default", "house"])
def test_headings_are_numbered_by_word_not_typed(templates: Path, house: Path | None) -> None:
    data = render_docx(make_result(), templates, reference_docx=house)
    document = open_docx(data)
    ids = [_num_id(document.styles[f"Heading {n}"]) for n in (1, 2, 3)]
    assert ids[0] is not None and ids == [ids[0]] * 3
    levels = [int(document.styles[f"Heading {n}"].element.pPr.numPr.ilvl.val) for n in (1, 2, 3)]
    assert levels == [0, 1, 2]
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.num_lst if n.numId == ids[0])
    abstract_id = num.abstractNumId.val
    abstract = next(
        a
        for a in numbering.findall(qn("w:abstractNum"))
        if int(a.get(qn("w:abstractNumId"))) == abstract_id
    )
    texts = [lvl.find(qn("w:lvlText")).get(qn("w:val")) for lvl in abstract.findall(qn("w:lvl"))]
    assert texts == ["%1", "%1.%2", "%1.%2.%3"]
    styles = [lvl.find(qn("w:pStyle")).get(qn("w:val")) for lvl in abstract.findall(qn("w:lvl"))]
    assert styles == [document.styles[f"Heading {n}"].style_id for n in (1, 2, 3)]
    # No number typed into the heading text.
    assert not any(h[:1].isdigit() for h in headings(document, 1))


def test_a_house_styles_own_heading_numbering_is_kept(tmp_path: Path, templates: Path) -> None:
    document = docx.Document(str(HOUSE))
    numbering = document.part.numbering_part.element
    own = numbering.add_num(0)
    num_pr = document.styles["Heading 1"].element.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = own.numId
    path = tmp_path / "genummerd.docx"
    document.save(str(path))
    out = open_docx(render_docx(make_result(), templates, reference_docx=path))
    assert _num_id(out.styles["Heading 1"]) == own.numId
    assert _num_id(out.styles["Heading 2"]) is None


def test_table_of_contents_field_updated_on_opening(templates: Path) -> None:
    concept = render_docx(make_result(), templates)
    final = render_docx(make_result(), templates, final=True)
    instruction = "klik met de rechtermuisknop op de inhoudsopgave en kies ‘Veld bijwerken’"
    for data in (concept, final):
        assert '<w:updateFields w:val="true"/>' in _part(data, "word/settings.xml")
        assert "Inhoud" in all_text(data).splitlines()
    assert instruction in all_text(concept)
    assert instruction not in all_text(final)


def test_a_short_annex_lists_its_sections_a_long_one_its_clauses_too(
    templates: Path, catalogue: Catalogue
) -> None:
    # Four clauses: the contents list names the sections only.
    short = render_docx(make_result(), templates, final=True)
    assert 'TOC \\o "1-1"' in _part(short, "word/document.xml")
    lines = all_text(short).splitlines()
    first = lines.index("Inhoud")
    # Until Word updates it, the field shows the numbered headings.
    assert lines[first + 2] == "1\tGegevens van de aanbesteding"
    assert "5\tMinimumeisen (technische specificaties)" in lines
    assert not any(line.startswith("5.1\tMVI-LIF-001") for line in lines)
    # The municipal example's dozens of clauses are listed one by one.
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    long = render_docx(result, catalogue, final=True)
    assert 'TOC \\o "1-2"' in _part(long, "word/document.xml")
    contents = all_text(long).splitlines()
    assert any(re.match(r"\d+\.1\tMVI-[A-Z]+-\d+ ", line) for line in contents)


def test_same_result_and_template_same_bytes(templates: Path) -> None:
    first = render_docx(make_result(), templates, reference_docx=HOUSE)
    assert render_docx(make_result(), templates, reference_docx=HOUSE) == first


def test_the_sample_house_template_is_what_its_script_writes() -> None:
    spec = importlib.util.spec_from_file_location("make_house", EXAMPLES / "make_house_template.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == HOUSE.read_bytes()


def test_tables_fit_between_a_house_styles_wider_margins(tmp_path: Path) -> None:
    # A template with 3.5 cm margins leaves 14 cm for text; the tables were drawn for 16 cm.
    template = docx.Document()
    section = template.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(3.5)
    path = tmp_path / "smal.docx"
    template.save(str(path))
    catalogue = load_catalogue()
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    document = open_docx(render_docx(result, catalogue, reference_docx=path))
    body = document.element.body
    sections = list(document.sections)
    assert len(sections) == 2  # the trace annex is landscape
    rooms = [Emu(s.page_width - s.left_margin - s.right_margin).cm for s in sections]
    assert rooms[0] == pytest.approx(14.0, abs=0.01)
    tables = body.findall(qn("w:tbl"))
    assert len(tables) > 5
    for table in tables:
        total = sum(int(col.get(qn("w:w"))) for col in table.iter(qn("w:gridCol")))
        assert Twips(total).cm <= max(rooms) + 0.01
    # Every table before the landscape trace fits the upright page.
    upright = tables[:-2]
    for table in upright:
        total = sum(int(col.get(qn("w:w"))) for col in table.iter(qn("w:gridCol")))
        assert Twips(total).cm <= rooms[0] + 0.01
