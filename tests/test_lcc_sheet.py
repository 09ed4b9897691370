"""The LCC calculation sheet the LCC clause refers to: read back, filled in, recomputed.

The test fills in the yellow cells of one lot's sheet as a tenderer would, evaluates the
sheet's own formulas (only + - * / and SUM are used, which the small evaluator below reads) and
compares the total with the LCC computed by hand from the clause's cost items.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from mvi_rules import Catalogue, MviRulesError, evaluate, load_profile
from mvi_rules.cli import main
from mvi_rules.rendering.lcc_sheet import render_lcc_sheet

from .conftest import EXAMPLES, comprehensive

PROFILES = Path(__file__).parent / "profiles"
CELL = re.compile(r"\$?([A-Z]+)\$?(\d+)")
RANGE_SUM = re.compile(r"SUM\(\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)\)")


def _value(sheet: Any, ref: str, seen: tuple[str, ...] = ()) -> float:
    raw = sheet[ref].value
    if isinstance(raw, str) and raw.startswith("="):
        assert ref not in seen, f"circular formula at {ref}"
        return _formula(sheet, raw[1:], (*seen, ref))
    return float(raw or 0)


def _formula(sheet: Any, text: str, seen: tuple[str, ...]) -> float:
    def sum_range(m: re.Match[str]) -> str:
        col, first, _col2, last = m.group(1), int(m.group(2)), m.group(3), int(m.group(4))
        total = sum(_value(sheet, f"{col}{row}", seen) for row in range(first, last + 1))
        return repr(total)

    text = RANGE_SUM.sub(sum_range, text)
    text = CELL.sub(lambda m: repr(_value(sheet, f"{m.group(1)}{m.group(2)}", seen)), text)
    assert re.fullmatch(r"[\d.eE+\-*/() ]+", text), text
    return float(eval(text))  # only numbers and arithmetic remain


def _header_row(sheet: Any) -> int:
    return next(row for row in range(1, 30) if sheet.cell(row, 1).value in ("Model",))


def test_the_sheet_recomputes_a_tenders_lcc(catalogue: Catalogue) -> None:
    result = evaluate(comprehensive(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    book = load_workbook(io.BytesIO(render_lcc_sheet(result, "nl")))
    sheet = book["Perceel 1"]
    assert sheet["B5"].value == 6  # use years from MVI-LCC-001
    assert sheet["B6"].value == 0.25  # electricity price
    header = _header_row(sheet)
    # Two offered models: 1,000 laptops with a TEC and 400 without (power in use instead).
    offers = [
        ("Model A", 1000, 900.0, 20.0, 0.0, 15000.0, 10.0, 60.0),
        ("Model B", 400, 1100.0, 0.0, 12.0, 8000.0, 10.0, 80.0),
    ]
    for row, offer in enumerate(offers, start=header + 1):
        for col, value in enumerate(offer, start=1):
            sheet.cell(row, col, value)
    hours = sheet["B7"].value
    expected = 0.0
    for _name, units, price, tec, watt, service, fee, buyback in offers:
        kwh = tec + watt * hours / 1000
        expected += units * price + kwh * units * 6 * 0.25 + service + units * (fee - buyback)
    total_row = next(
        row
        for row in range(header, header + 20)
        if sheet.cell(row, 1).value == "LCC van de inschrijving (€)"
    )
    lcc_col = sheet.max_column
    computed = _value(sheet, f"{sheet.cell(total_row, lcc_col).column_letter}{total_row}")
    assert computed == pytest.approx(expected)
    # The method is stated on the sheet, with the article that asks for it.
    assert "art. 2.115a Aanbestedingswet 2012" in sheet["A3"].value
    assert "niet verdisconteerd" in sheet["A3"].value


def test_a_co2_priced_lcc_has_the_co2_column(catalogue: Catalogue) -> None:
    profile = comprehensive(EXAMPLES / "university-en.yaml")
    result = evaluate(profile, catalogue)
    ids = {c.id for c in result.selected}
    if "MVI-LCC-002" not in ids:
        pytest.skip("no CO2-priced LCC for this profile")
    sheet = next(iter(load_workbook(io.BytesIO(render_lcc_sheet(result, "en")))))
    header = _header_row(sheet)
    titles = [sheet.cell(header, c).value for c in range(1, sheet.max_column + 1)]
    assert "CO2 (€)" in titles
    assert sheet["B8"].value is not None and sheet["B9"].value is not None


def test_the_sheet_is_byte_identical_for_the_same_result(catalogue: Catalogue) -> None:
    result = evaluate(comprehensive(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    first = render_lcc_sheet(result)
    # openpyxl stamps the time of saving; the sheet carries the reference date instead, so a
    # second later the bytes are still the same.
    core = zipfile.ZipFile(io.BytesIO(first)).read("docProps/core.xml").decode()
    day = result.profile.procurement.reference_date.isoformat()
    assert f">{day}T00:00:00Z</dcterms:modified>" in core
    time.sleep(1.1)
    assert render_lcc_sheet(result) == first


def test_no_sheet_without_an_lcc_criterion(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(PROFILES / "nl-school-small.yaml"), catalogue)
    if any(c.id.startswith("MVI-LCC-") for c in result.selected):
        pytest.skip("this profile selects an LCC criterion")
    with pytest.raises(MviRulesError, match="no LCC price criterion"):
        render_lcc_sheet(result)


def test_generate_writes_the_sheet_and_the_notice_says_so(tmp_path: Path) -> None:
    # Life-cycle costing belongs to the comprehensive set.
    text = (EXAMPLES / "gemeente-laptops.yaml").read_text(encoding="utf-8")
    profile = tmp_path / "profile.yaml"
    profile.write_text(
        text.replace("procurement:\n", "procurement:\n  criteria_set: comprehensive\n", 1),
        encoding="utf-8",
    )
    runner = CliRunner()
    out = runner.invoke(
        main,
        [
            "generate",
            str(profile),
            "-o",
            str(tmp_path / "annex.json"),
            "--lcc-sheet",
            str(tmp_path / "lcc.xlsx"),
        ],
    )
    assert out.exit_code == 0, out.output
    assert (tmp_path / "lcc.xlsx").stat().st_size > 0
    text = (tmp_path / "annex.json").read_text(encoding="utf-8")
    assert "mvi-rules stelt het op (generate --lcc-sheet)" in text
    again = runner.invoke(
        main,
        [
            "generate",
            str(profile),
            "-o",
            str(tmp_path / "other.json"),
            "--lcc-sheet",
            str(tmp_path / "lcc.xlsx"),
        ],
    )
    assert again.exit_code == 1
    assert "already exists" in again.output
    assert not (tmp_path / "other.json").exists()
