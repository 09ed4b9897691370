"""Options and review clauses (Aw 2012 art. 2.163c; BE: the AUR) land in the tender with maxima."""

from __future__ import annotations

from mvi_rules import Catalogue, evaluate, load_profile, parse_profile, render_docx

from .conftest import EXAMPLES
from .test_rendering_fixtures import all_text, headings, open_docx


def test_the_municipality_tender_has_an_options_section_with_maxima(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue, backend="plain")
    options = [c.id for c in result.selected if c.type.value == "option"]
    # Extensions ([1, 1]) and indexation are in the profile, so those options are selected too;
    # the Belgian mandatory review clauses are not.
    assert {"MVI-OPT-001", "MVI-OPT-002", "MVI-OPT-008"} <= set(options)
    assert "MVI-OPT-101" not in options
    document = open_docx(render_docx(result, catalogue))
    assert "Opties en wijzigingsclausules (art. 2.163c Aanbestedingswet 2012)" in headings(
        document, 1
    )
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Optie")
    rows = {row.cells[0].text.split(" ", 1)[0]: row.cells[2].text for row in table.rows[1:]}
    # 20 % of the estimated € 1.250.000 is € 250.000.
    assert rows["MVI-OPT-001"] == "€ 250.000,00"
    text = all_text(render_docx(result, catalogue))
    assert "ten hoogste 20 % van de geraamde waarde" in text
    assert "verlengen met 2 perioden van respectievelijk 1, 1 jaar" in text
    assert "tot een looptijd van ten hoogste 6 jaar" in text


def test_the_total_of_the_options_is_added_to_the_estimate(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue, backend="plain")
    percents = [
        p.value
        for c in result.selected
        if c.type.value == "option"
        for p in c.parameters
        if p.name == "max_value_percent"
    ]
    total = 1_250_000 * sum(percents) / 100
    shown = f"{total:,.2f}".replace(",", "x").replace(".", ",").replace("x", ".")
    assert "Totaal opties" in all_text(render_docx(result, catalogue))
    assert f"€ {shown}" in all_text(render_docx(result, catalogue))


def test_without_extensions_or_indexation_those_options_are_not_offered(
    catalogue: Catalogue,
) -> None:
    profile = load_profile(EXAMPLES / "school-refurbished.yaml")
    ids = evaluate(profile, catalogue, backend="plain").selected_ids()
    assert "MVI-OPT-002" not in ids and "MVI-OPT-008" not in ids


def test_belgian_tenders_get_review_clauses_under_the_aur(catalogue: Catalogue) -> None:
    result = evaluate(
        load_profile(EXAMPLES / "school-refurbished.yaml"), catalogue, backend="plain"
    )
    assert "MVI-OPT-101" in result.selected_ids()
    document = open_docx(render_docx(result, catalogue))
    assert any(
        h.startswith("Herzieningsclausules (art. 38 e.v. KB 14 januari 2013")
        for h in headings(document, 1)
    )
    clauses = "\n".join(p.text for p in document.paragraphs)
    assert "onvoorzienbare omstandigheden" in clauses
    assert "2.163c" not in clauses and "Aanbestedingswet" not in clauses
    legal = [row.cells[-1].text for row in document.tables[-1].rows[1:]]
    assert all("Aanbestedingswet" not in cell for cell in legal)


def test_an_english_document_names_the_options_in_english(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "university-en.yaml"), catalogue, backend="plain")
    document = open_docx(render_docx(result, catalogue))
    assert "Options and review clauses (Public Procurement Act 2012, art. 2.163c)" in headings(
        document, 1
    )


def test_an_option_must_state_its_maximum(catalogue: Catalogue) -> None:
    from pydantic import ValidationError

    from mvi_rules.catalogue import Criterion

    data = catalogue.get("MVI-OPT-001").criterion.model_dump()
    data["parameters"] = {}
    try:
        Criterion.model_validate(data)
    except ValidationError as exc:
        assert "an option needs a 'max_value_percent' parameter" in str(exc)
    else:  # pragma: no cover - the assertion above is the test
        raise AssertionError("an option without a maximum was accepted")


def test_parameters_of_an_option_can_be_set_in_the_profile(catalogue: Catalogue) -> None:
    data = load_profile(EXAMPLES / "gemeente-laptops.yaml").model_dump(mode="json")
    data["parameters"] = {"MVI-OPT-001": {"max_value_percent": 10}}
    result = evaluate(parse_profile(data), catalogue, backend="plain")
    text = all_text(render_docx(result, catalogue))
    assert "€ 125.000,00" in text and "ten hoogste 10 % van de geraamde waarde" in text
