"""2.163c (AUR art. 38): the change uses an option or review clause, within its maximum.

The same step (:func:`step`) tests the proposed change and re-tests every recorded use of an
option against its stated maximum.
"""

from __future__ import annotations

from decimal import Decimal

from ..ledger import ContractKind, ContractOption, Ground, RecordedChange
from ..limits import option_used
from ..message import Join, Msg, msg
from ..result import DrawerFinding, Verdict
from ..texts import money
from .base import Context, condition, finding, general_nature, notice, replacement_only
from .history import History

GROUND = Ground.REVIEW_CLAUSE


def step(option: ContractOption, used: Decimal, amount: Decimal) -> tuple[Decimal, bool]:
    """The option's use after adding ``amount``, and whether it stays within its maximum."""
    after = used + amount
    return after, option.max_value_eur is None or after <= option.max_value_eur


def _no_option(ctx: Context, notes: list[Msg]) -> DrawerFinding:
    if not ctx.ledger.options:
        return finding(GROUND, Verdict.NOT_APPLICABLE, msg("review.no_options"), notes=notes)
    listed = []
    for o in ctx.ledger.options:
        if o.max_value_eur is None:
            listed.append(msg("review.option", id=o.id, description=o.description))
        else:
            room = o.max_value_eur - option_used(ctx.ledger, o.id)
            listed.append(msg("review.option_room", id=o.id, description=o.description, room=room))
    reason = msg("review.none_named", options=Join(items=listed, sep="; "))
    return finding(GROUND, Verdict.NOT_APPLICABLE, reason, notes=notes)


def check(ctx: Context) -> DrawerFinding:
    """2.163c: the change uses an option or review clause of the contract, within its maximum."""
    if ctx.proposed.replaces_contractor:
        return replacement_only(ctx, GROUND)
    notes: list[Msg] = []
    if ctx.be and ctx.contract.kind is not ContractKind.CONCESSION:
        notes.append(msg("review.be_default_clauses"))
    if ctx.proposed.option is None:
        return _no_option(ctx, notes)
    option = ctx.ledger.option(ctx.proposed.option)
    if option is None:  # load_ledger and check_change reject this; kept for direct callers
        raise ValueError(f"unknown option {ctx.proposed.option!r}")
    conditions = [
        condition(ctx, GROUND, "in_documents", option=option.id),
        condition(ctx, GROUND, "within_option", description=option.description),
        general_nature(ctx),
    ]
    used = option_used(ctx.ledger, option.id)
    after, fits = step(option, used, ctx.amount)
    figures: dict[str, Decimal] = {"option_used_before": used, "option_used_after": after}
    arithmetic = [
        msg("review.used", option=option.id, used=used, sum=ctx.plus(used, ctx.amount), after=after)
    ]
    common = {"arithmetic": arithmetic, "figures": figures, "notes": notes}
    late = option.exercisable_until is not None and ctx.proposed.date > option.exercisable_until
    if late:
        reason = msg(
            "review.late", option=option.id, until=option.exercisable_until, date=ctx.proposed.date
        )
        return finding(
            GROUND,
            Verdict.DOES_NOT_FIT,
            reason,
            notice=notice(ctx, GROUND, required=False),
            **common,
        )
    if option.max_value_eur is None:
        conditions.insert(0, condition(ctx, GROUND, "no_maximum"))
        return finding(
            GROUND,
            Verdict.CONDITIONAL,
            msg("review.no_maximum", option=option.id),
            conditions=conditions,
            notice=notice(ctx, GROUND, required=False),
            **common,
        )
    maximum = option.max_value_eur
    figures.update(
        option_max=maximum, remaining_before=maximum - used, remaining_after=maximum - after
    )
    if fits:
        arithmetic.append(
            msg(
                "review.maximum_fits",
                maximum=maximum,
                after=after,
                room_before=maximum - used,
                room_after=maximum - after,
            )
        )
        reason = msg("review.fits", option=option.id, maximum=maximum)
    else:
        arithmetic.append(
            msg("review.maximum_exceeded", maximum=maximum, after=after, room_before=maximum - used)
        )
        reason = msg("review.exceeded", option=option.id, after=after, maximum=maximum)
    return finding(
        GROUND,
        Verdict.FITS if fits else Verdict.DOES_NOT_FIT,
        reason,
        conditions=conditions if fits else [],
        notice=notice(ctx, GROUND, required=False),
        **common,
    )


def history(state: History, change: RecordedChange) -> str | None:
    """A recorded use of an option that took it beyond its stated maximum."""
    option = state.ledger.option(change.option) if change.option is not None else None
    if option is None:  # an unknown or missing option is reported with the ledger's fields
        return None
    used, fits = step(option, state.option_used.get(option.id, Decimal(0)), change.amount_eur)
    state.option_used[option.id] = used
    if fits or option.max_value_eur is None:
        return None
    return (
        f"option {option.id!r} has now been used for {money(used, 'en')}, more than its stated "
        f"maximum {money(option.max_value_eur, 'en')}"
    )
