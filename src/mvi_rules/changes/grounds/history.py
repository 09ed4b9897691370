"""The state a ledger's history is re-checked with: every recorded change in date order.

Each ground's module checks its own recorded changes with the same step it applies to a
proposed change, so the arithmetic of the history and of the proposal is written once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ...catalogue.thresholds import ThresholdTable
from ..ledger import Ledger


@dataclass
class History:
    """The running totals while the recorded changes are walked in date order."""

    ledger: Ledger
    thresholds: ThresholdTable
    #: The net cumulative value of the de-minimis changes so far.
    de_minimis_net: Decimal = Decimal(0)
    #: What the review-clause changes so far took from each option.
    option_used: dict[str, Decimal] = field(default_factory=dict)
