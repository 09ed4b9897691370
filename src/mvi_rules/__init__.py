"""mvi-rules: sustainable and socially responsible ICT procurement (MVI) as tender clauses.

The pipeline, and the public API for each step::

    profile = load_profile("examples/gemeente-laptops.yaml")   # profile
    catalogue = load_catalogue()                                # rulesets shipped with mvi-rules
    result = evaluate(profile, catalogue)                       # selection, explained
    write_docx(result, catalogue, "annex.docx")                 # Word tender annex
    text = render_json(result)                                  # JSON for other systems
    full = render_systems_json(result, catalogue)               # ... with the clause texts
    fields = render_eforms(result, catalogue)                   # eForms field values per lot
    release = render_ocds(result)                               # OCDS sustainability fragment
    check = check_change(load_ledger("examples/ledgers/gemeente-laptops.yaml"))  # a change

Every error raised on purpose is a :class:`MviRulesError`.
"""

from __future__ import annotations

from ._version import __version__
from .catalogue import Catalogue, CriterionType, load_catalogue
from .changes import ChangeCheck, Ledger, check_change, load_ledger
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
from .rendering.eforms import eforms_fields, render_eforms
from .rendering.ocds import ocds_release, render_ocds
from .rendering.systems import (
    SCHEMA_VERSION,
    SystemsResult,
    render_systems_json,
    result_schema,
    systems_result,
    write_systems_json,
)
from .selection import EvaluationResult, SelectedCriterion, evaluate

__all__ = [
    "SCHEMA_VERSION",
    "Catalogue",
    "CatalogueError",
    "ChangeCheck",
    "CriterionType",
    "EngineError",
    "EvaluationResult",
    "InputError",
    "Ledger",
    "LedgerError",
    "MviRulesError",
    "OutputExistsError",
    "Problem",
    "ProcurementProfile",
    "ProfileError",
    "ScenarioError",
    "SelectedCriterion",
    "SystemsResult",
    "TemplateError",
    "__version__",
    "check_change",
    "durable_available",
    "eforms_fields",
    "evaluate",
    "load_catalogue",
    "load_ledger",
    "load_profile",
    "ocds_release",
    "parse_profile",
    "render_docx",
    "render_eforms",
    "render_json",
    "render_ocds",
    "render_systems_json",
    "result_schema",
    "systems_result",
    "write_docx",
    "write_json",
    "write_systems_json",
]
