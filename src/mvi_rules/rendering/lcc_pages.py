"""The cost-per-page LCC sheet for a printer lot (MVI-PRN-016), one worksheet of the workbook
:mod:`.lcc_sheet` writes.

The clause scores printers on the life-cycle cost per printed page over the use period: the
purchase (or lease) of the devices, the cost per page for consumables, maintenance and service,
the energy (TEC per week from the test report x 52 weeks), maintenance outside the page rates,
and take-back less buy-back, divided by the pages expected over the use period. The buyer
states the pages per month per device (black and white, colour) in the blue cells before
publishing; the tenderer fills in the yellow cells per offered model; every cost item is a
visible formula.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.worksheet.worksheet import Worksheet

from ..profile.model import Lot, ProcurementProfile
from ..selection.result import SelectedCriterion
from .lcc_cells import (
    BOLD,
    BUYER_INPUT,
    TENDERER_INPUT,
    law,
    t,
    use_and_energy_rows,
    write_column_titles,
    write_heading,
    write_tender_total,
    write_units_check,
)

#: The price criterion whose clause refers to this sheet.
PAGE_CRITERION = "MVI-PRN-016"
#: Rows for offered models.
MODEL_ROWS = 6
#: Weeks in a year: the clause multiplies the weekly TEC by 52.
WEEKS_PER_YEAR = 52


@dataclass(frozen=True)
class _Column:
    nl: str
    en: str
    formula: str | None = None  # with {r} for the row; None: the tenderer fills it in


# Letters follow the order of this list (A, B, C, ...); formulas name them directly. The fixed
# figures are $B$5 use years, $B$6 electricity price, $B$7 and $B$8 pages per month per device
# (black and white, colour).
_COLUMNS = (
    _Column("Model", "Model"),
    _Column("Aantal", "Units"),
    _Column(
        "Aanschaf- of leaseprijs per stuk over de gebruiksduur (€)",
        "Purchase or lease price per unit over the use period (€)",
    ),
    _Column("TEC (kWh per week)", "TEC (kWh per week)"),
    _Column("Kosten per pagina zwart-wit (€)", "Cost per page black and white (€)"),
    _Column("Kosten per pagina kleur (€)", "Cost per page colour (€)"),
    _Column(
        "Onderhoud buiten de paginatarieven over de gebruiksduur (€)",
        "Maintenance outside the page rates over the use period (€)",
    ),
    _Column("Innamevergoeding per stuk (€)", "Take-back fee per unit (€)"),
    _Column("Terugkoopwaarde per stuk (€)", "Buy-back value per unit (€)"),
    _Column("Pagina's zwart-wit", "Pages black and white", "=B{r}*$B$7*12*$B$5"),
    _Column("Pagina's kleur", "Pages colour", "=B{r}*$B$8*12*$B$5"),
    _Column("Aanschaf (€)", "Purchase (€)", "=B{r}*C{r}"),
    _Column("Pagina's (€)", "Pages (€)", "=J{r}*E{r}+K{r}*F{r}"),
    _Column("Energie (€)", "Energy (€)", f"=D{{r}}*{WEEKS_PER_YEAR}*B{{r}}*$B$5*$B$6"),
    _Column("Onderhoud (€)", "Maintenance (€)", "=G{r}"),
    _Column("Einde gebruiksduur (€)", "End of use (€)", "=B{r}*(H{r}-I{r})"),
    _Column("LCC (€)", "LCC (€)", "=L{r}+M{r}+N{r}+O{r}+P{r}"),
)


def page_sheet(
    sheet: Worksheet,
    profile: ProcurementProfile,
    criterion: SelectedCriterion,
    lot: Lot,
    lang: str,
) -> None:
    """Fill ``sheet`` with the cost-per-page LCC of printer lot ``lot``."""
    jurisdiction = profile.buyer.jurisdiction
    title = t(lang, "LCC-rekenblad per pagina", "Cost-per-page LCC sheet")
    method = t(
        lang,
        f"Methode ({law(jurisdiction, lang)}): kosten per pagina = (aanschaf + pagina's"
        " + energie + onderhoud + einde gebruiksduur) / aantal pagina's over de"
        " gebruiksduur; bedragen exclusief btw en niet verdisconteerd. Pagina's tegen de"
        " tarieven per pagina voor verbruiksmaterialen, onderhoud en service (bij prijzen"
        " per cartridge: cartridgeprijs gedeeld door het paginarendement volgens ISO/IEC"
        " 19752, 19798 of 24711, of een gelijkwaardige norm); energie = TEC per week maal"
        f" {WEEKS_PER_YEAR} weken. De aanbestedende dienst vult vóór publicatie de blauwe"
        " cellen in; de inschrijver vult per aangeboden model de gele cellen in; de"
        " overige cellen rekenen.",
        f"Method ({law(jurisdiction, lang)}): cost per page = (purchase + pages + energy +"
        " maintenance + end of use) / pages over the use period; amounts excluding VAT and"
        " not discounted. Pages at the rates per page for consumables, maintenance and"
        " service (with prices per cartridge: the cartridge price divided by the page yield"
        " under ISO/IEC 19752, 19798 or 24711, or an equivalent standard); energy = TEC per"
        f" week times {WEEKS_PER_YEAR} weeks. The contracting authority fills in the blue"
        " cells before publishing; the tenderer fills in the yellow cells for each offered"
        " model; the other cells calculate.",
    )
    write_heading(sheet, profile, criterion, lot, lang, title, method)
    sheet.merge_cells("A3:I3")
    sheet.row_dimensions[3].height = 75

    fixed: list[tuple[str, float | None, str]] = [
        *use_and_energy_rows(criterion, lang),
        (
            t(
                lang,
                "Pagina's per maand per apparaat, zwart-wit",
                "Pages per month per device, black and white",
            ),
            None,
            t(
                lang,
                "pagina's (in te vullen door de aanbestedende dienst)",
                "pages (contracting authority)",
            ),
        ),
        (
            t(lang, "Pagina's per maand per apparaat, kleur", "Pages per month per device, colour"),
            None,
            t(
                lang,
                "pagina's (in te vullen door de aanbestedende dienst)",
                "pages (contracting authority)",
            ),
        ),
    ]
    for row, (label, value, unit) in enumerate(fixed, start=5):
        sheet.cell(row, 1, label)
        cell = sheet.cell(row, 2, value)
        if value is None:
            cell.fill = BUYER_INPUT
        sheet.cell(row, 3, unit)
    sheet.cell(9, 1, t(lang, "Pagina's per jaar per apparaat", "Pages per year per device"))
    sheet.cell(9, 2, "=12*(B7+B8)")
    sheet.cell(10, 1, t(lang, "Aantal apparaten in het perceel", "Devices in the lot"))
    sheet.cell(10, 2, lot.quantity)

    header = 12
    write_column_titles(sheet, header, [t(lang, c.nl, c.en) for c in _COLUMNS], 30, 60)
    first, last = header + 1, header + MODEL_ROWS
    for row in range(first, last + 1):
        for i, col in enumerate(_COLUMNS, start=1):
            field = sheet.cell(row, i)
            if col.formula is None:
                field.fill = TENDERER_INPUT
            else:
                field.value = col.formula.format(r=row)
    total = last + 2
    write_tender_total(sheet, total, 17, f"=SUM(Q{first}:Q{last})", lang)
    pages = total + 1
    sheet.cell(pages, 1, t(lang, "Pagina's over de gebruiksduur", "Pages over the use period"))
    sheet.cell(pages, 17, f"=SUM(J{first}:J{last})+SUM(K{first}:K{last})")
    per_page = total + 2
    sheet.cell(
        per_page,
        1,
        t(lang, "Kosten per pagina van de inschrijving (€)", "Cost per page of the tender (€)"),
    ).font = BOLD
    sheet.cell(per_page, 17, f"=Q{total}/Q{pages}").font = BOLD
    write_units_check(sheet, per_page + 1, 10, first, last, lang)
