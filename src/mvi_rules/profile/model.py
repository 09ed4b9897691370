"""Pydantic models of a procurement profile.

Unknown fields are rejected everywhere (``extra="forbid"``) so that a typo in a profile is an
error rather than a silently ignored wish.
"""

from __future__ import annotations

import math

from pydantic import BaseModel, Field, PrivateAttr, field_validator, model_validator

from .choices import Ambition, Commitments, CriteriaChoices, CriterionChoice, ParameterValue
from .dates import today_in
from .lot import Lot
from .procurement import Award, Buyer, Procurement
from .vocabulary import (
    GROUP_NAMES,
    MAX_EUR,
    AuthorityType,
    AwardMethod,
    CriteriaSet,
    Jurisdiction,
    Language,
    LotUse,
    Procedure,
    ProductGroup,
    RefurbishedPolicy,
    Theme,
    ValueComponent,
    _Strict,
    document_text,
    single_line,
)

# The profile's vocabulary, choices, buyer, procurement and lot live in their own modules; the
# names are kept here too, where the rest of the package has always imported them from.
__all__ = [
    "GROUP_NAMES",
    "MAX_EUR",
    "Ambition",
    "AuthorityType",
    "Award",
    "AwardMethod",
    "Buyer",
    "Commitments",
    "CriteriaChoices",
    "CriteriaSet",
    "CriterionChoice",
    "Jurisdiction",
    "Language",
    "Lot",
    "LotUse",
    "ParameterValue",
    "Procedure",
    "Procurement",
    "ProcurementProfile",
    "ProductGroup",
    "RefurbishedPolicy",
    "Theme",
    "ValueComponent",
    "document_text",
    "single_line",
]


class ProcurementProfile(BaseModel):
    """Everything the engine needs to know about one procurement."""

    model_config = _Strict

    buyer: Buyer = Field(description="The contracting authority")
    procurement: Procurement = Field(description="The procurement as a whole")
    lots: list[Lot] = Field(min_length=1, description="The lots, at least one")
    ambition: Ambition = Field(description="Ambition level, overall and per theme")
    commitments: Commitments = Field(
        default_factory=Commitments, description="Policies the buyer has already committed to"
    )
    output_language: Language = Field(
        default="nl", description="Language of the annex: nl (Dutch) or en (English)"
    )
    parameters: dict[str, dict[str, ParameterValue]] = Field(
        default_factory=dict,
        description="Per criterion id, parameter values that replace the catalogue defaults",
    )
    criteria: CriteriaChoices = Field(
        default_factory=CriteriaChoices,
        description="Criteria the buyer adds (include) or leaves out (exclude) by id, each with"
        " a reason that lands in the annex",
    )

    _source: str = PrivateAttr(default="<profile>")
    #: Set when the profile gives no reference_date: it is then today in this time zone (or
    #: the machine's local date, "local"); see :mod:`.dates`.
    _reference_zone: str | None = PrivateAttr(default=None)

    @property
    def reference_date_zone(self) -> str | None:
        """``None`` when the profile gives its reference date; otherwise the time zone whose
        today it is (``Europe/Amsterdam``, ``Europe/Brussels``, or ``local``)."""
        return self._reference_zone

    @property
    def source(self) -> str:
        """The file the profile was loaded from (``<profile>`` when built in memory)."""
        return self._source

    def with_source(self, source: str) -> ProcurementProfile:
        """Record which file this profile came from, for error messages; returns ``self``."""
        self._source = source
        return self

    @field_validator("parameters")
    @classmethod
    def _parameter_values_fit(
        cls, value: dict[str, dict[str, ParameterValue]]
    ) -> dict[str, dict[str, ParameterValue]]:
        for criterion, params in value.items():
            for name, param in params.items():
                where = f"{criterion}.{name}"
                if isinstance(param, float) and not math.isfinite(param):
                    raise ValueError(f"{where}: {param} is not a number a tender can state")
                if isinstance(param, str):
                    try:
                        single_line(param)
                    except ValueError as exc:
                        raise ValueError(f"{where}: {exc}") from None
        return value

    @model_validator(mode="after")
    def _reference_date_where_the_buyer_is(self) -> ProcurementProfile:
        if "reference_date" not in self.procurement.model_fields_set:
            day, zone = today_in(self.buyer.jurisdiction.value)
            # Procurement is frozen and its default cannot know the jurisdiction: set the
            # default date once, here, while the profile is being built.
            object.__setattr__(self.procurement, "reference_date", day)
            self._reference_zone = zone or "local"
        return self

    @model_validator(mode="after")
    def _unique_lot_ids(self) -> ProcurementProfile:
        seen: set[str] = set()
        for lot in self.lots:
            if lot.id in seen:
                raise ValueError(f"lot id {lot.id!r} is used twice; lot ids must be unique")
            seen.add(lot.id)
        return self

    @model_validator(mode="after")
    def _lot_values_add_up(self) -> ProcurementProfile:
        valued = [lot for lot in self.lots if lot.estimated_value_eur is not None]
        if not valued:
            return self
        if len(valued) != len(self.lots):
            missing = ", ".join(lot.id for lot in self.lots if lot.estimated_value_eur is None)
            raise ValueError(
                f"lots {missing} have no estimated_value_eur: give a value for every lot or"
                " for none"
            )
        total = sum(lot.estimated_value_eur or 0.0 for lot in valued)
        if abs(total - self.procurement.estimated_value_eur) > 0.01:
            raise ValueError(
                f"the lots' estimated values add up to {total:.2f}, but"
                f" procurement.estimated_value_eur is {self.procurement.estimated_value_eur:.2f};"
                " they must be equal"
            )
        return self

    @model_validator(mode="after")
    def _procedure_fits_jurisdiction(self) -> ProcurementProfile:
        procedure = self.procurement.procedure
        own = procedure.jurisdiction if procedure is not None else None
        if own is not None and own is not self.buyer.jurisdiction:
            valid = sorted(
                p.value for p in Procedure if p.jurisdiction in (None, self.buyer.jurisdiction)
            )
            raise ValueError(
                f"procedure {procedure} is not a {self.buyer.jurisdiction} procedure; use one"
                " of: " + ", ".join(valid)
            )
        return self
