"""`generate --split`: one document per part of the tender, each holding only its sections."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mvi_rules import Catalogue, evaluate, load_profile, render_parts
from mvi_rules.cli import main

from .conftest import EXAMPLES, REPO
from .test_rendering_fixtures import headings, open_docx

NL_PARTS = {
    "aanbestedingsleidraad": ["Geschiktheidseisen en selectiecriteria", "Gunningscriteria"],
    "programma-van-eisen": ["Minimumeisen (technische specificaties)"],
    "overeenkomst": [
        "Contractbepalingen (bijzondere uitvoeringsvoorwaarden)",
        "Opties en wijzigingsclausules (art. 2.163c Aanbestedingswet 2012)",
    ],
}


def _clause_ids(document) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.split(" ", 1)[0] for h in headings(document, 2) if h.startswith("MVI-")]


def test_a_dutch_tender_splits_into_guide_requirements_and_agreement(
    catalogue: Catalogue,
) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    parts = render_parts(result, catalogue, lang="nl")
    assert list(parts) == list(NL_PARTS)
    seen: list[str] = []
    for slug, data in parts.items():
        document = open_docx(data)
        sections = [
            h
            for h in headings(document, 1)
            if h
            not in (
                "Gegevens van de aanbesteding",
                "Percelen",
                "Gebruiksduur in beeld: CO2 en kosten per apparaatjaar",
            )
        ]
        assert sections == NL_PARTS[slug], slug
        ids = _clause_ids(document)
        kinds = {c.type for c in result.selected if c.id in ids}
        assert len(kinds) <= 2
        seen += ids
        # The legal adviser's material stays in the memo.
        text = "\n".join(p.text for p in document.paragraphs)
        assert "Verantwoording" not in text and "Niet opgenomen criteria" not in text
    # Every selected clause lands in exactly one part.
    assert sorted(seen) == sorted(c.id for c in result.selected)


def test_the_guide_carries_the_procurement_details_and_the_weighting(
    catalogue: Catalogue,
) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    parts = render_parts(result, catalogue, lang="nl")
    guide = open_docx(parts["aanbestedingsleidraad"])
    assert guide.paragraphs[0].text.startswith("Aanbestedingsleidraad — ")
    assert "Gegevens van de aanbesteding" in headings(guide, 1)
    assert "Weging en beoordeling" in headings(guide, 2)
    requirements = open_docx(parts["programma-van-eisen"])
    assert "Gegevens van de aanbesteding" not in headings(requirements, 1)
    assert "Percelen" in headings(requirements, 1)


def test_the_part_with_the_details_has_the_lifetime_chart(catalogue: Catalogue) -> None:
    # The chart explains the lifetime asked for; it follows the lots where the tender's
    # details are, once, as in the whole annex.
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    pictures = {
        slug: len(open_docx(data).inline_shapes)
        for slug, data in render_parts(result, catalogue, lang="nl").items()
    }
    assert pictures == {"aanbestedingsleidraad": 1, "programma-van-eisen": 0, "overeenkomst": 0}


def test_a_private_procedure_below_the_threshold_has_a_request_for_quotation(
    catalogue: Catalogue,
) -> None:
    result = evaluate(load_profile(REPO / "tests" / "profiles" / "nl-school-small.yaml"), catalogue)
    assert list(render_parts(result, catalogue, lang="nl")) == [
        "offerteaanvraag",
        "programma-van-eisen",
        "overeenkomst",
    ]


def test_a_belgian_bestek_has_administrative_and_technical_provisions(
    catalogue: Catalogue,
) -> None:
    result = evaluate(load_profile(EXAMPLES / "school-refurbished.yaml"), catalogue)
    parts = render_parts(result, catalogue, lang="nl")
    assert list(parts) == ["bestek-administratief", "bestek-technisch"]
    technical = open_docx(parts["bestek-technisch"])
    assert headings(technical, 1) == ["Percelen", "Technische specificaties (minimumeisen)"]
    for data in parts.values():
        text = "\n".join(p.text for p in open_docx(data).paragraphs)
        assert "Aanbestedingswet" not in text


def test_parts_are_byte_identical_across_runs(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    assert render_parts(result, catalogue, final=True) == render_parts(
        result, catalogue, final=True
    )


def test_generate_split_writes_the_parts_and_the_memo_and_never_overwrites(
    tmp_path: Path,
) -> None:
    runner = CliRunner()
    args = ["generate", str(EXAMPLES / "gemeente-laptops.yaml"), "-o", str(tmp_path / "a.docx")]
    done = runner.invoke(main, [*args, "--split", "--final"])
    assert done.exit_code == 0, done.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "a-aanbestedingsleidraad.docx",
        "a-memo.docx",
        "a-overeenkomst.docx",
        "a-programma-van-eisen.docx",
    ]
    # One existing part: nothing is written, and the error names the file.
    for path in tmp_path.iterdir():
        if path.name != "a-overeenkomst.docx":
            path.unlink()
    again = runner.invoke(main, [*args, "--split"])
    assert again.exit_code == 1
    assert "a-overeenkomst.docx already exists" in again.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-overeenkomst.docx"]


@pytest.mark.parametrize("flag", ["--split", "--final"])
def test_split_and_final_are_for_word_documents_only(tmp_path: Path, flag: str) -> None:
    out = tmp_path / "a.json"
    done = CliRunner().invoke(
        main, ["generate", str(EXAMPLES / "gemeente-laptops.yaml"), "-o", str(out), flag]
    )
    assert done.exit_code == 2
    assert not out.exists()
