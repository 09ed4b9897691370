"""The risk categories in which the State applies the international social conditions (ISV)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..profile.model import Lot, ProductGroup
from .model import LocalText, Source

#: Category keys; conditions test them as ``lot.isv_risk_category``.
IsvCategoryKey = Literal["ict_workplace", "data_centres", "connectivity"]
ISV_CATEGORY_KEYS: tuple[str, ...] = ("ict_workplace", "data_centres", "connectivity")


class IsvCategory(BaseModel):
    """One ISV risk category and the product groups that fall in it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: LocalText
    product_groups: list[ProductGroup] = Field(
        description="The catalogue's product groups in this category; none where the category"
        " covers only what the catalogue has no group for (such as data connections)",
    )
    unconfirmed: list[ProductGroup] = Field(
        default_factory=list,
        description="Groups of this category whose place in it no source confirms (a choice of"
        " the catalogue); the document says so",
    )

    @model_validator(mode="after")
    def _unconfirmed_are_members(self) -> IsvCategory:
        strays = [g.value for g in self.unconfirmed if g not in self.product_groups]
        if strays:
            raise ValueError(f"unconfirmed names {', '.join(strays)}, not in product_groups")
        return self


class IsvRegistry(BaseModel):
    """``rulesets/isv.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    categories: dict[IsvCategoryKey, IsvCategory]
    unconfirmed_outside: list[ProductGroup] = Field(
        default_factory=list,
        description="Groups in no category although no source confirms that they fall outside"
        " every category; the document says so",
    )
    sources: list[Source] = Field(min_length=1)

    def category_of(self, lot: Lot) -> str | None:
        """The risk category of the lot's product group, or ``None`` when it has none."""
        for key, category in sorted(self.categories.items()):
            if lot.product_group in category.product_groups:
                return key
        return None

    def is_unconfirmed(self, lot: Lot) -> bool:
        """Whether no source confirms the lot's category (or that it has none)."""
        key = self.category_of(lot)
        if key is None:
            return lot.product_group in self.unconfirmed_outside
        return lot.product_group in self.categories[key].unconfirmed  # type: ignore[index]
