"""Pydantic models of a procurement profile.

Unknown fields are rejected everywhere (``extra="forbid"``) so that a typo in a profile is an
error rather than a silently ignored wish.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field, PrivateAttr, field_validator, model_validator
from pydantic.json_schema import WithJsonSchema

from .choices import Ambition, Commitments, CriteriaChoices, CriterionChoice, ParameterValue
from .dates import today_in
from .vocabulary import (
    _DATA_BEARING,
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

# The profile's vocabulary and choices live in their own modules; the names are kept here too,
# where the rest of the package has always imported them from.
__all__ = [
    "GROUP_NAMES",
    "MAX_EUR",
    "Ambition",
    "AuthorityType",
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


_LOT_ID = r"^[A-Za-z0-9._-]+$"
# The JSON Schema of a profile file (mvi_rules.schema) describes it as YAML reads it: `id: 1`
# is a number there, which Lot._id_as_text accepts. Pattern and length apply to text only.
_LOT_ID_AS_READ = WithJsonSchema(
    {"type": ["string", "integer"], "minLength": 1, "pattern": _LOT_ID}, mode="validation"
)


class Lot(BaseModel):
    """One lot (perceel) of the procurement."""

    model_config = _Strict

    id: Annotated[str, _LOT_ID_AS_READ] = Field(
        min_length=1,
        pattern=_LOT_ID,
        description="Lot number or short id (letters, digits, '.', '_', '-'); may be a number",
    )
    name: str = Field(min_length=1, description="Name of the lot as in the tender")
    product_group: ProductGroup = Field(description="What the lot buys; decides the criteria")
    components: list[ProductGroup] = Field(
        default_factory=list, description="For a werkplek bundle: the device groups it mixes"
    )
    quantity: int = Field(ge=1, le=10**9, description="Number of devices or units")
    estimated_value_eur: float | None = Field(
        default=None,
        gt=0,
        allow_inf_nan=False,
        description="The lot's estimated value excl. VAT, on the same basis as the"
        " procurement's (estimated_value_includes); give it for every lot or for none",
    )
    refurbished: RefurbishedPolicy = Field(
        default=RefurbishedPolicy.EXCLUDED,
        description="wanted (refurbished devices only: the EU GPP refurbished route), accepted"
        " (new or refurbished; a clause admits refurbished offers and states what applies to"
        " them) or excluded (new only). Default: excluded, so that no refurbished criteria are"
        " added unasked; the annex states the choice per lot",
    )
    holds_data: bool | None = Field(
        default=None, description="Whether the devices hold data; defaults by product group"
    )
    use: LotUse | None = Field(
        default=None,
        description="How the devices are used: office, education, field (mobile work) or shared;"
        " decides robustness requirements. Default: education for a school board, otherwise"
        " office",
    )

    @field_validator("name")
    @classmethod
    def _name_single_line(cls, value: str) -> str:
        return single_line(value)

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        # Buyers write `id: 1`; YAML reads that as a number, but a lot id is a label.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _components_fit(self) -> Lot:
        if self.product_group is ProductGroup.WERKPLEK:
            if not self.components:
                raise ValueError("a werkplek lot must list its components (e.g. [laptop, monitor])")
            bad = [c.value for c in self.components if not c.is_device]
            if bad:
                raise ValueError(f"werkplek components must be devices, not {', '.join(bad)}")
        elif self.components:
            raise ValueError("components are only allowed for a werkplek lot")
        return self

    @property
    def product_groups(self) -> list[ProductGroup]:
        """The product groups this lot buys (a werkplek bundle buys all its components)."""
        if self.product_group is ProductGroup.WERKPLEK:
            return [ProductGroup.WERKPLEK, *self.components]
        return [self.product_group]

    def effective_use(self, authority_type: AuthorityType) -> LotUse:
        """The lot's use, falling back to education for a school board and office otherwise."""
        if self.use is not None:
            return self.use
        return LotUse.EDUCATION if authority_type is AuthorityType.SCHOOL_BOARD else LotUse.OFFICE

    @property
    def effective_holds_data(self) -> bool:
        """Whether devices hold data, falling back to the product group's usual answer."""
        if self.holds_data is not None:
            return self.holds_data
        return any(g in _DATA_BEARING for g in self.product_groups)


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
