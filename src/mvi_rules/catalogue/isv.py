"""The risk categories in which the State applies the international social conditions (ISV)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..profile.model import Lot, ProductGroup
from .model import LocalText, Source

#: Category keys; conditions test them as ``lot.isv_risk_category``.
IsvCategoryKey = Literal["ict_workplace", "data_centres", "connectivity"]
ISV_CATEGORY_KEYS: tuple[str, ...] = ("ict_workplace", "data_centres", "connectivity")


class IsvCategory(BaseModel):
    """One ISV risk category and the product groups that fall in it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: LocalText
    product_groups: list[ProductGroup] = Field(min_length=1)


class IsvRegistry(BaseModel):
    """``rulesets/isv.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    categories: dict[IsvCategoryKey, IsvCategory]
    sources: list[Source] = Field(min_length=1)

    def category_of(self, lot: Lot) -> str | None:
        """The risk category of the lot's product group, or ``None`` when it has none."""
        for key, category in sorted(self.categories.items()):
            if lot.product_group in category.product_groups:
                return key
        return None
