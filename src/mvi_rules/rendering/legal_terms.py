"""The legal basis of a clause in an English document.

The rulesets state legal bases in Dutch, as Dutch and Belgian law is cited ("Aanbestedingswet
2012, art. 2.75 (technische specificaties)"). An English document keeps the names of Dutch
and Belgian statutes, which are proper names, but gives EU acts their English names and the
descriptions in brackets in English, so that an English reader gets no Dutch beyond a name.
"""

from __future__ import annotations

import re

#: Descriptions in brackets, as the rulesets word them, and in English.
_DESCRIPTIONS: dict[str, str] = {
    "AVG": "GDPR",
    "beoordelingsregeling voor datacenters": "rating scheme for data centres",
    "beste prijs-kwaliteitverhouding": "best price-quality ratio",
    "bijzondere uitvoeringsvoorwaarden": "special conditions for performance",
    "Cyberweerbaarheidsverordening": "Cyber Resilience Act",
    "duur van de opdracht": "duration of the contract",
    "ecodesign externe voedingen": "ecodesign of external power supplies",
    "ecodesign servers en dataopslagproducten": "ecodesign of servers and data storage products",
    "energie-efficiëntie": "energy efficiency",
    "feiten van de partijen": "acts of the parties",
    "fiscale wijzigingen": "tax changes",
    "gelijkwaardigheid": "equivalence",
    "geschiktheidseisen": "suitability requirements",
    "gunningscriteria": "award criteria",
    "herzieningsclausules": "review clauses",
    "keurmerken": "labels",
    "levenscycluskosten": "life-cycle costing",
    "levenscycluskosten, inclusief externe milieukosten": (
        "life-cycle costing, including external environmental costs"
    ),
    "normen inzake milieubeheer": "environmental management standards",
    "normen voor milieubeheer": "environmental management standards",
    "of gelijkwaardig": "or equivalent",
    "onvoorzienbare omstandigheden": "unforeseeable circumstances",
    "prijsherziening": "price revision",
    "prijsherziening; nummering volgens het Waalse portaal 'Modifier le marché'": (
        "price revision; numbering per the Walloon portal 'Modifier le marché'"
    ),
    "prijsherzieningsclausule": "price revision clause",
    "raming inclusief opties": "estimate including options",
    "raming inclusief verlengingen": "estimate including extensions",
    "schadevergoeding na schorsingen": "indemnities after suspensions",
    "selectiecriteria": "selection criteria",
    "straffen bij een inbreuk op de opdrachtdocumenten": (
        "penalties for a breach of the procurement documents"
    ),
    "technische bekwaamheid en beroepsbekwaamheid": "technical and professional ability",
    "technische specificaties": "technical specifications",
    "uitvoeringsvoorwaarden": "conditions for performance",
    "verwerker": "processor",
    "wissen of terugbezorgen na de dienst": "deletion or return after the service",
    "Aanbestedingswet 2012, art. 2.163c geldt": "Aanbestedingswet 2012, art. 2.163c applies",
}

#: Words outside brackets, longest first: EU acts by their English names, and the connecting
#: words of a reference.
_WORDS: tuple[tuple[str, str], ...] = (
    ("Gedelegeerde Verordening (EU)", "Delegated Regulation (EU)"),
    ("Verordening (EG) nr.", "Regulation (EC) No"),
    ("Verordening (EU)", "Regulation (EU)"),
    ("Richtlijn (EU)", "Directive (EU)"),
    (
        "; de bonus en de malus als prijsvermindering regelen de opdrachtdocumenten zelf",
        "; the procurement documents themselves set the bonus and the malus as a price reduction",
    ),
    ("Niet van toepassing in Nederland", "Not applicable in the Netherlands"),
    (", derde lid, onder g", "(3)(g)"),
    (" en bijlage ", " and Annex "),
)

_BRACKETS = re.compile(r"\(([^()]*)\)")
_PARAGRAPH = re.compile(r"art\. (\S+) lid (\d+)")
_AND = re.compile(r"(art\. \d+) en (\d+)")


def english_basis(reference: str) -> str:
    """``reference`` (a legal basis as the rulesets word it) for an English document."""
    text = reference
    for dutch, english in _WORDS:
        text = text.replace(dutch, english)
    text = _PARAGRAPH.sub(r"art. \1(\2)", text)
    text = _AND.sub(r"\1 and \2", text)
    return _BRACKETS.sub(lambda m: f"({_DESCRIPTIONS.get(m[1], m[1])})", text)
