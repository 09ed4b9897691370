"""An English document gives the legal basis of a clause in English: EU acts by their English
names and the descriptions in brackets in English; Dutch and Belgian statutes keep their names."""

from __future__ import annotations

import re

from mvi_rules import Catalogue, evaluate, load_profile
from mvi_rules.rendering import render_docx
from mvi_rules.rendering.legal_terms import english_basis

from .conftest import EXAMPLES
from .test_rendering_fixtures import open_docx

#: Names in brackets that stay as they are: abbreviations and the short names of decrees.
PROPER = {"AUR", "EG", "EU", "REACH", "plaatsing"}
DUTCH = re.compile(r"\b(Verordening|Richtlijn|bijlage|lid|onder|inclusief|voor|van de|en)\b")
STATUTES = re.compile(
    r"Aanbestedingswet 2012|Wet van 17 juni 2016 inzake overheidsopdrachten|KB \d+ \w+ \d{4}"
    r"|Koninklijk besluit van 18 april 2017 plaatsing overheidsopdrachten klassieke sectoren"
)


def _references(catalogue: Catalogue) -> set[str]:
    found: set[str] = set()
    for entry in catalogue.entries:
        basis = entry.criterion.legal_basis
        found.update(basis.NL or [])
        found.update(basis.BE or [])
    return found


def test_every_legal_basis_of_the_catalogue_reads_english(catalogue: Catalogue) -> None:
    references = _references(catalogue)
    assert len(references) > 30
    for reference in references:
        english = english_basis(reference)
        for inner in re.findall(r"\(([^()]*)\)", STATUTES.sub("", english)):
            assert inner in PROPER or not DUTCH.search(inner), (reference, english)
        assert not DUTCH.search(STATUTES.sub("", re.sub(r"\([^()]*\)", "", english))), english


def test_an_english_annex_cites_eu_acts_in_english_and_a_dutch_one_in_dutch(
    catalogue: Catalogue,
) -> None:
    result = evaluate(load_profile(EXAMPLES / "university-en.yaml"), catalogue)
    for lang, wanted, unwanted in (
        ("en", "Regulation (EU) 2016/679 (GDPR), art. 28 (processor)", "Verordening"),
        ("nl", "Verordening (EU) 2016/679 (AVG), art. 28 (verwerker)", "Regulation (EU)"),
    ):
        trace = open_docx(render_docx(result, catalogue, lang)).tables[-1]
        legal = "\n".join(row.cells[-1].text for row in trace.rows[1:])
        assert wanted in legal
        assert unwanted not in legal
