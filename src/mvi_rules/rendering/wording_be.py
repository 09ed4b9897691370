"""The Belgian terms of the annex where they differ from the Netherlands' (the bestek, the
aanbestedende overheid, review clauses, Belgian procedures).

Part of :mod:`.wording`, which looks a key up here first for a Belgian buyer.
"""

from __future__ import annotations

#: Belgian Dutch where it differs from Netherlands Dutch (key -> nl text).
BE_NL: dict[str, str] = {
    "title": "Bijlage bij het bestek: duurzaamheidscriteria — {title}",
    "details": "Gegevens van de opdracht",
    "subtitle": "Duurzaamheidseisen en -criteria voor ICT (duurzame overheidsopdrachten)",
    "buyer": "Aanbestedende overheid",
    "term_authority": "de aanbestedende overheid",
    "term_client": "de aanbestedende overheid",
    "authority_type": "Soort aanbestedende overheid",
    "estimated_value": "Geraamde waarde van de opdracht",
    "use_2": (
        "Laat de bijlage toetsen door uw juridisch adviseur voordat u haar in de"
        " opdrachtdocumenten opneemt, en pas de teksten waar nodig aan."
    ),
    "use_5": (
        "Het nummer van elke clausule (bijvoorbeeld MVI-LIF-005) is vast; gebruik het bij de"
        " vragen en antwoorden en op het e-Procurementplatform."
    ),
    "section_selection": "Kwalitatieve selectie: selectiecriteria",
    "section_minimum_requirement": "Technische specificaties (minimumeisen)",
    "section_contract_clause": "Bijzondere uitvoeringsvoorwaarden",
    "type_selection": "selectiecriterium",
    "type_minimum_requirement": "technische specificatie",
    "type_contract_clause": "uitvoeringsvoorwaarde",
    "section_option": (
        "Herzieningsclausules (art. 38 e.v. KB 14 januari 2013, algemene uitvoeringsregels)"
    ),
    "type_option": "herzieningsclausule",
    "type_short_minimum_requirement": "specificatie",
    "type_short_contract_clause": "uitvoering",
    "type_short_option": "herziening",
    "options_intro": (
        "Deze herzieningsclausules zijn duidelijk, nauwkeurig en ondubbelzinnig geformuleerd en"
        " vermelden hun draagwijdte, aard en voorwaarden, zodat een latere wijziging binnen de"
        " opdracht past zonder nieuwe plaatsingsprocedure. Zij wijzigen de algemene aard van de"
        " opdracht niet. Hun maximale waarde telt mee in de waarde voor de drempeltoets ({law})."
    ),
    "weighting_intro": (
        "Gunning op de economisch meest voordelige offerte (beste prijs-kwaliteitverhouding):"
        " {price_name} weegt {price} van de totale score, kwaliteit {quality}. Dat"
        " kwaliteitsgewicht bestaat uit {own} voor de eigen gunningscriteria van de"
        " aanbestedende overheid en {sustainability} voor de duurzaamheidscriteria hieronder,"
        " verdeeld naar hun relatieve gewicht. De beoordelingsschaal van elk criterium staat bij"
        " dat criterium."
    ),
    "notice_value-threshold-crossing": (
        "de geraamde waarde in het inkoopprofiel ({stated}) ligt onder de Europese drempel"
        " ({threshold}), maar met {parts} is de waarde {total}, op of boven de drempel. Die"
        " laatste waarde telt ({law}): kies een procedure met Europese bekendmaking, of beperk"
        " {parts} en pas het inkoopprofiel aan."
    ),
    "notice_procedure-below-threshold-only": (
        "de gekozen procedure ({procedure}) is alleen toegestaan onder de Europese drempel,"
        " maar de waarde voor de drempeltoets ({total}) bereikt de drempel ({threshold}). Kies"
        " een procedure met Europese bekendmaking of beperk de opdracht."
    ),
    "section_empty": "Voor deze opdracht zijn in deze categorie geen criteria geselecteerd.",
    "parts_extension": "de herhalingen en verlengingen",
    "total_value_text": "{total} excl. btw: initiële looptijd {initial}{parts} ({law})",
    "part_extension": ", herhalingen en verlengingen {amount}",
    "covers_extensions": "de herhalingen en verlengingen",
    "row_own": "Eigen kwaliteitscriteria van de aanbestedende overheid (in te vullen)",
    "procedure_national_open": "openbare procedure (nationaal)",
    "procedure_negotiated_without_publication": (
        "onderhandelingsprocedure zonder voorafgaande bekendmaking"
    ),
    "procedure_multiple_private": "onderhandelingsprocedure zonder voorafgaande bekendmaking",
    "procedure_single_private": "opdracht van beperkte waarde (aanvaarde factuur)",
}

#: Belgian English where it differs.
BE_EN: dict[str, str] = {
    "title": "Annex to the specifications: sustainability criteria — {title}",
    "section_selection": "Qualitative selection: selection criteria",
    "section_contract_clause": "Special conditions for performance",
    "section_option": (
        "Review clauses (Royal Decree of 14 January 2013, general implementing rules, art. 38 ff.)"
    ),
    "type_option": "review clause",
    "type_short_contract_clause": "performance",
    "type_short_option": "review",
    "procedure_single_private": "contract of limited value (accepted invoice)",
}
