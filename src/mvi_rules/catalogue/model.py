"""Pydantic models of the criteria catalogue: ruleset files, criteria and the label registry.

These models are the schema legal advisers write against (documented in ``rulesets/README.md``).
"""

from __future__ import annotations

import math
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..profile.model import CriteriaSet, Jurisdiction, ProductGroup, Theme

_Strict = ConfigDict(extra="forbid", frozen=True)

#: NL then BE; iterating the enum class each time is slow on the load path.
_JURISDICTIONS = tuple(Jurisdiction)

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


class LegalLimit(BaseModel):
    """What the law already requires of a parameter for some product groups.

    A generated requirement must never be weaker than the law: a value below ``at_least`` (or
    above ``at_most``) for these product groups is raised (lowered) to the limit, and the result
    says so.
    """

    model_config = _Strict

    product_groups: list[ProductGroup] = Field(min_length=1)
    at_least: float | None = None
    at_most: float | None = None
    law: str = Field(min_length=1, description="The legal act and provision, e.g. Annex II")
    in_force_from: date

    @field_validator("at_least", "at_most")
    @classmethod
    def _finite_bound(cls, value: float | None) -> float | None:
        return _finite(value)

    @model_validator(mode="after")
    def _one_bound(self) -> LegalLimit:
        if (self.at_least is None) == (self.at_most is None):
            raise ValueError("a legal limit has exactly one of at_least or at_most")
        return self

    def violated_by(self, value: float) -> bool:
        """Whether ``value`` is weaker than this limit."""
        if self.at_least is not None:
            return value < self.at_least
        return self.at_most is not None and value > self.at_most

    @property
    def bound(self) -> float:
        """The limit's value."""
        return self.at_least if self.at_least is not None else float(self.at_most or 0)


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
    legal_limits: list[LegalLimit] = Field(default_factory=list)
    product_groups: list[ProductGroup] | None = Field(
        default=None,
        description="The product groups the value concerns (e.g. a degree of protection for"
        " tablets); a document for lots that buy none of them does not ask the buyer about it."
        " Unset: the value concerns every group of the criterion",
    )
    value_labels: dict[str, LocalText] = Field(
        default_factory=dict,
        description="How a document names a coded value, e.g. none: {nl: geen eis, en: no"
        " requirement}",
    )

    @field_validator("default", "min", "max")
    @classmethod
    def _finite_numbers(cls, value: ParamValue | None) -> ParamValue | None:
        return _finite(value)

    @field_validator("allowed")
    @classmethod
    def _finite_allowed(cls, value: list[ParamValue] | None) -> list[ParamValue] | None:
        for item in value or ():
            _finite(item)
        return value

    @model_validator(mode="after")
    def _labels_name_values(self) -> Parameter:
        known = {str(v) for v in (self.allowed or [self.default])}
        unknown = sorted(set(self.value_labels) - known)
        if unknown:
            raise ValueError(
                f"value_labels name {', '.join(unknown)}, which is not an allowed value"
                f" (allowed: {', '.join(sorted(known))})"
            )
        return self

    @model_validator(mode="after")
    def _bounds_in_order(self) -> Parameter:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min:g} is above max {self.max:g}")
        return self

    @model_validator(mode="after")
    def _default_in_range(self) -> Parameter:
        problem = self.check(self.default)
        if problem:
            raise ValueError(f"default {self.default!r}: {problem}")
        if self.legal_limits and (
            isinstance(self.default, bool) or not isinstance(self.default, (int, float))
        ):
            raise ValueError("legal_limits apply to numeric parameters only")
        for limit in self.legal_limits:
            if isinstance(self.default, (int, float)) and limit.violated_by(self.default):
                raise ValueError(
                    f"default {self.default!r} is weaker than the law ({limit.law}) for "
                    + ", ".join(g.value for g in limit.product_groups)
                )
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


class SourceKind(str, Enum):
    """What kind of document a source is: a reader weighs a statute and a market note apart."""

    STATUTE = "statute"
    REGULATION = "regulation"
    OFFICIAL_GUIDANCE = "official_guidance"
    LABEL_STANDARD = "label_standard"
    TECHNICAL_STANDARD = "technical_standard"
    PRACTITIONER_GUIDANCE = "practitioner_guidance"
    MARKET_INFORMATION = "market_information"

    def __str__(self) -> str:
        return self.value


