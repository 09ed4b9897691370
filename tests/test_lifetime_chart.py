"""The lifetime chart near the top of the annex: present, deterministic, sourced, and drawn with
the numbers of rulesets/figures/device_years.yaml."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from docx import Document
from PIL import Image
from ruamel.yaml import YAML

from mvi_rules import Catalogue, CatalogueError, evaluate, load_profile, render_docx
from mvi_rules.catalogue.figures import FIGURES_FILE, load_figures
from mvi_rules.errors import ChartError
from mvi_rules.rendering import chart
from mvi_rules.rendering.chart import measure, render_chart_png
from mvi_rules.rendering.chart_data import chart_data
from mvi_rules.rendering.chart_layout import HEIGHT, WIDTH, Panel, chart_layout, nice_ticks

from .conftest import EXAMPLES, REPO
from .test_rendering_fixtures import all_text

FIGURES_YAML = REPO / "rulesets" / FIGURES_FILE
HEADING = {
    "nl": "Gebruiksduur in beeld: CO2 en kosten per apparaatjaar",
    "en": "Lifetime at a glance: CO2 and cost per device-year",
}


def _raw_figures() -> dict:
    return YAML(typ="safe").load(FIGURES_YAML.read_text(encoding="utf-8"))


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


@pytest.mark.parametrize("final", [False, True])
def test_the_annex_has_the_chart_as_an_inline_picture_after_the_lots(
    catalogue: Catalogue, final: bool
) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    data = render_docx(result, catalogue, "nl", final=final)
    document = Document(io.BytesIO(data))
    assert len(document.inline_shapes) == 1
    texts = [p.text for p in document.paragraphs]
    assert texts.index(HEADING["nl"]) == texts.index("Percelen") + 1
    # The picture sits directly under the chart's intro, the caption directly under it.
    at = next(i for i, p in enumerate(document.paragraphs) if p._p.xpath(".//pic:pic"))
    assert texts[at + 1].startswith("Figuur: CO2 en aanschafkosten per apparaatjaar")


def test_two_renders_are_byte_identical(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    assert render_docx(result, catalogue, "nl") == render_docx(result, catalogue, "nl")
    figures = load_figures(catalogue.rulesets_dir, catalogue.sources)
    assert figures is not None
    data = chart_data(result.profile, figures)
    first = render_chart_png(data, figures, "en", "Kennisnet 2023")
    # Drawn again (not from the process's cache): the same bytes.
    monkeypatch.setattr(chart, "_DRAWN", {})
    assert render_chart_png(data, figures, "en", "Kennisnet 2023") == first
    assert first.startswith(b"\x89PNG")
    # No text chunks (software, dates): only the size, the pixels and the resolution.
    assert not any(chunk in first for chunk in (b"tEXt", b"iTXt", b"zTXt", b"tIME"))
    with Image.open(io.BytesIO(first)) as image:
        assert image.size == (WIDTH, HEIGHT) == (1260, 720)


@pytest.mark.parametrize(
    ("lang", "lead", "method"),
    [
        ("nl", "Bronnen en aannames", "Berekening: CO2-index"),
        ("en", "Sources and assumptions", "Method: CO2 index"),
    ],
)
def test_the_sources_of_every_figure_are_under_the_chart(
    catalogue: Catalogue, lang: str, lead: str, method: str
) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    paragraphs = Document(io.BytesIO(render_docx(result, catalogue, lang))).paragraphs
    texts = [p.text for p in paragraphs]
    start = texts.index(HEADING[lang])
    end = next(
        i for i in range(start + 1, len(texts)) if paragraphs[i].style.name.startswith("Heading")
    )
    section = "\n".join(texts[start:end])
    assert method in section
    assert section.count(lead) == 1
    records = catalogue.sources.sources
    for key in (
        "kennisnet_ict_verduurzamen_2023",
        "ncdd_thuiswerkplek",
        "tdc_enabel_fair_ict_2021",
    ):
        record = records[key]
        assert record.title in section and str(record.url) in section, key
    # The 28 % of the published comparison is named with its source, in the document's language.
    assert ("28% minder CO2" if lang == "nl" else "28% less CO2") in section


def test_a_belgian_annex_shows_no_dutch_source_under_the_chart(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "school-refurbished.yaml"), catalogue)
    text = all_text(render_docx(result, catalogue, "nl"))
    assert HEADING["nl"] in text
    assert "Kennisnet" not in text and "NCDD" not in text
    assert "https://www.tdc-enabel.be/2021/01/08/fairict/" in text
    # No lot has a price in this profile: the catalogue's price is shown as an assumption.
    assert "illustratieve aanschafprijs per apparaat, geen marktprijs" in text


def test_the_bars_carry_the_numbers_of_the_figures_file(catalogue: Catalogue) -> None:
    raw = _raw_figures()
    lifetimes, reference = raw["lifetimes"], raw["reference_years"]
    share = next(s for s in raw["production_shares"] if "laptop" in s["groups"])["percent"] / 100
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    figures = load_figures(catalogue.rulesets_dir, catalogue.sources)
    assert figures is not None
    data = chart_data(result.profile, figures)
    laptops = next(item for item in data.lots if item.lot.product_group.value == "laptop")
    lot = laptops.lot
    assert lot.estimated_value_eur is not None
    expected_co2 = [100 * (share * reference / years + 1 - share) for years in lifetimes]
    expected_cost = [lot.estimated_value_eur / lot.quantity / years for years in lifetimes]
    assert list(laptops.co2_index) == pytest.approx(expected_co2)
    assert list(laptops.cost_eur) == pytest.approx(expected_cost)
    assert expected_co2[1] == pytest.approx(73.33, abs=0.01)  # 6 instead of 4 years: -27 %
    # What is drawn: bar values per lifetime, lots left to right, in both panels, and bars
    # as tall as their values on the panel's scale.
    co2, cost = chart_layout(data, figures, "nl", measure).panels
    for panel, expected in ((co2, expected_co2), (cost, expected_cost)):
        scale = (panel.frame.bottom - panel.frame.top) / panel.top_value
        for years, value in zip(lifetimes, expected, strict=True):
            bar = panel.bar(lot.id, years)
            assert bar.value == pytest.approx(value)
            assert bar.box.bottom - bar.box.top == pytest.approx(value * scale)
            assert bar.box.bottom == panel.frame.bottom
        lefts = [b.box.left for b in panel.bars]
        assert lefts == sorted(lefts)
    assert f"{expected_co2[2]:.0f}" in [b.label for b in co2.bars]
    assert cost.bar(lot.id, 4).label == f"€ {expected_cost[0]:.0f}"
    # The published comparison is drawn at 100 - 28 over the laptops' 6-year bar.
    level = 100 - raw["comparison"]["less_co2_percent"]
    assert [value for value, _ in co2.marks] == [level]
    (_, mark), six = co2.marks[0], co2.bar(lot.id, 6).box
    assert mark.dash is not None and mark.x0 < six.left < six.right < mark.x1
    assert mark.y0 == pytest.approx(co2.frame.bottom - level * scale_of(co2))


def test_lots_without_a_sourced_share_get_no_chart(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "hogeschool-infra.yaml"), catalogue)
    data = render_docx(result, catalogue, "nl")
    assert HEADING["nl"] not in _paragraphs(data)
    assert len(Document(io.BytesIO(data)).inline_shapes) == 0


def test_an_unknown_source_in_the_figures_file_is_refused_with_file_and_line(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    rules = tmp_path / "rulesets"
    shutil.copytree(catalogue.rulesets_dir, rules, ignore=shutil.ignore_patterns("tests"))
    path = rules / FIGURES_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("key: tdc_enabel_fair_ict_2021", "key: no_such_report"), "utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_figures(rules, catalogue.sources)
    message = str(caught.value)
    line = 1 + text[: text.index("key: tdc_enabel_fair_ict_2021")].count("\n")
    assert f"device_years.yaml:{line}" in message and "no_such_report" in message
    path.unlink()
    assert load_figures(rules, catalogue.sources) is None


def test_the_final_annex_states_the_assumptions_without_instructions_for_the_buyer(
    catalogue: Catalogue,
) -> None:
    result = evaluate(load_profile(EXAMPLES / "university-en.yaml"), catalogue)
    concept = all_text(render_docx(result, catalogue, "en"))
    final = all_text(render_docx(result, catalogue, "en", final=True))
    assert "Assumption of the catalogue, which you can change: illustrative purchase price" in (
        concept
    )
    assert "estimated_value_eur" in concept
    assert "Assumption: the production share holds at 4 years of use" in final
    assert "which you can change" not in final and "estimated_value_eur" not in final
    # The final annex names no price, not even an illustrative one.
    assert "illustrative purchase price" not in final


def test_the_final_annex_does_not_tell_tenderers_the_price_per_device(
    catalogue: Catalogue,
) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    concept = all_text(render_docx(result, catalogue))
    final = all_text(render_docx(result, catalogue, final=True))
    assert "prijs € " in concept and "geraamde waarde / aantal" in concept
    assert "prijs € " not in final and "geraamde waarde / aantal" not in final
    assert "aanschafindex = 100 × 4 / gebruiksduur" in final
    figures = load_figures(catalogue.rulesets_dir, catalogue.sources)
    assert figures is not None
    data = chart_data(result.profile, figures)
    layout = chart_layout(data, figures, "nl", measure, final=True)
    _, cost = layout.panels
    first = data.lots[0].lot.id
    heights = [cost.bar(first, years).value for years in data.lifetimes]
    assert heights == pytest.approx([100 * 4 / years for years in data.lifetimes])
    # No euro anywhere on the picture: not on the bars, the axis or the title.
    texts = [t.text for t in layout.texts] + [e.text.text for e in layout.legend]
    assert not any("€" in text for text in texts)
    assert "index" in " ".join(cost.title)


def scale_of(panel: Panel) -> float:
    """Pixels per unit on a panel's y axis."""
    return (panel.frame.bottom - panel.frame.top) / panel.top_value


