"""Checks that every ruleset cites published documents, and joins each citation to its record.

A tender cites what a reader can open: every ``sources:`` entry names a key of
``rulesets/sources.yaml``, whose record carries publisher, title, date and a URL or official
identifier. The team's own working notes (the domain brief, the seed files) are where we learned
things, never a source: their names are refused anywhere in a ruleset value, with file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from .._validation import field_path
from .._yaml import Located
from ..errors import Problem
from .model import Source, SourceRegistry

SOURCES_FILE = "sources.yaml"

#: Names of internal working material; none of them may reach a ruleset value or a document.
INTERNAL_NAME = re.compile(
    r"DOMAIN\.md|\bseed\s*0\d\d\b|\b\d{3}_[0-9a-f]{16}(?:\.txt)?\b|working assumption|werkaanname",
    re.IGNORECASE,
)


def internal_name(text: str) -> str | None:
    """The first internal name in ``text``, or ``None``."""
    found = INTERNAL_NAME.search(text)
    return found.group(0) if found else None


def _walk(node: Any, loc: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    yield loc, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*loc, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, (*loc, index))


def check_citations(located: Located, registry: SourceRegistry | None) -> list[Problem]:
    """Problems with the citations of one ruleset file, each with file, field and line.

    Refuses internal names in any value, a ``record`` written by hand, and (when the registry
    loaded) a source key that ``sources.yaml`` does not hold.
    """
    problems: list[Problem] = []

    def add(loc: tuple[str | int, ...], message: str) -> None:
        problems.append(Problem(str(located.path), field_path(loc), message, located.line_of(loc)))

    for loc, node in _walk(located.data, ()):
        if isinstance(node, str):
            name = internal_name(node)
            if name is not None:
                add(
                    loc,
                    f"{name!r} is internal working material, not a published source; cite the"
                    f" public document from {SOURCES_FILE} (or mark a policy_choice)",
                )
        if not (isinstance(node, list) and loc and loc[-1] == "sources"):
            continue
        for index, entry in enumerate(node):
            if not isinstance(entry, dict):
                continue
            at = (*loc, index)
            if "record" in entry:
                add((*at, "record"), f"record is filled in from {SOURCES_FILE}; cite its key")
            key = entry.get("key")
            if registry is not None and isinstance(key, str) and key not in registry.sources:
                add((*at, "key"), f"unknown source {key!r}: add it to {SOURCES_FILE} first")
    return problems


def cite(sources: Sequence[Source], registry: SourceRegistry) -> list[Source]:
    """The citations with their records joined in (an unknown key was reported on loading)."""
    return [
        s.model_copy(update={"record": registry.sources.get(s.key)}) if s.key else s
        for s in sources
    ]
