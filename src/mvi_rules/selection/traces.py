"""The explanation of every decision (a :class:`ConditionTrace` per criterion and lot), built
cheaply and only when read.

A result explains every criterion for every lot, selected or not: thousands of small trees per
evaluation. Built one validated pydantic model at a time they took most of an evaluation and
kept the garbage collector busy (p95 about 3x p50); built all at once, even cheaply, they still
cost as much as the rest of the evaluation. Here the conditions are turned once per catalogue
into a flat plan of their distinct parts (criteria share their product-group and ambition
tests); a lot's traces are made, every part once, when the first decisions are read (see
:mod:`.deferred`): the result holds the same (immutable) trace wherever the same part explains
a decision. The text and outcome of each part are those of
:func:`~mvi_rules.conditions.trace`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..conditions import All, Check, Node, Not, Test, compile_check
from ..conditions.evaluate import Facts
from ..conditions.tree import format_value
from ..engine.compiled import EntryLike, PerCatalogue
from .result import ConditionTrace

_set = object.__setattr__


_new = ConditionTrace.__new__


_TEST, _NOT, _GROUP = 0, 1, 2
#: One step of a plan, (kind, first, second, text): a test (its check, its field, its text up
#: to the value), a negation (the number of its part) or a group (the numbers of its parts,
#: whether all must hold, its text). Plain tuples, as the plan runs for every part and lot.
_Step = tuple[int, Any, Any, str]


class TracePlan:
    """Every distinct part of a catalogue's conditions, numbered so that parts come first.

    Equal parts (in any criterion) are one step, so each is explained once per lot and the
    result holds the same (immutable) trace wherever that part explains a decision. Parts are
    told apart by their repr, not by ``==``: ``is 2`` and ``is 2.0`` (or ``is true`` and
    ``is 1``) are equal as Python values but are written differently in the trace.
    """

    def __init__(self, conditions: Iterable[tuple[str, Node]]) -> None:
        self._numbers: dict[str, int] = {}
        self._steps: list[_Step] = []
        #: Criterion id -> the number of its full condition's step, in catalogue order.
        self.roots: dict[str, int] = {cid: self._add(node) for cid, node in conditions}

    def _add(self, node: Node) -> int:
        key = repr(node)
        found = self._numbers.get(key)
        if found is not None:
            return found
        step: _Step
        if isinstance(node, Test):
            check: Check = compile_check(node)
            step = (_TEST, check, node.field, f"{node.describe()} (profile: ")
        elif isinstance(node, Not):
            step = (_NOT, self._add(node.item), None, "not")
        else:
            parts = tuple(self._add(item) for item in node.items)
            every = isinstance(node, All)
            step = (_GROUP, parts, all if every else any, "all of" if every else "any of")
        # Numbered once its parts are, so a step only reads steps before it.
        self._numbers[key] = number = len(self._steps)
        self._steps.append(step)
        return number

    def holds(self, facts: Facts) -> list[bool]:
        """Whether each part holds for one lot's facts, by step number, explaining nothing.

        ``holds(facts)[roots[cid]]`` is whether criterion ``cid``'s condition holds, as
        :func:`~mvi_rules.conditions.holds` decides it. Each distinct part is decided once,
        however many criteria share it: about half the work of deciding every criterion's
        condition on its own.
        """
        held: list[bool] = []
        add, pick = held.append, held.__getitem__
        for kind, first, second, _ in self._steps:
            if kind == _TEST:
                add(first(facts))
            elif kind == _NOT:
                add(not held[first])
            else:
                add(second(map(pick, first)))
        return held

    def for_lot(self, facts: Facts) -> LotTraces:
        """The traces of one lot's facts, each made when it is first asked for."""
        return LotTraces(self._steps, facts)


class LotTraces:
    """The trace of every part of a catalogue's conditions for one lot, made on first use.

    Every part is explained at once, in one pass over the plan, the first time any decision
    is read (most results are never asked why a criterion was left out): a part once per lot,
    however many criteria share it.
    """

    __slots__ = ("_facts", "_made", "_steps")

    def __init__(self, steps: list[_Step], facts: Facts) -> None:
        self._steps = steps
        self._facts = facts
        self._made: list[ConditionTrace] | None = None

    def trace(self, number: int) -> ConditionTrace:
        """The trace of step ``number`` (e.g. ``plan.roots[cid]``: criterion ``cid``'s).

        Its ``holds`` is what :func:`~mvi_rules.conditions.holds` decides for the part.
        """
        made = self._made
        if made is None:
            # Two threads may both explain the lot; either list is complete, one is kept.
            made = self._made = self._explain()
        return made[number]

    def _explain(self) -> list[ConditionTrace]:
        facts = self._facts
        made: list[ConditionTrace] = []
        holds: list[bool] = []
        shown: dict[str, str] = {}
        add, held, pick, new, put = made.append, holds.append, made.__getitem__, _new, _set
        for kind, first, second, text in self._steps:
            if kind == _TEST:
                # A lot's value is written once per field, however many tests read it.
                value = shown.get(second)
                if value is None:
                    actual = facts.get(second)
                    value = "not set" if actual is None else format_value(actual)
                    shown[second] = value
                result = first(facts)
                values = {"holds": result, "text": text + value + ")", "children": []}
            elif kind == _NOT:
                result = not holds[first]
                values = {"holds": result, "text": text, "children": [made[first]]}
            else:
                result = second(map(holds.__getitem__, first))
                values = {"holds": result, "text": text, "children": list(map(pick, first))}
            # light(ConditionTrace, ...) spelled out: this runs for every part and every lot.
            trace = new(ConditionTrace)
            put(trace, "__dict__", values)
            put(trace, "__pydantic_fields_set__", {"holds", "text", "children"})
            put(trace, "__pydantic_extra__", None)
            put(trace, "__pydantic_private__", None)
            add(trace)
            held(result)
        return made


class Reference(Mapping[str, list[tuple[str, bool]]]):
    """The reference evaluation of every criterion for every lot, from each lot's
    :meth:`TracePlan.holds`.

    As a mapping: criterion id -> (lot id, whether its condition holds) per lot, in lot order,
    made when asked for (an evaluation reads it for the few criteria it selects or explains);
    :attr:`holding` has the criteria that hold for some lot.
    """

    __slots__ = ("_held", "_roots", "holding")

    def __init__(self, roots: dict[str, int], held: Sequence[tuple[str, list[bool]]]) -> None:
        self._roots = roots
        self._held = held
        holding: dict[str, list[str]] = {}
        for lot_id, parts in held:
            for criterion_id in [cid for cid, root in roots.items() if parts[root]]:
                holding.setdefault(criterion_id, []).append(lot_id)
        if len(held) > 1:
            # In catalogue order, as each lot's own list is.
            holding = {cid: holding[cid] for cid in roots if cid in holding}
        #: Criterion id -> the lots its condition holds for (in lot order), for the criteria
        #: that hold for at least one lot, in catalogue order.
        self.holding = holding

    def __getitem__(self, criterion_id: str) -> list[tuple[str, bool]]:
        root = self._roots[criterion_id]
        return [(lot_id, parts[root]) for lot_id, parts in self._held]

    def __iter__(self) -> Iterator[str]:
        return iter(self._roots)

    def __len__(self) -> int:
        return len(self._roots)


def _plan(entries: Iterable[EntryLike]) -> TracePlan:
    return TracePlan((e.criterion.id, e.condition) for e in entries)


#: Per catalogue: the plan that explains every criterion's condition for a lot.
trace_plans: PerCatalogue[TracePlan] = PerCatalogue(_plan)