class SourceJurisdiction(str, Enum):
    """The legal order a source belongs to; a Belgian document shows no Dutch source."""

    NL = "NL"
    BE = "BE"
    EU = "EU"
    INTERNATIONAL = "international"

    def __str__(self) -> str:
        return self.value


class SourceRecord(BaseModel):
    """A published document in ``rulesets/sources.yaml``: what a reader opens to check a fact."""

    model_config = _Strict

    publisher: str = Field(min_length=1)
    title: str = Field(min_length=1)
    date: str | None = Field(default=None, description="Publication date (YYYY, YYYY-MM or ISO)")
    version: str | None = Field(default=None, description="Edition or version, where it has one")
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    identifier: str | None = Field(
        default=None, description="Official identifier: CELEX, ECLI, BWBR, NUMAC, document number"
    )
    language: str = Field(pattern=r"^[a-z]{2}$", description="Language of the document (ISO 639-1)")
    kind: SourceKind
    jurisdiction: SourceJurisdiction
    not_confirmed: LocalText | None = Field(
        default=None,
        description="Publication details we could not confirm; said here rather than guessed",
    )

    @model_validator(mode="after")
    def _findable(self) -> SourceRecord:
        if self.url is None and self.identifier is None:
            raise ValueError("a source needs a url or an official identifier (CELEX, BWBR, NUMAC)")
        return self


class SourceRegistry(BaseModel):
    """``rulesets/sources.yaml``: every document a criterion, label or threshold may cite."""

    model_config = _Strict

    sources: dict[str, SourceRecord] = Field(min_length=1)


class Source(BaseModel):
    """A claim of a criterion, label or threshold and the published document that supports it.

    Either it cites a ``key`` of ``rulesets/sources.yaml`` with a pinpoint (article, section,
    page) and a confidence, or it is a ``policy_choice``: a value the catalogue chose itself,
    with the reason in ``supports``, which a document presents as a choice the buyer can change.
    """

    model_config = _Strict

    key: str | None = Field(default=None, description="Key in rulesets/sources.yaml")
    pinpoint: str | None = Field(default=None, description="Article, section or page")
    supports: LocalText = Field(description="What the source supports (or why we chose)")
    confidence: Confidence | None = None
    policy_choice: bool = False
    #: The cited record, filled in by the loader from ``rulesets/sources.yaml``; a ruleset
    #: never writes it.
    record: SourceRecord | None = None

    @model_validator(mode="after")
    def _cites_or_chooses(self) -> Source:
        if self.policy_choice:
            if self.key is not None or self.confidence is not None:
                raise ValueError(
                    "a policy choice cites no source and has no confidence; give its reason in"
                    " supports"
                )
        elif self.key is None or self.confidence is None:
            raise ValueError(
                "cite a source with key and confidence, or mark a catalogue policy choice"
                " (policy_choice: true)"
            )
        return self


class ScoringStep(BaseModel):
    """One row of an award criterion's scoring scale."""

    model_config = _Strict

    points: float = Field(ge=0)
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)


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


class LegalBasis(BaseModel):
    """A criterion's legal basis per jurisdiction (``rulesets/README.md`` section 7).

    As written in a ruleset, the lines of a jurisdiction are **added** to the default legal
    basis of the criterion's type (``rulesets/legal_bases.yaml``); for a jurisdiction named in
    ``replace_default`` they are the whole basis instead. The loader resolves every criterion:
    on a loaded catalogue each jurisdiction holds the full list (default first, then the
    criterion's own lines) and ``replace_default`` names both jurisdictions.
    """

    model_config = _Strict

    NL: list[str] = Field(default_factory=list, description="Dutch references")
    BE: list[str] = Field(default_factory=list, description="Belgian references")
    replace_default: list[Jurisdiction] = Field(
        default_factory=list,
        description="Jurisdictions whose lines replace the type default instead of adding to it",
    )

    def __getitem__(self, jurisdiction: Jurisdiction | str) -> list[str]:
        """The references for a jurisdiction (``basis[Jurisdiction.NL]`` or ``basis["NL"]``)."""
        return list(self.NL if Jurisdiction(jurisdiction) is Jurisdiction.NL else self.BE)

    def items(self) -> list[tuple[Jurisdiction, list[str]]]:
        """``(jurisdiction, references)`` for NL and BE."""
        return [(j, self[j]) for j in _JURISDICTIONS]

    def values(self) -> list[list[str]]:
        """The references of NL and BE."""
        return [self[j] for j in _JURISDICTIONS]

    @model_validator(mode="after")
    def _replacement_is_complete(self) -> LegalBasis:
        for jurisdiction in self.replace_default:
            if not self[jurisdiction]:
                raise ValueError(
                    f"replace_default names {jurisdiction.value}, so legal_basis needs the full"
                    f" list of references for {jurisdiction.value}"
                )
        if len(set(self.replace_default)) != len(self.replace_default):
            raise ValueError("replace_default names a jurisdiction twice")
        for jurisdiction, lines in self.items():
            if len(set(lines)) != len(lines):
                raise ValueError(f"legal_basis lists a reference twice for {jurisdiction.value}")
        return self


