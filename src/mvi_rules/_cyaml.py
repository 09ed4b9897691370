"""The catalogue's YAML loader: libyaml's C parser, YAML 1.2 scalars, a line for every value.

Loading the catalogue with ruamel.yaml's round-trip loader took about a second, nearly all of it
in the pure-Python parser. Here PyYAML's C parser (libyaml) composes the node tree, which keeps
the line of every node, and a small constructor turns the nodes into plain dicts, lists and
scalars. The tree stays beside the data so :meth:`NodeLocated.line_of` can still name the line of
any field.

Scalars are read as YAML 1.2, as ruamel.yaml reads them (:mod:`._yaml12`; PyYAML's own
resolver is YAML 1.1), so both loaders give the same data. Where ruamel.yaml gives an object no
model accepts (``!!str`` on a plain scalar, an unknown ``!tag``, ``=`` as a value), this loader
gives the string or refuses the tag with its line.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ._located import (
    MAX_DEPTH,
    MAX_INPUT_BYTES,
    MAX_VALUES,
    TOO_DEEP,
    TOO_MANY_VALUES,
    Located,
    line_at,
    read_text,
    value_error_message,
)
from ._yaml12 import CONVERT, IMPLICIT, MAP, MERGE, SEQ, STR, Resolver12
from .errors import InputError, Problem

try:  # libyaml is bundled with PyYAML's wheels; a source build may lack it.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - same results, pure-Python speed
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


class _Loader(_Parser, Resolver12):
    """libyaml's parser and composer with the YAML 1.2 resolver."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        Resolver12.__init__(self)

    # The parser calls these for every node. No path resolvers are registered, so only the
    # implicit ones apply: BaseResolver.resolve's answer, with less work per scalar.
    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """No path resolvers: nothing to track."""

    def ascend_resolver(self) -> None:
        """No path resolvers: nothing to track."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        """The tag of a node without an explicit tag."""
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in IMPLICIT.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return STR
        return SEQ if kind is SequenceNode else MAP


class _Refused(Exception):
    """A value the constructor refuses: message and 1-based line (if any)."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message, self.line = message, line


def _scalar(node: ScalarNode) -> Any:
    """The value of a scalar node (YAML 1.2 core types plus dates, as ruamel.yaml reads them)."""
    tag = node.tag
    if tag == STR:
        return node.value
    convert = CONVERT.get(tag)
    if convert is None:
        if tag == MERGE:
            return node.value
        raise _Refused(
            f"the tag {tag!r} is not supported here; write the value without a tag",
            node.start_mark.line + 1,
        )
    try:
        return convert(node.value)
    except (ValueError, OverflowError) as exc:
        raise _Refused(value_error_message(node.value, exc), node.start_mark.line + 1) from None


class _Builder:
    """Turns a node tree into plain data, counting values (alias expansions included)."""

    def __init__(self) -> None:
        self.count = 0

    def build(self, node: Node, depth: int = 1) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise _Refused(TOO_MANY_VALUES, None)
        if isinstance(node, ScalarNode):
            return _scalar(node)
        if depth > MAX_DEPTH:
            raise _Refused(TOO_DEEP, node.start_mark.line + 1)
        if isinstance(node, SequenceNode):
            return [self.build(item, depth + 1) for item in node.value]
        assert isinstance(node, MappingNode)
        return self.mapping(node, depth)

    def mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        seen: dict[Any, int] = {}
        merged: list[MappingNode] = []
        for key_node, value_node in node.value:
            if key_node.tag == MERGE:
                sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
                if not all(isinstance(s, MappingNode) for s in sources):
                    raise _Refused(
                        "a merge key (<<) needs a mapping or a list of mappings",
                        key_node.start_mark.line + 1,
                    )
                merged.extend(sources)
                continue
            key = _key(key_node)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise _Refused(
                    f"duplicate key {str(key)!r} (first at line {seen[key]}); a key may appear"
                    " once in a mapping",
                    line,
                )
            seen[key] = line
            out[str(key)] = self.build(value_node, depth + 1)
        # Explicit keys win over merged ones; earlier merge sources over later ones.
        for source in merged:
            for key, value in self.mapping(source, depth).items():
                out.setdefault(key, value)
        return out


