"""The cost-per-page LCC sheet of a printer lot (MVI-PRN-016): read back, filled in by the
buyer (pages) and a tenderer (models), recomputed with the sheet's own formulas."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mvi_rules import Catalogue, evaluate, load_profile
from mvi_rules.rendering.lcc_sheet import render_lcc_sheet

from .test_lcc_sheet import _value

PROFILE = """\
buyer: {name: Gemeente Zuiderwaard, authority_type: municipality, jurisdiction: NL}
procurement:
  title: Multifunctionals en printbeheer 2027-2032
  criteria_set: comprehensive
  reference_date: 2026-11-23
  estimated_value_eur: 600000
  contract_term_years: 5
lots:
  - {id: "1", name: Multifunctionals, product_group: printer, quantity: 120}
  - {id: "2", name: Laptops, product_group: laptop, quantity: 300}
ambition: {level: 2}
output_language: LANG
"""


def _row(sheet, label: str) -> int:
    return next(r for r in range(1, 40) if sheet.cell(r, 1).value == label)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_printer_sheet_recomputes_a_tenders_cost_per_page(
    catalogue: Catalogue, tmp_path: Path, lang: str
) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text(PROFILE.replace("LANG", lang), encoding="utf-8")
    result = evaluate(load_profile(path), catalogue)
    selected = {c.id: c for c in result.selected}
    assert selected["MVI-PRN-016"].lots == ["1"]
    book = load_workbook(io.BytesIO(render_lcc_sheet(result)))
    printers = book["Perceel 1" if lang == "nl" else "Lot 1"]
    # The laptop lot keeps the LCC sheet of its own price criterion.
    laptops = book["Perceel 2" if lang == "nl" else "Lot 2"]
    assert str(laptops["A1"].value).startswith(
        "LCC-rekenblad — " if lang == "nl" else "LCC calculation sheet — "
    )

    years = printers["B5"].value
    price = printers["B6"].value
    assert years == 5 and price == 0.25  # MVI-PRN-016's defaults
    assert printers["B10"].value == 120
    # The buyer's figures: pages per month per device, black and white and colour (blue cells).
    assert printers["B7"].value is None and printers["B8"].value is None
    printers["B7"], printers["B8"] = 1500, 400
    header = _row(printers, "Model")
    offers = [
        # model, units, price, TEC kWh/week, €/page bw, €/page colour, maintenance, fee, buyback
        ("MFP A", 80, 2500.0, 1.2, 0.004, 0.03, 3000.0, 25.0, 100.0),
        ("MFP B", 40, 3100.0, 0.9, 0.005, 0.028, 0.0, 25.0, 150.0),
    ]
    for row, offer in enumerate(offers, start=header + 1):
        for col, value in enumerate(offer, start=1):
            printers.cell(row, col, value)
    cost = pages = 0.0
    for _m, units, unit_price, tec, bw, colour, maintenance, fee, buyback in offers:
        bw_pages = units * 1500 * 12 * years
        colour_pages = units * 400 * 12 * years
        pages += bw_pages + colour_pages
        cost += (
            units * unit_price
            + bw_pages * bw
            + colour_pages * colour
            + tec * 52 * units * years * price
            + maintenance
            + units * (fee - buyback)
        )
    label = (
        "Kosten per pagina van de inschrijving (€)"
        if lang == "nl"
        else "Cost per page of the tender (€)"
    )
    per_page = _row(printers, label)
    assert _value(printers, f"Q{per_page}") == pytest.approx(cost / pages)
    assert _value(printers, "B9") == 12 * (1500 + 400)
    # Formulas are visible in the cells (not values), and the method names the article.
    assert str(printers.cell(header + 1, 14).value).startswith("=D")
    assert "art. 2.115a" in printers["A3"].value
    assert ("niet verdisconteerd" if lang == "nl" else "not discounted") in printers["A3"].value
