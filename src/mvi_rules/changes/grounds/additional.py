"""2.163d (AUR art. 38/1): additional supplies, services or works by the same contractor."""

from __future__ import annotations

from ..ledger import Ground
from ..message import msg
from ..result import DrawerFinding, Verdict
from . import capped
from .base import Context, condition, finding, replacement_only

GROUND = Ground.ADDITIONAL

#: A recorded change in this drawer is re-checked against the 50 % cap.
history = capped.history


def check(ctx: Context) -> DrawerFinding:
    """2.163d: additional performance, at most 50 % of the base value per change."""
    if ctx.proposed.replaces_contractor:
        return replacement_only(ctx, GROUND)
    if ctx.amount <= 0:
        return finding(GROUND, Verdict.NOT_APPLICABLE, msg("additional.not_an_increase"))
    conditions = [
        condition(ctx, GROUND, "necessary"),
        condition(ctx, GROUND, "no_other_contractor"),
        condition(ctx, GROUND, "inconvenience"),
        *capped.not_split(ctx),
    ]
    return capped.capped(ctx, GROUND, conditions)
