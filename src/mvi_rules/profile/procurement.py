"""The profile's buyer and procurement: who buys, what the whole tender is worth, how it awards."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from .vocabulary import (
    MAX_EUR,
    AuthorityType,
    AwardMethod,
    CriteriaSet,
    Jurisdiction,
    Procedure,
    ValueComponent,
    _Strict,
    single_line,
)


class Buyer(BaseModel):
    """The contracting authority."""

    model_config = _Strict

    name: str = Field(min_length=1, description="Name of the contracting authority")
    authority_type: AuthorityType = Field(
        description="Kind of contracting authority; decides the EU threshold and which policies "
        "are mandatory (e.g. the ISV for the State)"
    )
    jurisdiction: Jurisdiction = Field(
        description="NL (Aanbestedingswet 2012) or BE (Wet van 17 juni 2016); must match the "
        "authority type"
    )

    @field_validator("name")
    @classmethod
    def _name_single_line(cls, value: str) -> str:
        return single_line(value)

    @model_validator(mode="after")
    def _type_matches_jurisdiction(self) -> Buyer:
        if self.authority_type.jurisdiction is not self.jurisdiction:
            valid = sorted(t.value for t in AuthorityType if t.jurisdiction is self.jurisdiction)
            raise ValueError(
                f"authority_type {self.authority_type.value!r} is not a {self.jurisdiction.value}"
                f" authority; for jurisdiction {self.jurisdiction.value} use one of: "
                + ", ".join(valid)
            )
        return self


class Award(BaseModel):
    """The award method and the weights the buyer gives price and quality.

    The defaults (price 50 %, of the quality weight half for the buyer's own criteria) are a
    starting point chosen by mvi-rules, not a rule of law; set them to the buyer's own policy.
    """

    model_config = _Strict

    method: AwardMethod = Field(
        default=AwardMethod.BEST_PRICE_QUALITY,
        description="best_price_quality, or lowest_cost (price or life-cycle cost alone; quality "
        "award criteria are then left out and reported)",
    )
    price_weight_percent: float = Field(
        default=50,
        ge=0,
        le=100,
        description="Weight of price, or of life-cycle cost where that is the price criterion",
    )
    own_quality_share_percent: float = Field(
        default=50,
        ge=0,
        lt=100,
        description="Share of the quality weight the buyer keeps for its own, non-sustainability"
        " quality criteria; the rest is shared among the sustainability award criteria",
    )

    @model_validator(mode="after")
    def _weights_fit_method(self) -> Award:
        if (
            self.method is AwardMethod.BEST_PRICE_QUALITY
            and not 0 < self.price_weight_percent < 100
        ):
            raise ValueError(
                "price_weight_percent must be more than 0 and less than 100 for"
                " best_price_quality; use method lowest_cost for price alone"
            )
        return self

    @property
    def quality_weight_percent(self) -> float:
        """Weight of all quality criteria together (0 for ``lowest_cost``)."""
        if self.method is AwardMethod.LOWEST_COST:
            return 0.0
        return 100.0 - self.price_weight_percent

    @property
    def effective_price_weight_percent(self) -> float:
        """Weight of price or LCC (100 for ``lowest_cost``)."""
        return 100.0 - self.quality_weight_percent

    @property
    def sustainability_weight_percent(self) -> float:
        """Weight shared among the sustainability award criteria."""
        return self.quality_weight_percent * (100.0 - self.own_quality_share_percent) / 100.0

    @property
    def own_quality_weight_percent(self) -> float:
        """Weight of the buyer's own quality criteria."""
        return self.quality_weight_percent - self.sustainability_weight_percent


class Procurement(BaseModel):
    """The procurement as a whole."""

    model_config = _Strict

    title: str = Field(min_length=1, description="Title of the procurement")
    reference_date: date = Field(
        default_factory=date.today,
        description="Date that decides thresholds and label validity; defaults to today",
    )
    estimated_value_eur: float = Field(
        gt=0, allow_inf_nan=False, description="Estimated value excl. VAT"
    )
    estimated_value_includes: list[ValueComponent] = Field(
        default_factory=list,
        description="What estimated_value_eur already covers besides the initial term:"
        " extensions, options, incentives. Default: nothing, so the value is the initial term"
        " and the tool adds extensions, options and incentive caps for the threshold test",
    )
    currency: Literal["EUR"] = Field(default="EUR", description="Currency of all amounts")
    contract_term_years: int = Field(
        ge=1, le=30, description="Initial contract term in years, without extensions"
    )
    extension_years: list[int] = Field(
        default_factory=list, description="Optional extension periods, in years each"
    )
    price_indexation: bool = Field(
        default=False, description="Whether prices are indexed (a contract clause with its own cap)"
    )
    procedure: Procedure | None = Field(
        default=None, description="The procurement procedure, where already chosen"
    )
    framework_agreement: bool = Field(
        default=False, description="Whether the contract is a framework agreement"
    )
    award: Award = Field(
        default_factory=Award, description="Award method and the weights of price and quality"
    )
    criteria_set: CriteriaSet = Field(
        default=CriteriaSet.CORE,
        description="core (default): the few criteria that address the key impacts at low"
        " administrative cost, scaled to the purchase (a small purchase below the EU threshold"
        " gets no selection criteria, KPI regime, evaluation moments or optional extras);"
        " comprehensive: every criterion that applies. Criteria left out because of the set are"
        " listed in the document with the reason",
    )

    @field_validator("estimated_value_includes")
    @classmethod
    def _includes_once(cls, value: list[ValueComponent]) -> list[ValueComponent]:
        if len(set(value)) != len(value):
            raise ValueError("each component may be listed once")
        return sorted(value, key=list(ValueComponent).index)

    @field_validator("extension_years")
    @classmethod
    def _positive_extensions(cls, value: list[int]) -> list[int]:
        if any(v < 1 for v in value):
            raise ValueError("each extension period must be at least 1 year")
        if any(v > 30 for v in value):
            raise ValueError("each extension period can be at most 30 years")
        return value

    @field_validator("title")
    @classmethod
    def _title_single_line(cls, value: str) -> str:
        # Long titles are fine; only the document's core property is shortened.
        return single_line(value)

    @field_validator("estimated_value_eur")
    @classmethod
    def _finite_value(cls, value: float) -> float:
        # NaN and infinity are refused by the field (they would print as "nan" and "€ inf"
        # and as Infinity in JSON, which is not JSON); huge amounts here.
        if value > MAX_EUR:
            raise ValueError(f"must be a number of euros up to {MAX_EUR:.0e}")
        return value

    @property
    def maximum_term_years(self) -> int:
        """Contract term including every optional extension."""
        return self.contract_term_years + sum(self.extension_years)
