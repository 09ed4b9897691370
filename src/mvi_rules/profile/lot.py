"""One lot of the procurement: what it buys, how many, and how the devices are used."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, field_validator, model_validator
from pydantic.json_schema import WithJsonSchema

from .vocabulary import (
    _DATA_BEARING,
    AuthorityType,
    LotUse,
    ProductGroup,
    RefurbishedPolicy,
    _Strict,
    single_line,
)

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
