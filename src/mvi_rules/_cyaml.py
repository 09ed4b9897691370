"""The catalogue's YAML loader: libyaml's C parser, YAML 1.2 scalars, a line for every value.

Loading the catalogue with ruamel.yaml's round-trip loader took about a second, nearly all of it
in the pure-Python parser. Here PyYAML's C parser (libyaml) composes the node tree, which keeps
the line of every node, and a small constructor turns the nodes into plain dicts, lists and
scalars. The tree stays beside the data so :meth:`NodeLocated.line_of` can still name the line of
any field.

PyYAML resolves scalars by YAML 1.1 (``yes``/``no``/``on``/``off`` are booleans, ``010`` is
octal, ``1:30`` is a number); the catalogue is YAML 1.2, as ruamel.yaml reads it for profiles and
ledgers. :class:`Resolver12` therefore carries ruamel.yaml's YAML 1.2 implicit resolvers, and
:func:`_scalar` converts as ruamel.yaml does, so both loaders give the same data (the tests
compare them on every shipped file and on generated scalars). Where ruamel.yaml gives an object
no model accepts (``!!str`` on a plain scalar, an unknown ``!tag``, ``=`` as a value), this
loader gives the string or refuses the tag with its line.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

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


_TAG = "tag:yaml.org,2002:"
STR, NULL, BOOL, INT, FLOAT = (_TAG + t for t in ("str", "null", "bool", "int", "float"))
TIMESTAMP, MERGE, SEQ, MAP = (_TAG + t for t in ("timestamp", "merge", "seq", "map"))


class Resolver12(BaseResolver):
    """YAML 1.2 implicit types, exactly as ruamel.yaml resolves them for version 1.2.

    Unlike YAML 1.1 (PyYAML's default): ``yes``/``no``/``on``/``off``/``y``/``n`` are strings,
    ``010`` is ten, ``1:30`` is a string. Like ruamel.yaml, ``1_000`` is 1000 and a date is a
    date. The order matters: the first matching resolver for a first character wins.
    """

    yaml_implicit_resolvers: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}  # noqa: RUF012
    # (a class attribute, as PyYAML declares it: add_implicit_resolver fills it per class)


for _tag, _pattern, _first in (
    (BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (
        FLOAT,
        r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
        "-+0123456789.",
    ),
    (
        INT,
        r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""",
        "-+0123456789",
    ),
    (MERGE, r"^(?:<<)$", "<"),
    (NULL, r"^(?: ~ |null|Null|NULL | )$", ["~", "n", "N", ""]),
    (
        TIMESTAMP,
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        "0123456789",
    ),
):
    Resolver12.add_implicit_resolver(_tag, re.compile(_pattern, re.X), list(_first))

#: First character ('' for the empty scalar) -> (tag, pattern), in the order they are tried.
_IMPLICIT: dict[str, list[tuple[str, re.Pattern[str]]]] = Resolver12.yaml_implicit_resolvers

_TIMESTAMP = re.compile(
    r"""^(?P<year>[0-9][0-9][0-9][0-9])
       -(?P<month>[0-9][0-9]?)
       -(?P<day>[0-9][0-9]?)
       (?:((?P<t>[Tt])|[ \t]+)
       (?P<hour>[0-9][0-9]?)
       :(?P<minute>[0-9][0-9])
       :(?P<second>[0-9][0-9])
       (?:\.(?P<fraction>[0-9]*))?
        (?:[ \t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9][0-9]?)
       (?::(?P<tz_minute>[0-9][0-9]))?))?)?$""",
    re.X,
)


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
                for tag, regexp in _IMPLICIT.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return STR
        return SEQ if kind is SequenceNode else MAP


class _Refused(Exception):
    """A value the constructor refuses: message and 1-based line (if any)."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message, self.line = message, line


def _int(text: str) -> int:
    value = text.replace("_", "")
    sign = -1 if value[0] == "-" else 1
    if value[0] in "+-":
        value = value[1:]
    for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
        if value.startswith(prefix):
            return sign * int(value[2:], base)
    return sign * int(value)


def _float(text: str) -> float:
    value = text.replace("_", "").lower()
    sign = -1 if value[0] == "-" else 1
    if value[0] in "+-":
        value = value[1:]
    if value == ".inf":
        return sign * math.inf
    if value == ".nan":
        return math.nan
    return sign * float(value)


def _timestamp(text: str) -> datetime.date:
    match = _TIMESTAMP.match(text)
    if match is None:
        raise ValueError("not a date")
    v = match.groupdict()
    day = datetime.date(int(v["year"]), int(v["month"]), int(v["day"]))
    if v["hour"] is None:
        return day
    fraction = v["fraction"] or ""
    micro = int((fraction[:6]).ljust(6, "0"))
    if len(fraction) > 6 and int(fraction[6]) > 4:
        micro += 1  # ruamel.yaml rounds the seventh digit
    tzinfo = None
    if v["tz_sign"]:
        delta = datetime.timedelta(hours=int(v["tz_hour"]), minutes=int(v["tz_minute"] or 0))
        tzinfo = datetime.timezone(-delta if v["tz_sign"] == "-" else delta, name=v["tz"])
    elif v["tz"] == "Z":
        tzinfo = datetime.timezone(datetime.timedelta(0), name="Z")
    if micro > 999_999:
        return datetime.datetime(
            day.year,
            day.month,
            day.day,
            int(v["hour"]),
            int(v["minute"]),
            int(v["second"]),
            0,
            tzinfo,
        ) - datetime.timedelta(seconds=1)
    return datetime.datetime(
        day.year,
        day.month,
        day.day,
        int(v["hour"]),
        int(v["minute"]),
        int(v["second"]),
        micro,
        tzinfo,
    )


_CONVERT: dict[str, Callable[[str], Any]] = {
    STR: str,
    NULL: lambda _text: None,
    BOOL: lambda text: text[0] in "tT",
    INT: _int,
    FLOAT: _float,
    TIMESTAMP: _timestamp,
}


def _scalar(node: ScalarNode) -> Any:
    """The value of a scalar node (YAML 1.2 core types plus dates, as ruamel.yaml reads them)."""
    tag = node.tag
    if tag == STR:
        return node.value
    convert = _CONVERT.get(tag)
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
