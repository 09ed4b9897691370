"""Checks that every ruleset cites published documents, and joins each citation to its record.

A tender cites what a reader can open: every ``sources:`` entry names a key of
``rulesets/sources.yaml``, whose record carries publisher, title, date and a URL or official
identifier. The team's own working notes (the domain brief, the seed files) are where we learned
things, never a source: their names are refused anywhere in a ruleset value, with file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from .._located import Located
from .._validation import field_path
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
    if not _may_hold(text):
        return None
    found = INTERNAL_NAME.search(text)
    return found.group(0) if found else None


def _may_hold(text: str) -> bool:
    """Whether ``text`` holds one of the substrings every match of :data:`INTERNAL_NAME`
    holds: a few scans for plain substrings cost less than the pattern's search."""
    lowered = text.lower()
    return (
        any(word in lowered for word in _WORDS)
        or _HEX_NAME.search(lowered) is not None
        or any(char in text for char in _FOLDS_TO_ASCII)
    )


def _walk(
    node: Any, loc: tuple[str | int, ...], names: bool = True
) -> list[tuple[tuple[str | int, ...], Any]]:
    """Every string holding an internal name (if ``names``) and every ``sources`` list below
    ``node``, with its path, in document order.

    Only what the checks look at is collected (a path is built per container, not per value),
    into one list rather than through nested generators: a catalogue holds tens of thousands
    of values and this runs on every load.
    """
    found: list[tuple[tuple[str | int, ...], Any]] = []
    if isinstance(node, str):
        found.append((loc, node))
    else:
        _collect(node, loc, names, found)
    return found


def _collect(
    node: Any,
    loc: tuple[str | int, ...],
    names: bool,
    found: list[tuple[tuple[str | int, ...], Any]],
) -> None:
    if isinstance(node, dict):
        pairs: Iterable[tuple[str | int, Any]] = ((str(k), v) for k, v in node.items())
    elif isinstance(node, list):
        if loc and loc[-1] == "sources":
            found.append((loc, node))
        pairs = enumerate(node)
    else:
        return
    for key, value in pairs:
        if isinstance(value, str):
            if names and internal_name(value) is not None:
                found.append(((*loc, key), value))
        elif isinstance(value, (dict, list)):
            _collect(value, (*loc, key), names, found)


def _may_hold_internal_name(located: Located) -> bool:
    """Whether any value of the file may hold an internal name (then each value is searched).

    Plain substring tests over the file's text (when the loader kept it) spare a search per
    value in nearly every file; the full pattern over a whole file costs more than searching
    its values. Every match of the pattern holds one of the substrings: in lower case, with
    runs of whitespace (a folded line) left in between. An escape (``\\x2e``) could hide a
    name from the text, so a file with a backslash is searched value by value.
    """
    text = getattr(located, "text", None)
    return not isinstance(text, str) or "\\" in text or _may_hold(text)


#: What every match of :data:`INTERNAL_NAME` contains (lower case), as plain substrings...
_WORDS = ("domain.md", "seed", "working", "werkaanname")
#: ...or this (a note's file name), which starts with a literal the regex engine scans for fast.
_HEX_NAME = re.compile(r"_[0-9a-f]{16}")
#: Letters the pattern's IGNORECASE matches to i or s, which str.lower() leaves non-ASCII.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f"


def check_citations(located: Located, registry: SourceRegistry | None) -> list[Problem]:
    """Problems with the citations of one ruleset file, each with file, field and line.

    Refuses internal names in any value, a ``record`` written by hand, and (when the registry
    loaded) a source key that ``sources.yaml`` does not hold.
    """
    problems: list[Problem] = []

    def add(loc: tuple[str | int, ...], message: str) -> None:
        problems.append(Problem(str(located.path), field_path(loc), message, located.line_of(loc)))

    for loc, node in _walk(located.data, (), _may_hold_internal_name(located)):
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
