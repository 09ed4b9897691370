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
    schema = json_schema("profile")   # JSON Schema: profile, ruleset, ledger or result

Every error raised on purpose is a :class:`MviRulesError`.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# The public names are imported on first use (PEP 562), so that `import mvi_rules` and the
# command line's --help stay cheap: the catalogue, the engine and python-docx load only when a
# program touches them. Type checkers and editors see the real imports below.
if TYPE_CHECKING:
    from .catalogue import Catalogue, CriterionType, load_catalogue
    from .changes import (
        Assessment,
        ChangeCheck,
        Ledger,
        assess_change,
        check_change,
        load_ledger,
        render_check,
    )
    from .documents_many import generate_many
    from .engine import durable_available
    from .errors import (
        AppendRefusedError,
        CatalogueError,
        EngineError,
        InputError,
        LedgerError,
        MviRulesError,
        OutputExistsError,
        Problem,
        ProfileError,
        ReferenceDocxError,
        ScenarioError,
        TemplateError,
    )
    from .profile import ProcurementProfile, load_profile, parse_profile
    from .rendering import (
        HouseStyle,
        load_house_style,
        render_docx,
        render_json,
        render_memo,
        render_parts,
        write_docx,
        write_json,
        write_memo,
        write_parts,
    )
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
    from .schema import json_schema
    from .selection import EvaluationResult, SelectedCriterion, evaluate, evaluate_many

from ._version import __version__

#: Public name -> the module that defines it.
_LAZY: dict[str, str] = {
    "Catalogue": ".catalogue",
    "CriterionType": ".catalogue",
    "load_catalogue": ".catalogue",
    "Assessment": ".changes",
    "ChangeCheck": ".changes",
    "assess_change": ".changes",
    "render_check": ".changes",
    "Ledger": ".changes",
    "check_change": ".changes",
    "load_ledger": ".changes",
    "durable_available": ".engine",
    "CatalogueError": ".errors",
    "EngineError": ".errors",
    "InputError": ".errors",
    "LedgerError": ".errors",
    "AppendRefusedError": ".errors",
    "MviRulesError": ".errors",
    "OutputExistsError": ".errors",
    "Problem": ".errors",
    "ProfileError": ".errors",
    "ReferenceDocxError": ".errors",
    "ScenarioError": ".errors",
    "TemplateError": ".errors",
    "ProcurementProfile": ".profile",
    "load_profile": ".profile",
    "parse_profile": ".profile",
    "HouseStyle": ".rendering",
    "load_house_style": ".rendering",
    "render_docx": ".rendering",
    "render_json": ".rendering",
    "write_docx": ".rendering",
    "write_json": ".rendering",
    "render_memo": ".rendering",
    "write_memo": ".rendering",
    "render_parts": ".rendering",
    "write_parts": ".rendering",
    "generate_many": ".documents_many",
    "eforms_fields": ".rendering.eforms",
    "render_eforms": ".rendering.eforms",
    "ocds_release": ".rendering.ocds",
    "render_ocds": ".rendering.ocds",
    "SCHEMA_VERSION": ".rendering.systems",
    "SystemsResult": ".rendering.systems",
    "render_systems_json": ".rendering.systems",
    "result_schema": ".rendering.systems",
    "systems_result": ".rendering.systems",
    "write_systems_json": ".rendering.systems",
    "json_schema": ".schema",
    "EvaluationResult": ".selection",
    "SelectedCriterion": ".selection",
    "evaluate": ".selection",
    "evaluate_many": ".selection",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'mvi_rules' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "SCHEMA_VERSION",
    "AppendRefusedError",
    "Assessment",
    "Catalogue",
    "CatalogueError",
    "ChangeCheck",
    "CriterionType",
    "EngineError",
    "EvaluationResult",
    "HouseStyle",
    "InputError",
    "Ledger",
    "LedgerError",
    "MviRulesError",
    "OutputExistsError",
    "Problem",
    "ProcurementProfile",
    "ProfileError",
    "ReferenceDocxError",
    "ScenarioError",
    "SelectedCriterion",
    "SystemsResult",
    "TemplateError",
    "__version__",
    "assess_change",
    "check_change",
    "durable_available",
    "eforms_fields",
    "evaluate",
    "evaluate_many",
    "generate_many",
    "json_schema",
    "load_catalogue",
    "load_house_style",
    "load_ledger",
    "load_profile",
    "ocds_release",
    "parse_profile",
    "render_check",
    "render_docx",
    "render_eforms",
    "render_json",
    "render_memo",
    "render_ocds",
    "render_parts",
    "render_systems_json",
    "result_schema",
    "systems_result",
    "write_docx",
    "write_json",
    "write_memo",
    "write_parts",
    "write_systems_json",
]
