"""Selection: evaluating the catalogue against a profile into an explained result."""

from .batch import evaluate_many
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
from .select import evaluate

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
    "evaluate_many",
]
