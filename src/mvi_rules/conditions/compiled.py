"""Conditions compiled once into Python closures, for evaluating them many times.

:func:`~.evaluate.holds` walks the tree and dispatches on the operator at every test of every
criterion for every lot; a catalogue is evaluated far more often than it is loaded, so each test
is turned once into a closure specialised for its operator. The semantics are those of
:func:`~.evaluate.holds` (the tests compare both on generated trees and facts).
"""

from __future__ import annotations

from collections.abc import Callable

from .evaluate import Facts
from .tree import All, Node, Not, Op, Test

#: A compiled condition: whether it holds for a lot's facts.
Check = Callable[[Facts], bool]


def compile_check(node: Node) -> Check:
    """A closure that returns ``holds(node, facts)`` for any ``facts``."""
    if isinstance(node, Test):
        return _compile_test(node)
    if isinstance(node, Not):
        inner = compile_check(node.item)
        return lambda facts: not inner(facts)
    parts = tuple(compile_check(item) for item in node.items)
    if isinstance(node, All):
        if len(parts) == 1:
            return parts[0]

        # A loop, not all(generator): this runs for every criterion and lot, and the
        # generator costs more than the tests it runs.
        def every(facts: Facts) -> bool:
            for part in parts:  # noqa: SIM110
                if not part(facts):
                    return False
            return True

        return every

    def some(facts: Facts) -> bool:
        for part in parts:  # noqa: SIM110
            if part(facts):
                return True
        return False

    return some


def _compile_test(test: Test) -> Check:
    field, op, expected = test.field, test.op, test.value
    if op is Op.IS_SET:
        return lambda facts: facts.get(field) is not None
    if op is Op.IS_NOT_SET:
        return lambda facts: facts.get(field) is None
    # A missing value is "not" anything: only the negative operators hold for it.
    absent = op in (Op.IS_NOT, Op.NOT_ONE_OF, Op.NOT_INCLUDES)
    compare = _comparison(op, expected)

    def check(facts: Facts) -> bool:
        actual = facts.get(field)
        return absent if actual is None else compare(actual)

    return check


def _comparison(op: Op, expected: object) -> Callable[[object], bool]:
    """How a present value is compared for ``op`` (as :func:`~.evaluate._test` compares it)."""
    if op is Op.IS:
        return lambda actual: actual == expected
    if op is Op.IS_NOT:
        return lambda actual: actual != expected
    if op in (Op.ONE_OF, Op.NOT_ONE_OF, Op.INCLUDES_ANY) and not isinstance(expected, tuple):
        return lambda _actual: False
    if op is Op.ONE_OF:
        return lambda actual: actual in expected  # type: ignore[operator]
    if op is Op.NOT_ONE_OF:
        return lambda actual: actual not in expected  # type: ignore[operator]
    if op is Op.INCLUDES:
        return lambda actual: expected in (actual if isinstance(actual, tuple) else (actual,))
    if op is Op.NOT_INCLUDES:
        return lambda actual: expected not in (actual if isinstance(actual, tuple) else (actual,))
    if op is Op.INCLUDES_ANY:
        wanted: tuple[object, ...] = expected  # type: ignore[assignment]

        def includes_any(actual: object) -> bool:
            items = actual if isinstance(actual, tuple) else (actual,)
            return any(v in items for v in wanted)

        return includes_any
    if not isinstance(expected, (int, float)):
        return lambda _actual: False
    bound = expected
    # Lists, words and booleans never compare as numbers.
    if op is Op.AT_LEAST:
        return lambda actual: not isinstance(actual, _NOT_NUMBERS) and actual >= bound  # type: ignore[operator]
    if op is Op.AT_MOST:
        return lambda actual: not isinstance(actual, _NOT_NUMBERS) and actual <= bound  # type: ignore[operator]
    if op is Op.MORE_THAN:
        return lambda actual: not isinstance(actual, _NOT_NUMBERS) and actual > bound  # type: ignore[operator]
    return lambda actual: not isinstance(actual, _NOT_NUMBERS) and actual < bound  # type: ignore[operator]


_NOT_NUMBERS = (tuple, str, bool)
