"""Sources in the document's language (issue 10): a Dutch annex names an EU act by its Dutch
title and an English annex by its English one; a document that exists in one language keeps
its one title; a mistake in a text in two languages is refused with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from mvi_rules import Catalogue, evaluate, load_profile
from mvi_rules.catalogue.model import Confidence, LocalText, Source, SourceRecord
from mvi_rules.catalogue.sourcing import text_in
from mvi_rules.profile.model import Jurisdiction
from mvi_rules.rendering.docx_writer import render_docx
from mvi_rules.rendering.trace import source_text
from mvi_rules.rendering.wording import Wording

from .conftest import EXAMPLES
from .test_catalogue_loader import CRITERION, load, problems, rules  # noqa: F401
from .test_rendering_fixtures import all_text


@pytest.fixture(scope="module")
def annexes(catalogue: Catalogue) -> dict[str, str]:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    return {lang: all_text(render_docx(result, catalogue, lang)) for lang in ("nl", "en")}


def test_a_dutch_annex_names_the_procurement_directive_in_dutch(annexes: dict[str, str]) -> None:
    text = annexes["nl"]
    assert (
        "Europees Parlement en Raad (EUR-Lex), Richtlijn 2014/24/EU betreffende het plaatsen van"
        " overheidsopdrachten" in text
    )
    assert "Directive 2014/24/EU" not in text
    assert "European Parliament and Council" not in text
    # Our own description of a publisher is Dutch too.
    assert "Rijkswaterstaat (voor BZK en IenW), MVI-criteriatool" in text
    assert "(for BZK and IenW)" not in text


def test_an_english_annex_names_the_procurement_directive_in_english(
    annexes: dict[str, str],
) -> None:
    text = annexes["en"]
    assert (
        "European Parliament and Council (EUR-Lex), Directive 2014/24/EU on public procurement"
        in (text)
    )
    assert "Richtlijn 2014/24/EU betreffende" not in text
    assert "Rijkswaterstaat (for BZK and IenW), MVI-criteriatool" in text


def test_a_document_in_one_language_keeps_its_title_in_both_annexes(
    annexes: dict[str, str],
) -> None:
    # The EU GPP criteria are published in English: a document is cited by its actual title,
    # and only the publisher's name follows the annex.
    title = "EU green public procurement criteria for computers, monitors, tablets and smartphones"
    assert f"Europese Commissie, {title}" in annexes["nl"]
    assert f"European Commission, {title}" in annexes["en"]


def test_the_lifetime_charts_sources_name_the_publisher_in_the_annex_language(
    annexes: dict[str, str],
) -> None:
    # Our own description of the Trade for Development Centre, under the chart.
    assert (
        "Trade for Development Centre (Enabel, Belgisch Ontwikkelingsagentschap)" in (annexes["nl"])
    )
    assert "Trade for Development Centre (Enabel, Belgian development agency)" in annexes["en"]
    assert "Belgisch Ontwikkelingsagentschap" not in annexes["en"]


def record(**fields: object) -> SourceRecord:
    base: dict[str, object] = {
        "publisher": "PIANOo",
        "title": "ICT-gids",
        "date": "2020",
        "url": "https://www.pianoo.nl/ict",
        "language": "nl",
        "kind": "official_guidance",
        "jurisdiction": "NL",
    }
    return SourceRecord.model_validate(base | fields)


def cited(rec: SourceRecord, pinpoint: object = "hoofdstuk 5") -> Source:
    return Source.model_validate(
        {
            "key": "guide",
            "pinpoint": pinpoint,
            "supports": {"nl": "Steun", "en": "Support"},
            "confidence": Confidence.CONFIRMED,
            "record": rec,
        }
    )


def test_a_record_of_plain_texts_reads_the_same_as_before_in_both_languages() -> None:
    source = cited(record())
    assert source_text(source, Wording("nl", Jurisdiction.NL)) == (
        "PIANOo, ICT-gids, 2020, hoofdstuk 5: Steun. https://www.pianoo.nl/ict (bevestigd)"
    )
    english = source_text(source, Wording("en", Jurisdiction.NL))
    assert english.startswith("PIANOo, ICT-gids, 2020, hoofdstuk 5: Support. ")
    assert record().document_texts() == "PIANOo, ICT-gids"


def test_a_bilingual_record_and_pinpoint_follow_the_document_language() -> None:
    rec = record(
        publisher={"nl": "Europese Commissie (EUR-Lex)", "en": "European Commission (EUR-Lex)"},
        title={"nl": "Verordening (EU) 2023/1670", "en": "Commission Regulation (EU) 2023/1670"},
    )
    source = cited(rec, {"nl": "bijlage II, deel B", "en": "Annex II, part B"})
    dutch = source_text(source, Wording("nl", Jurisdiction.NL))
    english = source_text(source, Wording("en", Jurisdiction.NL))
    assert dutch.startswith("Europese Commissie (EUR-Lex), Verordening (EU) 2023/1670, 2020,")
    assert "bijlage II, deel B: Steun." in dutch and "Annex" not in dutch
    assert english.startswith("European Commission (EUR-Lex), Commission Regulation (EU) 2023/1670")
    assert "Annex II, part B: Support." in english
    assert rec.document_texts() == LocalText(
        nl="Europese Commissie (EUR-Lex), Verordening (EU) 2023/1670",
        en="European Commission (EUR-Lex), Commission Regulation (EU) 2023/1670",
    )


def test_every_eu_act_has_a_dutch_title(catalogue: Catalogue) -> None:
    acts = {
        key: rec
        for key, rec in catalogue.sources.sources.items()
        if rec.identifier is not None and rec.identifier.startswith(("CELEX", "Case C-"))
    }
    assert len(acts) >= 20
    for key, rec in acts.items():
        assert isinstance(rec.title, LocalText), key
        assert isinstance(rec.publisher, LocalText), key
        assert not text_in(rec.title, "nl").startswith(("Directive", "Regulation", "Commission")), (
            key
        )


def line_of(text: str, needle: str) -> int:
    return text.splitlines().index(needle) + 1


def test_a_bilingual_title_without_english_is_refused_with_file_and_line(
    rules: Path,  # noqa: F811
) -> None:
    registry = rules / "sources.yaml"
    text = registry.read_text(encoding="utf-8")
    wrong = text.replace(
        "      en: Directive 2014/24/EU on public procurement\n",
        "      fr: Directive 2014/24/UE relative à la passation des marchés publics\n",
        1,
    )
    assert wrong != text
    registry.write_text(wrong, encoding="utf-8")
    line = line_of(wrong, "  directive_2014_24:") + 4  # the line of "title:"
    assert wrong.splitlines()[line - 1] == "    title:"
    found = problems(rules, CRITERION)
    assert any(
        f"sources.yaml:{line}" in m
        and "directive_2014_24.title" in m
        and "exactly nl and en" in m
        and "missing: en" in m
        for m in found
    ), found


def test_a_bilingual_pinpoint_in_a_ruleset_loads_and_a_broken_one_is_refused(
    rules: Path,  # noqa: F811
) -> None:
    good = CRITERION.replace(
        "      - key: eu_gpp_computers_2021\n",
        "      - key: eu_gpp_computers_2021\n"
        "        pinpoint: {nl: 'bijlage II, deel B', en: 'Annex II, part B'}\n",
    )
    (rules / "test.yaml").write_text(good, encoding="utf-8")
    entry = next(e for e in load(rules) if e.criterion.id == "MVI-TST-001")
    assert entry.criterion.sources[0].pinpoint == LocalText(
        nl="bijlage II, deel B", en="Annex II, part B"
    )
    broken = good.replace("{nl: 'bijlage II, deel B', en: 'Annex II, part B'}", "{nl: ''}")
    line = line_of(broken, "        pinpoint: {nl: ''}")
    found = problems(rules, broken)
    assert any(f"test.yaml:{line}" in m and "pinpoint" in m for m in found), found


def test_only_a_dutch_annex_says_that_a_dutch_title_is_our_description(
    catalogue: Catalogue,
) -> None:
    record = catalogue.sources.sources["regulation_2023_1670"]
    assert record.nl_title_described
    result = evaluate(
        load_profile(Path(__file__).parent / "profiles" / "nl-ministry-smartphones-level3.yaml"),
        catalogue,
    )
    dutch = all_text(render_docx(result, catalogue, "nl"))
    english = all_text(render_docx(result, catalogue, "en"))
    assert "Verordening (EU) 2023/1670" in dutch
    assert "De Nederlandse titel is een beschrijving, niet de officiële titel." in dutch
    assert "Regulation (EU) 2023/1670" in english
    assert "Dutch title" not in english
