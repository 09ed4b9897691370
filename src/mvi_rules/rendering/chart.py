"""The picture of the lifetime chart: CO2 and purchase cost per device-year, per device lot.

Two panels of grouped bars (CO2 per device-year as an index, and purchase cost per device-year
in euros) at the lifetimes of ``rulesets/figures/device_years.yaml``; bars differ by fill and
hatching, so the chart reads in black-and-white print. :mod:`.chart_section` puts it in the
annex with the method and the sources under it.

The PNG is byte-identical for the same input: matplotlib draws with its Agg backend, its own
bundled font (DejaVu Sans), its default settings (a user's matplotlibrc is ignored), a fixed
size and resolution, and no "Software" stamp. matplotlib is imported only when a chart is
drawn, so the command line starts without it.
"""

from __future__ import annotations

import io
import textwrap
from typing import Any

from ..catalogue.figures import DeviceYearFigures
from .chart_data import ChartData, ChartLot
from .chart_text import text as _t
from .formatting import format_number

#: Size and resolution of the picture: the text width of a portrait page, sharp in print.
WIDTH_IN, HEIGHT_IN, DPI = 6.3, 3.6, 200
#: Fill and hatching per lifetime (shortest first): white, grey hatched, black.
_STYLES = (
    {"facecolor": "white", "hatch": ""},
    {"facecolor": "0.75", "hatch": "///"},
    {"facecolor": "0.15", "hatch": ""},
)


def _lot_label(item: ChartLot, lang: str, final: bool) -> str:
    group = item.lot.product_group.plural(lang)
    mark = "*" if item.illustrative and not final else ""
    return f"{_t('lot', lang, id=item.lot.id)}{mark}\n{group}"


def render_chart_png(
    data: ChartData, figures: DeviceYearFigures, lang: str, sources: str = "", final: bool = False
) -> bytes:
    """The chart as PNG bytes, byte-identical for the same input; ``sources`` names the
    sources in a line at its foot. ``final`` (the annex tenderers read) shows the purchase
    cost as an index instead of euros, so the chart does not tell the market the buyer's
    budget per device."""
    # Drawing takes longer than the rest of the annex; the same chart is drawn once.
    key = (_key(data, figures), lang, sources, final)
    cached = _DRAWN.get(key)
    if cached is not None:
        return cached
    # Imported here: matplotlib takes a noticeable part of a second to import.
    import matplotlib

    with matplotlib.rc_context():
        fig = chart_figure(data, figures, lang, sources, final)
        out = io.BytesIO()
        fig.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    if len(_DRAWN) >= _DRAWN_MAX:
        _DRAWN.clear()
    _DRAWN[key] = out.getvalue()
    return _DRAWN[key]


#: Charts drawn in this process, by everything that decides their pixels.
_DRAWN: dict[tuple[object, ...], bytes] = {}
_DRAWN_MAX = 32


def _key(data: ChartData, figures: DeviceYearFigures) -> tuple[object, ...]:
    lots = tuple(
        (i.lot.id, tuple(i.groups), i.illustrative, i.co2_index, i.cost_eur) for i in data.lots
    )
    comparison = figures.comparison
    compared = (
        None
        if comparison is None
        else (comparison.group, comparison.years, comparison.less_co2_percent)
    )
    return (data.lifetimes, data.reference_years, lots, compared)