@pytest.mark.parametrize(
    ("lang", "legend", "cost_label"),
    [
        ("nl", ["4 jaar", "6 jaar", "8 jaar", "Fair ICT Flanders: −28% bij 6 jaar"], "€ 179"),
        ("en", ["4 years", "6 years", "8 years", "Fair ICT Flanders: −28% at 6 years"], "€179"),
    ],
)
def test_the_chart_is_labelled_in_the_document_language(
    catalogue: Catalogue, lang: str, legend: list[str], cost_label: str
) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    figures = load_figures(catalogue.rulesets_dir, catalogue.sources)
    assert figures is not None
    data = chart_data(result.profile, figures)
    layout = chart_layout(data, figures, lang, measure, "Kennisnet 2023")
    assert [entry.text.text for entry in layout.legend] == legend
    # The dashed mark's entry has no bar style; the others have the lifetimes' styles in order.
    assert [entry.style for entry in layout.legend] == [0, 1, 2, None]
    assert layout.panels[1].bar("1", 4).label == cost_label
    texts = [t.text for t in layout.texts]
    lot = "Perceel 1" if lang == "nl" else "Lot 1"
    assert lot in texts and "laptops" in texts
    assert any(t.startswith(("Bronnen: Kennisnet 2023", "Sources: Kennisnet 2023")) for t in texts)
    # Everything lies on the picture.
    for text in layout.texts:
        assert 0 <= text.x <= WIDTH and 0 <= text.y <= HEIGHT, text
    first, last = layout.legend[0].swatch, layout.legend[-1].text
    assert first.left > 0 and last.x + measure(last.text, last.size) < WIDTH


