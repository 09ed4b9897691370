"""Evaluating the condition tree in plain Python, with a trace of what held.

This is both the reference semantics of the condition language and the explanation builder:
the durable-rules backend decides which criteria match, and this module says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .tree import All, Any, Node, Not, Op, Test, Value, format_value

Facts = Mapping[str, Value]


@dataclass(frozen=True)
class Trace:
    """The outcome of one node: whether it held, what it said, and its children's outcomes."""

    holds: bool
    text: str
    children: tuple[Trace, ...] = ()


def holds(node: Node, facts: Facts) -> bool:
    """Whether ``node`` holds for ``facts`` (absent fields are simply missing keys)."""
    if isinstance(node, Test):
        return _test(node, facts)
    if isinstance(node, All):
        return all(holds(item, facts) for item in node.items)
    if isinstance(node, Any):
        return any(holds(item, facts) for item in node.items)
    return not holds(node.item, facts)


def trace(node: Node, facts: Facts) -> Trace:
    """Evaluate ``node`` and record each part's outcome, for explanations."""
    if isinstance(node, Test):
        actual = facts.get(node.field)
        shown = "not set" if actual is None else format_value(actual)
        return Trace(_test(node, facts), f"{node.describe()} (profile: {shown})")
    if isinstance(node, Not):
        inner = trace(node.item, facts)
        return Trace(not inner.holds, "not", (inner,))
    children = tuple(trace(item, facts) for item in node.items)
    if isinstance(node, All):
        return Trace(all(c.holds for c in children), "all of", children)
    return Trace(any(c.holds for c in children), "any of", children)


def _test(test: Test, facts: Facts) -> bool:
    actual = facts.get(test.field)
    op, expected = test.op, test.value
    if op is Op.IS_SET:
        return actual is not None
    if op is Op.IS_NOT_SET:
        return actual is None
    if actual is None:
        return op in (Op.IS_NOT, Op.NOT_ONE_OF, Op.NOT_INCLUDES)
    if op is Op.IS:
        return actual == expected
    if op is Op.IS_NOT:
        return actual != expected
    if op is Op.ONE_OF:
        return isinstance(expected, tuple) and actual in expected
    if op is Op.NOT_ONE_OF:
        return isinstance(expected, tuple) and actual not in expected
    if op in (Op.INCLUDES, Op.NOT_INCLUDES, Op.INCLUDES_ANY):
        items = actual if isinstance(actual, tuple) else (actual,)
        if op is Op.INCLUDES:
            return expected in items
        if op is Op.NOT_INCLUDES:
            return expected not in items
        return isinstance(expected, tuple) and any(v in items for v in expected)
    if isinstance(actual, (tuple, str, bool)) or not isinstance(expected, (int, float)):
        return False
    if op is Op.AT_LEAST:
        return actual >= expected
    if op is Op.AT_MOST:
        return actual <= expected
    if op is Op.MORE_THAN:
        return actual > expected
    return actual < expected
