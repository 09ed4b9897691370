"""What every YAML loader of mvi-rules shares: the bounded file read and :class:`Located`.

Kept apart from the loaders so that the catalogue's C-speed loader (:mod:`._cyaml`) does not
import ruamel.yaml, and the round-trip loader (:mod:`._yaml`) does not import PyYAML.

Input is bounded, so that a hostile or broken file gets a clear error instead of hanging or
eating memory: only regular files are read (a FIFO would block forever), at most
:data:`MAX_INPUT_BYTES`, nested at most :data:`MAX_DEPTH` levels, and expanding YAML aliases
(``*name``) may not give more than :data:`MAX_VALUES` values ("billion laughs").
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from .errors import InputError

#: Largest input file read, in bytes. The shipped rulesets are far below it.
MAX_INPUT_BYTES = 4 * 2**20
#: Deepest nesting of mappings and lists.
MAX_DEPTH = 64
#: Most values (scalars, mappings and lists, counting every alias expansion) in one file.
MAX_VALUES = 200_000

TOO_MANY_VALUES = (
    f"too many values (more than {MAX_VALUES}, counting every expansion of a "
    "YAML alias); a profile, ruleset or ledger is far smaller"
)
TOO_DEEP = f"nested too deeply (more than {MAX_DEPTH} levels)"

#: Builds the error for a message and (optional) line of the file being read.
Fail = Callable[..., InputError]


class Located:
    """A parsed document plus the file it came from, able to find the line of a field path.

    This base knows ruamel's round-trip containers (their ``.lc`` line records); plain data
    has no lines. The C-speed loader's subclass finds lines in the parsed node tree.
    """

    def __init__(self, path: Path, data: Any) -> None:
        self.path = path
        self.data = data

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """Return the 1-based line of the value at ``loc``, or of its deepest existing parent."""
        node: Any = self.data
        line: int | None = 1 if hasattr(node, "lc") else None
        for key in loc:
            if isinstance(node, dict) and hasattr(node, "lc") and key in node:
                # A key merged in from an anchor (<<: *name) has no line of its own in
                # ruamel.yaml: the mapping's line stands.
                with suppress(KeyError):
                    line = node.lc.key(key)[0] + 1
                node = node[key]
            elif (
                isinstance(node, list)
                and hasattr(node, "lc")
                and isinstance(key, int)
                and 0 <= key < len(node)
            ):
                line = node.lc.item(key)[0] + 1
                node = node[key]
            else:
                break
        return line

    def as_plain(self) -> Any:
        """The data as plain dicts, lists and scalars (what pydantic validates)."""
        return plain(self.data)


def plain(value: Any) -> Any:
    """Convert ruamel's round-trip containers into plain dicts and lists."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def read_text(path: Path, fail: Fail, max_bytes: int) -> str:
    """The UTF-8 text of a regular file of at most ``max_bytes`` bytes; else ``fail(...)``."""
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
    if info.st_size > max_bytes:
        raise fail(f"file is too large ({info.st_size} bytes; at most {max_bytes})")
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise fail(f"cannot read the file: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise fail(f"file is too large (more than {max_bytes} bytes)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise fail(f"not UTF-8 text ({exc.reason} at byte {exc.start})", line) from None


def line_at(text: str, index: int) -> int:
    """The 1-based line of character ``index`` of ``text``."""
    return text.count("\n", 0, max(index, 0)) + 1


def value_error_message(text: str, exc: Exception) -> str:
    """``cannot read '2026-02-30': day is out of range for month`` for a scalar that matched a
    type but cannot be converted (an impossible date, an integer of too many digits)."""
    shown = text if len(text) <= 40 else f"{text[:20]}...{text[-10:]} ({len(text)} chars)"
    reason = str(exc).split(";")[0]
    return f"cannot read {shown!r}: {reason}"
