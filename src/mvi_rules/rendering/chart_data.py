"""The numbers of the annex's lifetime chart: CO2 and purchase cost per device-year per lot.

Kept apart from the drawing (:mod:`.chart`) so a test, or a reviewer, can compare the numbers
with ``rulesets/figures/device_years.yaml`` without reading a picture. The method is in that
file's header; in short, a lot's production share ``p`` (of its life-cycle CO2, at the reference
lifetime ``R``) gives a CO2 index per device-year ``100 * (p * R / L + (1 - p))`` for a lifetime
``L``, and its price per device gives a purchase cost per device-year ``price / L``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogue.figures import DeviceYearFigures, ProductionShare
from ..profile.model import Lot, ProcurementProfile, ProductGroup

#: More lots than this would make the bars unreadable; the rest are named under the chart.
MAX_LOTS = 8


@dataclass(frozen=True)
class ChartLot:
    """One lot's bars: CO2 index and purchase cost per device-year for each lifetime."""

    lot: Lot
    share_percent: float
    shares: tuple[ProductionShare, ...]
    price_eur: float
    #: True when the price is an assumption, not the profile's estimate for the lot.
    illustrative: bool
    co2_index: tuple[float, ...]
    cost_eur: tuple[float, ...]
    #: True when the profile's total estimate is split over the lots in proportion to the
    #: illustrative prices (so the prices charted add up to the estimate).
    split_from_total: bool = False

    @property
    def groups(self) -> list[ProductGroup]:
        """The device groups of the lot (a werkplek bundle: its components)."""
        return _devices(self.lot)


@dataclass(frozen=True)
class ChartData:
    """What the chart shows, and which lots it leaves out and why."""

    lifetimes: tuple[int, ...]
    reference_years: int
    lots: tuple[ChartLot, ...]
    #: Lots without a sourced production share (servers, network, printers, services).
    unsourced: tuple[Lot, ...]
    #: Lots beyond :data:`MAX_LOTS`.
    not_shown: tuple[Lot, ...]


def co2_index(share_percent: float, reference_years: int, years: int) -> float:
    """CO2 per device-year at ``years`` of use, with the reference lifetime at 100."""
    share = share_percent / 100
    return 100 * (share * reference_years / years + (1 - share))


def _devices(lot: Lot) -> list[ProductGroup]:
    return lot.components if lot.product_group is ProductGroup.WERKPLEK else [lot.product_group]


def _shares(lot: Lot, figures: DeviceYearFigures) -> tuple[ProductionShare, ...] | None:
    shares = [figures.share(group) for group in _devices(lot)]
    found = [s for s in shares if s is not None]
    # A bundle is charted only when every device in it has the same sourced share.
    if len(found) != len(shares) or len({s.percent for s in found}) != 1:
        return None
    unique: list[ProductionShare] = []
    for share in found:
        if all(share is not u for u in unique):
            unique.append(share)
    return tuple(unique)


def _price(
    lot: Lot, profile: ProcurementProfile, figures: DeviceYearFigures
) -> tuple[float, bool] | None:
    if lot.estimated_value_eur is not None:
        return lot.estimated_value_eur / lot.quantity, False
    if len(profile.lots) == 1:
        return profile.procurement.estimated_value_eur / lot.quantity, False
    prices = [figures.illustrative_prices_eur.get(group) for group in _devices(lot)]
    if any(p is None for p in prices):
        return None
    return sum(p for p in prices if p is not None), True


def _split_factor(
    profile: ProcurementProfile,
    found: list[tuple[Lot, tuple[ProductionShare, ...] | None, tuple[float, bool] | None]],
) -> float | None:
    """What the illustrative prices are multiplied by so that they add up to the profile's
    estimate, when no lot has its own: only when the chart shows every lot, since otherwise the
    estimate also pays for what the chart does not price."""
    if len(found) < 2 or len(found) > MAX_LOTS:
        return None
    if any(lot.estimated_value_eur is not None for lot, _, _ in found):
        return None
    total = 0.0
    for lot, shares, price in found:
        if shares is None or price is None:
            return None
        total += price[0] * lot.quantity
    return profile.procurement.estimated_value_eur / total if total else None


def chart_data(profile: ProcurementProfile, figures: DeviceYearFigures) -> ChartData:
    """The chart's numbers for every lot of ``profile`` that the figures cover.

    Without a value per lot, the prices are the catalogue's illustrative ones, scaled so that
    they add up to the profile's estimate where the chart prices every lot: a chart whose
    prices disagree with the estimate in the same annex would contradict it.
    """
    lots: list[ChartLot] = []
    unsourced: list[Lot] = []
    found = [(lot, _shares(lot, figures), _price(lot, profile, figures)) for lot in profile.lots]
    factor = _split_factor(profile, found)
    for lot, shares, price in found:
        if shares is None or price is None:
            unsourced.append(lot)
            continue
        if factor is not None:
            price = (price[0] * factor, True)
        percent = shares[0].percent
        lots.append(
            ChartLot(
                lot=lot,
                share_percent=percent,
                shares=shares,
                price_eur=price[0],
                illustrative=price[1],
                co2_index=tuple(
                    co2_index(percent, figures.reference_years, years)
                    for years in figures.lifetimes
                ),
                cost_eur=tuple(price[0] / years for years in figures.lifetimes),
                split_from_total=factor is not None,
            )
        )
    return ChartData(
        lifetimes=tuple(figures.lifetimes),
        reference_years=figures.reference_years,
        lots=tuple(lots[:MAX_LOTS]),
        unsourced=tuple(unsourced),
        not_shown=tuple(c.lot for c in lots[MAX_LOTS:]),
    )
