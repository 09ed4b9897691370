"""Sources a legal adviser accepts: every citation is a published document, and the corrected
legal facts land in the document as the law has them."""

from __future__ import annotations

from pathlib import Path

import pytest

from mvi_rules import Catalogue, CatalogueError, evaluate, load_catalogue, load_profile
from mvi_rules.catalogue.model import SourceJurisdiction, SourceKind
from mvi_rules.catalogue.sourcing import text_in
from mvi_rules.lint.rules.mvi004_or_equivalent import missing_equivalent
from mvi_rules.rendering.docx_writer import render_clauses, render_docx

from .conftest import EXAMPLES
from .test_catalogue_loader import CRITERION, problems, rules  # noqa: F401
from .test_rendering_fixtures import all_text

INTERNAL = ("DOMAIN.md", "seed 0", "working assumption", "werkaanname")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_no_document_names_internal_working_material(
    catalogue: Catalogue, example: str, lang: str
) -> None:
    text = all_text(
        render_docx(evaluate(load_profile(EXAMPLES / example), catalogue), catalogue, lang)
    )
    for name in INTERNAL:
        assert name not in text, f"{example} ({lang}) mentions {name!r}"


def test_every_citation_is_a_record_with_an_address(catalogue: Catalogue) -> None:
    for entry in catalogue:
        for source in entry.criterion.sources:
            assert source.policy_choice or source.record is not None, entry.criterion.id
    for record in catalogue.sources.sources.values():
        assert record.url or record.identifier


def test_a_belgian_document_cites_no_dutch_source(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "school-refurbished.yaml"), catalogue)
    assert result.profile.buyer.jurisdiction.value == "BE"
    text = all_text(render_docx(result, catalogue, "nl"))
    dutch = [
        text_in(r.title, "nl")
        for r in catalogue.sources.sources.values()
        if r.jurisdiction is SourceJurisdiction.NL
    ]
    for title in dutch:
        assert title not in text, title
    assert "Bijlage" in text or "bijlage" in text


def test_a_dutch_document_cites_no_belgian_statute(catalogue: Catalogue) -> None:
    text = all_text(
        render_docx(
            evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue), catalogue, "nl"
        )
    )
    for record in catalogue.sources.sources.values():
        if record.jurisdiction is SourceJurisdiction.BE and record.kind is SourceKind.STATUTE:
            assert text_in(record.title, "nl") not in text
    # and it does cite published documents with their address
    assert "https://" in text


def test_the_loader_refuses_an_internal_name_with_file_and_line(rules: Path) -> None:  # noqa: F811
    found = problems(
        rules,
        CRITERION.replace(
            "supports: {nl: Steun, en: Support}", "supports: {nl: Steun, en: see DOMAIN.md}"
        ),
    )
    assert any("test.yaml:29" in m and "DOMAIN.md" in m and "internal" in m for m in found), found


def test_the_loader_refuses_an_unknown_source_key(rules: Path) -> None:  # noqa: F811
    found = problems(rules, CRITERION.replace("key: eu_gpp_computers_2021", "key: my_notes"))
    assert any("test.yaml:28" in m and "unknown source 'my_notes'" in m for m in found), found


def test_a_source_needs_a_url_or_identifier(rules: Path) -> None:  # noqa: F811
    registry = rules / "sources.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(
        text.replace("    url: https://www.mvicriteria.nl\n", "", 1), encoding="utf-8"
    )
    with pytest.raises(CatalogueError, match="url or an official identifier"):
        load_catalogue(rules, rules.parent / "templates")


def profile_data(group: str, day: str) -> dict:
    return {
        "buyer": {"name": "Gemeente Test", "authority_type": "municipality", "jurisdiction": "NL"},
        "procurement": {
            "title": "Test",
            "reference_date": day,
            "estimated_value_eur": 500000,
            "contract_term_years": 4,
        },
        "lots": [{"id": "1", "name": "Lot", "product_group": group, "quantity": 100}],
        "ambition": {"level": 2},
    }


def test_valid_generation_9_certificates_are_accepted_in_mid_2025(catalogue: Catalogue) -> None:
    from mvi_rules import parse_profile

    result = evaluate(parse_profile(profile_data("laptop", "2025-06-15")), catalogue)
    (criterion,) = [c for c in result.selected if c.id == "MVI-LAB-001"]
    tco = next(label for label in criterion.proof.labels if label.key == "tco_certified")
    assert tco.version is not None
    assert "generatie 10 of een geldig certificaat van generatie 9" in tco.version.nl
    text = all_text(render_docx(result, catalogue, "nl"))
    assert "geldig certificaat van generatie 9" in text
    # Generation 9 certificates lapse; in 2027 only generation 10 is asked.
    later = evaluate(parse_profile(profile_data("laptop", "2027-01-15")), catalogue)
    (criterion,) = [c for c in later.selected if c.id == "MVI-LAB-001"]
    tco = next(label for label in criterion.proof.labels if label.key == "tco_certified")
    assert tco.version is not None and "generatie 9" not in tco.version.nl


def test_spare_parts_delivery_is_never_slower_than_five_working_days(catalogue: Catalogue) -> None:
    from mvi_rules import parse_profile

    data = profile_data("smartphone", "2026-03-01")
    data["parameters"] = {"MVI-REP-002": {"delivery_working_days": 8}}
    result = evaluate(parse_profile(data), catalogue)
    (criterion,) = [c for c in result.selected if c.id == "MVI-REP-002"]
    days = next(p for p in criterion.parameters if p.name == "delivery_working_days")
    assert days.value == 5


