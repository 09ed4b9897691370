"""The words of the lifetime chart and of its section in the annex, in Dutch and English."""

from __future__ import annotations

from ..catalogue.model import LocalText

TEXTS: dict[str, LocalText] = {
    "heading": LocalText(
        nl="Gebruiksduur in beeld: CO2 en kosten per apparaatjaar",
        en="Lifetime at a glance: CO2 and cost per device-year",
    ),
    "intro": LocalText(
        nl="De grafiek laat per perceel zien hoe de CO2-uitstoot en de aanschafkosten per jaar"
        " gebruik dalen als de apparaten {years} jaar worden gebruikt in plaats van {ref}. Zij"
        " helpt bij de keuze van de gebruiksduur; het is geen eis aan de inschrijver.",
        en="For each lot, the chart shows how CO2 emissions and purchase costs per year of use"
        " fall when the devices are used for {years} years instead of {ref}. It helps in"
        " choosing the lifetime; it is not a requirement for tenderers.",
    ),
    "co2_axis": LocalText(
        nl="CO2 per apparaatjaar\n(index, {ref} jaar = 100)",
        en="CO2 per device-year\n(index, {ref} years = 100)",
    ),
    "cost_axis": LocalText(
        nl="Aanschaf per apparaatjaar (€)",
        en="Purchase per device-year (€)",
    ),
    "cost_axis_index": LocalText(
        nl="Aanschaf per apparaatjaar\n(index, {ref} jaar = 100)",
        en="Purchase per device-year\n(index, {ref} years = 100)",
    ),
    "years": LocalText(nl="{n} jaar", en="{n} years"),
    "lot": LocalText(nl="Perceel {id}", en="Lot {id}"),
    "comparison": LocalText(
        nl="Fair ICT Flanders: −{pct}% bij {years} jaar",
        en="Fair ICT Flanders: −{pct}% at {years} years",
    ),
    "on_chart_sources": LocalText(
        nl="Bronnen: {names}; details onder de figuur.",
        en="Sources: {names}; details below the figure.",
    ),
    "illustrative_mark": LocalText(
        nl="* illustratieve prijs (aanname)", en="* illustrative price (assumption)"
    ),
    "caption": LocalText(
        nl="Figuur: CO2 en aanschafkosten per apparaatjaar bij {years} jaar gebruik. Berekening:"
        " CO2-index = 100 × (aandeel productie × {ref} / gebruiksduur + aandeel gebruik);"
        " aanschaf per apparaatjaar = prijs per apparaat / gebruiksduur. Energie, beheer en"
        " reparatie per jaar zijn niet meegeteld; een langere gebruiksduur kan reparaties"
        " vragen, zoals een nieuwe accu.",
        en="Figure: CO2 and purchase cost per device-year at {years} years of use. Method:"
        " CO2 index = 100 × (production share × {ref} / lifetime + use share); purchase per"
        " device-year = price per device / lifetime. Energy, management and repair per year are"
        " not counted; a longer life can need repairs, such as a new battery.",
    ),
    # The annex tenderers read shows cost as an index: no price per device.
    "caption_final": LocalText(
        nl="Figuur: CO2 en aanschafkosten per apparaatjaar bij {years} jaar gebruik. Berekening:"
        " CO2-index = 100 × (aandeel productie × {ref} / gebruiksduur + aandeel gebruik);"
        " aanschafindex = 100 × {ref} / gebruiksduur (dezelfde prijs per apparaat over meer"
        " jaren). Energie, beheer en reparatie per jaar zijn niet meegeteld; een langere"
        " gebruiksduur kan reparaties vragen, zoals een nieuwe accu.",
        en="Figure: CO2 and purchase cost per device-year at {years} years of use. Method:"
        " CO2 index = 100 × (production share × {ref} / lifetime + use share); purchase index ="
        " 100 × {ref} / lifetime (the same price per device over more years). Energy,"
        " management and repair per year are not counted; a longer life can need repairs, such"
        " as a new battery.",
    ),
    "figures": LocalText(nl="Cijfers in de grafiek", en="Figures in the chart"),
    "share_line": LocalText(
        nl="{lots}: aandeel productie {pct}% van de CO2 over de levensduur.",
        en="{lots}: production share {pct}% of the life-cycle CO2.",
    ),
    "price_profile": LocalText(
        nl="{lot}: prijs {price} per apparaat = geraamde waarde / aantal ({quantity}) uit het"
        " profiel.",
        en="{lot}: price {price} per device = estimated value / quantity ({quantity}) from the"
        " profile.",
    ),
    "price_illustrative": LocalText(
        nl="{lot}: prijs {price} per apparaat*.", en="{lot}: price {price} per device*."
    ),
    "split_note": LocalText(
        nl="* De geraamde waarde uit het profiel ({total}) is over de percelen verdeeld naar"
        " verhouding van illustratieve prijzen per apparaat, omdat het profiel geen waarde per"
        " perceel geeft.",
        en="* The estimated value from the profile ({total}) is split over the lots in"
        " proportion to illustrative prices per device, as the profile gives no value per lot.",
    ),
    "sources": LocalText(nl="Bronnen en aannames", en="Sources and assumptions"),
    "choice": LocalText(
        nl="Aanname van de catalogus, die u kunt aanpassen",
        en="Assumption of the catalogue, which you can change",
    ),
    # In the final annex, which tenderers read, the assumption is stated without instructions
    # for the buyer.
    "choice_final": LocalText(nl="Aanname", en="Assumption"),
    "own_price": LocalText(
        nl="Geef de geraamde waarde per perceel (estimated_value_eur) in het profiel om met de"
        " eigen raming te rekenen.",
        en="Give each lot's estimated value (estimated_value_eur) in the profile to use your own"
        " estimate.",
    ),
    "unsourced": LocalText(
        nl="Niet in de grafiek, omdat de bronnen van de catalogus voor deze apparaten geen"
        " aandeel van de productie geven: {lots}.",
        en="Not in the chart, as the catalogue's sources give no production share for these"
        " devices: {lots}.",
    ),
    "not_shown": LocalText(
        nl="Niet in de grafiek, om haar leesbaar te houden: {lots}.",
        en="Not in the chart, to keep it readable: {lots}.",
    ),
}


def text(key: str, lang: str, **values: object) -> str:
    """The text ``key`` in ``lang`` with ``values`` filled in."""
    return TEXTS[key].get(lang).format(**values)
