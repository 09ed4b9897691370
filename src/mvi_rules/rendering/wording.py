"""Fixed wording of the tender annex in Dutch and English, with Belgian terms where they differ.

Every text the document writes itself (headings, labels, the note on use) comes from here, so
that a language or a jurisdiction never gets half-translated. Placeholders use ``str.format``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogue.model import Confidence, CriterionType
from ..profile.model import GROUP_NAMES, AuthorityType, Jurisdiction, ProductGroup, Theme

#: key -> (nl, en)
_TEXTS: dict[str, tuple[str, str]] = {
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
        "Verplicht voor {lots}: de Staat koopt op of boven de Europese drempel in de"
        " ISV-risicocategorie {categories}.",
        "Mandatory for {lots}: the State buys at or above the EU threshold in the ISV risk"
        " category {categories}.",
    ),
    "isv_voluntary_state_below": (
        "Vrijwillig (pas toe of leg uit): de Staat past de ISV verplicht toe vanaf de Europese"
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
        "Vrijwillig (pas toe of leg uit): de ISV zijn alleen voor de Staat verplicht; andere"
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
        "Per clausule de bronnen (nummer in de lijst hierboven en vindplaats; een bron die niet"
        " bevestigd is, is gemarkeerd) en de juridische grondslag. Wat elke bron onderbouwt,"
        " staat in de opmerking bij de clausule.",
        "For each clause its sources (number in the list above and place; a source that is not"
        " confirmed is marked) and legal basis. What each source supports is in the comment on"
        " the clause.",
    ),
    "trace_common_basis": (
        "Voor elke clausule geldt, omdat de opdracht onder de Europese drempel blijft, als"
        " grondslag: {basis}. De artikelen uit Deel 2 die de tabel per clausule noemt, gelden"
        " naar analogie (onder de drempel): zij binden niet rechtstreeks.",
        "Because the contract stays below the EU threshold, every clause rests on: {basis}. The"
        " articles of Part 2 the table gives per clause apply by analogy (below the threshold):"
        " they do not bind directly.",
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
    "type_selection": ("geschiktheidseis / selectiecriterium", "selection criterion"),
    "type_minimum_requirement": ("minimumeis", "minimum requirement"),
    "type_award": ("gunningscriterium", "award criterion"),
    "type_contract_clause": ("contractbepaling", "contract clause"),
    "type_option": ("optie / wijzigingsclausule", "option / review clause"),
    "confidence_confirmed": ("bevestigd", "confirmed"),
    "confidence_secondary": ("secundaire bron", "secondary source"),
    "confidence_unconfirmed": ("onbevestigd", "unconfirmed"),
    "level_1": ("1 (basis)", "1 (basic)"),
    "level_2": ("2 (significant)", "2 (significant)"),
    "level_3": ("3 (ambitieus)", "3 (ambitious)"),
    "theme_climate": ("klimaat", "climate"),
    "theme_circularity": ("circulariteit", "circularity"),
    "theme_social": ("sociale aspecten", "social aspects"),
    "theme_environment": ("milieu", "environment"),
    "authority_state": ("de Staat (rijksoverheid)", "the State (central government)"),
    "authority_province": ("provincie", "province"),
    "authority_municipality": ("gemeente", "municipality"),
    "authority_water_board": ("waterschap", "water board"),
    "authority_university": ("universiteit", "university"),
    "authority_university_of_applied_sciences": ("hogeschool", "university of applied sciences"),
    "authority_school_board": ("schoolbestuur", "school board"),
    "authority_healthcare_institution": ("zorginstelling", "healthcare institution"),
    "authority_public_law_body": ("publiekrechtelijke instelling", "body governed by public law"),
    "authority_be_federal": ("federale aanbestedende overheid", "federal contracting authority"),
    "authority_be_non_federal": (
        "niet-federale aanbestedende overheid",
        "non-federal contracting authority",
    ),
    **{f"group_{group.value}": names for group, names in GROUP_NAMES.items()},
    "procedure_open": ("openbare procedure", "open procedure"),
    "procedure_restricted": ("niet-openbare procedure", "restricted procedure"),
    "procedure_competitive_dialogue": ("concurrentiegerichte dialoog", "competitive dialogue"),
    "procedure_competitive_with_negotiation": (
        "mededingingsprocedure met onderhandeling",
        "competitive procedure with negotiation",
    ),
    "procedure_innovation_partnership": ("innovatiepartnerschap", "innovation partnership"),
    "procedure_negotiated_without_publication": (
        "onderhandelingsprocedure zonder aankondiging vooraf",
        "negotiated procedure without prior publication",
    ),
    "procedure_national_open": ("nationale openbare procedure", "national open procedure"),
    "procedure_multiple_private": (
        "meervoudig onderhandse procedure",
        "multiple private procedure",
    ),
    "procedure_single_private": ("enkelvoudig onderhandse procedure", "single private procedure"),
    "procedure_be_simplified_negotiated_with_publication": (
        "vereenvoudigde onderhandelingsprocedure met voorafgaande bekendmaking",
        "simplified negotiated procedure with prior publication",
    ),
    "procedure_be_negotiated_without_publication": (
        "onderhandelingsprocedure zonder voorafgaande bekendmaking",
        "negotiated procedure without prior publication",
    ),
    "procedure_be_low_value_accepted_invoice": (
        "opdracht van beperkte waarde (aanvaarde factuur)",
        "contract of limited value (accepted invoice)",
    ),
}

#: Belgian Dutch where it differs from Netherlands Dutch (key -> nl text).
_BE_NL: dict[str, str] = {
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
_BE_EN: dict[str, str] = {
    "title": "Annex to the specifications: sustainability criteria — {title}",
    "section_selection": "Qualitative selection: selection criteria",
    "section_contract_clause": "Special conditions for performance",
    "section_option": (
        "Review clauses (Royal Decree of 14 January 2013, general implementing rules, art. 38 ff.)"
    ),
    "type_option": "review clause",
    "procedure_single_private": "contract of limited value (accepted invoice)",
}

LANGUAGES = ("nl", "en")

#: Keys only a Dutch (NL) document uses; they name Dutch law.
NL_ONLY = frozenset(
    {
        "consequence_NL_above",
        "consequence_NL_below",
        "law_NL_below",
        "label_law_NL_below",
        "section_option_below",
        "options_below",
        "notice_framework-over-four-years",
        "isv_mandatory",
        "isv_voluntary_state_below",
        "isv_voluntary_state_category",
        "isv_voluntary_other",
    }
)


@dataclass(frozen=True)
class Wording:
    """The fixed texts for one language and jurisdiction."""

    lang: str
    jurisdiction: Jurisdiction

    def __call__(self, key: str, **values: object) -> str:
        """The text for ``key`` with ``values`` filled in."""
        nl, en = _TEXTS[key]
        if self.jurisdiction is Jurisdiction.BE:
            nl = _BE_NL.get(key, nl)
            en = _BE_EN.get(key, en)
        text = nl if self.lang == "nl" else en
        return text.format(**values) if values else text

    def criterion_type(self, value: CriterionType) -> str:
        """The criterion type in words, e.g. ``minimumeis``."""
        return self(f"type_{value.value}")

    def section(self, value: CriterionType) -> str:
        """The heading of the section for a criterion type."""
        return self(f"section_{value.value}")

    def confidence(self, value: Confidence) -> str:
        """A source's confidence in words."""
        return self(f"confidence_{value.value}")

    def level(self, value: int) -> str:
        """An ambition level with its name, e.g. ``2 (significant)``."""
        return self(f"level_{value}")

    def theme(self, value: Theme) -> str:
        """A theme in words."""
        return self(f"theme_{value.value}")

    def authority(self, value: AuthorityType) -> str:
        """The kind of contracting authority in words."""
        return self(f"authority_{value.value}")

    def product_group(self, value: ProductGroup) -> str:
        """A product group in words (plural, lower case)."""
        return self(f"group_{value.value}")

    def procedure(self, value: str) -> str:
        """A procurement procedure in words."""
        return self(f"procedure_{value}")


def all_keys() -> list[str]:
    """Every wording key (used by tests to check both languages are complete)."""
    return sorted(_TEXTS)
