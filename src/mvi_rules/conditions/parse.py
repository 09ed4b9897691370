"""Parsing the ruleset condition language into the neutral tree.

A condition is written in YAML as a test in words, or ``all`` / ``any`` / ``not`` over
conditions (a plain list means ``all``)::

    when:
      all:
        - lot.refurbished is not wanted
        - any:
            - buyer.authority_type is state
            - commitments.isv_policy is true

A test is ``<field> <operator> [<value>]``; the fields are listed in :mod:`.fields`, the operators
in :class:`~.tree.Op`. Values are written as in YAML: ``2``, ``true``, ``laptop``,
``[laptop, desktop]``.
"""

from __future__ import annotations

import math
import re
from typing import Any as AnyType

from .._cyaml import load_value
from ..errors import ConditionSyntaxError
from .fields import FIELDS, FieldSpec, Kind
from .tree import All, Any, Node, Not, Op, Scalar, Test, Value

Path = tuple[str | int, ...]


# Longest operators first so "is not one of" is not read as "is not".
_OPS = sorted(Op, key=lambda op: len(op.value), reverse=True)
_TEST = re.compile(
    r"^(?P<field>[a-z_]+(?:\.[a-z_]+)+)\s+(?P<rest>.+)$",
)

_OPS_FOR_KIND: dict[Kind, tuple[Op, ...]] = {
    Kind.ENUM: (Op.IS, Op.IS_NOT, Op.ONE_OF, Op.NOT_ONE_OF, Op.IS_SET, Op.IS_NOT_SET),
    Kind.BOOL: (Op.IS, Op.IS_NOT),
    Kind.NUMBER: (
        Op.IS,
        Op.IS_NOT,
        Op.AT_LEAST,
        Op.AT_MOST,
        Op.MORE_THAN,
        Op.LESS_THAN,
        Op.ONE_OF,
        Op.NOT_ONE_OF,
        Op.IS_SET,  # only for a number that may be unset (lot.estimated_value_eur)
        Op.IS_NOT_SET,
    ),
    Kind.ENUM_LIST: (Op.INCLUDES, Op.NOT_INCLUDES, Op.INCLUDES_ANY),
}
_LIST_OPS = (Op.ONE_OF, Op.NOT_ONE_OF, Op.INCLUDES_ANY)
_NO_VALUE_OPS = (Op.IS_SET, Op.IS_NOT_SET)


def parse_condition(raw: AnyType, path: Path = ()) -> Node:
    """Parse a condition as read from YAML; raise :class:`ConditionSyntaxError` when invalid."""
    if raw is None:
        return All(())
    if isinstance(raw, str):
        return parse_test(raw, path)
    if isinstance(raw, list):
        return All(tuple(parse_condition(item, (*path, i)) for i, item in enumerate(raw)))
    if isinstance(raw, dict):
        if len(raw) != 1:
            raise ConditionSyntaxError(
                path, "a condition mapping has exactly one key: all, any or not"
            )
        ((key, body),) = raw.items()
        if key in ("all", "any"):
            if not isinstance(body, list) or not body:
                raise ConditionSyntaxError((*path, key), f"'{key}' takes a non-empty list")
            items = tuple(_nested(item, (*path, key, i)) for i, item in enumerate(body))
            return All(items) if key == "all" else Any(items)
        if key == "not":
            return Not(_nested(body, (*path, key)))
        raise ConditionSyntaxError(path, f"unknown key {key!r}; use all, any or not")
    raise ConditionSyntaxError(path, f"a condition is a test in words or all/any/not, not {raw!r}")


def _nested(raw: AnyType, path: Path) -> Node:
    # An empty condition at the top means "always"; nested (``not: null``, ``any: [null]``) it
    # is almost certainly a mistake, and ``not`` of "always" would silently mean "never".
    if raw is None or raw == [] or raw == {}:
        raise ConditionSyntaxError(path, "an empty condition is only allowed as the whole 'when'")
    return parse_condition(raw, path)


#: Numbers in conditions stay within what every backend holds exactly: durable-rules keeps
#: 64-bit integers and reads no exponent without a decimal point (1e-05, 1e+22).
_NUMBER_LIMIT = 2**53


def parse_test(text: str, path: Path = ()) -> Test:
    """Parse one test such as ``ambition.circularity is at least 2``."""
    text = " ".join(text.split())
    match = _TEST.match(text)
    if not match:
        raise ConditionSyntaxError(
            path, f"cannot read test {text!r}; write '<field> <operator> <value>'"
        )
    field, rest = match.group("field"), match.group("rest")
    spec = FIELDS.get(field)
    if spec is None:
        raise ConditionSyntaxError(
            path, f"unknown field {field!r}; known fields: {', '.join(sorted(FIELDS))}"
        )
    for op in _OPS:
        if rest == op.value or rest.startswith(op.value + " "):
            value_text = rest[len(op.value) :].strip()
            break
    else:
        raise ConditionSyntaxError(
            path,
            f"unknown operator in {text!r}; operators: "
            + ", ".join(op.value for op in _OPS_FOR_KIND[spec.kind]),
        )
    if op not in _OPS_FOR_KIND[spec.kind]:
        raise ConditionSyntaxError(
            path,
            f"{field} is a {spec.kind.value} field; it takes "
            + ", ".join(o.value for o in _OPS_FOR_KIND[spec.kind]),
        )
    if op in _NO_VALUE_OPS:
        if value_text:
            raise ConditionSyntaxError(path, f"'{op.value}' takes no value")
        if not spec.optional:
            raise ConditionSyntaxError(path, f"{field} is always set; '{op.value}' cannot vary")
        return Test(field, op)
    if not value_text:
        raise ConditionSyntaxError(path, f"'{op.value}' needs a value")
    value = _check_value(field, spec, op, _read_value(value_text, path), path)
    return Test(field, op, value)


def _read_value(text: str, path: Path) -> AnyType:
    try:
        return load_value(text)
    except ValueError:
        raise ConditionSyntaxError(path, f"cannot read value {text!r}") from None


def _check_value(field: str, spec: FieldSpec, op: Op, value: AnyType, path: Path) -> Value:
    if op in _LIST_OPS:
        if not isinstance(value, list) or not value:
            raise ConditionSyntaxError(path, f"'{op.value}' takes a list like [a, b]")
        return tuple(_check_scalar(field, spec, v, path) for v in value)
    if isinstance(value, list):
        raise ConditionSyntaxError(path, f"'{op.value}' takes one value, not a list")
    return _check_scalar(field, spec, value, path)


def _check_scalar(field: str, spec: FieldSpec, value: AnyType, path: Path) -> Scalar:
    if spec.kind is Kind.BOOL:
        if not isinstance(value, bool):
            raise ConditionSyntaxError(path, f"{field} is true or false, not {value!r}")
        return value
    if spec.kind is Kind.NUMBER:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConditionSyntaxError(path, f"{field} is a number, not {value!r}")
        if (
            not math.isfinite(value)
            or abs(value) > _NUMBER_LIMIT
            or (isinstance(value, float) and "e" in repr(value) and not value.is_integer())
        ):
            raise ConditionSyntaxError(
                path,
                f"{field}: the number {value!r} cannot be used in a condition; use a finite "
                f"number up to {_NUMBER_LIMIT} with at most 4 leading zeros after the point",
            )
        return value
    if not isinstance(value, str) or value not in spec.allowed:
        raise ConditionSyntaxError(
            path, f"{field} has no value {value!r}; valid: {', '.join(spec.allowed)}"
        )
    return value
