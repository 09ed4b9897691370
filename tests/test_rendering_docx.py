"""The Word tender annex: what a buyer reads, in which order, in which language."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from mvi_rules.errors import MviRulesError, OutputExistsError, TemplateError
from mvi_rules.rendering import render_docx, write_docx
from mvi_rules.selection.result import Notice

from .test_rendering_fixtures import (
    SPECIAL_NAME,
    SPECIAL_TITLE,
    all_text,
    belgian_profile_data,
    criteria,
    headings,
    make_result,
    open_docx,
    profile_data,
    write_templates,
)


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    return write_templates(tmp_path / "templates")


@pytest.fixture
def nl_docx(templates: Path) -> bytes:
    return render_docx(make_result(), templates)


def _table_with(document, header_text: str):
    for table in document.tables:
        if header_text in [c.text for c in table.rows[0].cells]:
            return table
    raise AssertionError(f"no table with header {header_text!r}")


def test_title_block_names_buyer_law_value_term_and_versions(nl_docx: bytes) -> None:
    document = open_docx(nl_docx)
    title = document.paragraphs[0]
    assert title.style.name == "Title"
    assert title.text == "Bijlage MVI-criteria — Laptops en beeldschermen 2027"
    text = all_text(nl_docx)
    for expected in (
        "Gemeente Teststad",
        "gemeente",
        "Nederland — Aanbestedingswet 2012",
        "23 november 2026",
        "€ 1.250.000,00 excl. btw",
        "€ 216.000,00",
        "4 jaar, met opties tot verlenging van 1 + 1 jaar (maximaal 6 jaar)",
        "algemeen: 2 (significant); circulariteit: 3 (ambitieus)",
        "versie 2026.1.0, opgesteld met mvi-rules 0.1.0",
        "juridisch adviseur",
        "openbare procedure",
    ):
        assert expected in text, expected


#: The lots table states the refurbished choice, and that the profile left it to the default.
DEFAULT_NEW = "alleen nieuwe apparaten (standaard; niet gekozen in het profiel)"


def test_lots_table_lists_id_name_group_and_quantity(nl_docx: bytes) -> None:
    table = _table_with(open_docx(nl_docx), "Perceel")
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows == [
        ["Perceel", "Naam", "Productgroep", "Aantal", "Refurbished"],
        ["1", "Laptops", "laptops", "1.400", DEFAULT_NEW],
        ["2", "Beeldschermen", "beeldschermen", "900", DEFAULT_NEW],
    ]


def test_four_sections_in_tender_order(nl_docx: bytes) -> None:
    top = headings(open_docx(nl_docx), 1)
    sections = [
        "Geschiktheidseisen en selectiecriteria",
        "Minimumeisen (technische specificaties)",
        "Gunningscriteria",
        "Contractbepalingen (bijzondere uitvoeringsvoorwaarden)",
    ]
    assert [h for h in top if h in sections] == sections
    assert top[0] == "Gegevens van de aanbesteding"
    assert top[-1].startswith("Verantwoording")


def test_each_clause_under_its_own_section(nl_docx: bytes) -> None:
    document = open_docx(nl_docx)
    section = None
    placed: dict[str, str] = {}
    for p in document.paragraphs:
        if p.style.name == "Heading 1":
            section = p.text
        elif p.style.name == "Heading 2" and p.text.startswith("MVI-"):
            placed[p.text] = section or ""
    assert placed == {
        "MVI-SEL-001 Milieumanagementsysteem": "Geschiktheidseisen en selectiecriteria",
        "MVI-LIF-001 Minimale technische levensduur": "Minimumeisen (technische specificaties)",
        "MVI-LIF-006 Verlengde garantie": "Gunningscriteria",
        "MVI-LIF-007 Herzieningsclausule": "Contractbepalingen (bijzondere uitvoeringsvoorwaarden)",
    }


def test_clause_text_paragraphs_bullets_and_lots(nl_docx: bytes) -> None:
    document = open_docx(nl_docx)
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("MVI-LIF-001"))
    following = paragraphs[start + 1 : start + 6]
    assert following[0].text == "Van toepassing op: perceel 1 (Laptops)"
    assert (
        following[1].text
        == "De aangeboden apparaten blijven ten minste 6 jaar na levering in gebruik."
    )
    assert following[2].text == "Dit geldt voor:"
    # Only the criterion's own lots reach the template; numbers follow the language.
    assert following[3].text == "perceel 1: 1.400 laptops"
    assert following[3].style.name == "List Bullet"
    assert following[4].text == "Bewijsmiddelen"
    assert all(p.text.strip() for p in paragraphs if p.style.name == "List Bullet")


def test_template_lines_of_one_paragraph_are_joined(nl_docx: bytes) -> None:
    text = all_text(nl_docx)
    assert (
        "De inschrijver beschikt over een milieumanagementsysteem volgens ISO 14001 of"
        " gelijkwaardig voor de uitvoering van Laptops en beeldschermen 2027."
    ) in text


def test_labels_are_proof_or_equivalent(nl_docx: bytes) -> None:
    lines = [p.text for p in open_docx(nl_docx).paragraphs]
    assert "TCO Certified generatie 10, of gelijkwaardig" in lines
    assert "EPEAT Silver, of gelijkwaardig" in lines
    assert "Verklaring van de fabrikant" in lines


def test_weighting_table_has_price_own_quality_and_sustainability_adding_to_100(
    nl_docx: bytes,
) -> None:
    table = _table_with(open_docx(nl_docx), "Gewicht")
    rows = [[c.text for c in row.cells] for row in table.rows]
    # Default award: price 50 %, quality 50 % of which half for the buyer's own criteria.
    assert rows[1:] == [
        ["Prijs", "50 %"],
        ["Eigen kwaliteitscriteria van de aanbestedende dienst (in te vullen)", "25 %"],
        ["MVI-LIF-006 Verlengde garantie", "25 %"],
        ["Totaal", "100 %"],
    ]


def test_unconfirmed_defaults_are_one_checklist_not_inline(nl_docx: bytes) -> None:
    document = open_docx(nl_docx)
    assert "Te bevestigen standaardwaarden" in headings(document, 1)
    table = _table_with(document, "Toegestaan")
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[1][1:3] == ["Weken waarbinnen de opdrachtgever beslist", "4 weken"]
    assert rows[1][0].startswith("MVI-LIF-007")
    assert not [p for p in document.paragraphs if p.text.startswith("Te verifiëren")]
    # An unconfirmed default is a checklist item, not a point of attention.
    assert "Aandachtspunten" not in headings(document, 1)


def test_notices_section_in_document_language(templates: Path) -> None:
    notice = Notice(code="override-unused", criterion_id="MVI-XYZ-001", message="unused")
    data = render_docx(make_result(notices=[notice]), templates)
    assert "Aandachtspunten" in headings(open_docx(data), 1)
    assert "Het inkoopprofiel geeft parameters voor MVI-XYZ-001" in all_text(data)


def test_unknown_notice_shown_with_its_message(templates: Path) -> None:
    notice = Notice(code="something-new", message="A new kind of warning.")
    text = all_text(render_docx(make_result(notices=[notice]), templates))
    assert "A new kind of warning." in text


def test_no_notices_no_section(templates: Path) -> None:
    document = open_docx(render_docx(make_result(notices=[]), templates))
    assert "Aandachtspunten" not in headings(document, 1)


def test_empty_section_says_so(templates: Path) -> None:
    data = profile_data()
    chosen = [c for c in criteria(make_result(data).profile) if c.type.value != "selection"]
    document = open_docx(render_docx(make_result(data, selected=chosen), templates))
    paragraphs = [p.text for p in document.paragraphs]
    at = paragraphs.index("Geschiktheidseisen en selectiecriteria")
    assert "geen criteria geselecteerd" in paragraphs[at + 1]


def test_trace_table_has_every_clause(nl_docx: bytes) -> None:
    document = open_docx(nl_docx)
    table = _table_with(document, "Juridische grondslag")
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Nummer", "Versie", "Type", "Niveau", "Bronnen", "Juridische grondslag"]
    by_id = {row[0]: row for row in rows[1:]}
    assert list(by_id) == ["MVI-SEL-001", "MVI-LIF-001", "MVI-LIF-006", "MVI-LIF-007"]
    assert by_id["MVI-LIF-001"][1:4] == ["2", "minimumeis", "1"]
    # The concept names the document by number and the place in it; the comment on the
    # clause says what it supports; only a source that is not confirmed is marked.
    assert by_id["MVI-LIF-001"][4] == "[1] Levensduur verlengen"
    assert by_id["MVI-LIF-001"][5] == "Aanbestedingswet 2012, art. 2.75"


def test_every_cited_document_is_listed_once_with_its_number(nl_docx: bytes) -> None:
    document = open_docx(nl_docx)
    listed = [[c.text for c in row.cells] for row in document.tables[-2].rows]
    assert [row[0] for row in listed] == [f"[{i}]" for i in range(1, len(listed) + 1)]
    assert [row[1] for row in listed].count("rws_leernetwerk_ict_2018") == 1
    cited = {
        number
        for row in document.tables[-1].rows[1:]
        for number in re.findall(r"\[\d+\]", row.cells[4].text)
    }
    assert cited == {row[0] for row in listed}


def test_belgian_profile_gets_belgian_law_and_terms(templates: Path) -> None:
    text = all_text(render_docx(make_result(belgian_profile_data()), templates))
    assert "Wet van 17 juni 2016 inzake overheidsopdrachten" in text
    assert "Aanbestedingswet" not in text
    assert "Aanbestedende overheid" in text
    assert "niet-federale aanbestedende overheid" in text
    assert "Bijzondere uitvoeringsvoorwaarden" in text
    assert "perceel 1 (Laptops)" in text


def test_english_by_argument(templates: Path) -> None:
    data = render_docx(make_result(), templates, lang="en")
    document = open_docx(data)
    assert document.paragraphs[0].text.startswith("Annex: sustainable procurement criteria — ")
    top = headings(document, 1)
    assert "Award criteria" in top and "Gunningscriteria" not in top
    text = all_text(data)
    for expected in (
        "TCO Certified generation 10, or equivalent",
        "Applies to: lot 1 (Laptops)",
        "€1,250,000.00 excl. VAT",
        "23 November 2026",
        "The devices offered stay in use for at least 6 years",
        "The contracting authority's own quality criteria (to be filled in)\n25%",
        "Defaults to confirm",
    ):
        assert expected in text, expected
    for dutch in ("Bewijsmiddelen", "of gelijkwaardig", "Van toepassing op", "perceel"):
        assert dutch not in text, dutch


def test_english_from_profile(templates: Path) -> None:
    data = render_docx(make_result(profile_data(output_language="en")), templates)
    assert "Means of proof" in all_text(data)


def test_unknown_language_refused(templates: Path) -> None:
    with pytest.raises(MviRulesError, match="unknown language 'fr'"):
        render_docx(make_result(), templates, lang="fr")


def test_special_characters_appear_literally(templates: Path) -> None:
    data = profile_data()
    data["buyer"] = {**data["buyer"], "name": SPECIAL_NAME}
    data["procurement"] = {**data["procurement"], "title": SPECIAL_TITLE}
    data["lots"][0]["name"] = "Laptops & <tablets>"
    text = all_text(render_docx(make_result(data), templates))
    assert SPECIAL_NAME in text
    assert f"Bijlage MVI-criteria — {SPECIAL_TITLE}" in text
    # In clause text too, where it passed through the template engine as a value.
    assert f"{SPECIAL_NAME} waardeert extra garantiejaren" in text
    assert f"voor de uitvoering van {SPECIAL_TITLE}." in text
    assert "perceel 1 (Laptops & <tablets>)" in text


def test_missing_variable_names_variable_template_and_criterion(tmp_path: Path) -> None:
    broken = "Ten minste {{ p.min_lifetime_years }} jaar,\nen {{ p.no_such_parameter }} updates.\n"
    templates = write_templates(tmp_path / "t", {"nl/test/min_lifetime.j2": broken})
    target = tmp_path / "annex.docx"
    with pytest.raises(TemplateError) as info:
        write_docx(make_result(), templates, target)
    message = str(info.value)
    assert "p.no_such_parameter" in message
    assert "nl/test/min_lifetime.j2" in message
    assert "line 2" in message
    assert "MVI-LIF-001" in message
    assert not target.exists()


def test_missing_template_file(tmp_path: Path) -> None:
    templates = write_templates(tmp_path / "t")
    (templates / "nl/test/review.j2").unlink()
    with pytest.raises(TemplateError, match=r"MVI-LIF-007.*nl/test/review\.j2 not found"):
        render_docx(make_result(), templates)


def test_same_result_same_bytes(templates: Path) -> None:
    first = render_docx(make_result(), templates)
    second = render_docx(make_result(), templates)
    assert first == second


def test_fixed_zip_entries_and_properties(nl_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(nl_docx)) as package:
        infos = package.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert [i.filename for i in infos[1:]] == sorted(i.filename for i in infos[1:])
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert not any("thumbnail" in i.filename for i in infos)
    props = open_docx(nl_docx).core_properties
    midnight = datetime(2026, 11, 23, tzinfo=timezone.utc)
    assert props.author == "mvi-rules"
    assert props.revision == 1
    assert props.title == "Bijlage MVI-criteria — Laptops en beeldschermen 2027"
    for stamp in (props.created, props.modified, props.last_printed):
        assert stamp.replace(tzinfo=timezone.utc) == midnight


def test_real_styles_are_used(nl_docx: bytes) -> None:
    document = open_docx(nl_docx)
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number"} <= used
    # One table style throughout, so a house style restyles every table at once.
    assert {t.style.name for t in document.tables} == {"Table Grid"}


def test_page_is_a4(nl_docx: bytes) -> None:
    section = open_docx(nl_docx).sections[0]
    assert round(section.page_width.cm, 1) == 21.0
    assert round(section.page_height.cm, 1) == 29.7


def test_write_refuses_to_overwrite_unless_forced(tmp_path: Path, templates: Path) -> None:
    target = tmp_path / "annex.docx"
    target.write_bytes(b"keep me")
    with pytest.raises(OutputExistsError):
        write_docx(make_result(), templates, target)
    assert target.read_bytes() == b"keep me"
    assert write_docx(make_result(), templates, target, force=True) == target
    assert target.read_bytes() == render_docx(make_result(), templates)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_write_accepts_str_path(tmp_path: Path, templates: Path) -> None:
    written = write_docx(make_result(), str(templates), str(tmp_path / "a.docx"))
    assert written == tmp_path / "a.docx"
    assert written.is_file()


def test_heavy_weights_are_scaled_and_never_add_up_to_more_than_100(templates: Path) -> None:
    result = make_result()
    award = next(c for c in result.selected if c.type.value == "award")
    heavy = award.model_copy(
        update={"parameters": [award.parameters[0].model_copy(update={"value": 60})]}
    )
    second = heavy.model_copy(update={"id": "MVI-LIF-009"})
    data = make_result(selected=[heavy, second])
    text = all_text(render_docx(data, templates))
    # 25 % for sustainability split 60:60 in whole percent: 13 + 12 (largest remainder).
    assert "MVI-LIF-006 Verlengde garantie\n13 %" in text
    assert "MVI-LIF-009 Verlengde garantie\n12 %" in text
    assert "Totaal\n100 %" in text
    assert "meer dan 100" not in text


def test_known_notices_are_written_in_the_document_language(templates: Path) -> None:
    notices = [
        Notice(code="override-unused", criterion_id="MVI-XYZ-001", message="english"),
        Notice(code="no-threshold", message="english"),
    ]
    nl = all_text(render_docx(make_result(notices=notices), templates))
    assert "Het inkoopprofiel geeft parameters voor MVI-XYZ-001" in nl
    assert "Voor de peildatum 23 november 2026 is geen Europese drempelwaarde bekend" in nl
    en = all_text(render_docx(make_result(notices=notices), templates, lang="en"))
    assert "No EU threshold is known for the reference date 23 November 2026" in en
    assert "english" not in nl and "english" not in en
