"""The LCC calculation sheet the life-cycle-cost price criterion refers to, as an .xlsx workbook.

The clause (MVI-LCC-001, or MVI-LCC-002 with a CO2 price) says the buyer computes each offer's
life-cycle cost "with the calculation sheet attached to the tender documents". This module
writes that sheet: one worksheet per lot the criterion applies to, with the buyer's fixed
figures taken from the selected criterion's parameters (use years, electricity price, hours,
CO2 price and grid factor), a row per offered model for the tenderer to fill in, and the cost
items of the clause as visible formulas. The first lines state the method, as the law asks a
buyer to state it in the procurement documents (Aw 2012 art. 2.115a; BE: Wet 17 juni 2016
art. 82). A printer lot scored on the cost per page (MVI-PRN-016) gets the sheet of
:mod:`.lcc_pages` instead.

The workbook is byte-identical for the same result: its dates are the profile's reference
date and the zip entries carry a fixed time stamp.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .._atomic import write_atomic
from ..errors import MviRulesError
from ..profile.model import Lot, ProductGroup
from ..selection.result import EvaluationResult, SelectedCriterion
from .lcc_cells import (
    TENDERER_INPUT,
    parameter,
    t,
    use_and_energy_rows,
    write_column_titles,
    write_heading,
    write_tender_total,
    write_units_check,
)
from .lcc_cells import law as lcc_law
from .lcc_pages import PAGE_CRITERION, page_sheet

#: The criteria whose clause refers to this sheet.
LCC_CRITERIA = ("MVI-LCC-001", "MVI-LCC-002")
#: Rows for offered models on each lot's sheet.
MODEL_ROWS = 6
#: Servers run all year: the clause counts 8,760 hours for them.
HOURS_PER_YEAR = 8760

#: The "modified" date in docProps/core.xml.
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


@dataclass(frozen=True)
class _Column:
    key: str
    nl: str
    en: str
    formula: str | None = None  # with {r} for the row; None: the tenderer fills it in


def _columns(with_co2: bool) -> list[_Column]:
    # Letters follow the order of this list (A, B, C, ...); formulas name them directly.
    cols = [
        _Column("model", "Model", "Model"),
        _Column("units", "Aantal", "Units"),
        _Column("price", "Prijs per stuk (€)", "Price per unit (€)"),
        _Column("tec", "TEC (kWh per jaar)", "TEC (kWh per year)"),
        _Column(
            "watt",
            "Vermogen in gebruik (W), alleen zonder TEC",
            "Power in use (W), only without TEC",
        ),
        _Column(
            "service",
            "Servicepakketten over de gebruiksduur (€)",
            "Service packages over the use period (€)",
        ),
        _Column("fee", "Innamevergoeding per stuk (€)", "Take-back fee per unit (€)"),
        _Column("buyback", "Terugkoopwaarde per stuk (€)", "Buy-back value per unit (€)"),
    ]
    if with_co2:
        cols.append(
            _Column(
                "production",
                "Productie-uitstoot per stuk (kg CO2e)",
                "Production emissions per unit (kg CO2e)",
            )
        )
    cols += [
        _Column(
            "kwh",
            "Energieverbruik (kWh per jaar)",
            "Energy use (kWh per year)",
            "=D{r}+E{r}*$B$7/1000",
        ),
        _Column("c_purchase", "Aanschaf (€)", "Purchase (€)", "=B{r}*C{r}"),
        _Column("c_energy", "Energie (€)", "Energy (€)", "={kwh}{r}*B{r}*$B$5*$B$6"),
        _Column("c_service", "Service (€)", "Service (€)", "=F{r}"),
        _Column("c_end", "Einde gebruiksduur (€)", "End of use (€)", "=B{r}*(G{r}-H{r})"),
    ]
    if with_co2:
        cols.append(
            _Column(
                "c_co2",
                "CO2 (€)",
                "CO2 (€)",
                "=B{r}*(I{r}+{kwh}{r}*$B$5*$B$9)/1000*$B$8",
            )
        )
    cols.append(_Column("lcc", "LCC (€)", "LCC (€)", None))
    return cols


def lcc_criterion(result: EvaluationResult) -> SelectedCriterion | None:
    """The selected LCC price criterion whose clause refers to the sheet, if any (the first,
    when printer lots have the cost per page and other lots the LCC)."""
    return next((c for c in result.selected if c.id in (*LCC_CRITERIA, PAGE_CRITERION)), None)


def render_lcc_sheet(result: EvaluationResult, lang: str | None = None) -> bytes:
    """The LCC calculation sheet (.xlsx) for ``result``, in ``lang`` (default: the profile's):
    one worksheet per lot with an LCC price criterion, the cost per page for printer lots
    (:mod:`.lcc_pages`).

    Raises :class:`~mvi_rules.errors.MviRulesError` when no LCC price criterion is selected.
    """
    criteria = [c for c in result.selected if c.id in (*LCC_CRITERIA, PAGE_CRITERION)]
    if not criteria:
        raise MviRulesError(
            f"no LCC price criterion ({', '.join(LCC_CRITERIA)} or {PAGE_CRITERION}) is selected"
            " for this profile, so the annex refers to no LCC calculation sheet"
        )
    lang = lang or result.profile.output_language
    book = Workbook()
    for default in list(book.worksheets):
        book.remove(default)
    for lot in result.profile.lots:
        criterion = next((c for c in criteria if lot.id in c.lots), None)
        if criterion is None:
            continue
        sheet = book.create_sheet(_sheet_title(lot, lang))
        if criterion.id == PAGE_CRITERION:
            page_sheet(sheet, result.profile, criterion, lot, lang)
        else:
            _lot_sheet(sheet, result, criterion, lot, lang)
    day = dt.datetime.combine(result.profile.procurement.reference_date, dt.time())
    book.properties.created = day
    book.properties.modified = day
    book.properties.creator = "mvi-rules"
    book.properties.title = t(lang, "LCC-rekenblad", "LCC calculation sheet")
    out = io.BytesIO()
    book.save(out)
    return _fixed_zip(out.getvalue(), day)


def write_lcc_sheet(
    result: EvaluationResult, path: str | Path, lang: str | None = None, force: bool = False
) -> Path:
    """Write :func:`render_lcc_sheet` to ``path`` atomically and return the path.

    Raises :class:`~mvi_rules.errors.OutputExistsError` when ``path`` exists and ``force`` is
    false.
    """
    target = Path(path)
    write_atomic(target, render_lcc_sheet(result, lang), force=force)
    return target


def _sheet_title(lot: Lot, lang: str) -> str:
    # Excel allows 31 characters and no []:*?/\ in a sheet name.
    title = f"{t(lang, 'Perceel', 'Lot')} {lot.id}"
    return "".join(ch for ch in title if ch not in "[]:*?/\\")[:31]


def _lot_sheet(
    sheet: Worksheet,
    result: EvaluationResult,
    criterion: SelectedCriterion,
    lot: Lot,
    lang: str,
) -> None:
    profile = result.profile
    jurisdiction = profile.buyer.jurisdiction
    with_co2 = criterion.id == "MVI-LCC-002"
    law = lcc_law(jurisdiction, lang)
    items = t(
        lang,
        "aanschaf + energie + service + einde gebruiksduur" + (" + CO2" if with_co2 else ""),
        "purchase + energy + service + end of use" + (" + CO2" if with_co2 else ""),
    )
    title = t(lang, "LCC-rekenblad", "LCC calculation sheet")
    method = t(
        lang,
        f"Methode ({law}): LCC = {items}, per model opgeteld over de gebruiksduur; bedragen"
        " exclusief btw en niet verdisconteerd. De inschrijver vult per aangeboden model de"
        " gele cellen in (TEC of, zonder TEC, het vermogen in gebruik); de overige cellen"
        " rekenen. De vaste gegevens hieronder stelt de aanbestedende dienst vast.",
        f"Method ({law}): LCC = {items}, summed per model over the use period; amounts"
        " excluding VAT and not discounted. The tenderer fills in the yellow cells for each"
        " offered model (TEC or, without TEC, the power in use); the other cells calculate."
        " The contracting authority sets the fixed figures below.",
    )
    write_heading(sheet, profile, criterion, lot, lang, title, method)
    sheet.merge_cells("A3:H3")
    sheet.row_dimensions[3].height = 60

    hours = (
        HOURS_PER_YEAR
        if lot.product_group is ProductGroup.SERVER
        else parameter(criterion, "on_hours_per_year")
    )
    fixed: list[tuple[str, float, str]] = [
        *use_and_energy_rows(criterion, lang),
        (
            t(lang, "Uren per jaar in gebruik (zonder TEC)", "Hours per year in use (without TEC)"),
            hours,
            t(lang, "uur", "hours"),
        ),
    ]
    if with_co2:
        fixed += [
            (
                t(lang, "CO2-prijs", "CO2 price"),
                parameter(criterion, "co2_price_eur_per_tonne"),
                "€/t CO2e",
            ),
            (
                t(lang, "Emissiefactor elektriciteit", "Grid emission factor"),
                parameter(criterion, "grid_factor_kg_per_kwh"),
                "kg CO2e/kWh",
            ),
        ]
    # Rows 5-9: the fixed figures the formulas refer to ($B$5 years, $B$6 price, $B$7 hours,
    # $B$8 CO2 price, $B$9 grid factor).
    for offset, (label, value, unit) in enumerate(fixed):
        row = 5 + offset
        sheet.cell(row, 1, label)
        sheet.cell(row, 2, value)
        sheet.cell(row, 3, unit)
    quantity_row = 5 + len(fixed)
    sheet.cell(quantity_row, 1, t(lang, "Aantal apparaten in het perceel", "Devices in the lot"))
    sheet.cell(quantity_row, 2, lot.quantity)

    columns = _columns(with_co2)
    letters = {col.key: get_column_letter(i + 1) for i, col in enumerate(columns)}
    header = quantity_row + 2
    write_column_titles(sheet, header, [t(lang, c.nl, c.en) for c in columns], 24, 48)
    first, last = header + 1, header + MODEL_ROWS
    cost_keys = ["c_purchase", "c_energy", "c_service", "c_end"] + (["c_co2"] if with_co2 else [])
    for row in range(first, last + 1):
        for i, col in enumerate(columns, start=1):
            field = sheet.cell(row, i)
            if col.key == "lcc":
                field.value = "=" + "+".join(f"{letters[k]}{row}" for k in cost_keys)
            elif col.formula is not None:
                field.value = col.formula.format(r=row, kwh=letters["kwh"])
            else:
                field.fill = TENDERER_INPUT
    total = last + 2
    lcc = letters["lcc"]
    write_tender_total(sheet, total, len(columns), f"=SUM({lcc}{first}:{lcc}{last})", lang)
    write_units_check(sheet, total + 1, quantity_row, first, last, lang)


def _fixed_zip(data: bytes, day: dt.datetime) -> bytes:
    """The same workbook with every zip entry stamped 1980-01-01 and the document's "modified"
    date set to ``day``, so output is reproducible (openpyxl stamps the time of saving)."""
    stamp = day.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            target.writestr(fixed, content)
    return out.getvalue()