def test_the_y_axis_has_round_ticks() -> None:
    assert nice_ticks(118) == (0, 20, 40, 60, 80, 100)
    assert nice_ticks(211.2) == (0, 25, 50, 75, 100, 125, 150, 175, 200)
    assert nice_ticks(1475) == tuple(range(0, 1401, 200))
    assert nice_ticks(0) == (0.0,)


def test_pillow_without_freetype_is_refused_with_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PIL import features

    monkeypatch.setattr(features, "check", lambda feature: feature != "freetype2")
    chart._font.cache_clear()
    try:
        with pytest.raises(ChartError, match="Pillow built with FreeType"):
            measure("4 jaar", 20)
    finally:
        chart._font.cache_clear()


def test_prices_without_values_per_lot_add_up_to_the_estimate(catalogue: Catalogue) -> None:
    # The chart's prices and the estimate in the same annex must not contradict each other.
    profile = load_profile(EXAMPLES / "university-en.yaml")
    assert all(lot.estimated_value_eur is None for lot in profile.lots)
    data = chart_data(profile, catalogue.figures)
    assert all(item.split_from_total and item.illustrative for item in data.lots)
    total = sum(item.price_eur * item.lot.quantity for item in data.lots)
    assert total == pytest.approx(profile.procurement.estimated_value_eur)
    text = all_text(render_docx(evaluate(profile, catalogue), catalogue))
    assert "is split over the lots in proportion to illustrative prices per device" in text
