"""The criteria catalogue: ruleset files, label registry and thresholds, loaded and checked."""

from .load import Catalogue, Entry, load_catalogue, load_thresholds
from .model import (
    CatalogueMeta,
    Confidence,
    Criterion,
    CriterionType,
    Label,
    LabelRef,
    LabelRegistry,
    LocalText,
    Parameter,
    RulesetFile,
    ScoringStep,
    Source,
    Verification,
)
from .thresholds import ThresholdKind, ThresholdPeriod, ThresholdTable

__all__ = [
    "Catalogue",
    "CatalogueMeta",
    "Confidence",
    "Criterion",
    "CriterionType",
    "Entry",
    "Label",
    "LabelRef",
    "LabelRegistry",
    "LocalText",
    "Parameter",
    "RulesetFile",
    "ScoringStep",
    "Source",
    "ThresholdKind",
    "ThresholdPeriod",
    "ThresholdTable",
    "Verification",
    "load_catalogue",
    "load_thresholds",
]
