"""2.163e (AUR art. 38/2): the need arose from circumstances a diligent buyer could not foresee."""

from __future__ import annotations

from ..ledger import Ground
from ..result import DrawerFinding
from . import capped
from .base import Context, condition, general_nature, replacement_only

GROUND = Ground.UNFORESEEABLE

#: A recorded change in this drawer is re-checked against the 50 % cap.
history = capped.history


def check(ctx: Context) -> DrawerFinding:
    """2.163e: unforeseeable circumstances, at most 50 % of the base value per change."""
    if ctx.proposed.replaces_contractor:
        return replacement_only(ctx, GROUND)
    # Unlike 2.163d, a decrease may use this drawer; the 50 % cap then applies to its size.
    conditions = [
        condition(ctx, GROUND, "unforeseeable"),
        general_nature(ctx),
        *capped.not_split(ctx),
    ]
    return capped.capped(ctx, GROUND, conditions)
