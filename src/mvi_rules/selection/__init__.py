"""Selection: evaluating the catalogue against a profile into an explained result."""

from .select import evaluate
from .result import (
    ConditionTrace,
    CriterionOutcome,
    EvaluationResult,
    LotDecision,
    Notice,
    Proof,
    ProofLabel,
    ResolvedParameter,
    SelectedCriterion,
)

__all__ = [
    "ConditionTrace",
    "CriterionOutcome",
    "EvaluationResult",
    "LotDecision",
    "Notice",
    "Proof",
    "ProofLabel",
    "ResolvedParameter",
    "SelectedCriterion",
    "evaluate",
]
