"""Fixed wording of the annex's body, in Dutch and English: points of attention (notices), the
section headings per criterion type, the options and their values, proof, the weighting table,
the trace annex and the page footers.

Part of :mod:`.wording`, which assembles the table; placeholders use ``str.format``.
"""

from __future__ import annotations

#: key -> (nl, en)
SECTIONS: dict[str, tuple[str, str]] = {
    "notices": ("Aandachtspunten", "Points of attention"),
    "attention": ("Let op:", "Note:"),
    "notices_intro": (
        "Bij het opstellen van deze bijlage is het volgende gesignaleerd:",
        "The following was noted when this annex was generated:",
    ),
    "notice_override-unused": (
        "Het inkoopprofiel geeft parameters voor {criterion_id}, maar dat criterium is voor deze"
        " aanbesteding niet geselecteerd; die waarden worden niet gebruikt.",
        "The procurement profile sets parameters for {criterion_id}, but that criterion is not"
        " selected for this procurement; those values are not used.",
    ),
    "notice_value-threshold-crossing": (
        "de geraamde waarde in het inkoopprofiel ({stated}) ligt onder de Europese drempel"
        " ({threshold}), maar met {parts} is de waarde {total}, op of boven de drempel. Die"
        " laatste waarde telt ({law}): kies een Europese procedure, of beperk {parts} en pas het"
        " inkoopprofiel aan.",
        "the estimated value in the procurement profile ({stated}) is below the EU threshold"
        " ({threshold}), but with {parts} the value is {total}, at or above the threshold. The"
        " latter counts ({law}): choose a European procedure, or limit {parts} and change the"
        " procurement profile.",
    ),
    "notice_options-in-stated-value": (
        "uw raming omvat de opties, dus gaan de opties van deze bijlage ({added}) af van de"
        " initiële looptijd: daarvoor blijft {initial} over. Ga na of dat de waarde van de"
        " initiële looptijd is die u bedoelt; zo niet, pas de raming aan.",
        "your estimate includes the options, so the options of this annex ({added}) come off the"
        " initial term, which keeps {initial}. Check that this is the value of the initial term"
        " you mean; if not, change the estimate.",
    ),
    "parts_extension": ("de verlengingen", "the extensions"),
    "parts_option": ("de opties", "the options"),
    "parts_incentive": (
        "de plafonds van bonus en gedeelde besparing",
        "the bonus and gain-share caps",
    ),
    "incentive_note": (
        "{percent} per contractjaar over {years} jaar",
        "{percent} per contract year over {years} years",
    ),
    "notice_procedure-below-threshold-only": (
        "de gekozen procedure ({procedure}) is alleen toegestaan onder de Europese drempel,"
        " maar de waarde voor de drempeltoets ({total}) bereikt de drempel ({threshold}). Kies"
        " een Europese procedure of beperk de opdracht.",
        "the chosen procedure ({procedure}) is allowed only below the EU threshold, but the value"
        " for the threshold test ({total}) reaches the threshold ({threshold}). Choose a European"
        " procedure or limit the contract.",
    ),
    "notice_options-over-half": (
        "de opties en plafonds voegen samen {added} toe, meer dan de helft van de initiële"
        " geraamde waarde ({initial}). Ga na of elke optie nodig is en of de opdracht zo goed is"
        " omschreven; een ruime optieset kan inschrijvers onzeker maken over de omvang.",
        "the options and caps add {added} together, more than half of the initial estimated"
        " value ({initial}). Check that each option is needed and that the contract is well"
        " defined; a wide set of options can leave tenderers unsure of the scope.",
    ),
    "notice_lot-values-missing": (
        "de percelen hebben geen eigen geraamde waarde, dus zijn de opties {options} gewaardeerd"
        " tegen de geraamde waarde van de hele opdracht, ook waar zij maar voor een deel van de"
        " percelen gelden. Geef per perceel een geraamde waarde voor een nauwkeuriger"
        " berekening.",
        "the lots have no estimated value of their own, so the options {options} are valued"
        " against the estimated value of the whole contract, also where they apply to some lots"
        " only. Give each lot an estimated value for a more precise calculation.",
    ),
    "notice_be-term-over-four-years": (
        "de looptijd met herhalingen en verlengingen is {years} jaar; volgens art. 57 van de Wet"
        " van 17 juni 2016 blijft die in de regel beperkt tot vier jaar. Motiveer een langere"
        " looptijd in de opdrachtdocumenten of beperk de verlengingen.",
        "the term including renewals and extensions is {years} years; under art. 57 of the Wet"
        " van 17 juni 2016 it is in general limited to four years. Give the reasons for a longer"
        " term in the procurement documents or limit the extensions.",
    ),
    "notice_framework-over-four-years": (
        "de raamovereenkomst loopt met verlengingen {years} jaar; art. 2.140 lid 3"
        " Aanbestedingswet 2012 staat meer dan vier jaar alleen toe in een uitzonderingsgeval"
        " dat deugdelijk is gemotiveerd. Neem die motivering op of beperk de looptijd.",
        "the framework agreement runs {years} years with extensions; art. 2.140(3) Aanbestedingswet"
        " 2012 allows more than four years only in an exceptional case with proper reasons."
        " State those reasons or shorten the term.",
    ),
    "notice_no-threshold": (
        "Voor de peildatum {date} is geen Europese drempelwaarde bekend; criteria die daarvan"
        " afhangen behandelen haar als onbekend.",
        "No EU threshold is known for the reference date {date}; criteria that depend on it"
        " treat it as unknown.",
    ),
    "section_selection": (
        "Geschiktheidseisen en selectiecriteria",
        "Suitability requirements and selection criteria",
    ),
    "section_minimum_requirement": (
        "Minimumeisen (technische specificaties)",
        "Minimum requirements (technical specifications)",
    ),
    "section_award": ("Gunningscriteria", "Award criteria"),
    "section_contract_clause": (
        "Contractbepalingen (bijzondere uitvoeringsvoorwaarden)",
        "Contract clauses (special conditions for performance)",
    ),
    "section_option": (
        "Opties en wijzigingsclausules (art. 2.163c Aanbestedingswet 2012)",
        "Options and review clauses (Aanbestedingswet 2012, art. 2.163c)",
    ),
    "section_option_below": (
        "Opties en wijzigingsclausules (art. 2.163c Aanbestedingswet 2012, naar analogie)",
        "Options and review clauses (Aanbestedingswet 2012, art. 2.163c, by analogy)",
    ),
    "options_intro": (
        "Deze opties en wijzigingsclausules zijn duidelijk, nauwkeurig en ondubbelzinnig"
        " geformuleerd en vermelden hun omvang, aard en voorwaarden, zodat een latere wijziging"
        " binnen het contract past zonder nieuwe aanbesteding. Zij wijzigen de algemene aard van"
        " de opdracht niet. Hun maximale waarde telt mee in de waarde voor de drempeltoets"
        " ({law}).",
        "These options and review clauses are clear, precise and unambiguous and state their"
        " scope, nature and conditions, so that a later change fits within the contract without"
        " a new procedure. They do not alter the overall nature of the contract. Their maximum"
        " value counts in the value for the threshold test ({law}).",
    ),
    "options_below": (
        "Deze opdracht blijft onder de Europese drempel, waar Deel 2 van de Aanbestedingswet 2012"
        " niet geldt; de opties volgen art. 2.163c naar analogie.",
        "This contract stays below the EU threshold, where Part 2 of the Aanbestedingswet 2012"
        " does not apply; the options follow art. 2.163c by analogy.",
    ),
    "options_table": ("Maximale waarde van de opties", "Maximum value of the options"),
    "options_table_lot": (
        "Maximale waarde van de opties voor perceel {id} ({name})",
        "Maximum value of the options for lot {id} ({name})",
    ),
    "option": ("Optie of plafond", "Option or cap"),
    "option_lots": ("Percelen", "Lots"),
    "option_max_percent": (
        "Ten hoogste (% van de initiële waarde)",
        "At most (% of the initial value)",
    ),
    "option_max_eur": ("Ten hoogste (excl. btw)", "At most (excl. VAT)"),
    "option_extension": ("Verlenging van de looptijd", "Extension of the term"),
    "options_initial": ("Initiële geraamde waarde", "Initial estimated value"),
    "options_subtotal": ("Totaal met opties", "Total with options"),
    "options_total": ("Waarde voor de drempeltoets", "Value for the threshold test"),
    "options_all_lots": ("alle", "all"),
    "options_estimate": (
        "De initiële geraamde waarde is {initial}; met alle verlengingen, opties en plafonds"
        " samen ten hoogste {total}. Die waarde telt voor de drempeltoets.",
        "The initial estimated value is {initial}; with all extensions, options and caps at"
        " most {total}. That value counts for the threshold test.",
    ),
    "section_empty": (
        "Voor deze aanbesteding zijn in deze categorie geen criteria geselecteerd.",
        "No criteria in this category were selected for this procurement.",
    ),
    "applies_to": ("Van toepassing op:", "Applies to:"),
    "device_state": ("Geldt voor:", "Devices covered:"),
    "device_state_new": ("alleen nieuwe apparaten", "new devices only"),
    "device_state_refurbished": ("alleen refurbished apparaten", "refurbished devices only"),
    "device_state_new_refurbished": (
        "nieuwe en refurbished apparaten",
        "new and refurbished devices",
    ),
    "proof": ("Bewijsmiddelen", "Means of proof"),
    "or_equivalent": ("{label}, of gelijkwaardig", "{label}, or equivalent"),
    "weighting": ("Weging en beoordeling", "Weighting and scoring"),
    "weighting_without_sustainability": (
        "Voor {lots} is geen duurzaamheidscriterium voor de gunning geselecteerd: daar gaat het"
        " hele kwaliteitsgewicht naar de eigen kwaliteitscriteria, zodat ook die weging op 100 %"
        " uitkomt.",
        "For {lots} no sustainability award criterion is selected: there the whole quality weight"
        " goes to the own quality criteria, so that this weighting also adds up to 100%.",
    ),
    "weighting_intro": (
        "Gunning op de beste prijs-kwaliteitverhouding: {price_name} weegt {price} van de"
        " totale score, kwaliteit {quality}. Dat kwaliteitsgewicht bestaat uit {own} voor de"
        " eigen kwaliteitscriteria van de aanbestedende dienst en {sustainability} voor de"
        " duurzaamheidscriteria hieronder, verdeeld naar hun relatieve gewicht. De"
        " beoordelingsschaal van elk criterium staat bij dat criterium.",
        "Award on the best price-quality ratio: {price_name} weighs {price} of the total score,"
        " quality {quality}. That quality weight consists of {own} for the contracting"
        " authority's own quality criteria and {sustainability} for the sustainability criteria"
        " below, shared by their relative weight. The scoring scale of each criterion is given"
        " with that criterion.",
    ),
    "weighting_intro_lowest": (
        "Gunning op de laagste kosten: {price_name} weegt 100 %; er zijn geen kwaliteitscriteria.",
        "Award on the lowest cost: {price_name} weighs 100%; there are no quality criteria.",
    ),
    "price_name": ("de prijs", "price"),
    "price_name_lcc": ("de prijs (als levenscycluskosten)", "price (as life-cycle cost)"),
    "row_price": ("Prijs", "Price"),
    "row_price_lcc": ("Prijs: {criterion}", "Price: {criterion}"),
    "row_own": (
        "Eigen kwaliteitscriteria van de aanbestedende dienst (in te vullen)",
        "The contracting authority's own quality criteria (to be filled in)",
    ),
    "criterion": ("Criterium", "Criterion"),
    "weight": ("Gewicht", "Weight"),
    "total": ("Totaal", "Total"),
    "trace": (
        "Verantwoording: herkomst en grondslag per clausule",
        "Traceability: source and legal basis per clause",
    ),
    "trace_included": (
        "Opgenomen op keuze van de inkoper: {reason}",
        "Included by the buyer's choice: {reason}",
    ),
    "trace_intro": (
        "Per clausule de versie in de criteriaset, het type, het ambitieniveau, de bronnen (met"
        " het nummer van het document in de lijst hierboven, de vindplaats daarin, wat het"
        " document onderbouwt en de betrouwbaarheid) en de juridische grondslag.",
        "For each clause its version in the criteria set, type, ambition level, sources (with the"
        " number of the document in the list above, the place in it, what the document supports"
        " and the confidence) and legal basis.",
    ),
    "trace_intro_short": (
        "Per clausule de bronnen (nummer in de lijst en vindplaats; niet bevestigd: gemarkeerd)"
        " en de grondslag; de opmerking zegt wat een bron onderbouwt.",
        "For each clause its sources (number in the list, place; what is not confirmed is"
        " marked) and legal basis. What a source supports is in the comment on the clause.",
    ),
    "trace_common_basis": (
        "Onder de Europese drempel rust elke clausule op {basis}; de artikelen uit Deel 2 in de"
        " tabel gelden naar analogie en binden niet rechtstreeks.",
        "Below the EU threshold every clause rests on {basis}; the articles of Part 2 in the"
        " table apply by analogy and do not bind directly.",
    ),
    "trace_common_basis_only": ("Zie de grondslag boven de tabel", "See the basis above the table"),
    "trace_documents": ("Geciteerde documenten", "Documents cited"),
    "trace_documents_intro": (
        "Elk document dat de clausules hieronder als bron noemen, eenmaal, met de plaats waar u"
        " het vindt.",
        "Every document the clauses below cite as a source, once, with where to find it.",
    ),
    "trace_clauses": ("Bronnen en grondslag per clausule", "Sources and legal basis per clause"),
    "trace_not_confirmed": ("Niet bevestigd: {detail}", "Not confirmed: {detail}"),
    "col_id": ("Nummer", "Number"),
    "col_version": ("Versie", "Version"),
    "col_type": ("Type", "Type"),
    "col_level": ("Niveau", "Level"),
    "col_sources": ("Bronnen", "Sources"),
    "col_legal": ("Juridische grondslag", "Legal basis"),
    "trace_none": ("Er zijn geen clausules geselecteerd.", "No clauses were selected."),
    "footer": (
        "Concept — criteriaset {catalogue} — pagina ",
        "Draft — criteria set {catalogue} — page ",
    ),
    "footer_final": ("Criteriaset {catalogue} — pagina ", "Criteria set {catalogue} — page "),
    "footer_memo": (
        "Notitie, niet voor publicatie — criteriaset {catalogue} — pagina ",
        "Memo, not for publication — criteria set {catalogue} — page ",
    ),
}
