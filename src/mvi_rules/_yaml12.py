"""YAML 1.2 scalars as ruamel.yaml reads them, for the C-speed loader (:mod:`._cyaml`).

PyYAML resolves plain scalars by YAML 1.1 (``yes``/``no``/``on``/``off`` are booleans, ``010``
is octal, ``1:30`` is a number); the catalogue is YAML 1.2, as ruamel.yaml reads it for
profiles and ledgers. :class:`Resolver12` carries ruamel.yaml's YAML 1.2 implicit resolvers and
:data:`CONVERT` converts each type's text as ruamel.yaml does, so both loaders give the same data
(the tests compare them on every shipped file and on generated scalars).
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from typing import Any

from yaml.resolver import BaseResolver

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
IMPLICIT: dict[str, list[tuple[str, re.Pattern[str]]]] = Resolver12.yaml_implicit_resolvers

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


CONVERT: dict[str, Callable[[str], Any]] = {
    STR: str,
    NULL: lambda _text: None,
    BOOL: lambda text: text[0] in "tT",
    INT: _int,
    FLOAT: _float,
    TIMESTAMP: _timestamp,
}
