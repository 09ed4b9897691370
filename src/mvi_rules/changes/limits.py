"""The numbers behind the drawers: base value, thresholds, percentages and the regime.

Everything here is exact :class:`~decimal.Decimal` arithmetic; rounding happens only on display.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..catalogue.thresholds import ThresholdKind, ThresholdTable
from ..profile.model import Jurisdiction
from .ledger import (
    Contract,
    ContractKind,
    Ground,
    Ledger,
    Regime,
    UtilitiesSubject,
)

#: The 50 % cap per change of 2.163d/2.163e (and the Belgian equivalents).
FIFTY_PERCENT = Decimal("0.50")


def threshold_kind(contract: Contract) -> ThresholdKind:
    """Which EU threshold the contract's de-minimis test compares with."""
    if contract.kind is ContractKind.UTILITIES:
        if contract.utilities_subject is UtilitiesSubject.WORKS:
            return ThresholdKind.UTILITIES_WORKS
        return ThresholdKind.UTILITIES_SUPPLIES_SERVICES
    if contract.kind is ContractKind.CONCESSION:
        return ThresholdKind.CONCESSIONS
    if contract.kind is ContractKind.WORKS:
        return ThresholdKind.WORKS
    if contract.authority_type.is_central:
        return ThresholdKind.SUPPLIES_SERVICES_CENTRAL
    return ThresholdKind.SUPPLIES_SERVICES_SUB_CENTRAL


def de_minimis_rate(contract: Contract) -> Decimal:
    """10 % for supplies, services and every concession; 15 % for (utilities) works."""
    works = contract.kind is ContractKind.WORKS or (
        contract.kind is ContractKind.UTILITIES
        and contract.utilities_subject is UtilitiesSubject.WORKS
    )
    return Decimal("0.15") if works else Decimal("0.10")


def has_fifty_percent_cap(contract: Contract) -> bool:
    """Utilities (special sectors) have no 50 % cap per change; every other kind has one."""
    return contract.kind is not ContractKind.UTILITIES


@dataclass(frozen=True)
class DeMinimisLimit:
    """The de-minimis limit on one date: the lower of the percentage and the EU threshold."""

    base: Decimal
    rate: Decimal
    threshold_kind: ThresholdKind
    #: ``None`` when the threshold table has no period for the date.
    threshold: Decimal | None

    @property
    def percent_limit(self) -> Decimal:
        """The percentage of the (indexed) original value."""
        return self.base * self.rate

    @property
    def limit(self) -> Decimal:
        """The binding limit: the net cumulative value must stay strictly below it."""
        if self.threshold is None:
            return self.percent_limit
        return min(self.percent_limit, self.threshold)

    @property
    def complete(self) -> bool:
        """Whether both tests could be made (the threshold was known for the date)."""
        return self.threshold is not None

    @property
    def threshold_binds(self) -> bool:
        """Whether the EU threshold, not the percentage, is the lower of the two."""
        return self.threshold is not None and self.threshold < self.percent_limit


def de_minimis_limit(
    contract: Contract, day: dt.date, thresholds: ThresholdTable
) -> DeMinimisLimit:
    """The de-minimis limit for a change on ``day`` (the threshold of that day's period)."""
    kind = threshold_kind(contract)
    amount = thresholds.amount(kind, day)
    return DeMinimisLimit(
        base=contract.base_value_eur,
        rate=de_minimis_rate(contract),
        threshold_kind=kind,
        threshold=None if amount is None else Decimal(amount),
    )


def fits_de_minimis(net_cumulative: Decimal, limit: DeMinimisLimit) -> bool:
    """Whether a net cumulative value is below the limit (a decrease counts by its size)."""
    return abs(net_cumulative) < limit.limit


@dataclass(frozen=True)
class RegimeFinding:
    """The contract's regime and, when derived, the figures it was derived from."""

    regime: Regime
    derived: bool
    estimated_value: Decimal | None = None
    threshold: Decimal | None = None


def find_regime(ledger: Ledger, thresholds: ThresholdTable) -> RegimeFinding | None:
    """The stated regime, or one derived from the value incl. options at the award date.

    ``None`` when it is not stated and the threshold table has no period for the award date.
    """
    contract = ledger.contract
    if contract.regime is not None:
        return RegimeFinding(contract.regime, derived=False)
    threshold = thresholds.amount(threshold_kind(contract), contract.award_date)
    if threshold is None:
        return None
    # The estimated value of a contract includes its options (Dir. 2014/24/EU art. 5(1)).
    estimated = contract.original_value_eur + sum(
        (o.max_value_eur for o in ledger.options if o.max_value_eur is not None), Decimal(0)
    )
    regime = Regime.EUROPEAN if estimated >= threshold else Regime.BELOW_THRESHOLD
    return RegimeFinding(regime, True, estimated, Decimal(threshold))


def option_used(ledger: Ledger, option_id: str) -> Decimal:
    """What earlier 2.163c changes have already taken from an option (net)."""
    return sum(
        (
            c.amount_eur
            for c in ledger.changes
            if c.ground is Ground.REVIEW_CLAUSE and c.option == option_id
        ),
        Decimal(0),
    )


def de_minimis_total(ledger: Ledger) -> Decimal:
    """The net cumulative value of every earlier de-minimis change."""
    return sum((c.amount_eur for c in ledger.changes if c.ground is Ground.DE_MINIMIS), Decimal(0))


def jurisdiction_is_be(contract: Contract) -> bool:
    """Whether the ledger is a Belgian contract (AUR wording and references)."""
    return contract.jurisdiction is Jurisdiction.BE
