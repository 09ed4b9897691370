"""Running the lint rules over a catalogue: selection of rules, suppressions, sorted findings."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .._resources import rulesets_dir, templates_dir
from ..catalogue import load_catalogue
from ..errors import CatalogueError, LintUsageError
from . import rules as _rules  # noqa: F401  (registers the rules)
from .base import load_base
from .context import LintContext
from .finding import Finding
from .registry import RULES
from .suppress import SUPPRESSION_CODE, collect


def _codes(given: Iterable[str], option: str) -> set[str]:
    codes = {c.strip().upper() for item in given for c in item.split(",") if c.strip()}
    unknown = sorted(codes - set(RULES) - {SUPPRESSION_CODE})
    if unknown:
        raise LintUsageError(
            f"{option}: unknown lint code {', '.join(unknown)}; known: {', '.join(sorted(RULES))}"
        )
    return codes


def lint(
    rulesets: str | Path | None = None,
    templates: str | Path | None = None,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    base: str | None = None,
) -> list[Finding]:
    """Lint a catalogue (default: the shipped one) and return the findings, sorted.

    ``select`` runs only these rule codes, ``ignore`` skips these; both accept comma lists.
    ``base`` is a git ref to compare with (rule MVI008). Findings silenced by an
    ``mvi-lint: disable`` comment with a reason are left out.
    """
    rules_dir = Path(rulesets) if rulesets is not None else rulesets_dir()
    tmpl_dir = Path(templates) if templates is not None else templates_dir()
    chosen = _codes(select, "--select") or set(RULES)
    chosen -= _codes(ignore, "--ignore")
    try:
        catalogue = load_catalogue(rules_dir, tmpl_dir)
        problems = []
    except CatalogueError as exc:
        catalogue, problems = None, exc.problems
    context = LintContext(rules_dir, tmpl_dir, catalogue, problems)
    if base is not None and "MVI008" in chosen:
        context.base = load_base(base, rules_dir, tmpl_dir)
    suppressions = collect(context, RULES)
    findings: list[Finding] = []
    for code in sorted(chosen & set(RULES)):
        registered = RULES[code]
        if registered.needs_base and context.base is None:
            continue
        findings += [f for f in registered.check(context) if not suppressions.silences(f)]
    if SUPPRESSION_CODE not in _codes(ignore, "--ignore"):
        findings += suppressions.problems
    return sorted(set(findings), key=lambda f: f.sort_key)
