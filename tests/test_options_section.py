"""Options and review clauses (Aw 2012 art. 2.163c; BE: the AUR) land in the tender with maxima
valued against the lots and the term they apply to."""

from __future__ import annotations

from mvi_rules import Catalogue, evaluate, load_profile, parse_profile, render_docx

from .conftest import EXAMPLES, comprehensive
from .test_rendering_fixtures import all_text, headings, open_docx


def test_the_municipality_options_are_valued_per_lot_by_hand(catalogue: Catalogue) -> None:
    # Every option the lots can have (the comprehensive set), valued by hand below.
    result = evaluate(comprehensive(EXAMPLES / "gemeente-laptops.yaml"), catalogue, backend="plain")
    options = [c.id for c in result.selected if c.type.value == "option"]
    assert {"MVI-OPT-001", "MVI-OPT-002"} <= set(options)
    assert "MVI-OPT-101" not in options
    # Price indexation is its own contract clause, not an option counted in the total.
    assert result.outcome("MVI-OPT-008").type.value == "contract_clause"
    value = result.value
    # Lot 1 (laptops) € 1,000,000 for the initial 4 years; lot 2 (monitors) € 250,000.
    # Extensions 1 + 1 year on 4 years: 50 %. Options on laptops: 20 + 10 + 5 (upgrades) + 5 + 5
    # + 5 = 50 %; on monitors 20 + 10 + 5 + 5 + 5 = 45 % (no upgrades for monitors).
    # Incentive caps per contract year run over the extensions too: bonus 2 % x 1.5 = 3 %,
    # gain share 3 % x 1.5 = 4.5 %.
    laptops = 1_000_000 * (1 + 0.50 + 0.50 + 0.03 + 0.045)
    monitors = 250_000 * (1 + 0.50 + 0.45 + 0.03 + 0.045)
    assert value.total_eur == round(laptops + monitors, 2) == 2_581_250.00
    lot2 = {line.criterion_id: line.amount_eur for line in value.for_lot("2")}
    assert "MVI-OPT-004" not in lot2 and lot2["MVI-OPT-001"] == 50_000.00
    assert lot2["MVI-OPT-002"] == 125_000.00  # the extensions: 2 of 4 years

    document = open_docx(render_docx(result, catalogue))
    assert "Opties en wijzigingsclausules (art. 2.163c Aanbestedingswet 2012)" in headings(
        document, 1
    )
    text = all_text(render_docx(result, catalogue))
    assert "Maximale waarde van de opties voor perceel 1 (Laptops medewerkers)" in text
    assert "Totaal met opties\n\n\n€ 2.075.000,00" in text
    assert "Totaal met opties\n\n\n€ 506.250,00" in text
    assert "met alle verlengingen, opties en plafonds samen ten hoogste € 2.581.250,00" in text
    assert (
        "ten hoogste 20 % van de initiële geraamde waarde van de percelen waarop deze optie van"
        " toepassing is, dat is ten hoogste € 250.000,00 excl. btw"
    ) in text
    # The extension is valued pro rata: 2 extra years on a 4-year term.
    assert "ten hoogste 50 % van de initiële geraamde waarde toe, naar verhouding" in text
    assert "verlengen met 2 perioden van respectievelijk 1, 1 jaar" in text
    assert "tot een looptijd van ten hoogste 6 jaar" in text


def test_a_value_that_includes_everything_is_split_back_exactly(catalogue: Catalogue) -> None:
    data = load_profile(EXAMPLES / "gemeente-laptops.yaml").model_dump(mode="json")
    data["procurement"]["estimated_value_includes"] = ["extensions", "options", "incentives"]
    data["procurement"]["estimated_value_eur"] = 2_581_250
    data["procurement"]["criteria_set"] = "comprehensive"
    data["lots"][0]["estimated_value_eur"] = 2_075_000
    data["lots"][1]["estimated_value_eur"] = 506_250
    value = evaluate(parse_profile(data), catalogue, backend="plain").value
    assert value.total_eur == value.stated_eur == 2_581_250
    assert value.initial_by_lot == {"1": 1_000_000.00, "2": 250_000.00}


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
    assert "Options and review clauses (Aanbestedingswet 2012, art. 2.163c)" in headings(
        document, 1
    )


def test_an_option_must_state_what_it_adds(catalogue: Catalogue) -> None:
    from pydantic import ValidationError

    from mvi_rules.catalogue import Criterion

    data = catalogue.get("MVI-OPT-001").criterion.model_dump()
    data["value_share"] = None
    try:
        Criterion.model_validate(data)
    except ValidationError as exc:
        assert "an option states what it may add to the contract value" in str(exc)
    else:  # pragma: no cover - the assertion above is the test
        raise AssertionError("an option without a value share was accepted")


def test_parameters_of_an_option_can_be_set_in_the_profile(catalogue: Catalogue) -> None:
    data = load_profile(EXAMPLES / "gemeente-laptops.yaml").model_dump(mode="json")
    data["parameters"] = {"MVI-OPT-001": {"max_value_percent": 10}}
    data["procurement"]["criteria_set"] = "comprehensive"  # the total below counts every option
    result = evaluate(parse_profile(data), catalogue, backend="plain")
    text = all_text(render_docx(result, catalogue))
    # 10 % of both lots' initial € 1,250,000.
    assert "ten hoogste 10 % van de initiële geraamde waarde" in text
    assert "dat is ten hoogste € 125.000,00 excl. btw" in text
    assert result.value.total_eur == 2_581_250.00 - 125_000.00


def test_an_english_extension_of_one_year_is_one_year(catalogue: Catalogue) -> None:
    from mvi_rules.rendering.docx_writer import render_clauses

    result = evaluate(load_profile(EXAMPLES / "university-en.yaml"), catalogue)
    assert result.profile.procurement.extension_years == [1]
    clause = render_clauses(result, catalogue.templates_dir, "en")["MVI-OPT-002"]
    assert "by one period of 1 year," in clause
