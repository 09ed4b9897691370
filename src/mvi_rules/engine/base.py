"""What every evaluation backend provides."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from ..catalogue import Catalogue
from ..conditions.tree import Value

LotFacts = Mapping[str, Value]
#: (criterion id, lot id)
Match = tuple[str, str]


class Backend(Protocol):
    """Decides which criteria apply to which lots. Explanations are built elsewhere."""

    #: Short name shown in results and benchmarks.
    name: str

    def match(self, catalogue: Catalogue, lots: Sequence[tuple[str, LotFacts]]) -> set[Match]:
        """Every (criterion id, lot id) whose full condition holds for that lot's facts."""
        ...
