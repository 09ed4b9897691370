"""mvi-rules: sustainable and socially responsible ICT procurement (MVI) as tender clauses.

The pipeline, and the public API for each step::

    profile = load_profile("examples/gemeente-laptops.yaml")   # profile
    catalogue = load_catalogue()                                # rulesets shipped with mvi-rules
    result = evaluate(profile, catalogue)                       # selection, explained
    write_docx(result, catalogue, "annex.docx")                 # Word tender annex
    text = render_json(result)                                  # JSON for other systems

Every error raised on purpose is a :class:`MviRulesError`.
"""

from __future__ import annotations

from ._version import __version__
from .catalogue import Catalogue, CriterionType, load_catalogue
from .engine import durable_available
from .errors import (
    CatalogueError,
    EngineError,
    InputError,
    LedgerError,
    MviRulesError,
    OutputExistsError,
    Problem,
    ProfileError,
    ScenarioError,
    TemplateError,
)
from .profile import ProcurementProfile, load_profile, parse_profile
from .rendering import render_docx, render_json, write_docx, write_json
from .selection import EvaluationResult, SelectedCriterion, evaluate

__all__ = [
    "Catalogue",
    "CatalogueError",
    "CriterionType",
    "EngineError",
    "EvaluationResult",
    "InputError",
    "LedgerError",
    "MviRulesError",
    "OutputExistsError",
    "Problem",
    "ProcurementProfile",
    "ProfileError",
    "ScenarioError",
    "SelectedCriterion",
    "TemplateError",
    "__version__",
    "durable_available",
    "evaluate",
    "load_catalogue",
    "load_profile",
    "parse_profile",
    "render_docx",
    "render_json",
    "write_docx",
    "write_json",
]
