"""Conditions in the form durable-rules can run: disjunctive normal form over one-key tests.

Each criterion's condition tree becomes a disjunction of conjunctive terms of :class:`Atom`
tests, each test written in durable-rules' JSON rule language (``$eq`` as ``{key: value}``,
``$neq``, ``$lt``, ``$lte``, ``$gt``, ``$gte``, ``$ex``, ``$nex``, ``$iany``/``$iall`` with
``$i``). :mod:`.durable_compile` turns the terms into rules and rulesets (and an ``$iany`` of a
text into a flag test). Pure Python; it does not import durable-rules.

Several durable-rules failures are avoided here rather than at run time:

* Every distinct conjunctive term becomes its own rule (one rule for a term several criteria
  share), so a rule fires at most once per fact and the number of rules bounds the activations
  a fact causes (durable-rules expands ``$or`` itself and fires once per true branch; more than
  64 activations for one fact fail with error 303).
* ``Not`` is pushed down to the tests (the JSON has no negation), keeping the reference
  semantics for absent fields: ``not (x is at least 2)`` holds when ``x`` is absent.
* Constant true/false parts are folded away, so no empty ``$and``/``$or`` reaches the engine
  (a nested empty ``$and`` matches the engine's own session-state object and loops forever).
* Every ``$iany``/``$iall`` tests exactly one item: ``includes any of [a, b]`` becomes the
  alternatives ``$iany a`` | ``$iany b`` (separate rules), and its negation the conjunction
  ``$iall != a`` & ``$iall != b``. durable-rules' C compiler intermittently fails with error 102
  (ERR_UNEXPECTED_TYPE, "Could not create ruleset") for an ``$iany``/``$iall`` holding an inner
  ``$or``: the failure depends on leftover heap contents, not on the input (it appears to read
  an uninitialised field of the inner node), so that shape is never emitted.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Any

from ..conditions.tree import HOLDS_WHEN_ABSENT, NEGATED, All, Node, Not, Op, Scalar, Test
from ..errors import EngineError

#: Fact key that tells lot facts from the engine's own session-state object (``{"sid", "id",
#: "$s"}``), which durable-rules matches against rules too. Without it a rule whose only test is
#: ``$nex`` matches the state object, and since durable-rules' own host rewrites that object
#: after every action, the rule fires again and again: the engine never returns. (Our backend
#: no longer writes the state back, but a rule must not depend on that.)
KIND_KEY = "mvi_kind"

#: The one item of a list-valued fact whose list is empty. durable-rules' ``$iall`` is false on
#: an empty list (not vacuously true), so ``does not include x`` would fail for a lot with no
#: items; with the sentinel the list is never empty, and no condition value can equal it. Only
#: empty lists get it: on any other list it changes no test's result, and every list test
#: reads every item (the engine's list tests were a sixth of its time).
LIST_END = "mvi:end"

#: Most conjunctive terms one criterion may compile to (the normal form can grow exponentially
#: with nested ``any`` under ``all``); beyond this the criterion is refused with a clear error.
MAX_TERMS_PER_CRITERION = 256

#: Keys the engine or this module put in every fact; no field may map to them.
RESERVED_KEYS = frozenset({"sid", "id", KIND_KEY})

#: A JSON object of durable-rules' rule language.
Json = dict[str, Any]

_KEY_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_INT64 = 2**63


def fact_key(field_name: str) -> str:
    """The durable-safe fact key of a field, e.g. ``lot.product_group`` → ``lot__product_group``.

    durable-rules reads dots in keys as paths into nested objects, so dots become ``__``.
    """
    key = field_name.replace(".", "__")
    if not _KEY_PATTERN.match(key) or key in RESERVED_KEYS:
        raise EngineError(f"field {field_name!r} cannot be used as a durable-rules fact key")
    return key


@dataclass(frozen=True)
class Atom:
    """One durable-rules test of one fact key, which the engine evaluates without branching.

    ``op`` is the durable operator (``$eq`` is written ``{key: value}``). For ``$iany`` the value
    is a one-item tuple: some list item must equal it; for ``$iall`` a one-item tuple that every
    list item must differ from (see the module docstring). Every operator except ``$nex`` is
    false when the key is absent.
    """

    op: str
    key: str
    value: Scalar | tuple[Scalar, ...] | None = None

    def to_json(self) -> Json:
        """The atom in durable-rules' JSON rule language."""
        if self.op in ("$ex", "$nex"):
            return {self.op: {self.key: 1}}
        if self.op == "$eq":
            return {self.key: self.value}
        if self.op in ("$iany", "$iall"):
            # Never an "$or" or "$and" inside.
            if not isinstance(self.value, tuple) or len(self.value) != 1:
                raise EngineError(f"{self.op} on {self.key} must test exactly one item")
            (item,) = self.value
            inner: Json = {"$i": item} if self.op == "$iany" else {"$neq": {"$i": item}}
            return {self.op: {self.key: inner}}
        return {self.op: {self.key: self.value}}


