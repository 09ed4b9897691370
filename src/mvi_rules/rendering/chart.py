"""The lifetime chart near the top of the annex: CO2 and purchase cost per device-year.

One picture for buyers and their management: for each device lot, two panels of grouped bars
(CO2 per device-year as an index, and purchase cost per device-year in euros) at the lifetimes
of ``rulesets/figures/device_years.yaml``, with the method, the assumptions and the source of
every figure directly under it. Bars differ by fill and hatching, so the chart reads in
black-and-white print.

The PNG is byte-identical for the same input: matplotlib draws with its Agg backend, its own
bundled font (DejaVu Sans), its default settings (a user's matplotlibrc is ignored), a fixed
size and resolution, and no "Software" stamp. matplotlib is imported only when a chart is
drawn, so the command line starts without it.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from ..catalogue.figures import DeviceYearFigures
from ..catalogue.model import LocalText, Source, SourceJurisdiction
from ..profile.model import Jurisdiction, ProcurementProfile
from .chart_data import ChartData, ChartLot, chart_data
from .docx_parts import TEXT_WIDTH_CM, DocumentObj, add_heading, add_paragraph
from .formatting import format_date, format_number

#: Size and resolution of the picture: the text width of a portrait page, sharp in print.
WIDTH_IN, HEIGHT_IN, DPI = 6.3, 3.6, 200
#: Fill and hatching per lifetime (shortest first): white, grey hatched, black.
_STYLES = (
    {"facecolor": "white", "hatch": ""},
    {"facecolor": "0.75", "hatch": "///"},
    {"facecolor": "0.15", "hatch": ""},
)

_T: dict[str, LocalText] = {
    "heading": LocalText(
        nl="Gebruiksduur in beeld: CO2 en kosten per apparaatjaar",
        en="Lifetime at a glance: CO2 and cost per device-year",
    ),
    "intro": LocalText(
        nl="De grafiek laat per perceel zien hoe de CO2-uitstoot en de aanschafkosten per jaar"
        " gebruik dalen als de apparaten {years} jaar worden gebruikt in plaats van {ref}. Zij"
        " helpt bij de keuze van de gebruiksduur; het is geen eis aan de inschrijver.",
        en="For each lot, the chart shows how CO2 emissions and purchase costs per year of use"
        " fall when the devices are used for {years} years instead of {ref}. It helps in"
        " choosing the lifetime; it is not a requirement for tenderers.",
    ),
    "co2_axis": LocalText(
        nl="CO2 per apparaatjaar\n(index, {ref} jaar = 100)",
        en="CO2 per device-year\n(index, {ref} years = 100)",
    ),
    "cost_axis": LocalText(
        nl="Aanschaf per apparaatjaar (€)",
        en="Purchase per device-year (€)",
    ),
    "years": LocalText(nl="{n} jaar", en="{n} years"),
    "lot": LocalText(nl="Perceel {id}", en="Lot {id}"),
    "comparison": LocalText(
        nl="Fair ICT Flanders: −{pct}% bij {years} jaar",
        en="Fair ICT Flanders: −{pct}% at {years} years",
    ),
    "on_chart_sources": LocalText(
        nl="Bronnen: {names}; details onder de figuur.",
        en="Sources: {names}; details below the figure.",
    ),
    "illustrative_mark": LocalText(
        nl="* illustratieve prijs (aanname)", en="* illustrative price (assumption)"
    ),
    "caption": LocalText(
        nl="Figuur: CO2 en aanschafkosten per apparaatjaar bij {years} jaar gebruik. Berekening:"
        " CO2-index = 100 × (aandeel productie × {ref} / gebruiksduur + aandeel gebruik);"
        " aanschaf per apparaatjaar = prijs per apparaat / gebruiksduur. Energie, beheer en"
        " reparatie per jaar zijn niet meegeteld; een langere gebruiksduur kan reparaties"
        " vragen (zoals een nieuwe accu), die het LCC-rekenblad wel meetelt.",
        en="Figure: CO2 and purchase cost per device-year at {years} years of use. Method:"
        " CO2 index = 100 × (production share × {ref} / lifetime + use share); purchase per"
        " device-year = price per device / lifetime. Energy, management and repair per year are"
        " not counted; a longer life can need repairs (such as a new battery), which the LCC"
        " sheet does count.",
    ),
    "figures": LocalText(nl="Cijfers in de grafiek", en="Figures in the chart"),
    "share_line": LocalText(
        nl="{lots}: aandeel productie {pct}% van de CO2 over de levensduur.",
        en="{lots}: production share {pct}% of the life-cycle CO2.",
    ),
    "price_profile": LocalText(
        nl="{lot}: prijs {price} per apparaat = geraamde waarde / aantal ({quantity}) uit het"
        " profiel.",
        en="{lot}: price {price} per device = estimated value / quantity ({quantity}) from the"
        " profile.",
    ),
    "price_illustrative": LocalText(
        nl="{lot}: prijs {price} per apparaat*.", en="{lot}: price {price} per device*."
    ),
    "sources": LocalText(nl="Bronnen en aannames", en="Sources and assumptions"),
    "choice": LocalText(
        nl="Aanname van de catalogus, die u kunt aanpassen",
        en="Assumption of the catalogue, which you can change",
    ),
    "unsourced": LocalText(
        nl="Niet in de grafiek, omdat de bronnen van de catalogus voor deze apparaten geen"
        " aandeel van de productie geven: {lots}.",
        en="Not in the chart, as the catalogue's sources give no production share for these"
        " devices: {lots}.",
    ),
    "not_shown": LocalText(
        nl="Niet in de grafiek, om haar leesbaar te houden: {lots}.",
        en="Not in the chart, to keep it readable: {lots}.",
    ),
}


def _t(key: str, lang: str, **values: object) -> str:
    return _T[key].get(lang).format(**values)


def _years_text(lifetimes: tuple[int, ...], lang: str) -> str:
    words = [str(n) for n in lifetimes]
    joiner = " of " if lang == "nl" else " or "
    others = [w for w in words[1:]]
    return ", ".join(others[:-1]) + (joiner if len(others) > 1 else "") + others[-1]


def _all_years_text(lifetimes: tuple[int, ...], lang: str) -> str:
    words = [str(n) for n in lifetimes]
    joiner = " en " if lang == "nl" else " and "
    return ", ".join(words[:-1]) + joiner + words[-1]


def _lot_label(item: ChartLot, lang: str) -> str:
    group = item.lot.product_group.plural(lang)
    mark = "*" if item.illustrative else ""
    return f"{_t('lot', lang, id=item.lot.id)}{mark}\n{group}"


def render_chart_png(
    data: ChartData, figures: DeviceYearFigures, lang: str, sources: str = ""
) -> bytes:
    """The chart as PNG bytes, byte-identical for the same input; ``sources`` names the
    sources in a line at its foot."""
    # Drawing takes longer than the rest of the annex; the same chart is drawn once.
    key = (_key(data, figures), lang, sources)
    cached = _DRAWN.get(key)
    if cached is not None:
        return cached
    # Imported here: matplotlib takes a noticeable part of a second to import.
    import matplotlib

    with matplotlib.rc_context():
        fig = chart_figure(data, figures, lang, sources)
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
        (i.lot.id, tuple(_groups(i)), i.illustrative, i.co2_index, i.cost_eur) for i in data.lots
    )
    comparison = figures.comparison
    compared = (
        None
        if comparison is None
        else (comparison.group, comparison.years, comparison.less_co2_percent)
    )
    return (data.lifetimes, data.reference_years, lots, compared)


def chart_figure(data: ChartData, figures: DeviceYearFigures, lang: str, sources: str = "") -> Any:
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
    _panel(cost_ax, data, [item.cost_eur for item in data.lots], "€{:.0f}", lang)
    co2_ax.set_title(_t("co2_axis", lang, ref=data.reference_years), fontsize=7.5)
    cost_ax.set_title(_t("cost_axis", lang), fontsize=7.5)
    co2_ax.set_ylim(0, 118)
    top = max((max(item.cost_eur) for item in data.lots), default=1.0)
    cost_ax.set_ylim(0, top * 1.18)
    labels = [_lot_label(item, lang) for item in data.lots]
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
    if any(item.illustrative for item in data.lots):
        notes.append(_t("illustrative_mark", lang))
    for row, note in enumerate(reversed(notes)):
        fig.text(0.01, 0.012 + row * 0.04, note, fontsize=6)
    bottom = 0.13 + 0.04 * len(notes)
    fig.subplots_adjust(left=0.06, right=0.99, top=0.80, bottom=bottom, wspace=0.18)
    return fig


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
        if comparison.group not in _groups(item):
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


def _groups(item: ChartLot) -> list[Any]:
    lot = item.lot
    return lot.components or [lot.product_group]


def _shown(source: Source, jurisdiction: Jurisdiction) -> bool:
    # As the trace annex does: a Belgian document shows no Dutch source.
    record = source.record
    return not (
        jurisdiction is Jurisdiction.BE
        and record is not None
        and record.jurisdiction is SourceJurisdiction.NL
    )


def _source_line(source: Source, lang: str) -> str:
    supports = source.supports.get(lang)
    record = source.record
    if source.policy_choice or record is None:
        return f"{_T['choice'].get(lang)}: {supports}."
    published = _written(record.date, lang) if record.date else None
    head = [record.publisher, record.title, *[x for x in (record.version, published) if x]]
    if source.pinpoint:
        head.append(source.pinpoint)
    where = " ".join(x for x in (record.identifier, record.url) if x)
    return f"{', '.join(head)}: {supports}. {where}".rstrip()


def _written(day: str, lang: str) -> str:
    """A source's date as words where it is a whole date ("24 maart 2023"); a year or a
    year and month stays as the source gives it."""
    try:
        return format_date(dt.date.fromisoformat(day), lang)
    except ValueError:
        return day


def _lots_text(lots: tuple[Any, ...], lang: str) -> str:
    return "; ".join(
        f"{_t('lot', lang, id=lot.id)} ({lot.product_group.plural(lang)})" for lot in lots
    )


def add_lifetime_chart(
    doc: DocumentObj, profile: ProcurementProfile, figures: DeviceYearFigures, lang: str
) -> ChartData | None:
    """Add the chart section (heading, intro, picture, method, figures and sources) to ``doc``.

    Adds nothing and returns ``None`` when no lot is a device the figures cover (a lot of
    servers, network equipment, printers or services only).
    """
    data = chart_data(profile, figures)
    if not data.lots:
        return None
    jurisdiction = profile.buyer.jurisdiction
    add_heading(doc, _t("heading", lang), 1)
    add_paragraph(
        doc,
        _t(
            "intro",
            lang,
            years=_years_text(data.lifetimes, lang),
            ref=data.reference_years,
        ),
    )
    sources = _chart_sources(data, figures, jurisdiction)
    picture = doc.add_paragraph()
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.keep_with_next = True
    names = "; ".join(dict.fromkeys(_short(s) for s in sources if s.record is not None))
    png = render_chart_png(data, figures, lang, names)
    picture.add_run().add_picture(io.BytesIO(png), width=Cm(TEXT_WIDTH_CM))
    caption = _small(
        doc,
        _t(
            "caption",
            lang,
            years=_all_years_text(data.lifetimes, lang),
            ref=data.reference_years,
        ),
    )
    caption.paragraph_format.keep_with_next = True
    _small(doc, _figures_text(data, lang), bold_lead=_t("figures", lang))
    _small(doc, "", bold_lead=_t("sources", lang)).paragraph_format.keep_with_next = True
    for line in dict.fromkeys(_source_line(s, lang) for s in sources):
        _small(doc, line, style="List Bullet")
    if data.unsourced:
        _small(doc, _t("unsourced", lang, lots=_lots_text(data.unsourced, lang)))
    if data.not_shown:
        _small(doc, _t("not_shown", lang, lots=_lots_text(data.not_shown, lang)))
    return data


def _chart_sources(
    data: ChartData, figures: DeviceYearFigures, jurisdiction: Jurisdiction
) -> list[Source]:
    """Every source behind the chart's figures that a document for ``jurisdiction`` shows,
    then the assumptions."""
    sources: list[Source] = []
    for item in data.lots:
        for share in item.shares:
            sources += share.sources
    comparison = figures.comparison
    if comparison is not None and any(comparison.group in _groups(i) for i in data.lots):
        sources.append(comparison.source)
    sources.append(figures.reference_choice)
    if any(item.illustrative for item in data.lots):
        sources.append(figures.price_choice)
    return [s for s in sources if _shown(s, jurisdiction)]


def _short(source: Source) -> str:
    """A source's publisher (without the part in brackets) and year, for the picture."""
    record = source.record
    assert record is not None
    name = record.publisher.split(" (")[0]
    return f"{name} {record.date[:4]}" if record.date else name


