"""The plain-Python backend: every criterion's condition, compiled once, for every lot.

It serves where durable-rules cannot be imported (Python 3.13+) and as the reference the
durable-rules backend is checked against. The compiled conditions keep the semantics of
:func:`~mvi_rules.conditions.holds`, which walks the tree.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..catalogue import Catalogue
from .base import LotFacts, Match
from .compiled import compiled_conditions


class PlainBackend:
    """Evaluates every criterion's compiled condition for every lot."""

    name = "plain"

    def match(self, catalogue: Catalogue, lots: Sequence[tuple[str, LotFacts]]) -> set[Match]:
        """Every (criterion id, lot id) whose condition holds."""
        checks = compiled_conditions.get(catalogue)
        return {
            (criterion_id, lot_id)
            for lot_id, facts in lots
            for criterion_id, check in checks
            if check(facts)
        }
