"""The catalogue's basic terms: criterion types, confidence marks, bilingual text, ids."""

from __future__ import annotations

import math
from enum import Enum
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field

_Strict = ConfigDict(extra="forbid", frozen=True)

CRITERION_ID = r"^MVI-[A-Z]{2,5}-\d{3}$"
#: The aspect a price criterion rewards: price, or life-cycle cost as the price criterion
#: (Aw 2012 art. 2.115; Wet 17 juni 2016 art. 82). Its weight is the buyer's price weight.
PRICE_ASPECT = "price"


class CriterionType(str, Enum):
    """Where in the tender a criterion lands (EU GPP code in the comment)."""

    SELECTION = "selection"  # SC: geschiktheidseis / selectiecriterium
    MINIMUM_REQUIREMENT = "minimum_requirement"  # TS: (minimum)eis
    AWARD = "award"  # AC: gunningscriterium
    CONTRACT_CLAUSE = "contract_clause"  # CPC: contractbepaling
    #: An option or review clause written into the contract, so that a later change fits
    #: Aw 2012 art. 2.163c (BE: a herzieningsclausule under the AUR). It states the maximum it
    #: may add in its ``max_value_percent`` parameter.
    OPTION = "option"

    def __str__(self) -> str:
        return self.value


class Confidence(str, Enum):
    """How firmly a source backs a fact: primary/official, reliable secondary, or unconfirmed."""

    CONFIRMED = "confirmed"
    SECONDARY = "secondary"
    UNCONFIRMED = "unconfirmed"

    def __str__(self) -> str:
        return self.value


class LocalText(BaseModel):
    """A text in Dutch and English."""

    model_config = _Strict

    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``nl`` or ``en``)."""
        return self.en if lang == "en" else self.nl


ParamValue = int | float | bool | str

_T = TypeVar("_T")


def _finite(value: _T) -> _T:
    """``value`` unless it is NaN or infinite (which would print as "nan" in a tender)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value} is not a number a tender can state; give a finite number")
    return value
