"""Fixed wording of the tender annex in Dutch and English, with Belgian terms where they differ.

Every text the document writes itself (headings, labels, the note on use) comes from here, so
that a language or a jurisdiction never gets half-translated. Placeholders use ``str.format``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogue.model import Confidence, CriterionType
from ..profile.model import AuthorityType, Jurisdiction, ProductGroup, Theme

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
        "{amount} (leveringen en diensten); de raming ligt op of boven de drempel",
        "{amount} (supplies and services); the estimate is at or above the threshold",
    ),
    "threshold_below": (
        "{amount} (leveringen en diensten); de raming ligt onder de drempel",
        "{amount} (supplies and services); the estimate is below the threshold",
    ),
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
    "lot_ref": ("perceel {id} ({name})", "lot {id} ({name})"),
    "use": ("Gebruik van deze bijlage", "How to use this annex"),
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
        "Waarden gemarkeerd als ‘Te verifiëren’ komen uit de criteriaset maar zijn niet"
        " bevestigd in een primaire bron. Stel ze vast of pas ze aan in het inkoopprofiel.",
        "Values marked ‘To be verified’ come from the criteria set but are not confirmed by a"
        " primary source. Confirm them or change them in the procurement profile.",
    ),
    "use_4": (
        "Een keurmerk is steeds een bewijsmiddel. Gelijkwaardige keurmerken en ander passend"
        " bewijs worden aanvaard ({label_law}).",
        "A label is always a means of proof. Equivalent labels and other appropriate proof are"
        " accepted ({label_law}).",
    ),
    "use_5": (
        "Het nummer van elke clausule (bijvoorbeeld MVI-LIF-001) is vast; gebruik het in de"
        " Nota van Inlichtingen en in het e-aanbestedingssysteem.",
        "Each clause number (for example MVI-LIF-001) is stable; use it in questions and"
        " answers and in the e-tendering system.",
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
    "notice_parameter-unconfirmed": (
        "{criterion}: verifieer vóór publicatie {values}; de bron van deze standaardwaarde is"
        " niet bevestigd.",
        "{criterion}: verify {values} before publishing; the source of this default is not"
        " confirmed.",
    ),
    "notice_override-unused": (
        "Het inkoopprofiel geeft parameters voor {criterion_id}, maar dat criterium is voor deze"
        " aanbesteding niet geselecteerd; die waarden worden niet gebruikt.",
        "The procurement profile sets parameters for {criterion_id}, but that criterion is not"
        " selected for this procurement; those values are not used.",
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
        "Options and review clauses (Public Procurement Act 2012, art. 2.163c)",
    ),
    "options_intro": (
        "Deze opties en wijzigingsclausules zijn duidelijk, nauwkeurig en ondubbelzinnig"
        " geformuleerd en vermelden hun omvang, aard en voorwaarden, zodat een latere wijziging"
        " binnen het contract past zonder nieuwe aanbesteding. Zij wijzigen de algemene aard van"
        " de opdracht niet. Neem de maximale waarde van alle opties op in de geraamde waarde van"
        " de opdracht (richtlijn 2014/24/EU, art. 5 lid 1).",
        "These options and review clauses are clear, precise and unambiguous and state their"
        " scope, nature and conditions, so that a later change fits within the contract without"
        " a new procedure. They do not alter the overall nature of the contract. Include the"
        " maximum value of all options in the estimated value of the contract (Directive"
        " 2014/24/EU, art. 5(1)).",
    ),
    "options_table": ("Maximale waarde van de opties", "Maximum value of the options"),
    "option": ("Optie", "Option"),
    "option_max_percent": ("Ten hoogste (% van de raming)", "At most (% of the estimate)"),
    "option_max_eur": ("Ten hoogste (excl. btw)", "At most (excl. VAT)"),
    "options_total": ("Totaal opties", "Total of the options"),
    "options_estimate": (
        "Geraamde waarde volgens het inkoopprofiel: {value}; met alle opties ten hoogste {total}.",
        "Estimated value according to the procurement profile: {value}; with all options at"
        " most {total}.",
    ),
    "section_empty": (
        "Voor deze aanbesteding zijn in deze categorie geen criteria geselecteerd.",
        "No criteria in this category were selected for this procurement.",
    ),
    "applies_to": ("Van toepassing op:", "Applies to:"),
    "proof": ("Bewijsmiddelen", "Means of proof"),
    "or_equivalent": ("{label}, of gelijkwaardig", "{label}, or equivalent"),
    "to_verify": ("Te verifiëren:", "To be verified:"),
    "to_verify_value": (
        "{description} ({value}); standaardwaarde uit de criteriaset, niet bevestigd",
        "{description} ({value}); default from the criteria set, not confirmed",
    ),
    "weighting": ("Weging en beoordeling", "Weighting and scoring"),
    "weighting_intro": (
        "Voorgestelde weging van de duurzaamheidscriteria binnen de beste"
        " prijs-kwaliteitverhouding. Het resterende gewicht is voor prijs en de overige"
        " kwaliteitscriteria.",
        "Suggested weighting of the sustainability criteria within the best price-quality ratio."
        " The remaining weight is for price and the other quality criteria.",
    ),
    "criterion": ("Criterium", "Criterion"),
    "weight": ("Gewicht", "Weight"),
    "scoring": ("Beoordeling", "Scoring"),
    "scoring_x": (
        "Beoordeling (X = maximale score voor het criterium)",
        "Scoring (X = maximum score for the criterion)",
    ),
    "points": ("{points} punten", "{points} points"),
    "point": ("{points} punt", "{points} point"),
    "total": ("Totaal duurzaamheidscriteria", "Total sustainability criteria"),
    "over_100": (
        "de voorgestelde gewichten tellen op tot meer dan 100 %; pas ze aan.",
        "the suggested weights add up to more than 100%; adjust them.",
    ),
    "trace": (
        "Verantwoording: herkomst en grondslag per clausule",
        "Traceability: source and legal basis per clause",
    ),
    "trace_intro": (
        "Per clausule de versie in de criteriaset, het type, het ambitieniveau, de bronnen (met"
        " betrouwbaarheid) en de juridische grondslag.",
        "For each clause its version in the criteria set, type, ambition level, sources (with"
        " confidence) and legal basis.",
    ),
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
    "group_laptop": ("laptops", "laptops"),
    "group_desktop": ("desktops", "desktop computers"),
    "group_monitor": ("beeldschermen", "monitors"),
    "group_tablet": ("tablets", "tablets"),
    "group_smartphone": ("smartphones", "smartphones"),
    "group_thin_client": ("thin clients", "thin clients"),
    "group_server": ("servers", "servers"),
    "group_network_equipment": ("netwerkapparatuur", "network equipment"),
    "group_data_centre_service": ("datacenterdiensten", "data centre services"),
    "group_cloud_service": ("clouddiensten", "cloud services"),
    "group_printer": ("printers", "printers"),
    "group_werkplek": ("werkplekpakket", "workplace bundle"),
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
}

#: Belgian Dutch where it differs from Netherlands Dutch (key -> nl text).
_BE_NL: dict[str, str] = {
    "title": "Bijlage bij het bestek: duurzaamheidscriteria — {title}",
    "details": "Gegevens van de opdracht",
    "subtitle": "Duurzaamheidseisen en -criteria voor ICT (duurzame overheidsopdrachten)",
    "buyer": "Aanbestedende overheid",
    "authority_type": "Soort aanbestedende overheid",
    "estimated_value": "Geraamde waarde van de opdracht",
    "use_2": (
        "Laat de bijlage toetsen door uw juridisch adviseur voordat u haar in de"
        " opdrachtdocumenten opneemt, en pas de teksten waar nodig aan."
    ),
    "use_5": (
        "Het nummer van elke clausule (bijvoorbeeld MVI-LIF-001) is vast; gebruik het bij de"
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
        " opdracht niet. Neem de maximale waarde van alle opties op in de geraamde waarde van de"
        " opdracht (richtlijn 2014/24/EU, art. 5 lid 1)."
    ),
    "weighting_intro": (
        "Voorgestelde weging van de duurzaamheidscriteria binnen de economisch meest"
        " voordelige offerte (beste prijs-kwaliteitverhouding). Het resterende gewicht is voor"
        " prijs en de overige gunningscriteria."
    ),
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
