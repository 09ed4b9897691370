"""The result of an evaluation: which criteria were selected for which lots, and why.

Everything here is a pydantic model and serialises to JSON for systems that import the library.
Texts are kept in both languages (:class:`~mvi_rules.catalogue.LocalText`); the renderer picks one.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..catalogue.model import (
    Confidence,
    CriterionType,
    DeviceState,
    LocalText,
    ParamValue,
    ScoringStep,
    Source,
)
from ..profile.model import ProcurementProfile, Theme
from .deferred import DeferredModel

_Frozen = ConfigDict(frozen=True)
# Read once: an enum member read from its class goes through a descriptor (slow on 3.11).
_UNCONFIRMED = Confidence.UNCONFIRMED


class ConditionTrace(BaseModel):
    """One part of a criterion's condition and whether it held for a lot."""

    model_config = _Frozen

    holds: bool
    text: str
    children: list[ConditionTrace] = Field(default_factory=list)

    def lines(self, indent: int = 0) -> list[str]:
        """The trace as indented lines marked ✓ (held) or ✗ (did not hold)."""
        mark = "✓" if self.holds else "✗"
        out = [f"{'  ' * indent}{mark} {self.text}"]
        for child in self.children:
            out.extend(child.lines(indent + 1))
        return out


class LotDecision(BaseModel):
    """Whether a criterion applies to one lot, with the reasons.

    ``selected`` is false when the condition held but the criterion conflicts with another
    one or with the lot; ``conflict`` then says why.
    """

    model_config = _Frozen

    lot_id: str
    selected: bool
    reason: ConditionTrace
    conflict: LocalText | None = None
    included_by_buyer: str | None = Field(
        default=None,
        description="The buyer's reason, where the profile adds the criterion to this lot"
        " although its condition did not hold",
    )


class ResolvedParameter(BaseModel):
    """A parameter value as it goes into the clause."""

    model_config = _Frozen

    name: str
    value: ParamValue
    unit: str | None
    origin: Literal["catalogue", "profile", "law"]
    confidence: Confidence
    description: LocalText
    minimum: float | None = Field(default=None, description="Lowest value a profile may set")
    maximum: float | None = Field(default=None, description="Highest value a profile may set")
    allowed: list[ParamValue] | None = Field(
        default=None, description="The values a profile may choose from, where closed"
    )
    concerns_lots: bool = Field(
        default=True,
        description="False when the value concerns product groups none of the criterion's lots"
        " buy: the clause template still has it, the buyer is not asked about it",
    )
    value_labels: dict[str, LocalText] = Field(
        default_factory=dict, description="Names of coded values in each language"
    )

    @property
    def to_verify(self) -> bool:
        """An unconfirmed catalogue default the buyer must confirm, for the lots it concerns."""
        return self.origin == "catalogue" and self.confidence is _UNCONFIRMED and self.concerns_lots


class ProofLabel(BaseModel):
    """A label accepted as proof (always 'or equivalent')."""

    model_config = _Frozen

    key: str
    name: str
    version: LocalText | None = None
    level: str | None = None
    note: LocalText | None = Field(
        default=None, description="What the reader must know, e.g. an expired version"
    )


class Proof(BaseModel):
    """Means of verification for a clause."""

    model_config = _Frozen

    labels: list[ProofLabel] = Field(default_factory=list)
    other: LocalText | None = None


class AttachmentRef(BaseModel):
    """A document the clause refers to, which goes with the tender documents."""

    model_config = _Frozen

    name: LocalText = Field(description="The document as the clause names it")
    supplied: bool = Field(description="mvi-rules writes it (the LCC sheet: generate --lcc-sheet)")
    where: str | None = Field(
        default=None, description="Where to get it: its URL, or its official identifier"
    )
    document: str | LocalText | None = Field(
        default=None,
        description="Publisher and title of the published document; {nl, en} where they differ",
    )