def _key(node: Node) -> Any:
    if not isinstance(node, ScalarNode):
        raise _Refused("a mapping key must be a plain value, not a list or mapping", None)
    key = _scalar(node)
    if isinstance(key, float) and math.isnan(key):
        return "nan"  # hashable and equal to itself, unlike NaN
    return key


def _pairs(node: MappingNode) -> list[tuple[Node, Node]]:
    """A mapping's own key/value pairs, then those of its merge sources (merged keys lose)."""
    own = [(k, v) for k, v in node.value if k.tag != MERGE]
    for k, v in node.value:
        if k.tag == MERGE:
            for source in v.value if isinstance(v, SequenceNode) else [v]:
                if isinstance(source, MappingNode):
                    own.extend(_pairs(source))
    return own


class NodeLocated(Located):
    """Plain data plus the node tree it was built from, which knows every value's line."""

    def __init__(self, path: Path, data: Any, root: Node | None, text: str = "") -> None:
        super().__init__(path, data)
        self.root = root
        #: The file's text, for checks that can search it once instead of every value.
        self.text = text

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """Return the 1-based line of the value at ``loc``, or of its deepest existing parent."""
        node = self.root
        if not isinstance(node, (MappingNode, SequenceNode)):
            return None
        line = 1
        for key in loc:
            found: Node | None = None
            if isinstance(node, MappingNode):
                for key_node, value_node in _pairs(node):
                    if isinstance(key_node, ScalarNode) and _key_text(key_node) == str(key):
                        line, found = key_node.start_mark.line + 1, value_node
                        break
            elif (
                isinstance(node, SequenceNode)
                and isinstance(key, int)
                and 0 <= key < len(node.value)
            ):
                found = node.value[key]
                line = found.start_mark.line + 1
            if found is None:
                break
            node = found
        return line

    def as_plain(self) -> Any:
        """The data, which this loader builds plain already."""
        return self.data


def _key_text(node: ScalarNode) -> str:
    try:
        return str(_key(node))
    except _Refused:
        return str(node.value)


def load_fast(path: Path, error_cls: type[InputError]) -> NodeLocated:
    """Parse a YAML or JSON file at C speed; every problem becomes ``error_cls`` with file (and
    line), worded as :func:`~mvi_rules._yaml.load_located` words it."""

    def fail(message: str, line: int | None = None) -> InputError:
        return error_cls([Problem(str(path), "", message, line)])

    text = read_text(path, fail, MAX_INPUT_BYTES)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        raise fail(
            f"not valid YAML/JSON: {exc.reason} (character #x{exc.character:04x})",
            line_at(text, exc.position),
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        msg = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        if "maximum nesting depth" in msg:
            raise fail(TOO_DEEP, mark.line + 1 if mark is not None else None) from None
        raise fail(
            f"not valid YAML/JSON: {msg}", mark.line + 1 if mark is not None else None
        ) from None
    except yaml.YAMLError as exc:
        raise fail(f"not valid YAML/JSON: {exc}") from None
    finally:
        loader.dispose()
    try:
        data = None if root is None else _Builder().build(root)
    except _Refused as exc:
        message = exc.message
        if message not in (TOO_DEEP, TOO_MANY_VALUES):
            message = f"not valid YAML/JSON: {message}"
        raise fail(message, exc.line) from None
    return NodeLocated(path, data, root, text)


def load_value(text: str) -> Any:
    """The value of a short YAML text (``2``, ``true``, ``[a, b]``), read as the catalogue is.

    Raises :class:`ValueError` when ``text`` is not valid YAML or holds an unreadable value.
    """
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        raise ValueError(str(exc)) from None
    finally:
        loader.dispose()
    try:
        return None if root is None else _Builder().build(root)
    except _Refused as exc:
        raise ValueError(exc.message) from None
