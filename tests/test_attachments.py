"""Documents a clause refers to: the annex names each under its clause with where to get it,
in the concept and the final version, and the points of attention say it must be attached."""

from __future__ import annotations

import io

from docx import Document

from mvi_rules import Catalogue, ProcurementProfile, evaluate, render_docx, render_memo

EW_PROFILE = {
    "buyer": {
        "name": "Universitair Medisch Centrum Voorbeeldstad",
        "authority_type": "healthcare_institution",
        "jurisdiction": "NL",
    },
    "procurement": {
        "title": "Werkplekken",
        "reference_date": "2026-09-01",
        "estimated_value_eur": 1200000,
        "contract_term_years": 4,
    },
    "lots": [{"id": "1", "name": "Desktops", "product_group": "desktop", "quantity": 900}],
    "ambition": {"level": 2},
    "commitments": {"electronics_watch_affiliate": True},
}


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def test_the_final_annex_names_the_electronics_watch_conditions_and_their_address(
    catalogue: Catalogue,
) -> None:
    result = evaluate(ProcurementProfile.model_validate(EW_PROFILE), catalogue)
    watch = next(c for c in result.selected if c.id == "MVI-SOC-002")
    url = catalogue.sources.sources["electronics_watch"].url
    assert url and watch.attachments[0].where == url
    for lang, line in (
        (
            "nl",
            "Bijlage bij deze clausule: de contractvoorwaarden van Electronics Watch;"
            f" te verkrijgen via {url}",
        ),
        (
            "en",
            "Attachment to this clause: the Electronics Watch contract conditions;"
            f" available from {url}",
        ),
    ):
        texts = _paragraphs(render_docx(result, catalogue, lang, final=True))
        heading = texts.index(f"MVI-SOC-002 {watch.title.get(lang)}")
        following = next(t for t in texts[heading:] if t.startswith(line[:20]))
        assert following.startswith(line), following
    # The memo with the points of attention says the buyer must attach it.
    memo = "\n".join(_paragraphs(render_memo(result, "nl")))
    assert f"de contractvoorwaarden van Electronics Watch (te verkrijgen via {url})" in memo
    assert "Voeg dat document toe aan de aanbestedingsstukken" in memo


def test_the_printer_sheet_is_an_attachment_mvi_rules_writes(catalogue: Catalogue) -> None:
    profile = dict(EW_PROFILE, commitments={})
    profile["procurement"] = dict(EW_PROFILE["procurement"], criteria_set="comprehensive")
    profile["lots"] = [{"id": "1", "name": "MFP", "product_group": "printer", "quantity": 50}]
    result = evaluate(ProcurementProfile.model_validate(profile), catalogue)
    page = next(c for c in result.selected if c.id == "MVI-PRN-016")
    assert page.attachments[0].supplied
    text = "\n".join(_paragraphs(render_docx(result, catalogue, "nl")))
    assert (
        "Bijlage bij deze clausule: het LCC-rekenblad per pagina bij de aanbestedingsstukken."
        in text
    )
    assert (
        "verwijst naar het LCC-rekenblad per pagina bij de aanbestedingsstukken."
        " mvi-rules stelt het op" in text
    )
