"""Where everything in the lifetime chart goes, in pixels, without drawing it.

:func:`chart_layout` decides each bar's lot, lifetime, value, label and rectangle, the ticks,
the comparison mark, the legend and every text with its position; :mod:`.chart` only rasters
that. So a test (or a reviewer) can check what the picture says against
``rulesets/figures/device_years.yaml`` without reading pixels.

Coordinates are pixels of the final picture, y downwards. Text widths come from a ``measure``
function given by the caller, so this module needs no font and no imaging library.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..catalogue.figures import DeviceYearFigures
from .chart_data import ChartData, ChartLot
from .chart_text import text as _t
from .formatting import format_number

#: Size and resolution of the picture: the text width of a portrait page, sharp in print.
WIDTH_IN, HEIGHT_IN, DPI = 6.3, 3.6, 200
WIDTH, HEIGHT = round(WIDTH_IN * DPI), round(HEIGHT_IN * DPI)
#: Font sizes in pixels (7, 7.5 and 6 points at 200 dpi): legible at about 16 cm in print.
TEXT_PX, TITLE_PX, SMALL_PX = 7 * DPI / 72, 7.5 * DPI / 72, 6 * DPI / 72
#: Lines are 0.6 point wide, the comparison mark 1.2 point, as thin as print keeps visible.
LINE_PX, MARK_PX = 2.0, 3.0
#: The index panels run to a little above 100, leaving room for the labels of the 100 bars.
INDEX_TOP = 118.0

#: Width of a text in pixels at a font size in pixels.
Measure = Callable[[str, float], float]


@dataclass(frozen=True)
class Box:
    """A rectangle in pixels."""

    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class Text:
    """One line of text; ``anchor`` is Pillow's two-letter anchor (``"mb"``: middle, bottom)."""

    text: str
    x: float
    y: float
    size: float
    anchor: str


@dataclass(frozen=True)
class Line:
    """A straight line; ``dash`` is (on, off) in pixels for a dashed one."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float = LINE_PX
    dash: tuple[float, float] | None = None


@dataclass(frozen=True)
class Bar:
    """One bar: a lot's value at one lifetime; ``style`` indexes the fills of :mod:`.chart`."""

    lot: str
    years: int
    value: float
    label: str
    box: Box
    style: int


@dataclass(frozen=True)
class Tick:
    value: float
    label: str
    y: float


@dataclass(frozen=True)
class Panel:
    """One of the two panels: its title, plot area, y scale, bars and comparison marks."""

    title: tuple[str, ...]
    frame: Box
    top_value: float
    ticks: tuple[Tick, ...]
    bars: tuple[Bar, ...]
    #: Dashed marks at the published comparison, with the value they mark.
    marks: tuple[tuple[float, Line], ...]

    def bar(self, lot: str, years: int) -> Bar:
        """The bar of ``lot`` at ``years`` of use."""
        return next(b for b in self.bars if b.lot == lot and b.years == years)


@dataclass(frozen=True)
class LegendEntry:
    """A legend swatch (a bar style, or ``None`` for the dashed comparison mark) and its text."""

    style: int | None
    swatch: Box
    text: Text


@dataclass(frozen=True)
class ChartLayout:
    """The whole picture: what :mod:`.chart` rasters, and what tests read."""

    width: int
    height: int
    panels: tuple[Panel, Panel]
    legend: tuple[LegendEntry, ...]
    #: Every text but the legend's: titles, tick and lot labels, value labels, notes.
    texts: tuple[Text, ...]
    #: Axis lines, tick marks and comparison marks.
    lines: tuple[Line, ...]


def cost_index(item: ChartLot, data: ChartData) -> tuple[float, ...]:
    """A lot's purchase cost per device-year as an index (the reference lifetime = 100)."""
    base = item.cost_eur[data.lifetimes.index(data.reference_years)]
    return tuple(100 * cost / base for cost in item.cost_eur)


def lot_label(item: ChartLot, lang: str, final: bool) -> tuple[str, str]:
    """The two lines under a lot's bars; the star marks an illustrative price (concept only)."""
    mark = "*" if item.illustrative and not final else ""
    return f"{_t('lot', lang, id=item.lot.id)}{mark}", item.lot.product_group.plural(lang)


