"""Pydantic models of the criteria catalogue: ruleset files, criteria and the label registry.

These models are the schema legal advisers write against (documented in ``rulesets/README.md``).
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..profile.model import Jurisdiction, ProductGroup, Theme

_Strict = ConfigDict(extra="forbid", frozen=True)

CRITERION_ID = r"^MVI-[A-Z]{2,5}-\d{3}$"


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


class Parameter(BaseModel):
    """A value a clause uses, with its default, allowed range and how sure we are of it."""

    model_config = _Strict

    default: ParamValue
    min: float | None = None
    max: float | None = None
    allowed: list[ParamValue] | None = None
    unit: str | None = None
    description: LocalText
    confidence: Confidence = Confidence.CONFIRMED

    @model_validator(mode="after")
    def _default_in_range(self) -> Parameter:
        problem = self.check(self.default)
        if problem:
            raise ValueError(f"default {self.default!r}: {problem}")
        return self

    def check(self, value: ParamValue) -> str | None:
        """Why ``value`` is not allowed for this parameter, or ``None`` when it is."""
        if type(value) is not type(self.default) and not (
            isinstance(value, (int, float))
            and isinstance(self.default, (int, float))
            and not isinstance(value, bool)
            and not isinstance(self.default, bool)
        ):
            return f"must be a {type(self.default).__name__} like the default {self.default!r}"
        if self.allowed is not None and value not in self.allowed:
            return "must be one of " + ", ".join(repr(a) for a in self.allowed)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if self.min is not None and value < self.min:
                return f"must be at least {self.min:g}"
            if self.max is not None and value > self.max:
                return f"must be at most {self.max:g}"
        return None


class LabelRef(BaseModel):
    """A label accepted as means of proof; always with 'or equivalent'."""

    model_config = _Strict

    label: str = Field(description="Key in rulesets/labels.yaml")
    version: str | None = Field(default=None, description="Key of a version of that label")
    level: str | None = Field(default=None, description="Tier, e.g. EPEAT silver")


class Verification(BaseModel):
    """How a tenderer proves compliance."""

    model_config = _Strict

    labels: list[LabelRef] = Field(default_factory=list)
    other: LocalText | None = Field(default=None, description="Other proof than a label")

    @model_validator(mode="after")
    def _something(self) -> Verification:
        if not self.labels and self.other is None:
            raise ValueError("give at least one label or another means of proof")
        return self


class Source(BaseModel):
    """Where a criterion comes from."""

    model_config = _Strict

    document: str = Field(min_length=1, description="Seed file name or public document")
    section: str | None = None
    date: str | None = None
    confidence: Confidence


class ScoringStep(BaseModel):
    """One row of an award criterion's scoring scale."""

    model_config = _Strict

    points: float = Field(ge=0)
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Criterion(BaseModel):
    """One criterion of the catalogue."""

    model_config = _Strict

    id: str = Field(pattern=CRITERION_ID, description="Stable id; never reused for another meaning")
    version: int = Field(ge=1)
    title: LocalText
    type: CriterionType
    level: int = Field(ge=1, le=3)
    themes: list[Theme] = Field(min_length=1)
    product_groups: list[ProductGroup] = Field(min_length=1)
    when: Any = Field(default=None, description="Applicability condition on the profile")
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    verification: Verification
    legal_basis: dict[Jurisdiction, list[str]]
    sources: list[Source] = Field(min_length=1)
    template: str = Field(pattern=r"^[a-z0-9_]+(/[a-z0-9_]+)*$")
    scoring: list[ScoringStep] = Field(default_factory=list)

    @field_validator("legal_basis")
    @classmethod
    def _both_jurisdictions(
        cls, value: dict[Jurisdiction, list[str]]
    ) -> dict[Jurisdiction, list[str]]:
        for jurisdiction in Jurisdiction:
            if not value.get(jurisdiction):
                raise ValueError(
                    f"legal_basis needs at least one reference for {jurisdiction.value}"
                )
        return value

    @model_validator(mode="after")
    def _award_has_scoring(self) -> Criterion:
        if self.type is CriterionType.AWARD:
            if not self.scoring:
                raise ValueError("an award criterion needs a scoring scale (scoring)")
            if "weight" not in self.parameters:
                raise ValueError("an award criterion needs a 'weight' parameter")
        elif self.scoring:
            raise ValueError("only award criteria have a scoring scale")
        if self.type is CriterionType.OPTION and "max_value_percent" not in self.parameters:
            raise ValueError(
                "an option needs a 'max_value_percent' parameter: the most it may add, as a "
                "percentage of the estimated value"
            )
        return self


class RulesetFile(BaseModel):
    """One file under ``rulesets/``: a topic and its criteria."""

    model_config = _Strict

    topic: str = Field(pattern=r"^[a-z_]+$")
    title: LocalText
    criteria: list[Criterion] = Field(min_length=1)


class LabelVersion(BaseModel):
    """A version (generation, edition) of a label with its validity."""

    model_config = _Strict

    name: LocalText
    valid_from: date | None = None
    valid_until: date | None = None
    confidence: Confidence = Confidence.CONFIRMED


class Label(BaseModel):
    """A label that can serve as means of proof."""

    model_config = _Strict

    name: str
    owner: str
    covers: LocalText
    product_groups: list[ProductGroup] = Field(min_length=1)
    levels: list[str] = Field(default_factory=list)
    versions: dict[str, LabelVersion] = Field(default_factory=dict)
    sources: list[Source] = Field(min_length=1)


class LabelRegistry(BaseModel):
    """``rulesets/labels.yaml``."""

    model_config = _Strict

    labels: dict[str, Label]


class CatalogueMeta(BaseModel):
    """``rulesets/catalogue.yaml``: the ruleset version as a whole."""

    model_config = _Strict

    version: str = Field(pattern=r"^\d{4}\.\d+\.\d+$")
    released: date
    title: LocalText
