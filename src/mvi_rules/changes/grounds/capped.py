"""The 50 % cap per change that 2.163d and 2.163e share (AUR art. 38/1 and 38/2).

Utilities (special sectors) have no cap (Dir. 2014/25/EU art. 89). The cap limits the size of a
change, so a decrease is measured by its absolute value. The same step (:func:`step`) tests the
proposed change and re-tests every recorded one.
"""

from __future__ import annotations

from decimal import Decimal

from ..ledger import Contract, Ground, RecordedChange
from ..limits import FIFTY_PERCENT, has_fifty_percent_cap
from ..message import Msg, msg
from ..result import DrawerFinding, Verdict
from ..texts import money
from .base import Context, condition, finding, notice, ratio_line
from .history import History


def step(contract: Contract, amount: Decimal) -> tuple[Decimal | None, bool]:
    """The cap for the contract (``None`` for utilities) and whether ``amount`` stays within."""
    if not has_fifty_percent_cap(contract):
        return None, True
    cap = contract.base_value_eur * FIFTY_PERCENT
    return cap, abs(amount) <= cap


def not_split(ctx: Context) -> list[Msg]:
    """The no-splitting condition; none for utilities, which have no 50 % cap."""
    if not has_fifty_percent_cap(ctx.contract):
        return []
    return [condition(ctx, None, "not_split")]


def _earlier_in(ctx: Context, ground: Ground) -> list[Msg]:
    earlier = [c for c in ctx.ledger.changes if c.ground is ground]
    if not earlier:
        return []
    total = sum((c.amount_eur for c in earlier), Decimal(0))
    code = "capped.earlier" if has_fifty_percent_cap(ctx.contract) else "capped.earlier_no_cap"
    return [msg(code, count=len(earlier), amount=total)]


def capped(ctx: Context, ground: Ground, conditions: list[Msg]) -> DrawerFinding:
    """The verdict of a drawer capped at 50 % per change, with its notice."""
    cap, passes = step(ctx.contract, ctx.amount)
    figures: dict[str, Decimal] = {}
    if cap is None:
        code = "capped.no_cap_be" if ctx.be else "capped.no_cap_nl"
        arithmetic = [msg(code), ratio_line(ctx)]
    else:
        figures["cap"] = cap
        code = "capped.cap_decrease" if ctx.amount < 0 else "capped.cap"
        sign = "≤" if passes else ">"
        line = msg(code, size=abs(ctx.amount), sign=sign, cap=cap, base=ctx.base_text())
        arithmetic = [line, ratio_line(ctx)]
    if passes:
        verdict, reason = Verdict.CONDITIONAL, msg("capped.passes")
    else:
        verdict = Verdict.DOES_NOT_FIT
        code = "capped.decrease_exceeds" if ctx.amount < 0 else "capped.change_exceeds"
        reason = msg(code, cap=cap)
    return finding(
        ground,
        verdict,
        reason,
        arithmetic=arithmetic,
        figures=figures,
        conditions=conditions if passes else [],
        notes=_earlier_in(ctx, ground),
        notice=notice(ctx, ground, required=True),
    )


def history(state: History, change: RecordedChange) -> str | None:
    """A recorded 2.163d/e change whose size exceeds the 50 % cap."""
    contract = state.ledger.contract
    cap, passes = step(contract, change.amount_eur)
    if passes or cap is None:
        return None
    return (
        f"the size of this change, {money(abs(change.amount_eur), 'en')}, exceeds the 50% cap per "
        f"change ({money(cap, 'en')} = 50% of {money(contract.base_value_eur, 'en')}) of "
        f"{change.ground.value} ({change.ground.nl_article})"
    )
