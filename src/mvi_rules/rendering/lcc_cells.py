"""What the LCC calculation sheets share: cell styles, language, the article that asks for the
method, the criterion's fixed figures, and the rows every worksheet has (its heading, the column
titles, the tender's total and the check on the units) (:mod:`.lcc_sheet`, :mod:`.lcc_pages`)."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..profile.model import Jurisdiction, Lot, ProcurementProfile
from ..selection.result import SelectedCriterion
from .law import localise

#: Cells the tenderer fills in (yellow) and cells the contracting authority fills in before
#: publishing (blue).
TENDERER_INPUT = PatternFill("solid", fgColor="FFF2CC")
BUYER_INPUT = PatternFill("solid", fgColor="DDEBF7")
BOLD = Font(bold=True)


def t(lang: str, nl: str, en: str) -> str:
    """``nl`` or ``en`` by ``lang``."""
    return nl if lang == "nl" else en


def law(jurisdiction: Jurisdiction, lang: str) -> str:
    """The article that asks the buyer to state the LCC method in the procurement documents."""
    if jurisdiction is Jurisdiction.BE:
        return t(lang, "art. 82 van de Wet van 17 juni 2016", "art. 82 of the Law of 17 June 2016")
    return t(lang, "art. 2.115a Aanbestedingswet 2012", "art. 2.115a of the Aanbestedingswet 2012")


def parameter(criterion: SelectedCriterion, name: str) -> float:
    """The value of one of the criterion's (numeric) parameters."""
    value = next(p.value for p in criterion.parameters if p.name == name)
    return float(value)


def write_heading(
    sheet: Worksheet,
    profile: ProcurementProfile,
    criterion: SelectedCriterion,
    lot: Lot,
    lang: str,
    title: str,
    method: str,
) -> None:
    """Rows 1-3: the sheet's title, the buyer, lot and criterion, and the method (as the law asks
    a buyer to state it), wrapped; the caller merges the method's cells to its own width."""
    sheet["A1"] = title + f" — {profile.procurement.title}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = (
        f"{profile.buyer.name}; {t(lang, 'perceel', 'lot')} {lot.id} ({lot.name}); "
        f"{criterion.id} {criterion.title.get(lang)}"
        f" ({t(lang, 'versie', 'version')} {criterion.version})"
    )
    sheet["A3"] = localise(method, profile.buyer.jurisdiction, lang)
    sheet["A3"].alignment = Alignment(wrap_text=True, vertical="top")


def write_column_titles(
    sheet: Worksheet, row: int, titles: Sequence[str], first_width: float, height: float
) -> None:
    """The bold, wrapped column titles of the model rows; the first (model) column is wider."""
    for i, title in enumerate(titles, start=1):
        cell = sheet.cell(row, i, title)
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(i)].width = 16 if i > 1 else first_width
    sheet.row_dimensions[row].height = height


def write_tender_total(sheet: Worksheet, row: int, column: int, formula: str, lang: str) -> None:
    """The row with the tender's LCC: the sum over the offered models."""
    sheet.cell(row, 1, t(lang, "LCC van de inschrijving (€)", "LCC of the tender (€)")).font = BOLD
    sheet.cell(row, column, formula).font = BOLD


def write_units_check(
    sheet: Worksheet, row: int, quantity_row: int, first: int, last: int, lang: str
) -> None:
    """The check that the units per model add up to the lot; the model rows stay in view."""
    sheet.cell(
        row,
        1,
        t(
            lang,
            "Controle: de aantallen per model tellen op tot het aantal in het perceel"
            f" (B{quantity_row}).",
            f"Check: the units per model add up to the devices in the lot (B{quantity_row}).",
        ),
    )
    sheet.cell(row, 2, f"=SUM(B{first}:B{last})")
    sheet.freeze_panes = f"B{first}"


def use_and_energy_rows(criterion: SelectedCriterion, lang: str) -> list[tuple[str, float, str]]:
    """The first two fixed figures of every LCC sheet: the use period and the electricity price
    ($B$5 and $B$6 in the formulas), from the criterion's parameters."""
    return [
        (
            t(lang, "Gebruiksduur", "Use period"),
            parameter(criterion, "use_years"),
            t(lang, "jaar", "years"),
        ),
        (
            t(lang, "Elektriciteitsprijs", "Electricity price"),
            parameter(criterion, "energy_price_eur_per_kwh"),
            "€/kWh",
        ),
    ]