#: A conjunction of atoms; the empty term always holds.
Term = frozenset[Atom]
#: A disjunction of terms; no terms never holds, one empty term always holds.
Dnf = tuple[Term, ...]

_TRUE: Dnf = (frozenset(),)
_FALSE: Dnf = ()

_ORDER = {Op.AT_LEAST: "$gte", Op.AT_MOST: "$lte", Op.MORE_THAN: "$gt", Op.LESS_THAN: "$lt"}
_ORDER_NOT = {Op.AT_LEAST: "$lt", Op.AT_MOST: "$gt", Op.MORE_THAN: "$lte", Op.LESS_THAN: "$gte"}


def condition_terms(node: Node) -> tuple[tuple[Atom, ...], ...]:
    """``node`` in disjunctive normal form: it holds when all atoms of some term hold.

    ``()`` never holds; ``((),)`` always holds. Raises :class:`EngineError` for tests the engine
    cannot express (for example a list operator without a list value).
    """
    terms = sorted(_compile(node, negate=False), key=lambda t: (len(t), sorted(map(_order, t))))
    return tuple(tuple(sorted(term, key=_order)) for term in terms)


def _order(atom: Atom) -> tuple[str, str, str]:
    # A deterministic order for atoms whose values may be of different types.
    return (atom.key, atom.op, repr(atom.value))


def _compile(node: Node, negate: bool) -> Dnf:
    if isinstance(node, Test):
        return _test(node, negate)
    if isinstance(node, Not):
        return _compile(node.item, not negate)
    parts = [_compile(item, negate) for item in node.items]
    # De Morgan: a negated All is an Any of negated items, and the other way round.
    conjunction = isinstance(node, All) != negate
    return _and(parts) if conjunction else _or(parts)


def _test(test: Test, negate: bool) -> Dnf:
    key = fact_key(test.field)
    if test.op in (Op.IS_SET, Op.IS_NOT_SET):
        present = (test.op is Op.IS_SET) != negate
        return _atom("$ex" if present else "$nex", key)
    # Operators that hold for an absent field are complements of ones that do not: express
    # both through the latter ("base"), which durable's comparisons already make false for an
    # absent key, and add "$nex" where the result must hold for an absent field.
    holds_when_absent = test.op in HOLDS_WHEN_ABSENT
    base = NEGATED[test.op] if holds_when_absent else test.op
    if holds_when_absent == negate:
        return _present_and(base, key, test)
    return _or([_atom("$nex", key), _present_and_not(base, key, test)])


def _present_and(op: Op, key: str, test: Test) -> Dnf:
    """The field is present and ``op`` holds for it."""
    if op is Op.IS:
        return _atom("$eq", key, _scalar(test))
    if op in _ORDER:
        return _atom(_ORDER[op], key, _number(test))
    if op is Op.ONE_OF:
        return _or([_atom("$eq", key, v) for v in _values(test)])
    if op is Op.INCLUDES:
        return _atom("$iany", key, (_list_item(test, _scalar(test)),))
    if op is Op.INCLUDES_ANY:
        # One "$iany" per item, as alternatives (see the module docstring).
        items = tuple(_list_item(test, v) for v in _values(test))
        return _or([_atom("$iany", key, (item,)) for item in items])
    raise EngineError(f"{test.describe()}: operator not supported by the durable-rules backend")


