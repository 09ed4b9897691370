"""The dated table of EU procurement thresholds (``rulesets/thresholds.yaml``)."""

from __future__ import annotations

from datetime import date
from enum import Enum
from itertools import pairwise

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .model import Confidence, Source


class ThresholdKind(str, Enum):
    """Which EU threshold (excl. VAT) a contract falls under."""

    WORKS = "works"
    SUPPLIES_SERVICES_CENTRAL = "supplies_services_central"
    SUPPLIES_SERVICES_SUB_CENTRAL = "supplies_services_sub_central"
    SOCIAL_SERVICES = "social_services"
    UTILITIES_SUPPLIES_SERVICES = "utilities_supplies_services"
    UTILITIES_WORKS = "utilities_works"
    CONCESSIONS = "concessions"


class ThresholdPeriod(BaseModel):
    """The thresholds in force between two dates."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    valid_from: date
    valid_until: date
    sources: list[Source] = Field(min_length=1)
    confidence: Confidence
    amounts_eur: dict[ThresholdKind, int]

    @model_validator(mode="after")
    def _ordered(self) -> ThresholdPeriod:
        if self.valid_until < self.valid_from:
            raise ValueError("valid_until is before valid_from")
        missing = [k.value for k in ThresholdKind if k not in self.amounts_eur]
        if missing:
            raise ValueError("amounts_eur lacks " + ", ".join(missing))
        # A threshold of 0 or less would put every procurement above it, silently.
        negative = [k.value for k, amount in self.amounts_eur.items() if amount <= 0]
        if negative:
            raise ValueError("amounts_eur must be positive: " + ", ".join(negative))
        return self


class ThresholdTable(BaseModel):
    """All known periods, oldest first."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    periods: list[ThresholdPeriod] = Field(min_length=1)

    @model_validator(mode="after")
    def _no_overlap(self) -> ThresholdTable:
        ordered = sorted(self.periods, key=lambda p: p.valid_from)
        for before, after in pairwise(ordered):
            if after.valid_from <= before.valid_until:
                raise ValueError(
                    f"periods overlap: {before.valid_from}..{before.valid_until} and "
                    f"{after.valid_from}..{after.valid_until}"
                )
        return self

    def period_on(self, day: date) -> ThresholdPeriod | None:
        """The period in force on ``day``, or ``None`` outside the table."""
        for period in self.periods:
            if period.valid_from <= day <= period.valid_until:
                return period
        return None

    def amount(self, kind: ThresholdKind, day: date) -> int | None:
        """The threshold of ``kind`` on ``day``, or ``None`` outside the table."""
        period = self.period_on(day)
        return None if period is None else period.amounts_eur[kind]

    def supplies_services(self, central: bool, day: date) -> int | None:
        """The supplies/services threshold for a central or sub-central authority on ``day``."""
        kind = (
            ThresholdKind.SUPPLIES_SERVICES_CENTRAL
            if central
            else ThresholdKind.SUPPLIES_SERVICES_SUB_CENTRAL
        )
        return self.amount(kind, day)
