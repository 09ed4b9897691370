"""YAML (and JSON) loading that remembers where each value stood in the file (ruamel.yaml).

Pydantic reports errors as a path of keys and indexes; :class:`Located` turns such a path into the
line of the file where the offending value (or its nearest parent) stands. Profiles, ledgers and
scenarios load here (round-trip, YAML 1.2); the catalogue loads with the C-speed loader in
:mod:`._cyaml`, which gives the same data. The bounds on input are in :mod:`._located`.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, ReusedAnchorWarning, YAMLError
from ruamel.yaml.reader import ReaderError

from ._located import (
    MAX_DEPTH,
    MAX_INPUT_BYTES,
    MAX_VALUES,
    TOO_DEEP,
    TOO_MANY_VALUES,
    Located,
    line_at,
    plain,
    read_text,
    value_error_message,
)
from .errors import InputError, Problem

__all__ = ["MAX_DEPTH", "MAX_INPUT_BYTES", "MAX_VALUES", "Located", "load_located", "plain"]


class _Constructor(RoundTripConstructor):
    """Round-trip constructor whose value errors carry the line of the offending value.

    ruamel raises a bare ValueError (or OverflowError) without a position for an impossible
    date (``2026-02-30``) or an integer of more digits than Python converts, and an IndexError
    for a sign and underscores alone (``-_``).
    """

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError, IndexError) as exc:
            if isinstance(exc, MarkedYAMLError):
                raise
            raise ConstructorError(
                None, None, value_error_message(str(node.value), exc), node.start_mark
            ) from None


def load_located(path: Path, error_cls: type[InputError]) -> Located:
    """Parse a YAML or JSON file; every problem becomes ``error_cls`` with file (and line)."""

    def fail(message: str, line: int | None = None) -> InputError:
        return error_cls([Problem(str(path), "", message, line)])

    text = read_text(path, fail, MAX_INPUT_BYTES)
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    # Duplicate keys are a classic way for a typo to pass silently.
    yaml.allow_duplicate_keys = False
    try:
        with warnings.catch_warnings():
            # A redefined anchor is valid YAML (the later one counts); not worth a warning
            # printed in the middle of the command's output.
            warnings.simplefilter("ignore", ReusedAnchorWarning)
            data = yaml.load(text)
    except ReaderError as exc:
        # "unacceptable character #x0001 ... position 23": say the line instead.
        raise fail(
            f"not valid YAML/JSON: {exc.reason} (character #x{exc.character:04x})",
            line_at(text, exc.position),
        ) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        msg = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise fail(
            f"not valid YAML/JSON: {msg}", mark.line + 1 if mark is not None else None
        ) from None
    except YAMLError as exc:
        raise fail(f"not valid YAML/JSON: {exc}") from None
    except RecursionError:
        raise fail(f"nested too deeply (at most {MAX_DEPTH} levels)") from None
    problem = _bounds_problem(data)
    if problem is not None:
        raise fail(*problem)
    return Located(path, data)


def _bounds_problem(data: Any) -> tuple[str, int | None] | None:
    """A message and line when ``data`` nests too deep or expands to too many values."""
    count = 0
    # (value, depth, line of the nearest container)
    stack: list[tuple[Any, int, int | None]] = [(data, 1, 1)]
    while stack:
        value, depth, line = stack.pop()
        count += 1
        if count > MAX_VALUES:
            return (TOO_MANY_VALUES, None)
        if isinstance(value, (dict, list)):
            if isinstance(value, (CommentedMap, CommentedSeq)):
                line = value.lc.line + 1
            if depth > MAX_DEPTH:
                return (TOO_DEEP, line)
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1, line) for item in items)
    return None