def chart_figure(
    data: ChartData,
    figures: DeviceYearFigures,
    lang: str,
    sources: str = "",
    final: bool = False,
) -> Any:
    """The chart as a matplotlib ``Figure`` (for :func:`render_chart_png`, and for tests that
    read the bars back). Resets matplotlib's settings to its defaults: call it inside
    ``matplotlib.rc_context()``."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    matplotlib.rcdefaults()
    matplotlib.rcParams.update(
        {
            "font.family": "DejaVu Sans",
            "font.size": 7,
            "hatch.linewidth": 0.6,
            "axes.linewidth": 0.6,
            "svg.hashsalt": "mvi-rules",
        }
    )
    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    FigureCanvasAgg(fig)
    co2_ax, cost_ax = fig.subplots(1, 2)
    _panel(co2_ax, data, [item.co2_index for item in data.lots], "{:.0f}", lang)
    co2_ax.set_title(_t("co2_axis", lang, ref=data.reference_years), fontsize=7.5)
    co2_ax.set_ylim(0, 118)
    if final:
        costs = [cost_index(item, data) for item in data.lots]
        _panel(cost_ax, data, costs, "{:.0f}", lang)
        cost_ax.set_title(_t("cost_axis_index", lang, ref=data.reference_years), fontsize=7.5)
        cost_ax.set_ylim(0, 118)
    else:
        _panel(cost_ax, data, [item.cost_eur for item in data.lots], "€{:.0f}", lang)
        cost_ax.set_title(_t("cost_axis", lang), fontsize=7.5)
        top = max((max(item.cost_eur) for item in data.lots), default=1.0)
        cost_ax.set_ylim(0, top * 1.18)
    labels = [_lot_label(item, lang, final) for item in data.lots]
    for ax in (co2_ax, cost_ax):
        ax.set_xticks(range(len(data.lots)), labels)
    handles = _comparison(co2_ax, data, figures, lang)
    bars = co2_ax.containers[: len(data.lifetimes)]
    names = [_t("years", lang, n=n) for n in data.lifetimes]
    fig.legend(
        [*bars, *handles],
        [*names, *[h.get_label() for h in handles]],
        loc="upper center",
        ncol=len(names) + len(handles),
        frameon=False,
        fontsize=7,
    )
    # The sources go on the picture too, so that it keeps them when copied into slides.
    notes = textwrap.wrap(_t("on_chart_sources", lang, names=sources), 135)
    if not final and any(item.illustrative for item in data.lots):
        notes.append(_t("illustrative_mark", lang))
    for row, note in enumerate(reversed(notes)):
        fig.text(0.01, 0.012 + row * 0.04, note, fontsize=6)
    bottom = 0.13 + 0.04 * len(notes)
    fig.subplots_adjust(left=0.06, right=0.99, top=0.80, bottom=bottom, wspace=0.18)
    return fig


def cost_index(item: ChartLot, data: ChartData) -> tuple[float, ...]:
    """A lot's purchase cost per device-year as an index (the reference lifetime = 100)."""
    base = item.cost_eur[data.lifetimes.index(data.reference_years)]
    return tuple(100 * cost / base for cost in item.cost_eur)


def _panel(ax: Any, data: ChartData, values: list[tuple[float, ...]], fmt: str, lang: str) -> None:
    count = len(data.lifetimes)
    width = 0.8 / count
    for i, _years in enumerate(data.lifetimes):
        offset = (i - (count - 1) / 2) * width
        xs = [x + offset for x in range(len(values))]
        heights = [v[i] for v in values]
        bars = ax.bar(
            xs, heights, width, edgecolor="black", linewidth=0.6, **_STYLES[i % len(_STYLES)]
        )
        labels = [
            fmt.format(h) if lang == "en" else fmt.format(h).replace("€", "€ ") for h in heights
        ]
        ax.bar_label(bars, labels=labels, padding=1.5, fontsize=6)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(axis="x", length=0)


def _comparison(ax: Any, data: ChartData, figures: DeviceYearFigures, lang: str) -> list[Any]:
    """A dashed mark at the published figure over the matching bars, e.g. −28 % at 6 years."""
    comparison = figures.comparison
    if comparison is None or comparison.years not in data.lifetimes:
        return []
    i = data.lifetimes.index(comparison.years)
    count = len(data.lifetimes)
    width = 0.8 / count
    level = 100 - comparison.less_co2_percent
    label = _t(
        "comparison",
        lang,
        pct=format_number(comparison.less_co2_percent, lang),
        years=comparison.years,
    )
    handles: list[Any] = []
    for x, item in enumerate(data.lots):
        if comparison.group not in item.groups:
            continue
        centre = x + (i - (count - 1) / 2) * width
        (line,) = ax.plot(
            [centre - width * 0.75, centre + width * 0.75],
            [level, level],
            color="black",
            linestyle=(0, (2, 1)),
            linewidth=1.2,
            label=label,
        )
        handles = [line]
    return handles
