"""YAML (and JSON) loading that remembers where each value stood in the file.

Pydantic reports errors as a path of keys and indexes; :class:`Located` turns such a path into the
line of the file where the offending value (or its nearest parent) stands.

Input is bounded, so that a hostile or broken file gets a clear error instead of hanging or
eating memory: only regular files are read (a FIFO would block forever), at most
:data:`MAX_INPUT_BYTES`, nested at most :data:`MAX_DEPTH` levels, and expanding YAML aliases
(``*name``) may not give more than :data:`MAX_VALUES` values ("billion laughs").
"""

from __future__ import annotations

import os
import stat
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, ReusedAnchorWarning, YAMLError
from ruamel.yaml.reader import ReaderError

from .errors import InputError, Problem

#: Largest input file read, in bytes. The shipped rulesets are far below it.
MAX_INPUT_BYTES = 4 * 2**20
#: Deepest nesting of mappings and lists.
MAX_DEPTH = 64
#: Most values (scalars, mappings and lists, counting every alias expansion) in one file.
MAX_VALUES = 200_000


class Located:
    """A parsed document plus the file it came from, able to find the line of a field path."""

    def __init__(self, path: Path, data: Any) -> None:
        self.path = path
        self.data = data

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """Return the 1-based line of the value at ``loc``, or of its deepest existing parent."""
        node: Any = self.data
        line: int | None = 1 if isinstance(node, (CommentedMap, CommentedSeq)) else None
        for key in loc:
            if isinstance(node, CommentedMap) and key in node:
                pos = node.lc.key(key)
                line = pos[0] + 1
                node = node[key]
            elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
                pos = node.lc.item(key)
                line = pos[0] + 1
                node = node[key]
            else:
                break
        return line


def plain(value: Any) -> Any:
    """Convert ruamel's round-trip containers into plain dicts and lists."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


class _Constructor(RoundTripConstructor):
    """Round-trip constructor whose value errors carry the line of the offending value.

    ruamel raises a bare ValueError (or OverflowError) without a position for an impossible
    date (``2026-02-30``) or an integer of more digits than Python converts.
    """

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as exc:
            if isinstance(exc, MarkedYAMLError):
                raise
            text = str(node.value)
            shown = text if len(text) <= 40 else f"{text[:20]}...{text[-10:]} ({len(text)} chars)"
            reason = str(exc).split(";")[0]
            raise ConstructorError(
                None, None, f"cannot read {shown!r}: {reason}", node.start_mark
            ) from None


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, max(index, 0)) + 1


def load_located(path: Path, error_cls: type[InputError]) -> Located:
    """Parse a YAML or JSON file; every problem becomes ``error_cls`` with file (and line)."""

    def fail(message: str, line: int | None = None) -> InputError:
        return error_cls([Problem(str(path), "", message, line)])

    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise fail("file not found") from None
    except OSError as exc:
        raise fail(f"cannot read the file: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise fail("is a directory, expected a file")
    if not stat.S_ISREG(info.st_mode):
        raise fail("is not a regular file (a device, pipe or socket); expected a YAML/JSON file")
    if info.st_size > MAX_INPUT_BYTES:
        raise fail(f"file is too large ({info.st_size} bytes; at most {MAX_INPUT_BYTES})")
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise fail(f"cannot read the file: {exc.strerror or exc}") from None
    if len(raw) > MAX_INPUT_BYTES:
        raise fail(f"file is too large (more than {MAX_INPUT_BYTES} bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise fail(f"not UTF-8 text ({exc.reason} at byte {exc.start})", line) from None
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
            _line_at(text, exc.position),
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
            return (
                f"too many values (more than {MAX_VALUES}, counting every expansion of a "
                "YAML alias); a profile, ruleset or ledger is far smaller",
                None,
            )
        if isinstance(value, (dict, list)):
            if isinstance(value, (CommentedMap, CommentedSeq)):
                line = value.lc.line + 1
            if depth > MAX_DEPTH:
                return (f"nested too deeply (more than {MAX_DEPTH} levels)", line)
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1, line) for item in items)
    return None