def nice_ticks(top: float) -> tuple[float, ...]:
    """Round tick values from 0 up to ``top``: steps of 1, 2, 2.5 or 5 times a power of ten,
    about nine steps to the top, as a reader counts them."""
    if top <= 0:
        return (0.0,)
    rough = top / 9
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= rough)
    return tuple(i * step for i in range(int(top / step + 1e-9) + 1))


def notes(data: ChartData, lang: str, sources: str, final: bool) -> list[str]:
    """The small lines at the foot: the sources (wrapped), and the star's meaning."""
    # The sources go on the picture too, so that it keeps them when copied into slides.
    lines = textwrap.wrap(_t("on_chart_sources", lang, names=sources), 135)
    if not final and any(item.illustrative for item in data.lots):
        lines.append(_t("illustrative_mark", lang))
    return lines


def chart_layout(
    data: ChartData,
    figures: DeviceYearFigures,
    lang: str,
    measure: Measure,
    sources: str = "",
    final: bool = False,
) -> ChartLayout:
    """Everything the chart shows and where; ``final`` shows the cost as an index (the annex
    tenderers read must not tell them the buyer's budget per device)."""
    foot = notes(data, lang, sources, final)
    bottom = HEIGHT - (0.13 + 0.04 * len(foot)) * HEIGHT
    left_frame, right_frame = _frames(bottom)
    co2 = _panel(
        left_frame,
        data,
        [item.co2_index for item in data.lots],
        INDEX_TOP,
        _t("co2_axis", lang, ref=data.reference_years),
        lang,
        "",
    )
    if final:
        title = _t("cost_axis_index", lang, ref=data.reference_years)
        costs, top, unit = [cost_index(item, data) for item in data.lots], INDEX_TOP, ""
    else:
        title, costs, unit = _t("cost_axis", lang), [item.cost_eur for item in data.lots], "€"
        top = max((max(item.cost_eur) for item in data.lots), default=1.0) * 1.18
    cost = _panel(right_frame, data, costs, top, title, lang, unit)
    co2 = _with_comparison(co2, data, figures)
    texts: list[Text] = []
    lines: list[Line] = []
    for panel in (co2, cost):
        _axes(panel, data, lang, final, texts, lines)
    for row, note in enumerate(reversed(foot)):
        texts.append(Text(note, 13, HEIGHT - 9 - row * 0.04 * HEIGHT, SMALL_PX, "ld"))
    legend = _legend(data, figures, lang, measure, has_mark=bool(co2.marks))
    return ChartLayout(WIDTH, HEIGHT, (co2, cost), legend, tuple(texts), tuple(lines))


def _frames(bottom: float) -> tuple[Box, Box]:
    """The two plot areas, side by side with a gap for the right one's tick labels."""
    left, right, top, gap = 0.06 * WIDTH, 0.99 * WIDTH, 0.20 * HEIGHT, 0.18
    width = (right - left) / (2 + gap)
    return (
        Box(left, top, left + width, bottom),
        Box(right - width, top, right, bottom),
    )


def _panel(
    frame: Box,
    data: ChartData,
    values: Sequence[tuple[float, ...]],
    top: float,
    title: str,
    lang: str,
    unit: str,
) -> Panel:
    scale = (frame.bottom - frame.top) / top
    slot = (frame.right - frame.left) / max(len(data.lots), 1)
    width = 0.8 * slot / len(data.lifetimes)
    bars: list[Bar] = []
    for x, (item, row) in enumerate(zip(data.lots, values, strict=True)):
        for i, (years, value) in enumerate(zip(data.lifetimes, row, strict=True)):
            left = frame.left + slot * (x + 0.1) + i * width
            box = Box(left, frame.bottom - value * scale, left + width, frame.bottom)
            bars.append(Bar(item.lot.id, years, value, _value_label(value, unit, lang), box, i))
    ticks = tuple(
        Tick(v, format_number(v, lang), frame.bottom - v * scale) for v in nice_ticks(top)
    )
    return Panel(tuple(title.split("\n")), frame, top, ticks, tuple(bars), ())


