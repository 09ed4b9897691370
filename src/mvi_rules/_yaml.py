"""YAML (and JSON) loading that remembers where each value stood in the file.

Pydantic reports errors as a path of keys and indexes; :class:`Located` turns such a path into the
line of the file where the offending value (or its nearest parent) stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import InputError, Problem


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


def load_located(path: Path, error_cls: type[InputError]) -> Located:
    """Parse a YAML or JSON file; syntax errors become ``error_cls`` with file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error_cls([Problem(str(path), "", "file not found")]) from None
    except IsADirectoryError:
        raise error_cls([Problem(str(path), "", "is a directory, expected a file")]) from None
    except UnicodeDecodeError as exc:
        raise error_cls([Problem(str(path), "", f"not UTF-8 text ({exc.reason})")]) from None
    yaml = YAML(typ="rt")
    # Duplicate keys are a classic way for a typo to pass silently.
    yaml.allow_duplicate_keys = False
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        msg = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise error_cls([Problem(str(path), "", f"not valid YAML/JSON: {msg}", line)]) from None
    except YAMLError as exc:
        raise error_cls([Problem(str(path), "", f"not valid YAML/JSON: {exc}")]) from None
    return Located(path, data)
