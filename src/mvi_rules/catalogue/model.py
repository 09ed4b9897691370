"""Pydantic models of the criteria catalogue: ruleset files, criteria and the label registry.

These models are the schema legal advisers write against (documented in ``rulesets/README.md``).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, Field, model_validator

from ..profile.model import CriteriaSet, ProductGroup, Theme
from .parameters import LegalLimit, Parameter
from .registries import AspectRegistry, CatalogueMeta, Label, LabelRegistry, RetiredRegistry
from .scales import ScoringStep, check_scale
from .sourcing import (
    LegalBasis,
    LegalBasisRegistry,
    Source,
    SourceJurisdiction,
    SourceKind,
    SourceRecord,
    SourceRegistry,
)
from .vocabulary import (
    CRITERION_ID,
    PRICE_ASPECT,
    Confidence,
    CriterionType,
    LocalText,
    ParamValue,
    _Strict,
)

# The catalogue's vocabulary, sources and registries live in their own modules; the names are
# kept here too, where the rest of the package has always imported them from.
__all__ = [
    "CRITERION_ID",
    "PRICE_ASPECT",
    "AspectRegistry",
    "Attachment",
    "CatalogueMeta",
    "Confidence",
    "Criterion",
    "CriterionType",
    "DeviceState",
    "Label",
    "LabelRef",
    "LabelRegistry",
    "LegalBasis",
    "LegalBasisRegistry",
    "LegalLimit",
    "LocalText",
    "ParamValue",
    "Parameter",
    "RetiredRegistry",
    "RulesetFile",
    "ScoringStep",
    "Source",
    "SourceJurisdiction",
    "SourceKind",
    "SourceRecord",
    "SourceRegistry",
    "ValueKind",
    "Verification",
]


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


class ValueKind(str, Enum):
    """How a criterion can add to the value of the contract."""

    #: An option or review clause: at most ``percent_parameter`` % of its lots' initial value.
    OPTION = "option"
    #: The optional extension periods, valued pro rata to the years they add.
    EXTENSION = "extension"
    #: A bonus or gain-share cap: at most ``percent_parameter`` % of its lots' value over the
    #: maximum term.
    INCENTIVE = "incentive"

    def __str__(self) -> str:
        return self.value


class ValueShare(BaseModel):
    """What a criterion may add to the contract value; counted in the estimate for the threshold.

    Directive 2014/24/EU art. 5(1): the estimated value includes any form of option and any
    renewal, and prizes or payments to tenderers.
    """

    model_config = _Strict

    kind: ValueKind
    percent_parameter: str | None = Field(
        default=None, description="The parameter holding the maximum as a percentage"
    )

    @model_validator(mode="after")
    def _percent_for_kind(self) -> ValueShare:
        if self.kind is ValueKind.EXTENSION and self.percent_parameter is not None:
            raise ValueError(
                "an extension is valued pro rata to the years it adds; it has no percent_parameter"
            )
        if self.kind is not ValueKind.EXTENSION and self.percent_parameter is None:
            raise ValueError(f"a value share of kind {self.kind} needs a percent_parameter")
        return self


class Attachment(LocalText):
    """A document a clause refers to that must go with the tender documents (nl, en: its name
    as the clause gives it)."""

    source: str | None = Field(
        default=None,
        description="Key in rulesets/sources.yaml of where to get it (its address is shown)",
    )
    supplied: bool = Field(
        default=False,
        description="mvi-rules writes it itself (the LCC sheet: generate --lcc-sheet)",
    )


class DeviceState(str, Enum):
    """Whether a requirement binds new devices, refurbished devices, or both."""

    NEW = "new"
    REFURBISHED = "refurbished"

    def __str__(self) -> str:
        return str(self.value)


class Mandatory(BaseModel):
    """When the law makes a criterion mandatory, so that a buyer cannot exclude it."""

    model_config = _Strict

    when: Any = Field(
        description="Condition (as in `when`) under which the criterion is mandatory for a lot"
    )
    reason: LocalText = Field(description="Why it is mandatory then: the law or policy, cited")


class Criterion(BaseModel):
    """One criterion of the catalogue."""

    model_config = _Strict

    id: str = Field(pattern=CRITERION_ID, description="Stable id; never reused for another meaning")
    version: int = Field(ge=1)
    title: LocalText
    type: CriterionType
    set: CriteriaSet = Field(
        description="core: one of the few criteria for the key impacts at low administrative"
        " cost (selected in both sets); comprehensive: selected only when the profile asks for"
        " the comprehensive set (procurement.criteria_set)"
    )
    level: int = Field(ge=1, le=3)
    themes: list[Theme] = Field(min_length=1)
    product_groups: list[ProductGroup] = Field(min_length=1)
    applies_to: list[DeviceState] | None = Field(
        default=None,
        description="Minimum requirements and contract clauses for devices: whether they bind"
        " new devices, refurbished devices or both ([new, refurbished])",
    )
    mandatory: Mandatory | None = Field(
        default=None,
        description="When the law makes the criterion mandatory; a profile cannot exclude it then",
    )
    when: Any = Field(default=None, description="Applicability condition on the profile")
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    verification: Verification
    legal_basis: LegalBasis = Field(
        default_factory=LegalBasis,
        description="What the criterion adds to (or, with replace_default, how it replaces) the"
        " default legal basis of its type in rulesets/legal_bases.yaml",
    )
    sources: list[Source] = Field(min_length=1)
    template: str = Field(pattern=r"^[a-z0-9_]+(/[a-z0-9_]+)*$")
    scoring: list[ScoringStep] = Field(default_factory=list)
    conflicts_with: list[str] = Field(
        default_factory=list,
        description="Ids of criteria that cannot also be met for the same lot",
    )
    rewards: list[str] = Field(
        default_factory=list,
        description="Award criteria: the aspects they reward (keys in rulesets/aspects.yaml);"
        " two criteria rewarding overlapping aspects are never both applied to one lot",
    )
    value_share: ValueShare | None = Field(
        default=None, description="What the criterion may add to the contract value"
    )
    attachments: list[Attachment] = Field(
        default_factory=list,
        description="Documents the clause refers to that the buyer must add to the tender"
        " documents (mvi-rules does not supply them), e.g. the LCC calculation sheet",
    )
    attention: LocalText | None = Field(
        default=None,
        description="What the buyer or the legal adviser must check or decide before publishing"
        " the clause; a point of attention when the criterion is selected, never clause text",
    )

    @model_validator(mode="after")
    def _says_new_or_refurbished(self) -> Criterion:
        # The shipped catalogue gives every requirement for devices an applies_to (a test
        # checks it); a fork's criterion without one is simply not marked in the annex.
        if self.applies_to is not None and not self.applies_to:
            raise ValueError(
                "applies_to names new, refurbished or both: [new], [refurbished] or"
                " [new, refurbished]"
            )
        if self.applies_to is not None and len(set(self.applies_to)) != len(self.applies_to):
            raise ValueError("applies_to lists each of new and refurbished at most once")
        return self

    @model_validator(mode="after")
    def _not_in_conflict_with_itself(self) -> Criterion:
        if self.id in self.conflicts_with:
            raise ValueError(f"conflicts_with names {self.id} itself")
        return self

    @model_validator(mode="after")
    def _award_has_scoring(self) -> Criterion:
        if self.type is CriterionType.AWARD:
            if not self.scoring:
                raise ValueError("an award criterion needs a scoring scale (scoring)")
            check_scale(self.scoring, self.parameters)
            if self.is_price_criterion:
                if "weight" in self.parameters:
                    raise ValueError(
                        "a price criterion (rewards: [price, ...]) takes the price weight of the"
                        " profile's award method; it has no 'weight' parameter"
                    )
            elif "weight" not in self.parameters:
                raise ValueError(
                    "an award criterion needs a 'weight' parameter: its weight relative to the"
                    " other sustainability criteria"
                )
            if not self.rewards:
                raise ValueError(
                    "an award criterion names the aspects it rewards (rewards), so that no"
                    " aspect is rewarded twice"
                )
        else:
            if self.scoring:
                raise ValueError("only award criteria have a scoring scale")
            if self.rewards:
                raise ValueError("only award criteria reward aspects (rewards)")
        if self.type is CriterionType.OPTION and self.value_share is None:
            raise ValueError(
                "an option states what it may add to the contract value (value_share), so the"
                " estimate can include it"
            )
        share = self.value_share
        if share is not None and share.percent_parameter is not None:
            param = self.parameters.get(share.percent_parameter)
            if param is None or isinstance(param.default, (bool, str)):
                raise ValueError(
                    f"value_share.percent_parameter {share.percent_parameter!r} must name a"
                    " numeric parameter of this criterion"
                )
        return self

    @property
    def is_price_criterion(self) -> bool:
        """An award criterion on price or life-cycle cost, not a quality criterion."""
        return self.type is CriterionType.AWARD and PRICE_ASPECT in self.rewards


class RulesetFile(BaseModel):
    """One file under ``rulesets/``: a topic and its criteria."""

    model_config = _Strict

    topic: str = Field(pattern=r"^[a-z_]+$")
    title: LocalText
    criteria: list[Criterion] = Field(min_length=1)
