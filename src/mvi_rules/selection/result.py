"""The result of an evaluation: which criteria were selected for which lots, and why.

Everything here is a pydantic model and serialises to JSON for systems that import the library.
Texts are kept in both languages (:class:`~mvi_rules.catalogue.LocalText`); the renderer picks one.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..catalogue.model import (
    Confidence,
    CriterionType,
    LocalText,
    ParamValue,
    ScoringStep,
    Source,
)
from ..profile.model import ProcurementProfile, Theme

_Frozen = ConfigDict(frozen=True)


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


class ResolvedParameter(BaseModel):
    """A parameter value as it goes into the clause."""

    model_config = _Frozen

    name: str
    value: ParamValue
    unit: str | None
    origin: Literal["catalogue", "profile", "law"]
    confidence: Confidence
    description: LocalText

    @property
    def to_verify(self) -> bool:
        """An unconfirmed catalogue default is shown to the reader as 'to be verified'."""
        return self.origin == "catalogue" and self.confidence is Confidence.UNCONFIRMED


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


class CriterionOutcome(BaseModel):
    """A criterion and its decision per lot."""

    model_config = _Frozen

    id: str
    version: int
    topic: str
    title: LocalText
    type: CriterionType
    level: int
    themes: list[Theme]
    lots: list[str] = Field(description="Ids of the lots it was selected for")
    decisions: list[LotDecision]


class SelectedCriterion(CriterionOutcome):
    """A selected criterion with everything needed to render its clause."""

    parameters: list[ResolvedParameter]
    proof: Proof
    legal_basis: list[str] = Field(description="References for the profile's jurisdiction")
    sources: list[Source]
    template: str
    scoring: list[ScoringStep] = Field(default_factory=list)

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


class EvaluationResult(BaseModel):
    """The outcome of evaluating a catalogue against a procurement profile."""

    model_config = _Frozen

    library_version: str
    catalogue_version: str
    catalogue_fingerprint: str
    backend: str
    profile: ProcurementProfile
    eu_threshold_eur: float | None = Field(
        description="EU supplies/services threshold for this buyer on the reference date"
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