def _value_label(value: float, unit: str, lang: str) -> str:
    # Grouped as the tick labels are: "€ 1.250" in Dutch, "€1,250" in English.
    number = format_number(value, lang, 0)
    if not unit:
        return number
    # Dutch writes a space between the euro sign and the amount, English does not.
    return f"{unit}{number}" if lang == "en" else f"{unit} {number}"


def _with_comparison(panel: Panel, data: ChartData, figures: DeviceYearFigures) -> Panel:
    """A dashed mark at the published figure over the matching bars, e.g. −28 % at 6 years."""
    comparison = figures.comparison
    if comparison is None or comparison.years not in data.lifetimes:
        return panel
    level = 100 - comparison.less_co2_percent
    y = panel.frame.bottom - level * (panel.frame.bottom - panel.frame.top) / panel.top_value
    marks: list[tuple[float, Line]] = []
    for item in data.lots:
        if comparison.group not in item.groups:
            continue
        box = panel.bar(item.lot.id, comparison.years).box
        overhang = (box.right - box.left) * 0.25
        line = Line(box.left - overhang, y, box.right + overhang, y, MARK_PX, (6.7, 3.3))
        marks.append((level, line))
    return Panel(panel.title, panel.frame, panel.top_value, panel.ticks, panel.bars, tuple(marks))


def _axes(
    panel: Panel, data: ChartData, lang: str, final: bool, texts: list[Text], lines: list[Line]
) -> None:
    """Title, left and bottom axis lines, ticks, lot labels and value labels of a panel."""
    frame = panel.frame
    centre = (frame.left + frame.right) / 2
    for row, line in enumerate(reversed(panel.title)):
        texts.append(Text(line, centre, frame.top - 12 - row * 1.2 * TITLE_PX, TITLE_PX, "md"))
    lines.append(Line(frame.left, frame.top, frame.left, frame.bottom))
    lines.append(Line(frame.left, frame.bottom, frame.right, frame.bottom))
    for tick in panel.ticks:
        lines.append(Line(frame.left - 10, tick.y, frame.left, tick.y))
        texts.append(Text(tick.label, frame.left - 14, tick.y, TEXT_PX, "rm"))
    slot = (frame.right - frame.left) / max(len(data.lots), 1)
    for x, item in enumerate(data.lots):
        for row, line in enumerate(lot_label(item, lang, final)):
            y = frame.bottom + 10 + row * 1.2 * TEXT_PX
            texts.append(Text(line, frame.left + slot * (x + 0.5), y, TEXT_PX, "ma"))
    for bar in panel.bars:
        middle = (bar.box.left + bar.box.right) / 2
        texts.append(Text(bar.label, middle, bar.box.top - 4, SMALL_PX, "md"))
    lines.extend(line for _, line in panel.marks)


def _legend(
    data: ChartData, figures: DeviceYearFigures, lang: str, measure: Measure, has_mark: bool
) -> tuple[LegendEntry, ...]:
    """One row, centred at the top: a swatch per lifetime, then the comparison mark."""
    names: list[tuple[int | None, str]] = [
        (i, _t("years", lang, n=n)) for i, n in enumerate(data.lifetimes)
    ]
    comparison = figures.comparison
    if has_mark and comparison is not None:
        pct = format_number(comparison.less_co2_percent, lang)
        names.append((None, _t("comparison", lang, pct=pct, years=comparison.years)))
    swatch, gap, spacing = 2 * TEXT_PX, 0.8 * TEXT_PX, 2 * TEXT_PX
    widths = [swatch + gap + measure(name, TEXT_PX) for _, name in names]
    x = (WIDTH - sum(widths) - spacing * (len(widths) - 1)) / 2
    y = 0.035 * HEIGHT
    entries: list[LegendEntry] = []
    for (style, name), width in zip(names, widths, strict=True):
        box = Box(x, y - 0.35 * TEXT_PX, x + swatch, y + 0.35 * TEXT_PX)
        entries.append(LegendEntry(style, box, Text(name, x + swatch + gap, y, TEXT_PX, "lm")))
        x += width + spacing
    return tuple(entries)