def _present_and_not(op: Op, key: str, test: Test) -> Dnf:
    """The field is present and ``op`` does not hold for it."""
    if op is Op.IS:
        return _atom("$neq", key, _scalar(test))
    if op in _ORDER_NOT:
        return _atom(_ORDER_NOT[op], key, _number(test))
    if op is Op.ONE_OF:
        values = _values(test)
        if not values:
            return _atom("$ex", key)
        return (frozenset(Atom("$neq", key, v) for v in values),)
    if op is Op.INCLUDES:
        return _atom("$iall", key, (_list_item(test, _scalar(test)),))
    if op is Op.INCLUDES_ANY:
        # One "$iall" per item, all in one term (see the module docstring).
        items = tuple(_list_item(test, v) for v in _values(test))
        if not items:
            return _atom("$ex", key)
        return (frozenset(Atom("$iall", key, (item,)) for item in items),)
    raise EngineError(f"{test.describe()}: operator not supported by the durable-rules backend")


def _atom(op: str, key: str, value: Scalar | tuple[Scalar, ...] | None = None) -> Dnf:
    return (frozenset({Atom(op, key, value)}),)


def _scalar(test: Test) -> Scalar:
    value = test.value
    if not isinstance(value, (str, int, float)):
        raise EngineError(f"{test.describe()}: '{test.op.value}' needs a single value")
    return engine_scalar(value, test.describe())


def _number(test: Test) -> int | float:
    value = test.value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise EngineError(f"{test.describe()}: '{test.op.value}' needs a number")
    return engine_number(value, test.describe())


def _values(test: Test) -> tuple[Scalar, ...]:
    value = test.value
    if not isinstance(value, tuple):
        raise EngineError(f"{test.describe()}: '{test.op.value}' needs a list of values")
    return tuple(engine_scalar(v, test.describe()) for v in value)


def _list_item(test: Test, value: Scalar) -> Scalar:
    if value == LIST_END:
        raise EngineError(f"{test.describe()}: {LIST_END!r} is reserved by the engine")
    return value


def engine_scalar(value: Scalar, what: str) -> Scalar:
    """``value`` as durable-rules reads it back exactly (see :func:`engine_number`)."""
    if isinstance(value, (bool, str)):
        return value
    return engine_number(value, what)


def engine_number(value: int | float, what: str) -> int | float:
    """``value`` written so that durable-rules reads back the same number, or an EngineError.

    durable-rules' JSON parser rejects an exponent without a decimal point (error 204), which
    is how Python writes some floats (``1e+16``, ``1e-05``); integral ones become ints. It reads
    integers beyond 64 bits as doubles, which compare wrongly with their neighbours; JSON has no
    NaN or infinity. ``what`` names the value in the error.
    """
    if isinstance(value, float):
        if not math.isfinite(value):
            raise EngineError(f"{what}: durable-rules cannot hold {value}")
        text = repr(value)
        if "e" not in text or "." in text:
            return value
        if not value.is_integer():
            raise EngineError(f"{what}: durable-rules cannot read the number {text}")
        value = int(value)
    if not -_INT64 <= value < _INT64:
        raise EngineError(f"{what}: {value} is beyond durable-rules' 64-bit integers")
    return value


def _or(parts: Iterable[Dnf]) -> Dnf:
    return _minimal(term for part in parts for term in part)


def _and(parts: Sequence[Dnf]) -> Dnf:
    result = _TRUE
    for part in parts:
        if len(result) * len(part) > MAX_TERMS_PER_CRITERION * 4:
            raise _too_complex()
        result = _minimal(a | b for a, b in product(result, part))
    return result


def _minimal(terms: Iterable[Term]) -> Dnf:
    """Drop contradictory terms and terms implied by a smaller one."""
    kept: list[Term] = []
    for term in sorted(set(terms), key=len):
        if _contradictory(term) or any(smaller <= term for smaller in kept):
            continue
        kept.append(term)
    if len(kept) > MAX_TERMS_PER_CRITERION:
        raise _too_complex()
    return tuple(kept)


def _contradictory(term: Term) -> bool:
    # Every operator but "$nex" needs the key present, so "$nex" beside any of them never holds.
    absent = {atom.key for atom in term if atom.op == "$nex"}
    return any(atom.key in absent for atom in term if atom.op != "$nex")


def _too_complex() -> EngineError:
    return EngineError(
        f"condition has more than {MAX_TERMS_PER_CRITERION} alternatives in normal form; "
        "simplify it (fewer nested 'any' inside 'all')"
    )
