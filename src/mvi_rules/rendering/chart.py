"""The picture of the lifetime chart: CO2 and purchase cost per device-year, per device lot.

Two panels of grouped bars (CO2 per device-year as an index, and purchase cost per device-year
in euros) at the lifetimes of ``rulesets/figures/device_years.yaml``; bars differ by fill and
hatching, so the chart reads in black-and-white print. :mod:`.chart_layout` decides what goes
where; this module only rasters it with Pillow. :mod:`.chart_section` puts it in the annex with
the method and the sources under it.

The PNG is byte-identical for the same input (and the same Pillow, FreeType and zlib): a fixed
size, a greyscale image, the DejaVu Sans font shipped in ``fonts/`` (with its licence), a fixed
compression level and no metadata but the resolution. Pillow replaced matplotlib here: importing
matplotlib and numpy took about 0.6 s of CPU per ``generate``, Pillow about 0.04 s. Pillow is
imported only when a chart is drawn, so the command line starts without it.
"""

from __future__ import annotations

import functools
import io
from importlib.resources import files
from typing import TYPE_CHECKING

from ..catalogue.figures import DeviceYearFigures
from ..errors import ChartError
from .chart_data import ChartData
from .chart_layout import DPI, Box, ChartLayout, Line, chart_layout

if TYPE_CHECKING:
    from PIL.ImageDraw import ImageDraw
    from PIL.ImageFont import FreeTypeFont

#: Drawn at this multiple of the final size and reduced: smooth diagonal hatching and edges,
#: which Pillow's own line drawing does not anti-alias.
_SCALE = 2
#: Grey level of the fill per lifetime (shortest first): white, light grey hatched, near-black.
_FILLS = (255, 191, 38)
_HATCHED = (False, True, False)
#: Horizontal distance between hatch lines, in final pixels.
_HATCH_STEP = 24


def render_chart_png(
    data: ChartData, figures: DeviceYearFigures, lang: str, sources: str = "", final: bool = False
) -> bytes:
    """The chart as PNG bytes, byte-identical for the same input; ``sources`` names the
    sources in a line at its foot. ``final`` (the annex tenderers read) shows the purchase
    cost as an index instead of euros, so the chart does not tell the market the buyer's
    budget per device."""
    # A batch renders the same chart for many annexes; it is drawn once per process.
    key = (_key(data, figures), lang, sources, final)
    cached = _DRAWN.get(key)
    if cached is not None:
        return cached
    png = _raster(chart_layout(data, figures, lang, measure, sources, final))
    if len(_DRAWN) >= _DRAWN_MAX:
        _DRAWN.clear()
    _DRAWN[key] = png
    return png


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


def measure(text: str, size: float) -> float:
    """Width of ``text`` in final pixels at ``size`` pixels, in the chart's font."""
    return _font(size).getlength(text) / _SCALE


@functools.lru_cache(maxsize=8)
def _font(size: float) -> FreeTypeFont:
    """The chart's font at ``size`` final pixels, scaled for drawing."""
    from PIL import ImageFont, features

    # Pillow's own built-in font lacks the euro sign and the minus sign the chart writes.
    if not features.check("freetype2"):
        raise ChartError(
            "the lifetime chart needs Pillow built with FreeType (for its text); install a "
            "Pillow wheel from PyPI or build Pillow with libfreetype"
        )
    font = (files("mvi_rules.rendering") / "fonts" / "DejaVuSans.ttf").read_bytes()
    return ImageFont.truetype(io.BytesIO(font), size * _SCALE)


def _raster(layout: ChartLayout) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("L", (layout.width * _SCALE, layout.height * _SCALE), 255)
    draw = ImageDraw.Draw(image)
    for panel in layout.panels:
        for bar in panel.bars:
            _box(draw, bar.box, bar.style)
    for entry in layout.legend:
        if entry.style is None:
            middle = (entry.swatch.top + entry.swatch.bottom) / 2
            mark = Line(entry.swatch.left, middle, entry.swatch.right, middle, 3.0, (6.7, 3.3))
            _line(draw, mark)
        else:
            _box(draw, entry.swatch, entry.style)
    for line in layout.lines:
        _line(draw, line)
    for text in (*layout.texts, *(entry.text for entry in layout.legend)):
        xy = (text.x * _SCALE, text.y * _SCALE)
        draw.text(xy, text.text, fill=0, font=_font(text.size), anchor=text.anchor)
    out = io.BytesIO()
    image.reduce(_SCALE).save(out, format="PNG", optimize=False, compress_level=6, dpi=(DPI, DPI))
    return out.getvalue()


def _scaled(box: Box) -> tuple[float, float, float, float]:
    return (box.left * _SCALE, box.top * _SCALE, box.right * _SCALE, box.bottom * _SCALE)


def _box(draw: ImageDraw, box: Box, style: int) -> None:
    """A bar or legend swatch: fill, hatching where the style has it, black edge."""
    left, top, right, bottom = _scaled(box)
    draw.rectangle((left, top, right, bottom), fill=_FILLS[style % len(_FILLS)])
    if _HATCHED[style % len(_HATCHED)]:
        _hatch(draw, left, top, right, bottom)
    draw.rectangle((left, top, right, bottom), outline=0, width=2 * _SCALE)


def _hatch(draw: ImageDraw, left: float, top: float, right: float, bottom: float) -> None:
    """Lines rising to the right ("///"), on one grid across the picture so that neighbouring
    bars' hatching lines up."""
    step = _HATCH_STEP * _SCALE
    # Each line is x + y = k; k runs over multiples of the step that cross the box.
    k = (int(left + top) // step) * step
    while k <= right + bottom:
        x0, x1 = max(left, k - bottom), min(right, k - top)
        if x0 < x1:
            draw.line((x0, k - x0, x1, k - x1), fill=0, width=2 * _SCALE)
        k += step


def _line(draw: ImageDraw, line: Line) -> None:
    width = round(line.width * _SCALE)
    points = [(line.x0 * _SCALE, line.y0 * _SCALE), (line.x1 * _SCALE, line.y1 * _SCALE)]
    if line.dash is None:
        draw.line(points, fill=0, width=width)
        return
    # Pillow draws no dashes: the dashes of a horizontal mark are drawn one by one.
    on, off = (d * _SCALE for d in line.dash)
    (x, y), (end, _) = points
    while x < end:
        draw.line([(x, y), (min(x + on, end), y)], fill=0, width=width)
        x += on + off
