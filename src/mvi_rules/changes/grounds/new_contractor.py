"""2.163f (AUR art. 38/3): another contractor takes over; questions for the legal adviser."""

from __future__ import annotations

from ..ledger import Ground, RecordedChange
from ..message import msg
from ..result import DrawerFinding, Verdict
from .base import Context, finding, notice, question
from .history import History

GROUND = Ground.NEW_CONTRACTOR


def check(ctx: Context) -> DrawerFinding:
    """2.163f: only for a change that replaces the contractor; no numeric test."""
    if not ctx.proposed.replaces_contractor:
        return finding(GROUND, Verdict.NOT_APPLICABLE, msg("new_contractor.not_replacing"))
    return finding(
        GROUND,
        Verdict.LEGAL_REVIEW,
        msg("legal_review.no_numeric_test"),
        questions=[
            question(ctx, GROUND, "review_clause"),
            question(ctx, GROUND, "restructuring"),
            question(ctx, GROUND, "no_other_changes"),
        ],
        notice=notice(ctx, GROUND, required=False),
    )


def history(state: History, change: RecordedChange) -> str | None:
    """Nothing to recount: the drawer has no numeric test."""
    return None