class TypeLegalBasis(BaseModel):
    """The default legal basis of one criterion type, for both jurisdictions."""

    model_config = _Strict

    NL: list[str] = Field(min_length=1, description="Dutch references")
    BE: list[str] = Field(min_length=1, description="Belgian references")
    sources: list[Source] = Field(min_length=1)

    def __getitem__(self, jurisdiction: Jurisdiction) -> list[str]:
        return list(self.NL if jurisdiction is Jurisdiction.NL else self.BE)


class LegalBasisRegistry(BaseModel):
    """``rulesets/legal_bases.yaml``: the default legal basis per criterion type."""

    model_config = _Strict

    legal_bases: dict[CriterionType, TypeLegalBasis]

    @field_validator("legal_bases")
    @classmethod
    def _every_type(
        cls, value: dict[CriterionType, TypeLegalBasis]
    ) -> dict[CriterionType, TypeLegalBasis]:
        missing = [t.value for t in CriterionType if t not in value]
        if missing:
            raise ValueError(f"no default legal basis for type {', '.join(missing)}")
        return value

    def default(self, criterion_type: CriterionType, jurisdiction: Jurisdiction) -> list[str]:
        """The default references of a type in a jurisdiction."""
        return self.legal_bases[criterion_type][jurisdiction]

    def resolve(self, criterion_type: CriterionType, own: LegalBasis) -> LegalBasis:
        """The full legal basis: per jurisdiction the type default, then the criterion's own
        lines; or only the criterion's own lines where it replaces the default."""
        full = {
            j.value: own[j]
            if j in own.replace_default
            else self.default(criterion_type, j) + own[j]
            for j in Jurisdiction
        }
        return LegalBasis(NL=full["NL"], BE=full["BE"], replace_default=list(Jurisdiction))


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


class LabelVersion(BaseModel):
    """A version (generation, edition) of a label with its validity."""

    model_config = _Strict

    name: LocalText
    valid_from: date | None = None
    certification_until: date | None = Field(
        default=None,
        description="Last day products can be newly certified to this version; certificates"
        " issued by then stay valid until valid_until",
    )
    valid_until: date | None = Field(
        default=None, description="Last day a certificate of this version is valid"
    )
    confidence: Confidence = Confidence.CONFIRMED

    @model_validator(mode="after")
    def _dates_in_order(self) -> LabelVersion:
        if self.valid_from and self.valid_until and self.valid_from > self.valid_until:
            raise ValueError(
                f"valid_from {self.valid_from} is after valid_until {self.valid_until}"
            )
        return self

    def certifying(self, day: date) -> bool:
        """Whether products can be newly certified to this version on ``day``."""
        end = self.certification_until or self.valid_until
        return (self.valid_from is None or self.valid_from <= day) and (end is None or day <= end)


class LabelConditions(BaseModel):
    """Whether a label meets the five conditions for requiring it (Aw 2012 art. 2.78a; BE: Wet
    17 juni 2016 art. 54; Directive 2014/24/EU art. 43): requirements linked to the subject
    matter, objective and non-discriminatory criteria, an open and transparent procedure,
    accessible to all, set by a third party."""

    model_config = _Strict

    met: bool = Field(description="All five conditions hold, as far as the sources show")
    reason: LocalText = Field(description="Why (or why not), condition by condition")
    subject_matter: LocalText = Field(
        description="Which of the label's requirements relate to the subject matter of an ICT"
        " supply; where not all do, a label criterion names those requirements"
    )