class CriterionOutcome(DeferredModel):
    """A criterion and its decision per lot.

    The evaluation makes ``decisions`` when they are first read; serialised outcomes always
    have them.
    """

    model_config = _Frozen
    deferred_fields: ClassVar[frozenset[str]] = frozenset({"decisions"})

    id: str
    version: int
    topic: str
    title: LocalText
    type: CriterionType
    level: int
    themes: list[Theme]
    lots: list[str] = Field(description="Ids of the lots it was selected for")
    decisions: list[LotDecision]


class CriterionValue(BaseModel):
    """What a selected option or incentive may add to the contract value, in euro."""

    model_config = _Frozen

    kind: str = Field(description="option, extension or incentive")
    percent: float = Field(description="Percentage of the initial value of its lots")
    max_eur: float = Field(description="The most it may add over all its lots, excl. VAT")
    whole_contract: bool = Field(
        default=False,
        description="Valued against the whole contract's initial value (the lots have no"
        " values of their own), not against its lots' values",
    )


class SelectedCriterion(CriterionOutcome):
    """A selected criterion with everything needed to render its clause."""

    value: CriterionValue | None = None
    rewards: list[str] = Field(
        default_factory=list, description="Award criteria: the aspects they reward"
    )
    parameters: list[ResolvedParameter]
    proof: Proof
    legal_basis: list[str] = Field(description="References for the profile's jurisdiction")
    sources: list[Source]
    template: str
    scoring: list[ScoringStep] = Field(default_factory=list)
    included_by_buyer: str | None = Field(
        default=None, description="The buyer's reason, where the profile includes it by id"
    )
    applies_to: list[DeviceState] | None = Field(
        default=None,
        description="Whether the clause binds new devices, refurbished devices or both",
    )
    attachments: list[AttachmentRef] = Field(
        default_factory=list,
        description="Documents the clause refers to that go with the tender documents",
    )

    def parameter_values(self) -> dict[str, ParamValue]:
        """Parameter name to value, as the clause template sees them."""
        return {p.name: p.value for p in self.parameters}


class Notice(BaseModel):
    """Something the reader should know about the result (a warning, not an error)."""

    model_config = _Frozen

    code: str
    message: str
    criterion_id: str | None = None
    text: LocalText | None = Field(
        default=None, description="The notice in Dutch and English, for documents"
    )


class ValueLine(BaseModel):
    """One extension, option or incentive cap in the estimate, for one lot or for all lots."""

    model_config = _Frozen

    kind: str = Field(description="extension, option or incentive")
    criterion_id: str | None = Field(description="The clause that states it, if selected")
    lot_id: str | None = Field(description="The lot it is valued for; None: the whole")
    lot_ids: list[str] = Field(description="The lots it applies to")
    percent: float = Field(description="Percentage of the initial value it adds at most")
    basis_eur: float = Field(description="The initial value it is a percentage of")
    amount_eur: float
    included_in_stated: bool = Field(
        description="Whether the profile's stated value already includes it"
    )


class ValueEstimate(BaseModel):
    """The value the EU threshold test uses, and how it is made up."""

    model_config = _Frozen

    stated_eur: float = Field(description="The estimated value as the profile states it")
    includes: list[str] = Field(description="What the stated value already covers")
    per_lot: bool = Field(description="Whether the lots have values of their own")
    initial_eur: float = Field(description="Value of the initial term without any option")
    initial_by_lot: dict[str, float] = Field(default_factory=dict)
    lines: list[ValueLine]
    total_eur: float = Field(description="Initial value plus every line: the threshold test's")
    threshold_eur: float | None

    @property
    def stated_above(self) -> bool | None:
        """Whether the stated value alone reaches the threshold."""
        return None if self.threshold_eur is None else self.stated_eur >= self.threshold_eur

    @property
    def above(self) -> bool | None:
        """Whether the total reaches the threshold: the verdict that counts."""
        return None if self.threshold_eur is None else self.total_eur >= self.threshold_eur

    @property
    def readings_differ(self) -> bool:
        """The stated value and the total fall on opposite sides of the threshold."""
        return self.threshold_eur is not None and self.stated_above != self.above

    def amount(self, kind: str) -> float:
        """The sum of the lines of one kind."""
        return round(sum(line.amount_eur for line in self.lines if line.kind == kind), 2)

    def for_lot(self, lot_id: str) -> list[ValueLine]:
        """The lines valued for one lot (all lines when lots have no values)."""
        return [line for line in self.lines if line.lot_id in (lot_id, None)]


