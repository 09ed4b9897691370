"""The lifetime chart's section in the annex: heading, intro, picture, method, figures, sources.

Placed after the lots, in the concept and the final annex, for buyers and their management.
Every figure's source is listed directly under the picture (a Belgian document shows no Dutch
source, as the trace annex does); the assumptions are said to be the catalogue's choices.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from ..catalogue.figures import DeviceYearFigures
from ..catalogue.model import Source, SourceJurisdiction
from ..catalogue.sourcing import text_in
from ..profile.model import Jurisdiction, Lot, ProcurementProfile
from .chart import render_chart_png
from .chart_data import ChartData, chart_data
from .chart_text import TEXTS
from .chart_text import text as _t
from .docx_parts import TEXT_WIDTH_CM, DocumentObj, add_heading, add_paragraph
from .formatting import format_date, format_money, format_number


def _years_text(lifetimes: tuple[int, ...], reference: int, lang: str) -> str:
    """The lifetimes other than the reference one: "6 of 8"."""
    others = [str(n) for n in lifetimes if n != reference]
    joiner = " of " if lang == "nl" else " or "
    return ", ".join(others[:-1]) + (joiner if len(others) > 1 else "") + others[-1]


def _all_years_text(lifetimes: tuple[int, ...], lang: str) -> str:
    words = [str(n) for n in lifetimes]
    joiner = " en " if lang == "nl" else " and "
    return ", ".join(words[:-1]) + joiner + words[-1]


def _shown(source: Source, jurisdiction: Jurisdiction) -> bool:
    # As the trace annex does: a Belgian document shows no Dutch source.
    record = source.record
    return not (
        jurisdiction is Jurisdiction.BE
        and record is not None
        and record.jurisdiction is SourceJurisdiction.NL
    )


def _source_line(source: Source, lang: str, final: bool) -> str:
    supports = source.supports.get(lang)
    record = source.record
    if source.policy_choice or record is None:
        lead = TEXTS["choice_final" if final else "choice"].get(lang)
        return f"{lead}: {supports}."
    published = _written(record.date, lang) if record.date else None
    head = [record.document(lang), *[x for x in (record.version, published) if x]]
    if source.pinpoint is not None:
        head.append(text_in(source.pinpoint, lang))
    where = " ".join(x for x in (record.identifier, record.url) if x)
    return f"{', '.join(head)}: {supports}. {where}".rstrip()


def _written(day: str, lang: str) -> str:
    """A source's date as words where it is a whole date ("24 maart 2023"); a year or a
    year and month stays as the source gives it."""
    try:
        return format_date(dt.date.fromisoformat(day), lang)
    except ValueError:
        return day


def _lots_text(lots: tuple[Lot, ...], lang: str) -> str:
    return "; ".join(
        f"{_t('lot', lang, id=lot.id)} ({lot.product_group.plural(lang)})" for lot in lots
    )


def add_lifetime_chart(
    doc: DocumentObj,
    profile: ProcurementProfile,
    figures: DeviceYearFigures,
    lang: str,
    final: bool = False,
) -> ChartData | None:
    """Add the chart section (heading, intro, picture, method, figures and sources) to ``doc``;
    ``final``: without the instructions for the buyer (the annex that goes to market).

    Adds nothing and returns ``None`` when no lot is a device the figures cover (a lot of
    servers, network equipment, printers or services only).
    """
    data = chart_data(profile, figures)
    if not data.lots:
        return None
    jurisdiction = profile.buyer.jurisdiction
    add_heading(doc, _t("heading", lang), 1)
    intro = add_paragraph(
        doc,
        _t(
            "intro",
            lang,
            years=_years_text(data.lifetimes, data.reference_years, lang),
            ref=data.reference_years,
        ),
    )
    # Heading, intro, picture and caption stay on one page; the figures and sources under
    # them may follow on the next.
    intro.paragraph_format.keep_with_next = True
    sources = _chart_sources(data, figures, jurisdiction, final)
    picture = doc.add_paragraph()
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture.paragraph_format.keep_with_next = True
    names = "; ".join(dict.fromkeys(_short(s, lang) for s in sources if s.record is not None))
    png = render_chart_png(data, figures, lang, names, final=final)
    picture.add_run().add_picture(io.BytesIO(png), width=Cm(TEXT_WIDTH_CM))
    _small(
        doc,
        _t(
            "caption_final" if final else "caption",
            lang,
            years=_all_years_text(data.lifetimes, lang),
            ref=data.reference_years,
        ),
    )
    _small(doc, _figures_text(data, lang, final), bold_lead=_t("figures", lang))
    _small(doc, "", bold_lead=_t("sources", lang)).paragraph_format.keep_with_next = True
    for line in dict.fromkeys(_source_line(s, lang, final) for s in sources):
        _small(doc, line, style="List Bullet")
    if not final and any(item.illustrative for item in data.lots):
        _small(doc, _t("own_price", lang))
    if data.unsourced:
        _small(doc, _t("unsourced", lang, lots=_lots_text(data.unsourced, lang)))
    if data.not_shown:
        _small(doc, _t("not_shown", lang, lots=_lots_text(data.not_shown, lang)))
    return data


def _chart_sources(
    data: ChartData, figures: DeviceYearFigures, jurisdiction: Jurisdiction, final: bool
) -> list[Source]:
    """Every source behind the chart's figures that a document for ``jurisdiction`` shows,
    then the assumptions (no price assumption where no price is charted)."""
    sources: list[Source] = []
    for item in data.lots:
        for share in item.shares:
            sources += share.sources
    comparison = figures.comparison
    if comparison is not None and any(comparison.group in i.groups for i in data.lots):
        sources.append(comparison.source)
    sources.append(figures.reference_choice)
    if not final and any(item.illustrative for item in data.lots):
        sources.append(figures.price_choice)
    return [s for s in sources if _shown(s, jurisdiction)]


def _short(source: Source, lang: str) -> str:
    """A source's publisher in ``lang`` (without the part in brackets) and year, for the
    picture."""
    record = source.record
    assert record is not None
    name = text_in(record.publisher, lang).split(" (")[0]
    return f"{name} {record.date[:4]}" if record.date else name


def _figures_text(data: ChartData, lang: str, final: bool) -> str:
    """The production share per lot and, in the concept, the price per device charted (the
    final annex charts cost as an index and names no price)."""
    by_share: dict[float, list[str]] = {}
    for item in data.lots:
        by_share.setdefault(item.share_percent, []).append(_t("lot", lang, id=item.lot.id))
    parts = [
        _t("share_line", lang, lots=", ".join(lots), pct=format_number(pct, lang))
        for pct, lots in by_share.items()
    ]
    for item in [] if final else data.lots:
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
    if not final and any(item.split_from_total for item in data.lots):
        total = sum(item.price_eur * item.lot.quantity for item in data.lots)
        parts.append(_t("split_note", lang, total=format_money(total, lang)))
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