def _figures_text(data: ChartData, lang: str) -> str:
    by_share: dict[float, list[str]] = {}
    for item in data.lots:
        by_share.setdefault(item.share_percent, []).append(_t("lot", lang, id=item.lot.id))
    parts = [
        _t("share_line", lang, lots=", ".join(lots), pct=format_number(pct, lang))
        for pct, lots in by_share.items()
    ]
    for item in data.lots:
        amount = format_number(round(item.price_eur), lang)
        price = f"€ {amount}" if lang == "nl" else f"€{amount}"
        lot = _t("lot", lang, id=item.lot.id)
        if item.illustrative:
            parts.append(_t("price_illustrative", lang, lot=lot, price=price))
        else:
            parts.append(
                _t(
                    "price_profile",
                    lang,
                    lot=lot,
                    price=price,
                    quantity=format_number(item.lot.quantity, lang),
                )
            )
    return " ".join(parts)


def _small(
    doc: DocumentObj, text: str, bold_lead: str | None = None, style: str | None = None
) -> Any:
    para = add_paragraph(doc, style=style)
    if bold_lead:
        lead = para.add_run(bold_lead + ": ")
        lead.bold = True
        lead.font.size = Pt(8)
    if text:
        run = para.add_run(text)
        run.font.size = Pt(8)
    return para


__all__ = ["add_lifetime_chart", "chart_data", "render_chart_png"]
