"""The change checker's sentences for the small drawer, the regime, the advice and the notes.

See :mod:`mvi_rules.changes.render.phrases` for how the table works.
"""

from __future__ import annotations

#: Message code -> (Dutch, English).
PHRASES: dict[str, tuple[str, str]] = {
    # --- 2.163b: the small drawer ---
    "de_minimis.net_decrease": ("een verlaging van {amount}", "a decrease of {amount}"),
    "de_minimis.percent": ("{rate} van {base} = {amount}.", "{rate} of {base} = {amount}."),
    "de_minimis.percent_concession": (
        "{rate} van {base} = {amount} (concessie: 10%, ook voor werken).",
        "{rate} of {base} = {amount} (concession: 10%, also for works).",
    ),
    "de_minimis.threshold": (
        "EU-drempel ({kind}) op {date}, de datum van de wijziging: {amount}.",
        "EU threshold ({kind}) on {date}, the date of the change: {amount}.",
    ),
    "de_minimis.limit": (
        "Grens: de netto cumulatieve waarde moet lager blijven dan {amount} (de laagste van "
        "beide).",
        "Limit: the net cumulative value must stay below {amount} (the lower of the two).",
    ),
    "de_minimis.earlier": (
        "Eerdere de-minimiswijzigingen: {count}, netto samen {amount}.",
        "Earlier de-minimis changes: {count}, net together {amount}.",
    ),
    "de_minimis.with_change": (
        "Met deze wijziging: {sum} = {amount}.",
        "With this change: {sum} = {amount}.",
    ),
    "de_minimis.with_decrease": (
        "Met deze wijziging: {sum} = {amount} (de verlaging telt netto mee).",
        "With this change: {sum} = {amount} (the decrease is netted).",
    ),
    "de_minimis.note_full_is_full": (
        "Het kleine laatje: alle de-minimiswijzigingen tellen netto bij elkaar op (vol is vol). "
        "Verhogingen en verlagingen worden verrekend; het netto totaal moet, in absolute "
        "waarde, onder de grens blijven.",
        "The small drawer: all de-minimis changes add up net (full is full). Increases and "
        "decreases offset each other; the net total, in absolute value, must stay below the "
        "limit.",
    ),
    "de_minimis.budget_before": (
        "Resterend budget vóór deze wijziging: {amount} (de netto som moet daaronder blijven, "
        "dus een verhoging moet lager zijn dan dit bedrag).",
        "Remaining budget before this change: {amount} (the net sum must stay below the limit, "
        "so an increase must be lower than this amount).",
    ),
    "de_minimis.budget_after": (
        "Resterend budget na deze wijziging: {amount}.",
        "Remaining budget after this change: {amount}.",
    ),
    "de_minimis.budget_freed": (
        "Resterend budget na deze wijziging: {remaining}; de verlaging maakt {freed} vrij voor "
        "latere verhogingen.",
        "Remaining budget after this change: {remaining}; the decrease frees {freed} for later "
        "increases.",
    ),
    "de_minimis.compared": ("{amount} is", "{amount} is"),
    "de_minimis.compared_decrease": (
        "Het netto totaal, {net}, is in absolute waarde",
        "The net total, {net}, is in absolute value",
    ),
    "de_minimis.fits": (
        "{compared} lager dan {limit}: de wijziging past.",
        "{compared} below {limit}: the change fits.",
    ),
    "de_minimis.exceeded": (
        "{compared} niet lager dan {limit}: het de-minimisbudget is overschreden.",
        "{compared} not below {limit}: the de-minimis budget is exceeded.",
    ),
    "de_minimis.no_threshold_passes": (
        "mvi-rules kent geen EU-drempel voor {date}; alleen de {rate}-toets is gemaakt (die "
        "slaagt).",
        "mvi-rules knows no EU threshold for {date}; only the {rate} test was made (it passes).",
    ),
    "de_minimis.no_threshold_fails": (
        "mvi-rules kent geen EU-drempel voor {date}; alleen de {rate}-toets is gemaakt (die "
        "faalt).",
        "mvi-rules knows no EU threshold for {date}; only the {rate} test was made (it fails).",
    ),
    "de_minimis.reason_fits": (
        "Netto cumulatief {amount}, lager dan {limit}.",
        "Net cumulative {amount}, below {limit}.",
    ),
    "de_minimis.reason_decrease": (
        "Netto cumulatief {net}, lager dan {limit}. Deze verlaging brengt het netto totaal "
        "omlaag en maakt {freed} budget vrij.",
        "Net cumulative {net}, below {limit}. This decrease brings the net total down and frees "
        "{freed} of budget.",
    ),
    "de_minimis.reason_decrease_abs": (
        "Netto cumulatief: {net}, in absolute waarde lager dan {limit}. Deze verlaging brengt "
        "het netto totaal omlaag en maakt {freed} budget vrij.",
        "Net cumulative: {net}, in absolute value below {limit}. This decrease brings the net "
        "total down and frees {freed} of budget.",
    ),
    "de_minimis.note_net_decrease": (
        "Het netto totaal is nu {net}. Ook een netto verlaging moet in absolute waarde onder de "
        "grens blijven: voor verdere verlagingen in deze lade is nog {room} ruimte.",
        "The net total is now {net}. A net decrease must also stay below the limit in absolute "
        "value: further decreases in this drawer have {room} of room left.",
    ),
    "de_minimis.reason_full": (
        "Netto cumulatief {amount}, niet lager dan {limit}: het kleine laatje is vol.",
        "Net cumulative {amount}, not below {limit}: the small drawer is full.",
    ),
    "de_minimis.reason_full_abs": (
        "Netto cumulatief: {net}, in absolute waarde niet lager dan {limit}: het kleine laatje "
        "is vol.",
        "Net cumulative: {net}, in absolute value not below {limit}: the small drawer is full.",
    ),
    # --- the regime ---
    "regime.stated_european": (
        "Europese procedure (volgens het grootboek)",
        "European procedure (as stated in the ledger)",
    ),
    "regime.stated_below": (
        "onder de Europese drempel (volgens het grootboek)",
        "below the EU threshold (as stated in the ledger)",
    ),
    "regime.derived_european": (
        "Europese procedure (afgeleid: waarde incl. opties {value} ≥ EU-drempel {threshold} op "
        "de gunningsdatum {date}; leg het regime vast in het grootboek als het anders is)",
        "European procedure (derived: value incl. options {value} ≥ EU threshold {threshold} "
        "on the award date {date}; state the regime in the ledger if it differs)",
    ),
    "regime.derived_below": (
        "onder de Europese drempel (afgeleid: waarde incl. opties {value} < EU-drempel "
        "{threshold} op de gunningsdatum {date}; leg het regime vast in het grootboek als het "
        "anders is)",
        "below the EU threshold (derived: value incl. options {value} < EU threshold "
        "{threshold} on the award date {date}; state the regime in the ledger if it differs)",
    ),
    # --- the advice ---
    "advice.fits": (
        "Aanbevolen: {chosen}. Dit is de grootste lade waarin de wijziging past.",
        "Recommended: {chosen}. This is the largest drawer the change fits.",
    ),
    "advice.conditional": (
        "Aanbevolen: {chosen}, als de voorwaarden van die lade worden bevestigd. Dit is de "
        "grootste lade die de cijfers toelaten.",
        "Recommended: {chosen}, if the conditions of that drawer are confirmed. This is the "
        "largest drawer the figures allow.",
    ),
    "advice.decrease": (
        "Aanbevolen: {chosen}. Een verlaging past het best in het kleine laatje: daar worden "
        "alle wijzigingen netto opgeteld, dus deze verlaging brengt het netto cumulatieve "
        "totaal van {before} op {after} en maakt {freed} vrij voor latere verhogingen. In een "
        "grotere lade maakt zij niets vrij en gelden extra voorwaarden en een verplichte "
        "aankondiging.",
        "Recommended: {chosen}. A decrease is best placed in the small drawer: all its changes "
        "are added up net, so this decrease takes the net cumulative total from {before} to "
        "{after} and frees {freed} for later increases. In a larger drawer it frees nothing, and "
        "extra conditions and a mandatory notice apply.",
    ),
    "advice.decrease_below": (
        "Aanbevolen: {chosen}. Een verlaging past het best in het kleine laatje: daar worden "
        "alle wijzigingen netto opgeteld, dus deze verlaging brengt het netto cumulatieve "
        "totaal van {before} op {after} en maakt {freed} vrij voor latere verhogingen. In een "
        "grotere lade maakt zij niets vrij en gelden extra voorwaarden.",
        "Recommended: {chosen}. A decrease is best placed in the small drawer: all its changes "
        "are added up net, so this decrease takes the net cumulative total from {before} to "
        "{after} and frees {freed} for later increases. In a larger drawer it frees nothing, and "
        "extra conditions apply.",
    ),
    "advice.also_de_minimis": (
        "De wijziging past ook in het kleine laatje (de-minimis), maar een grotere lade gaat "
        "voor: daar telt de wijziging niet mee in het de-minimisbudget.",
        "The change also fits the small de-minimis drawer, but a larger drawer comes first: "
        "there the change does not eat the de-minimis budget.",
    ),
    "advice.publish": (
        "Publiceer een aankondiging van de wijziging (BT-200 = {code}).",
        "Publish a modification notice (BT-200 = {code}).",
    ),
    "advice.fallbacks": (
        "Valt deze lade af, dan in deze volgorde: {grounds}.",
        "If this drawer falls away, then in this order: {grounds}.",
    ),
    "advice.new_procedure": (
        "dan is voor deze wijziging een nieuwe aanbestedingsprocedure nodig ({ref}).",
        "then this change needs a new procurement procedure ({ref}).",
    ),
    "advice.new_procedure_be": (
        "dan is voor deze wijziging een nieuwe plaatsingsprocedure nodig.",
        "then this change needs a new award procedure.",
    ),
    "advice.none_review": (
        "Geen lade past op grond van de cijfers. Laat de jurist {grounds} beoordelen; past ook "
        "dat niet, {then}",
        "No drawer fits on the figures. Have the legal adviser assess {grounds}; if that fails "
        "too, {then}",
    ),
    "advice.none": ("Geen lade past; {then}", "No drawer fits; {then}"),
    "advice.undetermined": (
        "Let op: niet elke toets kon worden gemaakt (zie hierboven).",
        "Note: not every test could be made (see above).",
    ),
    # --- notes on the whole check ---
    "note.below_threshold_nl": (
        "Deze opdracht is niet Europees aanbesteed. Hoofdstuk 2.5 Aw 2012 (art. 2.163a tot en "
        "met 2.163g{via}) bindt alleen Europese procedures; de toetsen hieronder zijn naar "
        "analogie toegepast.",
        "This contract was not awarded in a European procedure. Chapter 2.5 of the Aw 2012 "
        "(arts 2.163a-2.163g{via}) binds only European procedures; the tests below are applied "
        "by analogy.",
    ),
    "note.below_threshold_be": (
        "Deze opdracht ligt onder de Europese drempel. De toetsen zijn naar analogie toegepast; "
        "of en hoe de AUR-wijzigingsregels op deze opdracht van toepassing zijn, is niet "
        "vastgelegd in mvi-rules [onbevestigd].",
        "This contract is below the EU threshold. The tests are applied by analogy; whether and "
        "how the AUR modification rules apply to it is not recorded in mvi-rules [unconfirmed].",
    ),
    "note.indexed": (
        "Het contract indexeert ({clause}): de geïndexeerde waarde {amount} is de basis voor de "
        "percentages (Richtlijn 2014/24/EU, art. 72, lid 3); eerdere wijzigingen zijn met "
        "dezelfde basis nagerekend.",
        "The contract indexes prices ({clause}): the indexed value {amount} is the base for the "
        "percentages (Directive 2014/24/EU, Art. 72(3)); earlier changes were rechecked on the "
        "same base.",
    ),
    "note.threshold_date": (
        "De de-minimistoets gebruikt de EU-drempel die gold op de datum van de wijziging. "
        "Welke drempel geldt voor een latere wijziging wanneer de drempels intussen zijn "
        "gewijzigd, is onbevestigd.",
        "The de-minimis test uses the EU threshold in force on the date of the change. Which "
        "threshold applies to a later change when the thresholds have moved since the award is "
        "unconfirmed.",
    ),
    "note.be_concession": (
        "Belgische concessie: mvi-rules heeft hiervoor geen bevestigde Belgische bron (de AUR "
        "geldt voor overheidsopdrachten); de toetsen volgen Richtlijn 2014/23/EU, art. 43 "
        "[Belgische bepalingen onbevestigd].",
        "Belgian concession: mvi-rules has no confirmed Belgian source for it (the AUR governs "
        "public contracts); the tests follow Directive 2014/23/EU, Art. 43 [Belgian provisions "
        "unconfirmed].",
    ),
    "note.be_articles": (
        "Belgische wijzigingsregels: KB 14 januari 2013 (AUR), art. 37-38/19, zoals gewijzigd "
        "bij KB 22 juni 2017. Het artikel per grond (art. 38 herzieningsclausule, 38/1 "
        "bijkomende prestaties, 38/2 onvoorzienbare omstandigheden, 38/3 vervanging van de "
        "opdrachtnemer, 38/4 de-minimisregel, 38/5-38/6 niet-substantiële wijziging) volgt het "
        "Waalse portaal 'Modifier le marché' (https://marchespublics.wallonie.be/"
        "pouvoirs-adjudicateurs/executer-un-marche/modifier-le-marche.html); mvi-rules heeft de "
        "nummers niet tegen de tekst van het KB zelf nagekeken.",
        "Belgian modification rules: KB 14 januari 2013 (AUR), arts 37-38/19, as amended by KB "
        "22 juni 2017. The article of each ground (art. 38 review clause, 38/1 additional "
        "performance, 38/2 unforeseeable circumstances, 38/3 replacement of the contractor, "
        "38/4 de-minimis rule, 38/5-38/6 non-substantial modification) follows the Walloon "
        "portal 'Modifier le marché' (https://marchespublics.wallonie.be/pouvoirs-adjudicateurs/"
        "executer-un-marche/modifier-le-marche.html); mvi-rules has not checked the numbers "
        "against the text of the decree itself.",
    ),
    "note.order": (
        "Volgorde van toetsing: eerst de grote lades, dan het kleine laatje, als laatste de "
        "niet-wezenlijke wijziging ({grounds}). Past een wijziging in meer lades, kies dan de "
        "grotere.",
        "Testing order: the large drawers first, then the small drawer, the non-substantial "
        "change last ({grounds}). When a change fits several drawers, choose the larger one.",
    ),
    "note.order_decrease": (
        "Volgorde van toetsing: eerst de grote lades, dan het kleine laatje, als laatste de "
        "niet-wezenlijke wijziging ({grounds}). Past een wijziging in meer lades, kies dan de "
        "grotere; behalve voor een verlaging die in het kleine laatje past: daar maakt zij "
        "budget vrij.",
        "Testing order: the large drawers first, then the small drawer, the non-substantial "
        "change last ({grounds}). When a change fits several drawers, choose the larger one; "
        "except for a decrease that fits the small drawer: there it frees budget.",
    ),
    "note.not_legal_advice": (
        "mvi-rules rekent en ordent; het oordeel over de voorwaarden en de vragen is aan de "
        "jurist. Dit is geen juridisch advies.",
        "mvi-rules does the arithmetic and the ordering; judging the conditions and the "
        "questions is for the legal adviser. This is not legal advice.",
    ),
    "heading": ("Wijzigingstoets (ladekast)", "Change check (chest of drawers)"),
}
