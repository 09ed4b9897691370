"""The registry of lint rules: each rule module registers one rule under a stable code.

Codes never change meaning and are never reused, so that ``--ignore`` lists and inline
suppressions in rulesets keep working across versions.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .context import LintContext
from .finding import Finding

Check = Callable[[LintContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A lint rule: its code, a short name, and the check. The docstring of the check is the
    rule's documentation (what it checks, why, a bad and a good example)."""

    code: str
    name: str
    check: Check
    #: Only runs when a base ref is given (``--base``).
    needs_base: bool = False

    @property
    def summary(self) -> str:
        """First line of the rule's documentation."""
        return (inspect.getdoc(self.check) or "").splitlines()[0]

    @property
    def doc(self) -> str:
        """The rule's full documentation."""
        return inspect.getdoc(self.check) or ""


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, *, needs_base: bool = False) -> Callable[[Check], Check]:
    """Register the decorated function as the check of rule ``code``."""

    def register(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"lint rule code {code} is registered twice")
        RULES[code] = Rule(code, name, check, needs_base)
        return check

    return register
