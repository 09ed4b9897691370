"""One module per ground ("drawer") of the chest, each owning its check and its history check.

:data:`REGISTRY` maps a ground to its module's :class:`GroundRule`: ``check`` tests a proposed
change and returns a language-neutral finding; ``history`` re-tests one recorded change with the
same arithmetic and returns what is wrong with it (or ``None``). The law each check cites lives
in ``rulesets/changes/grounds.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..ledger import Ground, RecordedChange
from ..result import DrawerFinding
from . import (
    additional,
    de_minimis,
    new_contractor,
    non_substantial,
    review_clause,
    unforeseeable,
)
from .base import Context
from .history import History


@dataclass(frozen=True)
class GroundRule:
    """What the checker needs of a ground."""

    ground: Ground
    check: Callable[[Context], DrawerFinding]
    history: Callable[[History, RecordedChange], str | None]


#: The rule of every ground.
REGISTRY: dict[Ground, GroundRule] = {
    module.GROUND: GroundRule(module.GROUND, module.check, module.history)
    for module in (
        review_clause,
        additional,
        unforeseeable,
        new_contractor,
        de_minimis,
        non_substantial,
    )
}


def history_problems(history: History) -> list[tuple[tuple[str | int, ...], str]]:
    """Re-check every recorded change, in date order, with its ground's own arithmetic."""
    changes = history.ledger.changes
    problems: list[tuple[tuple[str | int, ...], str]] = []
    for i in sorted(range(len(changes)), key=lambda i: (changes[i].date, i)):
        problem = REGISTRY[changes[i].ground].history(history, changes[i])
        if problem is not None:
            problems.append((("changes", i, "amount_eur"), problem))
    return problems


__all__ = ["REGISTRY", "Context", "GroundRule", "History", "history_problems"]
