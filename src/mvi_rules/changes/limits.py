"""The numbers behind the drawers: base value, thresholds, percentages, and the history checks.

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
    ProposedChange,
    Regime,
    UtilitiesSubject,
)
from .texts import Lang, money, percent

#: The 50 % cap per change of 2.163d/2.163e (and the Belgian equivalents).
FIFTY_PERCENT = Decimal("0.50")

Loc = tuple[str | int, ...]


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


def ledger_problems(ledger: Ledger, thresholds: ThresholdTable) -> list[tuple[Loc, str]]:
    """Everything wrong with a ledger that its schema cannot see, as (field path, message).

    Cross-field rules (dates before award, unknown options, authority type against
    jurisdiction) and the history arithmetic: a de-minimis change that overflowed the small
    drawer, an option used beyond its maximum, or a 2.163d/e change above the 50 % cap.
    """
    contract = ledger.contract
    problems: list[tuple[Loc, str]] = []
    award = contract.award_date

    if contract.authority_type.jurisdiction is not contract.jurisdiction:
        valid = sorted(
            t.value
            for t in type(contract.authority_type)
            if t.jurisdiction is contract.jurisdiction
        )
        problems.append(
            (
                ("contract", "authority_type"),
                f"{contract.authority_type.value!r} is not a {contract.jurisdiction.value} "
                f"authority; use one of: {', '.join(valid)}",
            )
        )
    if contract.kind is ContractKind.UTILITIES and contract.utilities_subject is None:
        problems.append(
            (
                ("contract", "kind"),
                "a utilities contract needs contract.utilities_subject: "
                "supplies, services or works",
            )
        )
    if contract.kind is not ContractKind.UTILITIES and contract.utilities_subject is not None:
        problems.append(
            (("contract", "utilities_subject"), "only allowed when contract.kind is utilities")
        )
    if contract.regime is None and thresholds.period_on(award) is None:
        problems.append(
            (
                ("contract", "award_date"),
                f"no EU threshold is known for the award date {award}, so the regime cannot be "
                "derived; state contract.regime: european or below_threshold",
            )
        )
    if contract.indexation and contract.indexation.as_of and contract.indexation.as_of < award:
        problems.append(
            (
                ("contract", "indexation", "as_of"),
                f"date {contract.indexation.as_of} is before the award date {award}",
            )
        )

    ids: dict[str, int] = {}
    for i, opt in enumerate(ledger.options):
        if opt.id in ids:
            problems.append(
                (
                    ("options", i, "id"),
                    f"duplicate option id {opt.id!r} (also options[{ids[opt.id]}])",
                )
            )
        ids.setdefault(opt.id, i)
    known = ", ".join(ids) or "none"

    for i, change in enumerate(ledger.changes):
        if change.date < award:
            problems.append(
                (("changes", i, "date"), f"date {change.date} is before the award date {award}")
            )
        if change.ground is Ground.REVIEW_CLAUSE:
            if change.option is None:
                problems.append(
                    (
                        ("changes", i, "option"),
                        "a change on ground review_clause (2.163c) must name the option it used "
                        f"(options[].id; known: {known})",
                    )
                )
            elif change.option not in ids:
                problems.append(
                    (("changes", i, "option"), f"unknown option {change.option!r} (known: {known})")
                )
        elif change.option is not None:
            problems.append(
                (
                    ("changes", i, "option"),
                    "an option is only recorded for ground review_clause (2.163c), "
                    f"not for {change.ground.value} ({change.ground.nl_article})",
                )
            )

    if ledger.proposed_change is not None:
        problems.extend(
            (("proposed_change", *loc), msg)
            for loc, msg in proposed_problems(ledger, ledger.proposed_change)
        )

    problems.extend(_history_problems(ledger, thresholds))
    return problems


def proposed_problems(ledger: Ledger, proposed: ProposedChange) -> list[tuple[Loc, str]]:
    """What is wrong with a proposed change given the ledger (field paths relative to it)."""
    problems: list[tuple[Loc, str]] = []
    award = ledger.contract.award_date
    if proposed.date < award:
        problems.append((("date",), f"date {proposed.date} is before the award date {award}"))
    if proposed.option is not None and ledger.option(proposed.option) is None:
        known = ", ".join(o.id for o in ledger.options) or "none"
        problems.append((("option",), f"unknown option {proposed.option!r} (known: {known})"))
    return problems


def _history_problems(ledger: Ledger, thresholds: ThresholdTable) -> list[tuple[Loc, str]]:
    contract = ledger.contract
    lang: Lang = "en"  # errors are in English, like every other library error
    problems: list[tuple[Loc, str]] = []
    base = contract.base_value_eur
    net = Decimal(0)
    used: dict[str, Decimal] = {}
    options = {o.id: o for o in ledger.options}
    order = sorted(range(len(ledger.changes)), key=lambda i: (ledger.changes[i].date, i))
    for i in order:
        change = ledger.changes[i]
        loc: Loc = ("changes", i, "amount_eur")
        if change.ground is Ground.DE_MINIMIS:
            net += change.amount_eur
            limit = de_minimis_limit(contract, change.date, thresholds)
            if not fits_de_minimis(net, limit):
                threshold = (
                    f" and the EU threshold {money(limit.threshold, lang)} on {change.date}"
                    if limit.threshold is not None
                    else ""
                )
                problems.append(
                    (
                        loc,
                        f"this de-minimis change (2.163b) brings the net cumulative de-minimis "
                        f"total to {money(net, lang)}, which is not below "
                        f"{money(limit.limit, lang)} (the lower of "
                        f"{percent(limit.rate, lang)} of {money(base, lang)}{threshold}); the "
                        "small drawer was full, so this change could not use 2.163b: record it "
                        "under the ground it really used, or correct the amount",
                    )
                )
        elif change.ground is Ground.REVIEW_CLAUSE and change.option in options:
            option = options[change.option]
            used[option.id] = used.get(option.id, Decimal(0)) + change.amount_eur
            if option.max_value_eur is not None and used[option.id] > option.max_value_eur:
                problems.append(
                    (
                        loc,
                        f"option {option.id!r} has now been used for "
                        f"{money(used[option.id], lang)}, more than its stated maximum "
                        f"{money(option.max_value_eur, lang)}",
                    )
                )
        elif change.ground in (Ground.ADDITIONAL, Ground.UNFORESEEABLE) and has_fifty_percent_cap(
            contract
        ):
            cap = base * FIFTY_PERCENT
            # The cap limits the size of a change, so a decrease counts by its absolute value.
            if abs(change.amount_eur) > cap:
                problems.append(
                    (
                        loc,
                        f"the size of this change, {money(abs(change.amount_eur), lang)}, exceeds "
                        "the 50% cap per change "
                        f"({money(cap, lang)} = 50% of {money(base, lang)}) of "
                        f"{change.ground.value} ({change.ground.nl_article})",
                    )
                )
    return problems


def jurisdiction_is_be(contract: Contract) -> bool:
    """Whether the ledger is a Belgian contract (AUR wording and references)."""
    return contract.jurisdiction is Jurisdiction.BE
