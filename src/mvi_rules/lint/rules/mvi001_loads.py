"""MVI001: the catalogue loads."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import LintContext
from ..finding import Finding
from ..registry import rule


@rule("MVI001", "catalogue-loads")
def check(context: LintContext) -> Iterator[Finding]:
    """Every ruleset file loads: fields, values, conditions, labels, templates, sources.

    These are the loader's own checks (as ``mvi-rules list`` reports them), with "did you
    mean" for a misspelt field or value. While the catalogue does not load, the other rules
    cannot run.

    Bad::

        - id: MVI-LIF-009
          levl: 2            # unknown field 'levl'; did you mean 'level'?
          themes: [circulairity]

    Good::

        - id: MVI-LIF-009
          level: 2
          themes: [circularity]
    """
    for problem in context.problems:
        where = f"{problem.field}: " if problem.field else ""
        yield Finding(
            file=problem.file,
            line=problem.line or 1,
            code="MVI001",
            message=where + problem.message,
        )