def test_iso_50001_is_not_cited_as_environmental_management(catalogue: Catalogue) -> None:
    entry = catalogue.get("MVI-DCC-002")
    assert entry is not None
    assert all("2.97" not in ref for refs in entry.criterion.legal_basis.values() for ref in refs)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_standard_in_a_clause_carries_or_equivalent(catalogue: Catalogue, lang: str) -> None:
    # Aw 2012 art. 2.76 / Wet 17 juni 2016 art. 53: a reference to a standard is followed by
    # "of gelijkwaardig" in the same sentence or bullet (ISO 11469, IEC 60529, EN 12281, ...).
    # The lint rule MVI004 holds the check.
    missing = []
    for path in sorted((catalogue.templates_dir / lang).rglob("*.j2")):
        text = path.read_text(encoding="utf-8")
        missing += [
            f"{path.name}:{line}: {standard}"
            for line, _, standard in missing_equivalent(text, lang)
        ]
    assert not missing, missing


def test_an_unconfirmed_label_version_is_a_point_of_attention(catalogue: Catalogue) -> None:
    assert catalogue.labels.labels["eu_ecolabel_computers"].not_confirmed is not None
    assert catalogue.labels.labels["nordic_swan_048"].not_confirmed is not None
    users = [
        e.criterion.id
        for e in catalogue
        if any(
            r.label in ("eu_ecolabel_computers", "nordic_swan_048")
            for r in e.criterion.verification.labels
        )
    ]
    if not users:
        pytest.skip("no criterion names these labels")
    from mvi_rules import parse_profile

    result = evaluate(
        parse_profile(profile_data("laptop", "2026-03-01") | {"ambition": {"level": 3}}), catalogue
    )
    assert "label-unconfirmed" in [n.code for n in result.notices]


def test_every_label_records_the_five_conditions(catalogue: Catalogue) -> None:
    for key, label in catalogue.labels.labels.items():
        assert label.legal_conditions.reason.nl and label.legal_conditions.subject_matter.en, key


def test_belgian_review_clauses_cite_the_aur_articles(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "school-refurbished.yaml"), catalogue)
    assert "MVI-OPT-101" in [c.id for c in result.selected]
    text = all_text(render_docx(result, catalogue, "nl"))
    for article in ("38/7", "38/8", "38/9 en 38/10", "38/11", "38/12"):
        assert f"art. {article}" in text, article
    assert "KB 14 januari 2013 (AUR), art. 38/7 (prijsherziening)" in text


def test_the_check_of_the_aur_numbers_is_a_point_of_attention_not_clause_text(
    catalogue: Catalogue,
) -> None:
    # A note to the legal adviser inside a clause would be pasted into the bestek.
    result = evaluate(load_profile(EXAMPLES / "school-refurbished.yaml"), catalogue)
    clause = render_clauses(result, catalogue.templates_dir, "nl")["MVI-OPT-101"]
    assert "juridisch adviseur" not in clause and "Waalse portaal" not in clause
    text = all_text(render_docx(result, catalogue, "nl"))
    assert (
        "MVI-OPT-101: toets vóór publicatie de artikelnummers 38/7-38/12 in deze clausule aan de"
        " tekst van het KB van 14 januari 2013" in text
    )


def test_the_replaceable_battery_clause_names_the_batteries_regulation_floor(
    catalogue: Catalogue,
) -> None:
    from mvi_rules import parse_profile

    data = profile_data("laptop", "2026-03-01")
    data["procurement"]["criteria_set"] = "comprehensive"  # the replaceable battery is not core
    result = evaluate(parse_profile(data), catalogue)
    assert "MVI-REP-003" in [c.id for c in result.selected]
    text = all_text(render_docx(result, catalogue, "nl"))
    assert "vanaf 18 februari 2027 in de handel worden gebracht" in text
    assert "Verordening (EU) 2023/1542, art. 11" in text


def test_tco_certified_is_not_sole_proof_of_a_six_year_lifetime(catalogue: Catalogue) -> None:
    entry = catalogue.get("MVI-LIF-001")
    assert entry is not None
    assert [r.label for r in entry.criterion.verification.labels] == []
    other = entry.criterion.verification.other
    assert other is not None and "bewijst een langere levensduur niet alleen" in other.nl


@pytest.mark.parametrize(
    ("path", "lang", "index"),
    [
        ("tests/profiles/be-federal-options.yaml", "nl", "de consumptieprijsindex van Statbel"),
        (
            "examples/gemeente-laptops.yaml",
            "nl",
            "de consumentenprijsindex (CPI), alle bestedingen, van het CBS",
        ),
        (
            "examples/university-en.yaml",
            "en",
            "the CBS consumer price index (CPI), all expenditure",
        ),
    ],
)
def test_price_indexation_names_the_index_of_the_buyers_country(
    catalogue: Catalogue, path: str, lang: str, index: str
) -> None:
    from mvi_rules import parse_profile

    data = load_profile(Path(__file__).parent.parent / path).model_dump(mode="json")
    data["procurement"]["price_indexation"] = True
    result = evaluate(parse_profile(data), catalogue)
    clause = render_clauses(result, catalogue.templates_dir, lang)["MVI-OPT-008"]
    assert index in clause
    assert ("CBS" in clause) is (result.profile.buyer.jurisdiction.value == "NL")


def test_a_label_certificate_must_be_valid_on_the_closing_date(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    clause = render_clauses(result, catalogue.templates_dir, "nl")["MVI-LAB-001"]
    assert "het certificaat is geldig op de uiterste inschrijvingsdatum" in clause
