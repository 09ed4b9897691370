"""The lifetime chart near the top of the annex: present, deterministic, sourced, and drawn with
the numbers of rulesets/figures/device_years.yaml."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import matplotlib
import pytest
from docx import Document
from ruamel.yaml import YAML

from mvi_rules import Catalogue, CatalogueError, evaluate, load_profile, render_docx
from mvi_rules.catalogue.figures import FIGURES_FILE, load_figures
from mvi_rules.rendering import chart
from mvi_rules.rendering.chart import chart_figure, render_chart_png
from mvi_rules.rendering.chart_data import chart_data

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
    # Drawn again (not from the process's cache) under other settings: the same bytes.
    monkeypatch.setattr(chart, "_DRAWN", {})
    with matplotlib.rc_context({"font.size": 20, "hatch.linewidth": 3}):
        matplotlib.rcParams["font.family"] = "serif"
        assert render_chart_png(data, figures, "en", "Kennisnet 2023") == first
    assert first.startswith(b"\x89PNG") and b"Software" not in first


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
    # What is drawn: bar heights per lifetime, lots left to right, in both panels.
    with matplotlib.rc_context():
        fig = chart_figure(data, figures, "nl")
        co2_ax, cost_ax = fig.axes
        index = data.lots.index(laptops)
        for i in range(len(lifetimes)):
            assert co2_ax.containers[i][index].get_height() == pytest.approx(expected_co2[i])
            assert cost_ax.containers[i][index].get_height() == pytest.approx(expected_cost[i])
        labels = [t.get_text() for t in co2_ax.texts]
        assert f"{expected_co2[2]:.0f}" in labels
        # The published comparison is drawn at 100 - 28 over the laptops' 6-year bar.
        dashed = [line for line in co2_ax.lines if line.get_linestyle() != "None"]
        assert dashed and dashed[0].get_ydata()[0] == pytest.approx(
            100 - raw["comparison"]["less_co2_percent"]
        )


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
    with matplotlib.rc_context():
        fig = chart_figure(data, figures, "nl", final=True)
        _, cost_ax = fig.axes
        heights = [cost_ax.containers[i][0].get_height() for i in range(len(data.lifetimes))]
        labels = [t.get_text() for t in cost_ax.texts]
    assert heights == pytest.approx([100 * 4 / years for years in data.lifetimes])
    assert not any("€" in label for label in labels)
    assert "index" in cost_ax.get_title()
