"""MVI009: the change checker's law file loads, in Dutch and English."""

from __future__ import annotations

from collections.abc import Iterator

from ...changes.law import LAW_FILE, load_change_law
from ...errors import CatalogueError
from ..context import LintContext
from ..finding import Finding
from ..registry import rule


@rule("MVI009", "change-law-loads")
def check(context: LintContext) -> Iterator[Finding]:
    """``changes/grounds.yaml`` loads: every ground, in Dutch and English, with known sources.

    The change checker ("mvi-rules change") reads the names, conditions, questions and article
    numbers of each ground for changing a running contract from this file. Every text needs its
    nl and en version with the same placeholders, and every source must be a key of
    ``sources.yaml``. A rulesets directory without the file has nothing to check.

    Bad::

        questions:
          scope:
            nl: Breidt de wijziging de reikwijdte van de opdracht aanzienlijk uit?
            # en missing

    Good::

        questions:
          scope:
            nl: Breidt de wijziging de reikwijdte van de opdracht aanzienlijk uit?
            en: Does the change extend the scope of the contract considerably?
    """
    if not (context.rulesets_dir / LAW_FILE).is_file():
        return
    try:
        load_change_law(context.rulesets_dir)
    except CatalogueError as exc:
        for problem in exc.problems:
            where = f"{problem.field}: " if problem.field else ""
            yield Finding(
                file=problem.file,
                line=problem.line or 1,
                code="MVI009",
                message=where + problem.message,
            )
