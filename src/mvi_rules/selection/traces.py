"""The explanation of every decision (a :class:`ConditionTrace` per criterion and lot), built
cheaply.

A result explains every criterion for every lot, selected or not: thousands of small trees per
evaluation. Built one validated pydantic model at a time they took most of an evaluation and
kept the garbage collector busy (p95 about 3x p50). Here each condition is compiled once per
catalogue, identical parts of conditions are compiled to one builder (criteria share their
product-group and ambition tests), and within one lot each builder makes its trace once: the
result holds the same (immutable) trace wherever the same part explains a decision. The text
and outcome of each part are those of :func:`~mvi_rules.conditions.trace`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from pydantic import BaseModel

from ..conditions import All, Node, Not, Test, compile_check
from ..conditions.evaluate import Facts
from ..conditions.tree import format_value
from ..engine.compiled import EntryLike, PerCatalogue
from .result import ConditionTrace

#: Traces already built for one lot, by builder number.
Memo = dict[int, ConditionTrace]
#: Builds the trace of one condition for a lot's facts.
Builder = Callable[[Facts, Memo], ConditionTrace]

M = TypeVar("M", bound=BaseModel)
_set = object.__setattr__


def light(cls: type[M], **values: Any) -> M:
    """A model made of values that are already valid, given for every field.

    What :meth:`~pydantic.BaseModel.model_construct` makes, without its per-field lookups of
    aliases and defaults (which cost more than the small models made here by the thousand).
    Only for values built by mvi-rules itself from validated data; the tests check that the
    model equals and serialises like a validated one.
    """
    model = cls.__new__(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", set(values))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def _construct(holds: bool, text: str, children: list[ConditionTrace]) -> ConditionTrace:
    # light(ConditionTrace, ...) spelled out: this runs hundreds of times per evaluation.
    model = _new(ConditionTrace)
    _set(model, "__dict__", {"holds": holds, "text": text, "children": children})
    _set(model, "__pydantic_fields_set__", {"holds", "text", "children"})
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


_new = ConditionTrace.__new__


def _compile(node: Node, known: dict[str, Builder]) -> Builder:
    """One builder per distinct part: equal parts (in any criterion) share a builder.

    Parts are told apart by their repr, not by ``==``: ``is 2`` and ``is 2.0`` (or ``is true``
    and ``is 1``) are equal as Python values but are written differently in the trace.
    """
    key = repr(node)
    found = known.get(key)
    if found is not None:
        return found
    builder: Builder
    if isinstance(node, Test):
        check = compile_check(node)
        field = node.field
        head = f"{node.describe()} (profile: "

        def test(facts: Facts, memo: Memo) -> ConditionTrace:
            made = memo.get(number)
            if made is None:
                actual = facts.get(field)
                shown = "not set" if actual is None else format_value(actual)
                made = memo[number] = _construct(
                    holds=check(facts), text=head + shown + ")", children=[]
                )
            return made

        builder = test
    elif isinstance(node, Not):
        inner = _compile(node.item, known)

        def negation(facts: Facts, memo: Memo) -> ConditionTrace:
            made = memo.get(number)
            if made is None:
                child = inner(facts, memo)
                made = memo[number] = _construct(
                    holds=not child.holds, text="not", children=[child]
                )
            return made

        builder = negation
    else:
        parts = tuple(_compile(item, known) for item in node.items)
        every = isinstance(node, All)
        text = "all of" if every else "any of"

        def group(facts: Facts, memo: Memo) -> ConditionTrace:
            made = memo.get(number)
            if made is None:
                children = [part(facts, memo) for part in parts]
                held = all(c.holds for c in children) if every else any(c.holds for c in children)
                made = memo[number] = _construct(holds=held, text=text, children=children)
            return made

        builder = group
    # Numbered once its parts are: every builder of a catalogue gets its own number (the
    # builders above read it when they run, not when they are made).
    number = len(known)
    known[key] = builder
    return builder


def _builders(entries: Iterable[EntryLike]) -> dict[str, Builder]:
    known: dict[str, Builder] = {}
    return {e.criterion.id: _compile(e.condition, known) for e in entries}


#: Per catalogue: criterion id -> the builder of its full condition's trace.
trace_builders: PerCatalogue[dict[str, Builder]] = PerCatalogue(_builders)