class Label(BaseModel):
    """A label that can serve as means of proof."""

    model_config = _Strict

    name: str
    owner: str
    covers: LocalText
    legal_conditions: LabelConditions
    not_confirmed: LocalText | None = Field(
        default=None,
        description="What about the label's current version or validity we could not confirm;"
        " a document naming the label then carries a point of attention",
    )
    product_groups: list[ProductGroup] = Field(min_length=1)
    levels: list[str] = Field(default_factory=list)
    versions: dict[str, LabelVersion] = Field(default_factory=dict)
    sources: list[Source] = Field(min_length=1)
    new_products_only: bool = Field(
        default=False,
        description="Only new products carry it: asking for it on a refurbished-only lot conflicts",
    )
    thin_market: list[ProductGroup] = Field(
        default_factory=list,
        description="Product groups for which few labelled products are on the market",
    )

    def current_version(self, day: date) -> str | None:
        """Key of the version valid on ``day`` (the latest to start, if several), or ``None``."""
        valid = [
            (v.valid_from or date.min, key)
            for key, v in self.versions.items()
            if (v.valid_from is None or v.valid_from <= day)
            and (v.valid_until is None or day <= v.valid_until)
        ]
        return max(valid)[1] if valid else None

    def legacy_versions(self, day: date, current: str) -> list[str]:
        """Keys of earlier versions whose certificates are still valid on ``day`` although new
        certification to them has ended (e.g. TCO Certified generation 9 in 2025)."""
        now = self.versions[current]
        return sorted(
            key
            for key, v in self.versions.items()
            if key != current
            and (v.valid_from or date.min) < (now.valid_from or date.min)
            and not v.certifying(day)
            and (v.valid_from is None or v.valid_from <= day)
            and (v.valid_until is None or day <= v.valid_until)
        )


class LabelRegistry(BaseModel):
    """``rulesets/labels.yaml``."""

    model_config = _Strict

    labels: dict[str, Label]


class Aspect(BaseModel):
    """Something an award criterion rewards, such as energy use or warranty."""

    model_config = _Strict

    name: LocalText
    description: LocalText
    overlaps: list[str] = Field(
        default_factory=list,
        description="Other aspects that reward the same thing (the relation is symmetric)",
    )


class AspectRegistry(BaseModel):
    """``rulesets/aspects.yaml``."""

    model_config = _Strict

    aspects: dict[str, Aspect] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_overlaps(self) -> AspectRegistry:
        if PRICE_ASPECT not in self.aspects:
            raise ValueError(f"the registry must define the aspect {PRICE_ASPECT!r}")
        for key, aspect in self.aspects.items():
            unknown = [o for o in aspect.overlaps if o not in self.aspects]
            if unknown:
                raise ValueError(
                    f"aspect {key} overlaps unknown aspects {', '.join(unknown)}; known: "
                    + ", ".join(sorted(self.aspects))
                )
        return self

    def related(self, key: str) -> set[str]:
        """``key`` and every aspect that overlaps it, in either direction."""
        out = {key, *self.aspects[key].overlaps}
        out |= {k for k, a in self.aspects.items() if key in a.overlaps}
        return out


class RetiredId(BaseModel):
    """A criterion id that left the catalogue; it is never reused for another meaning."""

    model_config = _Strict

    id: str = Field(pattern=CRITERION_ID)
    title: LocalText = Field(description="The title the criterion had")
    retired_in: str = Field(
        pattern=r"^\d{4}\.\d+\.\d+$", description="The catalogue version that withdrew it"
    )
    reason: LocalText
    replaced_by: list[str] = Field(
        default_factory=list, description="Ids of the criteria that now cover it, if any"
    )


class RetiredRegistry(BaseModel):
    """``rulesets/retired.yaml``: every retired criterion id."""

    model_config = _Strict

    retired: list[RetiredId] = Field(default_factory=list)

    @field_validator("retired")
    @classmethod
    def _each_once(cls, value: list[RetiredId]) -> list[RetiredId]:
        ids = [r.id for r in value]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"retired lists {', '.join(twice)} more than once")
        return value

    def get(self, criterion_id: str) -> RetiredId | None:
        """The retirement record of an id, or ``None``."""
        return next((r for r in self.retired if r.id == criterion_id), None)


class CatalogueMeta(BaseModel):
    """``rulesets/catalogue.yaml``: the ruleset version as a whole."""

    model_config = _Strict

    version: str = Field(pattern=r"^\d{4}\.\d+\.\d+$")
    released: date
    title: LocalText