class WeightRow(BaseModel):
    """One row of a lot's weighting table."""

    model_config = _Frozen

    role: str = Field(description="price, own_quality or sustainability")
    criterion_id: str | None = None
    weight_percent: float


class LotWeighting(BaseModel):
    """The award weighting for one lot: price (or LCC) and quality add up to exactly 100 %."""

    model_config = _Frozen

    lot_id: str
    method: str
    rows: list[WeightRow]
    left_out: list[str] = Field(
        default_factory=list, description="Award criteria left out because their weight is 0"
    )

    @property
    def total(self) -> float:
        """The sum of the rows (100)."""
        return round(sum(row.weight_percent for row in self.rows), 6)


class LeftOut(BaseModel):
    """A criterion whose condition held for some lots but that is not applied there, and why."""

    model_config = _Frozen

    criterion_id: str
    title: LocalText
    lot_ids: list[str]
    reason: LocalText


class IsvStatus(BaseModel):
    """Whether the Dutch international social conditions (ISV) are mandatory, per lot."""

    model_config = _Frozen

    applies: bool = Field(description="Dutch buyer: the ISV policy is relevant at all")
    mandatory_lots: list[str] = Field(
        default_factory=list,
        description="Lots where ISV are mandatory: the State, at or above the EU threshold, in"
        " an ISV risk category",
    )
    categories: dict[str, LocalText] = Field(
        default_factory=dict, description="Lot id -> its ISV risk category, where it has one"
    )
    unconfirmed_lots: list[str] = Field(
        default_factory=list,
        description="Lots whose ISV category (or the lack of one) no source confirms; the"
        " catalogue's assignment is a choice the buyer checks against the model texts",
    )


class EvaluationResult(DeferredModel):
    """The outcome of evaluating a catalogue against a procurement profile.

    The evaluation makes ``not_selected``, ``left_out`` and each selected criterion's
    ``decisions`` when they are first read, so that a caller that only wants the selection does
    not pay for explaining every criterion for every lot; the serialised result always has
    them.
    """

    model_config = _Frozen
    deferred_fields: ClassVar[frozenset[str]] = frozenset({"not_selected", "left_out"})

    library_version: str
    catalogue_version: str
    catalogue_fingerprint: str
    backend: str
    profile: ProcurementProfile
    eu_threshold_eur: float | None = Field(
        description="EU supplies/services threshold for this buyer on the reference date"
    )
    value: ValueEstimate
    isv: IsvStatus
    weighting: list[LotWeighting] = Field(default_factory=list)
    left_out: list[LeftOut] = Field(
        default_factory=list,
        description="Criteria that applied to a lot but were left out there, with the reason",
    )
    selected: list[SelectedCriterion]
    not_selected: list[CriterionOutcome]
    notices: list[Notice] = Field(default_factory=list)

    def selected_ids(self) -> list[str]:
        """Ids of the selected criteria, sorted."""
        return [c.id for c in self.selected]

    def outcome(self, criterion_id: str) -> CriterionOutcome | None:
        """The outcome for one criterion id, selected or not."""
        for item in (*self.selected, *self.not_selected):
            if item.id == criterion_id:
                return item
        return None

    def to_json(self) -> str:
        """The result as stable, indented JSON (same input, same text)."""
        return self.model_dump_json(indent=2) + "\n"
