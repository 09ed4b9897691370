"""The change checker's sentences in Dutch and English, one pair per message code.

The checks emit codes with parameters (:mod:`mvi_rules.changes.message`); this table is the
only place their sentences are written. ``{name}`` is a parameter, written by
:mod:`mvi_rules.changes.render.wording` the way each language writes it. The conditions and
questions of each ground are law and live in ``rulesets/changes/grounds.yaml``.
"""

from __future__ import annotations

#: Message code -> (Dutch, English).
PHRASES: dict[str, tuple[str, str]] = {
    # --- words and parts of sentences ---
    "amount": ("{amount}", "{amount}"),
    "base.indexed": (
        "de geïndexeerde oorspronkelijke waarde {amount}",
        "the indexed original value {amount}",
    ),
    "base.original": ("de oorspronkelijke waarde {amount}", "the original value {amount}"),
    "sum.plus": ("{total} + {amount}", "{total} + {amount}"),
    "sum.minus": ("{total} - {amount}", "{total} - {amount}"),
    # Belgian law says "substantieel" where the Dutch Aw says "wezenlijk".
    "word.substantial_nl": ("wezenlijk", "substantial"),
    "word.substantial_be": ("substantieel", "substantial"),
    "threshold.works": ("werken", "works"),
    "threshold.supplies_services_central": (
        "leveringen en diensten, centrale overheid",
        "supplies and services, central government",
    ),
    "threshold.supplies_services_sub_central": (
        "leveringen en diensten, decentrale overheid",
        "supplies and services, sub-central authorities",
    ),
    "threshold.social_services": ("sociale en andere specifieke diensten", "social services"),
    "threshold.utilities_supplies_services": (
        "speciale sectoren, leveringen en diensten",
        "utilities, supplies and services",
    ),
    "threshold.utilities_works": ("speciale sectoren, werken", "utilities, works"),
    "threshold.concessions": ("concessies", "concessions"),
    # --- verdicts ---
    "verdict.fits": ("PAST", "FITS"),
    "verdict.conditional": (
        "PAST, als de voorwaarden worden bevestigd",
        "FITS if the conditions are confirmed",
    ),
    "verdict.legal_review": ("OORDEEL JURIST NODIG", "LEGAL ADVISER MUST DECIDE"),
    "verdict.not_applicable": ("NIET VAN TOEPASSING", "NOT APPLICABLE"),
    "verdict.does_not_fit": ("PAST NIET", "DOES NOT FIT"),
    "verdict.undetermined": ("NIET TE BEPALEN", "CANNOT BE DETERMINED"),
    # --- every drawer ---
    "replacement_only": (
        "De opdrachtnemer wordt vervangen; dat kan alleen via de lade voor een nieuwe "
        "opdrachtnemer. Daarbuiten is vervanging altijd een {substantial}e wijziging.",
        "The contractor is replaced; that is possible only through the new-contractor drawer. "
        "Outside it, a replacement is always a substantial change.",
    ),
    "ratio.increase": ("De wijziging is {ratio} van {base}.", "The change is {ratio} of {base}."),
    "ratio.decrease": (
        "De wijziging is een verlaging met {ratio} van {base}.",
        "The change is a decrease of {ratio} of {base}.",
    ),
    "legal_review.no_numeric_test": (
        "Deze lade heeft geen rekentoets; de jurist beantwoordt de vragen hieronder.",
        "This drawer has no numeric test; the legal adviser answers the questions below.",
    ),
    # --- the modification notice ---
    "notice.form": (
        "eForms-aankondiging van een wijziging, subtype {subtype}, "
        "BT-200 (reden van de wijziging) = {code}",
        "eForms contract modification notice, subtype {subtype}, "
        "BT-200 (modification reason) = {code}",
    ),
    "notice.optional": (
        "Geen aankondiging van een wijziging voorgeschreven. Publiceert u toch: {form}.",
        "No modification notice is required. If you publish one: {form}.",
    ),
    "notice.by_analogy": (
        "Bij een Europese procedure is een aankondiging van een wijziging verplicht ({form}). "
        "Deze opdracht is niet Europees aanbesteed: die plicht geldt hooguit naar analogie; "
        "bespreek met de jurist of u publiceert.",
        "In a European procedure a modification notice is mandatory ({form}). This contract "
        "was not awarded in a European procedure: the duty applies by analogy at most; "
        "discuss with the legal adviser whether to publish.",
    ),
    "notice.where_nl": (" via TenderNed", " through TenderNed"),
    "notice.where_be": (
        " (het Belgische publicatieartikel is niet bevestigd in mvi-rules)",
        " (the Belgian publication article is not confirmed in mvi-rules)",
    ),
    "notice.mandatory": (
        "Verplicht: publiceer een aankondiging van een wijziging{where}: {form}.",
        "Mandatory: publish a modification notice{where}: {form}.",
    ),
    # --- 2.163c: option or review clause ---
    "review.be_default_clauses": (
        "In België zijn sommige herzieningsclausules verplicht en gelden sommige van "
        "rechtswege als de opdrachtdocumenten ze niet bevatten (KB 14 januari 2013 (AUR), art. "
        "{clauses}; {numbering}). mvi-rules toetst alleen de opties in het grootboek: ga na of "
        "de wijziging onder zo'n verplichte of aanvullende clausule valt.",
        "In Belgium some review clauses are mandatory and some apply by default when the "
        "procurement documents lack them (KB 14 januari 2013 (AUR), arts {clauses}; "
        "{numbering}). mvi-rules checks only the options in the ledger: check whether the "
        "change falls under such a mandatory or default clause.",
    ),
    "review.option": ("{id} ({description})", "{id} ({description})"),
    "review.option_room": (
        "{id} ({description}, ruimte {room})",
        "{id} ({description}, room {room})",
    ),
    "review.none_named": (
        "De voorgestelde wijziging noemt geen optie. Opties in het contract: {options}. "
        "Gebruikt de wijziging er een, vermeld die optie dan bij de voorgestelde wijziging.",
        "The proposed change names no option. Options in the contract: {options}. "
        "If the change uses one, name that option with the proposed change.",
    ),
    "review.no_options": (
        "Het grootboek bevat geen opties of herzieningsclausules; deze lade is leeg.",
        "The ledger lists no options or review clauses; this drawer is empty.",
    ),
    "review.used": (
        "Optie '{option}': eerder gebruikt {used}; met deze wijziging {sum} = {after}.",
        "Option '{option}': used before {used}; with this change {sum} = {after}.",
    ),
    "review.late": (
        "De optie '{option}' kon worden gebruikt tot {until}; de wijziging is op {date}.",
        "Option '{option}' could be used until {until}; the change is dated {date}.",
    ),
    "review.no_maximum": (
        "De wijziging gebruikt optie '{option}'; die heeft in het grootboek geen maximum, dus "
        "de omvang moet worden bevestigd.",
        "The change uses option '{option}', which has no maximum in the ledger, so its extent "
        "must be confirmed.",
    ),
    "review.maximum_fits": (
        "Maximum van de optie: {maximum}; {after} ≤ {maximum}. Ruimte vóór deze wijziging "
        "{room_before}, daarna {room_after}.",
        "Option maximum: {maximum}; {after} ≤ {maximum}. Room before this change "
        "{room_before}, after it {room_after}.",
    ),
    "review.maximum_exceeded": (
        "Maximum van de optie: {maximum}; {after} > {maximum}. Ruimte vóór deze wijziging "
        "{room_before}.",
        "Option maximum: {maximum}; {after} > {maximum}. Room before this change {room_before}.",
    ),
    "review.fits": (
        "De wijziging past binnen optie '{option}' (maximum {maximum}).",
        "The change fits option '{option}' (maximum {maximum}).",
    ),
    "review.exceeded": (
        "Met deze wijziging komt het gebruik van optie '{option}' op {after}, boven het "
        "maximum {maximum}.",
        "With this change option '{option}' would be used for {after}, above its maximum "
        "{maximum}.",
    ),
    # --- 2.163d/e: the 50 % cap per change ---
    "capped.no_cap_nl": (
        "Speciale sectoren: geen 50%-grens per wijziging (Richtlijn 2014/25/EU, art. 89, kent "
        "die grens niet; hoofdstuk 2.5 Aw 2012 geldt hier via art. 3.80d).",
        "Utilities: no 50% cap per change (Directive 2014/25/EU, Art. 89, has none; chapter "
        "2.5 of the Aw 2012 applies through art. 3.80d).",
    ),
    "capped.no_cap_be": (
        "Speciale sectoren: geen 50%-grens per wijziging (Richtlijn 2014/25/EU, art. 89, kent "
        "die grens niet).",
        "Utilities: no 50% cap per change (Directive 2014/25/EU, Art. 89, has none).",
    ),
    "capped.cap": (
        "50%-grens per wijziging: {size} {sign} {cap} (50% van {base}).",
        "50% cap per change: {size} {sign} {cap} (50% of {base}).",
    ),
    "capped.cap_decrease": (
        "50%-grens per wijziging, gemeten aan de omvang van de verlaging: {size} {sign} {cap} "
        "(50% van {base}).",
        "50% cap per change, measured by the size of the decrease: {size} {sign} {cap} "
        "(50% of {base}).",
    ),
    "capped.earlier": (
        "Eerder in deze lade: {count} wijziging(en), samen {amount}. Die tellen niet op (de "
        "grens geldt per wijziging), maar opknippen van één wijziging om onder de grens te "
        "blijven is niet toegestaan.",
        "Earlier in this drawer: {count} change(s), together {amount}. They do not add up (the "
        "cap is per change), but splitting one change to stay below the cap is not allowed.",
    ),
    "capped.earlier_no_cap": (
        "Eerder in deze lade: {count} wijziging(en), samen {amount}. Die tellen niet op; "
        "speciale sectoren kennen geen 50%-grens.",
        "Earlier in this drawer: {count} change(s), together {amount}. They do not add up; "
        "utilities have no 50% cap.",
    ),
    "capped.passes": (
        "De cijfers laten deze lade toe; de wijziging past als de voorwaarden hieronder worden "
        "bevestigd, en er moet een aankondiging van de wijziging worden gepubliceerd.",
        "The figures allow this drawer; the change fits if the conditions below are confirmed, "
        "and a modification notice must be published.",
    ),
    "capped.change_exceeds": (
        "De wijziging is groter dan de 50%-grens van {cap}.",
        "The change exceeds the 50% cap of {cap}.",
    ),
    "capped.decrease_exceeds": (
        "De verlaging is groter dan de 50%-grens van {cap}.",
        "The decrease exceeds the 50% cap of {cap}.",
    ),
    "additional.not_an_increase": (
        "Deze lade is voor aanvullende prestaties; de wijziging verhoogt de opdrachtwaarde niet.",
        "This drawer is for additional performance; the change does not increase the contract "
        "value.",
    ),
    # --- 2.163f and 2.163g ---
    "new_contractor.not_replacing": (
        "Alleen voor een wijziging waarbij een andere opdrachtnemer de opdracht overneemt; "
        "volgens de voorgestelde wijziging is daarvan hier geen sprake.",
        "Only for a change in which another contractor takes over the contract; according to "
        "the proposed change, that is not the case here.",
    ),
    "non_substantial.replacement": (
        "Vervanging van de opdrachtnemer buiten de lade voor een nieuwe opdrachtnemer is altijd "
        "een {substantial}e wijziging.",
        "Replacing the contractor outside the new-contractor drawer is always a substantial "
        "change.",
    ),
    "non_substantial.no_numeric_test": (
        "Deze lade heeft geen rekentoets; de jurist beantwoordt de vragen hieronder. Is het "
        "antwoord op een van de eerste drie vragen ja, dan is de wijziging {substantial}.",
        "This drawer has no numeric test; the legal adviser answers the questions below. If any "
        "of the first three is answered yes, the change is substantial.",
    ),
}
