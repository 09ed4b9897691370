"""2.163g (AUR art. 38/5-38/6): the change is not substantial; questions for the legal adviser."""

from __future__ import annotations

from ..ledger import Ground, RecordedChange
from ..message import msg
from ..result import DrawerFinding, Verdict
from .base import Context, finding, notice, question, ratio_line
from .history import History

GROUND = Ground.NON_SUBSTANTIAL


def check(ctx: Context) -> DrawerFinding:
    """2.163g: no numeric test; the ratio to the base value as context for the adviser."""
    if ctx.proposed.replaces_contractor:
        reason = msg("non_substantial.replacement", substantial=ctx.substantial())
        return finding(GROUND, Verdict.NOT_APPLICABLE, reason)
    return finding(
        GROUND,
        Verdict.LEGAL_REVIEW,
        msg("non_substantial.no_numeric_test", substantial=ctx.substantial()),
        arithmetic=[ratio_line(ctx)],
        questions=[
            question(ctx, GROUND, "other_outcome"),
            question(ctx, GROUND, "economic_balance"),
            question(ctx, GROUND, "scope"),
            question(ctx, GROUND, "overall_nature"),
        ],
        notice=notice(ctx, GROUND, required=False),
    )


def history(state: History, change: RecordedChange) -> str | None:
    """Nothing to recount: the drawer has no numeric test."""
    return None
