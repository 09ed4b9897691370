"""The estimated value the EU threshold test uses: the initial term plus extensions, options and
incentive caps (Directive 2014/24/EU art. 5(1), and its Dutch and Belgian transpositions).

The profile states a value and what it already covers (``estimated_value_includes``). From that
this module works out the value of the initial term per lot (or for the whole procurement when
the lots have no value of their own), values every extension, option and incentive cap against
the lots it applies to, and adds them up. When the profile's value already includes a component,
the initial value is solved so that the total equals the stated value exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..catalogue.model import ValueKind
from ..profile.model import ProcurementProfile, ValueComponent
from .result import ValueEstimate, ValueLine

#: Which profile component covers which kind of value line.
_COMPONENT = {
    ValueKind.EXTENSION: ValueComponent.EXTENSIONS,
    ValueKind.OPTION: ValueComponent.OPTIONS,
    ValueKind.INCENTIVE: ValueComponent.INCENTIVES,
}


@dataclass(frozen=True)
class ValueClaim:
    """A criterion that adds value, the lots it applies to and its percentage."""

    criterion_id: str
    kind: ValueKind
    lot_ids: tuple[str, ...]
    percent: float


def _cents(amount: float) -> float:
    return round(amount + 0.0, 2)


def estimate_value(
    profile: ProcurementProfile,
    claims: Sequence[ValueClaim],
    threshold_eur: float | None,
    extension_criterion: str | None = None,
) -> ValueEstimate:
    """The value for the threshold test, with every line it is made of.

    ``claims`` are the options and incentive caps that apply (extensions come from the
    profile's ``extension_years``; ``extension_criterion`` is the id of the extension option
    that states them in the contract, if selected).
    """
    proc = profile.procurement
    includes = set(proc.estimated_value_includes)
    extension_share = sum(proc.extension_years) / proc.contract_term_years
    per_lot = all(lot.estimated_value_eur is not None for lot in profile.lots)
    pools: list[tuple[str | None, tuple[str, ...], float]] = (
        [(lot.id, (lot.id,), lot.estimated_value_eur or 0.0) for lot in profile.lots]
        if per_lot
        else [(None, tuple(lot.id for lot in profile.lots), proc.estimated_value_eur)]
    )
    lines: list[ValueLine] = []
    initial: dict[str, float] = {}
    for pool_id, pool_lots, stated in pools:
        # (kind, criterion, lots, percent of the initial value) for this pool
        shares: list[tuple[ValueKind, str | None, tuple[str, ...], float]] = []
        if extension_share:
            shares.append(
                (ValueKind.EXTENSION, extension_criterion, pool_lots, 100.0 * extension_share)
            )
        for claim in claims:
            lots = tuple(lot for lot in claim.lot_ids if lot in pool_lots)
            if not lots or claim.percent == 0:
                # Nothing to add: a clause that adds no value has no line in the estimate.
                continue
            percent = claim.percent
            if claim.kind is ValueKind.INCENTIVE:
                # A cap per contract year of the fee, so it runs over the extensions too.
                percent = claim.percent * (1.0 + extension_share)
            shares.append((claim.kind, claim.criterion_id, lots, percent))
        included = sum(p for kind, _, _, p in shares if _COMPONENT[kind] in includes)
        base = stated / (1.0 + included / 100.0)
        amounts = [(kind, cid, lots, p, _cents(base * p / 100.0)) for kind, cid, lots, p in shares]
        # Solve the initial value from the rounded lines, so that the parts add up to the
        # stated value to the cent when the profile's value includes them.
        base_cents = _cents(
            stated - sum(a for kind, _, _, _, a in amounts if _COMPONENT[kind] in includes)
        )
        initial[pool_id or "*"] = base_cents
        lines.extend(
            ValueLine(
                kind=kind.value,
                criterion_id=cid,
                lot_id=pool_id,
                lot_ids=list(lots),
                percent=round(p, 4),
                basis_eur=base_cents,
                amount_eur=amount,
                included_in_stated=_COMPONENT[kind] in includes,
            )
            for kind, cid, lots, p, amount in amounts
        )
    initial_total = _cents(sum(initial.values()))
    total = _cents(initial_total + sum(line.amount_eur for line in lines))
    return ValueEstimate(
        stated_eur=proc.estimated_value_eur,
        includes=[c.value for c in proc.estimated_value_includes],
        per_lot=per_lot,
        initial_eur=initial_total,
        initial_by_lot={k: v for k, v in initial.items() if k != "*"},
        lines=lines,
        total_eur=total,
        threshold_eur=threshold_eur,
    )
