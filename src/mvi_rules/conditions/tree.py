"""The engine-neutral condition tree.

Ruleset conditions are parsed into these nodes; the durable-rules compiler and the plain
evaluator both work from them, and explanations are built by walking them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

Scalar = str | int | float | bool
Value = Scalar | tuple[Scalar, ...] | None


class Op(str, Enum):
    """Comparison operators, spelled as a legal adviser reads them."""

    IS = "is"
    IS_NOT = "is not"
    AT_LEAST = "is at least"
    AT_MOST = "is at most"
    MORE_THAN = "is more than"
    LESS_THAN = "is less than"
    ONE_OF = "is one of"
    NOT_ONE_OF = "is not one of"
    INCLUDES = "includes"
    NOT_INCLUDES = "does not include"
    INCLUDES_ANY = "includes any of"
    IS_SET = "is set"
    IS_NOT_SET = "is not set"


#: The operator that holds exactly when the key does not, for a field that is present.
NEGATED = {
    Op.IS: Op.IS_NOT,
    Op.IS_NOT: Op.IS,
    Op.AT_LEAST: Op.LESS_THAN,
    Op.LESS_THAN: Op.AT_LEAST,
    Op.AT_MOST: Op.MORE_THAN,
    Op.MORE_THAN: Op.AT_MOST,
    Op.ONE_OF: Op.NOT_ONE_OF,
    Op.NOT_ONE_OF: Op.ONE_OF,
    Op.INCLUDES: Op.NOT_INCLUDES,
    Op.NOT_INCLUDES: Op.INCLUDES,
    Op.IS_SET: Op.IS_NOT_SET,
    Op.IS_NOT_SET: Op.IS_SET,
}

#: Operators that hold when the field is absent (a missing value is "not" anything).
HOLDS_WHEN_ABSENT = frozenset({Op.IS_NOT, Op.NOT_ONE_OF, Op.NOT_INCLUDES, Op.IS_NOT_SET})


@dataclass(frozen=True)
class Test:
    """A single comparison of a profile field with a value."""

    __test__ = False  # not a pytest test class, despite the name

    field: str
    op: Op
    value: Value = None

    def describe(self) -> str:
        """The test as written in a ruleset."""
        if self.value is None:
            return f"{self.field} {self.op.value}"
        return f"{self.field} {self.op.value} {format_value(self.value)}"


@dataclass(frozen=True)
class All:
    """Holds when every item holds (an empty All holds)."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class Any:
    """Holds when at least one item holds (an empty Any does not hold)."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    """Holds when its item does not."""

    item: Node


Node = Test | All | Any | Not


def format_value(value: Value) -> str:
    """Render a value the way it is written in a ruleset."""
    if isinstance(value, tuple):
        return "[" + ", ".join(format_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def fields_of(node: Node) -> set[str]:
    """Every profile field a condition reads."""
    if isinstance(node, Test):
        return {node.field}
    if isinstance(node, Not):
        return fields_of(node.item)
    out: set[str] = set()
    for item in node.items:
        out |= fields_of(item)
    return out
