"""2.163b (AUR art. 38/4): the small drawer, below the EU threshold and 10 % (works 15 %).

Every de-minimis change counts, net: increases and decreases are netted, so a decrease frees
budget for later increases, and the net total counts by its absolute value. The same step
(:func:`step`) tests the proposed change and re-tests every recorded one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ...catalogue.thresholds import ThresholdTable
from ..ledger import Contract, Ground, RecordedChange
from ..limits import DeMinimisLimit, de_minimis_limit, de_minimis_total, fits_de_minimis
from ..message import Msg, Percent, msg
from ..result import DrawerFinding, Verdict
from ..texts import money, percent
from .base import Context, finding, general_nature, is_concession, notice, replacement_only
from .history import History

GROUND = Ground.DE_MINIMIS


@dataclass(frozen=True)
class Step:
    """One de-minimis change added to the net cumulative total before it."""

    limit: DeMinimisLimit
    before: Decimal
    after: Decimal

    @property
    def fits(self) -> bool:
        """Whether the net total after the change stays below the limit (by its size)."""
        return fits_de_minimis(self.after, self.limit)


def step(
    contract: Contract, before: Decimal, amount: Decimal, day: dt.date, thresholds: ThresholdTable
) -> Step:
    """Add ``amount`` on ``day`` to the net de-minimis total ``before`` and test the limit."""
    limit = de_minimis_limit(contract, day, thresholds)
    return Step(limit, before, before + amount)


def _net(after: Decimal) -> Msg:
    """A net cumulative total: ``€ 50.000,00`` or ``een verlaging van € 10.000,00``."""
    if after < 0:
        return msg("de_minimis.net_decrease", amount=-after)
    return msg("amount", amount=after)


def _arithmetic(ctx: Context, s: Step, earlier: int) -> list[Msg]:
    limit = s.limit
    rate = Percent(rate=limit.rate)
    # Dir. 2014/23/EU art. 43(2) (and art. 2a.53 Aw 2012): 10 % for every concession.
    code = "de_minimis.percent_concession" if is_concession(ctx) else "de_minimis.percent"
    lines = [msg(code, rate=rate, base=ctx.base_text(), amount=limit.percent_limit)]
    if limit.threshold is not None:
        lines.append(
            msg(
                "de_minimis.threshold",
                kind=msg(f"threshold.{limit.threshold_kind.value}"),
                date=ctx.proposed.date,
                amount=limit.threshold,
            )
        )
        lines.append(msg("de_minimis.limit", amount=limit.limit))
    lines.append(msg("de_minimis.earlier", count=earlier, amount=s.before))
    code = "de_minimis.with_decrease" if ctx.amount < 0 else "de_minimis.with_change"
    lines.append(msg(code, sum=ctx.plus(s.before, ctx.amount), amount=s.after))
    return lines


def check(ctx: Context) -> DrawerFinding:
    """2.163b: below the EU threshold and 10 %/15 %, net cumulative over de-minimis changes."""
    if ctx.proposed.replaces_contractor:
        return replacement_only(ctx, GROUND)
    earlier = sum(1 for c in ctx.ledger.changes if c.ground is GROUND)
    s = step(
        ctx.contract, de_minimis_total(ctx.ledger), ctx.amount, ctx.proposed.date, ctx.thresholds
    )
    limit, after = s.limit, s.after
    decrease = ctx.amount < 0
    arithmetic = _arithmetic(ctx, s, earlier)
    remaining_before = limit.limit - s.before
    remaining_after = limit.limit - after
    figures: dict[str, Decimal] = {
        "percent_limit": limit.percent_limit,
        "limit": limit.limit,
        "net_cumulative_before": s.before,
        "net_cumulative_after": after,
        "remaining_before": remaining_before,
    }
    if limit.threshold is not None:
        figures["eu_threshold"] = limit.threshold
    rates = {"de_minimis_rate": limit.rate}
    notes = [msg("de_minimis.note_full_is_full")]
    budget = msg("de_minimis.budget_before", amount=remaining_before)
    compared = (
        msg("de_minimis.compared_decrease", net=_net(after))
        if after < 0
        else msg("de_minimis.compared", amount=abs(after))
    )
    common = {"arithmetic": arithmetic, "figures": figures, "rates": rates, "notes": notes}
    if not limit.complete:
        arithmetic.append(budget)
        reason = msg(
            "de_minimis.no_threshold_passes" if s.fits else "de_minimis.no_threshold_fails",
            date=ctx.proposed.date,
            rate=Percent(rate=limit.rate),
        )
        return finding(
            GROUND,
            Verdict.UNDETERMINED,
            reason,
            notice=notice(ctx, GROUND, required=False),
            **common,
        )
    if s.fits:
        figures["remaining_after"] = remaining_after
        arithmetic.append(msg("de_minimis.fits", compared=compared, limit=limit.limit))
        arithmetic.append(budget)
        if decrease:
            figures["budget_freed"] = -ctx.amount
            arithmetic.append(
                msg("de_minimis.budget_freed", remaining=remaining_after, freed=-ctx.amount)
            )
            code = "de_minimis.reason_decrease_abs" if after < 0 else "de_minimis.reason_decrease"
            reason = msg(code, net=_net(after), limit=limit.limit, freed=-ctx.amount)
        else:
            arithmetic.append(msg("de_minimis.budget_after", amount=remaining_after))
            reason = msg("de_minimis.reason_fits", amount=after, limit=limit.limit)
        if after < 0:
            # A net decrease also counts by its size: what is left for further decreases.
            notes.append(
                msg("de_minimis.note_net_decrease", net=_net(after), room=limit.limit - abs(after))
            )
        verdict = Verdict.FITS
    else:
        arithmetic.append(msg("de_minimis.exceeded", compared=compared, limit=limit.limit))
        arithmetic.append(budget)
        if after < 0:
            reason = msg("de_minimis.reason_full_abs", net=_net(after), limit=limit.limit)
        else:
            reason = msg("de_minimis.reason_full", amount=after, limit=limit.limit)
        verdict = Verdict.DOES_NOT_FIT
    return finding(
        GROUND,
        verdict,
        reason,
        conditions=[general_nature(ctx)] if s.fits else [],
        notice=notice(ctx, GROUND, required=False),
        **common,
    )


def history(state: History, change: RecordedChange) -> str | None:
    """A recorded de-minimis change that overflowed the small drawer (the net total so far)."""
    contract = state.ledger.contract
    s = step(contract, state.de_minimis_net, change.amount_eur, change.date, state.thresholds)
    state.de_minimis_net = s.after
    if s.fits:
        return None
    limit, base = s.limit, contract.base_value_eur
    threshold = (
        f" and the EU threshold {money(limit.threshold, 'en')} on {change.date}"
        if limit.threshold is not None
        else ""
    )
    return (
        f"this de-minimis change (2.163b) brings the net cumulative de-minimis total to "
        f"{money(s.after, 'en')}, which is not below {money(limit.limit, 'en')} (the lower of "
        f"{percent(limit.rate, 'en')} of {money(base, 'en')}{threshold}); the small drawer was "
        "full, so this change could not use 2.163b: record it under the ground it really used, "
        "or correct the amount"
    )
