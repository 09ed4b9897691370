"""Fixed wording of the annex's opening, in Dutch and English: title and subtitle, the details
of the contract (value, threshold, ISV, term, ambition, lots), the note on use and the memo's
checklist, and the legal consequences the details name.

Part of :mod:`.wording`, which assembles the table; placeholders use ``str.format``.
"""

from __future__ import annotations

#: key -> (nl, en)
FRONT: dict[str, tuple[str, str]] = {
    "title": (
        "Bijlage MVI-criteria — {title}",
        "Annex: sustainable procurement criteria — {title}",
    ),
    "subtitle": (
        "Duurzaamheidseisen en -criteria voor ICT (maatschappelijk verantwoord inkopen)",
        "Sustainability requirements and criteria for ICT (socially responsible procurement)",
    ),
    "draft_banner": (
        "CONCEPT — ter beoordeling door uw juridisch adviseur",
        "DRAFT — for review by your legal adviser",
    ),
    "contents": ("Inhoud", "Contents"),
    # The defined terms clauses use for the buyer: the tender's party, and the contract's.
    "term_authority": ("de aanbestedende dienst", "the contracting authority"),
    "term_client": ("de opdrachtgever", "the contracting authority"),
    "defined_buyer": ("Hierna heet {name} ‘{term}’", "Below, {name} is called ‘{term}’"),
    "defined_buyer_contract": (
        ", in de contractbepalingen en opties ‘{term}’",
        "; in the contract clauses and options, ‘{term}’",
    ),
    "contents_update": (
        "Paginanummers in de inhoudsopgave: klik met de rechtermuisknop op de inhoudsopgave en"
        " kies ‘Veld bijwerken’.",
        "Page numbers in the table of contents: right-click the table of contents and choose"
        " ‘Update Field’.",
    ),
    "details": ("Gegevens van de aanbesteding", "Procurement details"),
    "buyer": ("Aanbestedende dienst", "Contracting authority"),
    "authority_type": ("Soort aanbestedende dienst", "Type of contracting authority"),
    "law": ("Jurisdictie en toepasselijk recht", "Jurisdiction and applicable law"),
    "law_NL": (
        "Nederland — Aanbestedingswet 2012",
        "The Netherlands — Aanbestedingswet 2012 (Public Procurement Act 2012)",
    ),
    "law_BE": (
        "België — Wet van 17 juni 2016 inzake overheidsopdrachten",
        "Belgium — Wet van 17 juni 2016 inzake overheidsopdrachten (Public Procurement Act)",
    ),
    "procedure": ("Procedure", "Procedure"),
    "reference_date": ("Peildatum", "Reference date"),
    "reference_date_today": (
        "{date} (de datum van vandaag in tijdzone {zone}: het profiel noemt geen peildatum)",
        "{date} (today's date in time zone {zone}: the profile gives no reference date)",
    ),
    "reference_date_local": (
        "{date} (de datum van vandaag volgens de klok van deze computer: het profiel noemt "
        "geen peildatum)",
        "{date} (today's date by this computer's clock: the profile gives no reference date)",
    ),
    "estimated_value": ("Geraamde waarde", "Estimated value"),
    "excl_vat": ("{amount} excl. btw", "{amount} excl. VAT"),
    "threshold": ("Europese drempelwaarde", "EU threshold"),
    "threshold_above": (
        "{amount} (leveringen en diensten); de waarde voor de drempeltoets ligt op of boven de"
        " drempel",
        "{amount} (supplies and services); the value for the threshold test is at or above the"
        " threshold",
    ),
    "threshold_below": (
        "{amount} (leveringen en diensten); de waarde voor de drempeltoets ligt onder de drempel",
        "{amount} (supplies and services); the value for the threshold test is below the threshold",
    ),
    "stated_value": (
        "Geraamde waarde volgens het inkoopprofiel",
        "Estimated value as stated in the profile",
    ),
    "stated_covers": ("{amount} excl. btw; omvat {parts}", "{amount} excl. VAT; covers {parts}"),
    "covers_initial": ("de initiële looptijd", "the initial term"),
    "covers_extensions": ("de verlengingen", "the extensions"),
    "covers_options": ("de opties", "the options"),
    "covers_incentives": (
        "de plafonds van bonus en gedeelde besparing",
        "the bonus and gain-share caps",
    ),
    "and": ("en", "and"),
    "total_value": ("Waarde voor de drempeltoets", "Value for the threshold test"),
    "total_value_text": (
        "{total} excl. btw: initiële looptijd {initial}{parts} ({law})",
        "{total} excl. VAT: initial term {initial}{parts} ({law})",
    ),
    "part_extension": (", verlengingen {amount}", ", extensions {amount}"),
    "part_option": (", opties {amount}", ", options {amount}"),
    "part_incentive": (
        ", plafonds van bonus en gedeelde besparing {amount}",
        ", bonus and gain-share caps {amount}",
    ),
    "raming_law_NL": (
        "art. 2.15 lid 2 Aanbestedingswet 2012: opties en verlengingen tellen mee",
        "Aanbestedingswet 2012, art. 2.15(2): options and extensions count",
    ),
    "raming_law_BE": (
        "art. 6 en 7 KB van 18 april 2017: opties en herhalingen tellen mee",
        "Royal Decree of 18 April 2017, art. 6 and 7: options and renewals count",
    ),
    "consequence": ("Gevolg voor de procedure", "Consequence for the procedure"),
    "consequence_NL_above": (
        "Een Europese aanbestedingsprocedure is verplicht (Deel 2 van de Aanbestedingswet 2012,"
        " art. {article}), met aankondiging op TenderNed en in het Publicatieblad van de"
        " Europese Unie.",
        "A European procurement procedure is required (Part 2 of the Aanbestedingswet 2012,"
        " art. {article}), with a notice on TenderNed and in the Official Journal of the"
        " European Union.",
    ),
    "consequence_NL_below": (
        "Geen Europese procedure verplicht. Deel 1 van de Aanbestedingswet 2012 geldt: kies de"
        " procedure op objectieve gronden (art. 1.4) en volg de Gids Proportionaliteit"
        " (Aanbestedingsbesluit, art. 10). Begrippen uit Deel 2 worden in deze bijlage naar"
        " analogie toegepast.",
        "No European procedure is required. Part 1 of the Aanbestedingswet 2012 applies: choose"
        " the procedure on objective grounds (art. 1.4) and follow the Gids Proportionaliteit"
        " (Aanbestedingsbesluit, art. 10). Concepts of Part 2 are applied by analogy in this"
        " annex.",
    ),
    "consequence_BE_above": (
        "Europese bekendmaking is verplicht: de waarde bereikt de Europese drempel (KB van 18"
        " april 2017, art. 11); de opdracht wordt bekendgemaakt in het Bulletin der"
        " Aanbestedingen en in het Publicatieblad van de Europese Unie.",
        "European publication is required: the value reaches the EU threshold (Royal Decree of"
        " 18 April 2017, art. 11); the contract is published in the Bulletin der Aanbestedingen"
        " and in the Official Journal of the European Union.",
    ),
    "consequence_BE_below": (
        "Geen Europese bekendmaking verplicht: de opdracht volgt de Belgische regels onder de"
        " Europese drempel (Wet van 17 juni 2016 en KB van 18 april 2017), met nationale"
        " bekendmaking waar de gekozen procedure die vraagt.",
        "No European publication is required: the contract follows the Belgian rules below the"
        " EU threshold (Wet van 17 juni 2016 and the Royal Decree of 18 April 2017), with"
        " national publication where the chosen procedure requires it.",
    ),
    "consequence_BE_low_value": (
        " Onder € 30.000 excl. btw kan de opdracht met aanvaarde factuur worden gesloten (art. 92"
        " van de Wet van 17 juni 2016).",
        " Below €30,000 excl. VAT the contract may be concluded by accepted invoice (Wet van 17"
        " juni 2016, art. 92).",
    ),
    "isv": ("Internationale sociale voorwaarden (ISV)", "International social conditions (ISV)"),
    "isv_mandatory": (
        "Verplicht voor {lots}: het Rijk koopt op of boven de Europese drempel in de"
        " ISV-risicocategorie {categories}.",
        "Mandatory for {lots}: the State buys at or above the EU threshold in the ISV risk"
        " category {categories}.",
    ),
    "isv_mandatory_many": (
        "Verplicht voor {lots}: het Rijk koopt op of boven de Europese drempel in de"
        " ISV-risicocategorieën {categories}.",
        "Mandatory for {lots}: the State buys at or above the EU threshold in the ISV risk"
        " categories {categories}.",
    ),
    "isv_voluntary_state_below": (
        "Vrijwillig (pas toe of leg uit): het Rijk past de ISV verplicht toe vanaf de Europese"
        " drempel, en deze opdracht blijft daaronder.",
        "Voluntary (comply or explain): the State must apply the ISV from the EU threshold, and"
        " this contract stays below it.",
    ),
    "isv_voluntary_state_category": (
        "Vrijwillig (pas toe of leg uit) voor {lots}: deze productgroepen vallen in geen"
        " ISV-risicocategorie.",
        "Voluntary (comply or explain) for {lots}: these product groups fall in no ISV risk"
        " category.",
    ),
    "isv_unconfirmed": (
        "Voor {lots} is de indeling in een ISV-risicocategorie (of in geen) een keuze van deze"
        " catalogus die de bestekteksten ISV niet bevestigen; toets haar aan de geldende"
        " bestekteksten voordat u de ISV verplicht of vrijwillig toepast.",
        "For {lots} the assignment to an ISV risk category (or to none) is a choice of this"
        " catalogue that the ISV model texts do not confirm; check it against the current model"
        " texts before applying the ISV as mandatory or voluntary.",
    ),
    "isv_voluntary_other": (
        "Vrijwillig (pas toe of leg uit): de ISV zijn alleen voor het Rijk verplicht; andere"
        " aanbestedende diensten passen ze toe als hun beleid dat vraagt.",
        "Voluntary (comply or explain): the ISV are mandatory for the State only; other"
        " contracting authorities apply them where their policy asks for it.",
    ),
    "law_NL_below": (
        "Nederland — Aanbestedingswet 2012, Deel 1 (onder de Europese drempel; Deel 2 naar"
        " analogie)",
        "The Netherlands — Aanbestedingswet 2012, Part 1 (below the EU threshold; Part 2 by"
        " analogy)",
    ),
    "blocking": ("Beslissing nodig:", "Decision needed:"),
    "term": ("Looptijd", "Contract term"),
    "term_plain": ("{term}, zonder verlengingsopties", "{term}, without extension options"),
    "term_extended": (
        "{term}, met opties tot verlenging van {extensions} (maximaal {maximum})",
        "{term}, with extension options of {extensions} (at most {maximum})",
    ),
    "indexation": ("Prijsindexatie", "Price indexation"),
    "ambition": ("Ambitieniveau", "Ambition level"),
    "ambition_overall": ("algemeen: {level}", "overall: {level}"),
    "ambition_theme": ("{theme}: {level}", "{theme}: {level}"),
    "selection_set": ("Omvang van de selectie", "Scope of the selection"),
    "selection_set_core": (
        "kernset: de criteria voor de belangrijkste effecten met weinig administratieve last,"
        " afgestemd op de waarde, de omvang en de procedure van de opdracht",
        "core set: the criteria for the key impacts at low administrative cost, scaled to the"
        " value, size and procedure of the purchase",
    ),
    "selection_set_comprehensive": (
        "uitgebreide set: alle criteria die van toepassing zijn",
        "comprehensive set: every criterion that applies",
    ),
    "commitments": ("Eigen beleid en afspraken", "Own policies and commitments"),
    "commit_isv": (
        "beleid internationale sociale voorwaarden (ISV)",
        "international social conditions (ISV) policy",
    ),
    "commit_ew": ("aangesloten bij Electronics Watch", "affiliate of Electronics Watch"),
    "commit_fira": ("deelnemer FIRA", "FIRA participant"),
    "unknown": ("onbekend", "unknown"),
    "not_set": ("nog niet gekozen", "not yet chosen"),
    "percent": ("{value} %", "{value}%"),
    "ruleset": ("Criteriaset", "Criteria set"),
    "ruleset_value": (
        "versie {catalogue}, opgesteld met mvi-rules {library}",
        "version {catalogue}, generated with mvi-rules {library}",
    ),
    "lots": ("Percelen", "Lots"),
    "lot": ("Perceel", "Lot"),
    "lot_name": ("Naam", "Name"),
    "product_group": ("Productgroep", "Product group"),
    "quantity": ("Aantal", "Quantity"),
    "refurbished": ("Refurbished", "Refurbished"),
    "refurbished_excluded": ("alleen nieuwe apparaten", "new devices only"),
    "refurbished_accepted": ("nieuw of refurbished", "new or refurbished"),
    "refurbished_service": ("n.v.t. (dienst)", "n/a (service)"),
    "refurbished_wanted": ("alleen refurbished apparaten", "refurbished devices only"),
    "refurbished_default": (
        "(standaard; niet gekozen in het profiel)",
        "(default; not chosen in the profile)",
    ),
    "lot_ref": ("perceel {id} ({name})", "lot {id} ({name})"),
    "use": ("Gebruik van deze bijlage", "How to use this annex"),
    "part_title": ("{part} — {title}", "{part} — {title}"),
    "memo_title": (
        "Notitie voor de juridisch adviseur — {title}",
        "Memo for the legal adviser — {title}",
    ),
    "memo_subtitle": (
        "Beslissingen, aandachtspunten, standaardwaarden en verantwoording bij de definitieve"
        " MVI-bijlage",
        "Decisions, points of attention, defaults and accountability for the final MVI annex",
    ),
    "use_1": (
        "Deze bijlage is een concept. Zij is automatisch opgesteld uit criteriaset {catalogue}"
        " en het inkoopprofiel; zij is geen juridisch advies.",
        "This annex is a draft, generated from criteria set {catalogue} and the procurement"
        " profile; it is not legal advice.",
    ),
    "use_2": (
        "Laat de bijlage toetsen door uw juridisch adviseur voordat u haar in de"
        " aanbestedingsstukken opneemt, en pas de teksten waar nodig aan.",
        "Have your legal adviser review the annex before you include it in the procurement"
        " documents, and adapt the texts where needed.",
    ),
    "use_3": (
        "De tabel ‘Te bevestigen standaardwaarden’ noemt de waarden die de criteriaset als"
        " startpunt kiest zonder bevestigde bron. Stel ze vast of pas ze aan in het"
        " inkoopprofiel.",
        "The table ‘Defaults to confirm’ lists the values the criteria set chooses as a starting"
        " point without a confirmed source. Confirm them or change them in the procurement"
        " profile.",
    ),
    "checklist": ("Te bevestigen standaardwaarden", "Defaults to confirm"),
    "checklist_intro": (
        "Deze waarden zijn een startpunt van de criteriaset, geen vastgestelde norm: er is geen"
        " bevestigde bron voor. Neem per waarde een besluit; een andere waarde binnen het bereik"
        " zet u in het inkoopprofiel onder ‘parameters’.",
        "These values are a starting point chosen by the criteria set, not an established norm:"
        " no confirmed source backs them. Decide on each; set another value within the range in"
        " the procurement profile under ‘parameters’.",
    ),
    "checklist_value": ("Waarde", "Value"),
    "checklist_default": ("Standaard", "Default"),
    "checklist_range": ("Toegestaan", "Allowed"),
    "range": ("{low} tot en met {high}", "{low} to {high}"),
    "left_out": ("Niet opgenomen criteria", "Criteria left out"),
    "left_out_intro": (
        "Deze criteria waren van toepassing, maar zijn voor de genoemde percelen weggelaten om de"
        " genoemde reden. Wilt u er toch een opnemen, pas dan het inkoopprofiel aan en laat de"
        " keuze toetsen.",
        "These criteria applied but were left out for the lots named, for the reason given. To"
        " include one after all, change the procurement profile and have the choice reviewed.",
    ),
    "left_out_reason": ("Reden", "Reason"),
    "left_out_core": (
        "Dit inkoopprofiel vraagt de kernset: de criteria voor de belangrijkste effecten met"
        " weinig administratieve last, afgestemd op de waarde, de omvang en de procedure van de"
        " opdracht. Wilt u de criteria die alleen bij de uitgebreide set of alleen bij een"
        " grotere opdracht horen, kies dan in het inkoopprofiel de uitgebreide set"
        " (criteria_set: comprehensive).",
        "This procurement profile asks for the core set: the criteria for the key impacts at"
        " low administrative cost, scaled to the value, size and procedure of the purchase. For"
        " the criteria that belong to the comprehensive set only, or to a larger purchase only,"
        " choose the comprehensive set in the procurement profile (criteria_set:"
        " comprehensive).",
    ),
    "use_4": (
        "Een keurmerk is steeds een bewijsmiddel. Gelijkwaardige keurmerken en ander passend"
        " bewijs worden aanvaard ({label_law}).",
        "A label is always a means of proof. Equivalent labels and other appropriate proof are"
        " accepted ({label_law}).",
    ),
    "use_5": (
        "Het nummer van elke clausule (bijvoorbeeld MVI-LIF-005) is vast; gebruik het in de"
        " Nota van Inlichtingen en in het e-aanbestedingssysteem.",
        "Each clause number (for example MVI-LIF-005) is stable; use it in questions and"
        " answers and in the e-tendering system.",
    ),
    "use_5_below": (
        "Het nummer van elke clausule (bijvoorbeeld MVI-LIF-005) is vast; gebruik het in de"
        " offerteaanvraag en bij het beantwoorden van vragen van ondernemers.",
        "Each clause number (for example MVI-LIF-005) is stable; use it in the request for"
        " quotation and when answering questions from tenderers.",
    ),
    "label_law_NL_below": (
        "art. 2.76 en 2.78a Aanbestedingswet 2012, naar analogie",
        "Aanbestedingswet 2012, art. 2.76 and 2.78a, by analogy",
    ),
    "label_law_NL": (
        "art. 2.76 en 2.78a Aanbestedingswet 2012",
        "Aanbestedingswet 2012, art. 2.76 and 2.78a",
    ),
    "label_law_BE": (
        "art. 53 en 54 van de Wet van 17 juni 2016",
        "Wet van 17 juni 2016, art. 53 and 54",
    ),
}
