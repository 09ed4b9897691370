"""The plain-Python backend: walks the neutral condition tree directly.

It serves where durable-rules cannot be imported (Python 3.13+) and as the reference the
durable-rules backend is checked against.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..catalogue import Catalogue
from ..conditions import holds
from .base import LotFacts, Match


class PlainBackend:
    """Evaluates every criterion's condition tree for every lot."""

    name = "plain"

    def match(self, catalogue: Catalogue, lots: Sequence[tuple[str, LotFacts]]) -> set[Match]:
        """Every (criterion id, lot id) whose condition holds."""
        return {
            (entry.criterion.id, lot_id)
            for lot_id, facts in lots
            for entry in catalogue
            if holds(entry.condition, facts)
        }
