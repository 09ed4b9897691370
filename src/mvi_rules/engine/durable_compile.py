"""Compiling the neutral condition tree into durable-rules JSON rulesets.

As ansible-rulebook does, the engine never sees the ruleset files: each criterion's condition
tree is compiled into durable-rules' JSON rule language (``$and``, ``$eq`` as ``{key: value}``,
``$neq``, ``$lt``, ``$lte``, ``$gt``, ``$gte``, ``$ex``, ``$nex``, ``$iany``/``$iall`` with
``$i``). This module is pure Python and does not import durable-rules, so the compiled form can
be inspected (and tested) on any Python.

Several durable-rules failures are avoided here rather than at run time; each constant below
names the one it prevents. In short:

* Conditions are put in disjunctive normal form and every conjunctive term becomes its own rule,
  so a rule fires at most once per fact and the number of rules bounds the activations a fact
  causes (durable-rules expands ``$or`` itself and fires once per true branch; more than 64
  activations for one fact fail with error 303).
* ``Not`` is pushed down to the tests (the JSON has no negation), keeping the reference
  semantics for absent fields: ``not (x is at least 2)`` holds when ``x`` is absent.
* Constant true/false parts are folded away, so no empty ``$and``/``$or`` reaches the engine
  (a nested empty ``$and`` matches the engine's own session-state object and loops forever).
* Every rule also tests a discriminator key that only lot facts carry.
* Every ``$iany``/``$iall`` tests exactly one item: ``includes any of [a, b]`` becomes the
  alternatives ``$iany a`` | ``$iany b`` (separate rules), and its negation the conjunction
  ``$iall != a`` & ``$iall != b``. durable-rules' C compiler intermittently fails with error 102
  (ERR_UNEXPECTED_TYPE, "Could not create ruleset") for an ``$iany``/``$iall`` holding an inner
  ``$or``: the failure depends on leftover heap contents, not on the input (it appears to read
  an uninitialised field of the inner node), so that shape is never emitted.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import product
from typing import Any as AnyType
from typing import Protocol

from ..conditions.tree import HOLDS_WHEN_ABSENT, NEGATED, All, Node, Not, Op, Scalar, Test
from ..conditions.tree import fields_of as tree_fields
from ..errors import EngineError

#: Fact key that tells lot facts from the engine's own session-state object (``{"sid", "id",
#: "$s"}``), which durable-rules matches against rules too. Without it a rule whose only test is
#: ``$nex`` matches the state object, and since every completed action rewrites that object, the
#: rule fires again and again: the engine never returns.
KIND_KEY = "mvi_kind"
#: Value of :data:`KIND_KEY` on lot facts.
LOT_KIND = "lot"
#: Value of :data:`KIND_KEY` on the closing fact asserted once per ruleset at the end of an
#: evaluation (see :data:`CLOSE_ACTION`).
CLOSE_KIND = "close"

#: Item appended to every list-valued fact. durable-rules' ``$iall`` is false on an empty list
#: (not vacuously true), so ``does not include x`` would fail for a lot with no items; with the
#: sentinel the list is never empty, and no condition value can equal it.
LIST_END = "mvi:end"

#: Rules per durable ruleset. durable-rules fails with error 303 (``ERR_MAX_STACK_SIZE``) when
#: one asserted fact activates more than 64 rules; each compiled rule fires at most once per
#: fact, so rulesets of 32 rules stay well within that limit. Every fact is asserted into each.
RULES_PER_RULESET = 32

#: Most keys a fact may carry. durable-rules fails with error 302 (``ERR_EVENT_MAX_PROPERTIES``)
#: for facts of 255 or more keys, so facts carry only the fields the conditions read, plus
#: ``sid``, ``id`` and :data:`KIND_KEY`; a catalogue reading more fields than this is refused.
MAX_FACT_KEYS = 250

#: Most conjunctive terms one criterion may compile to (the normal form can grow exponentially
#: with nested ``any`` under ``all``); beyond this the criterion is refused with a clear error.
MAX_TERMS_PER_CRITERION = 256

#: Action names: :data:`ACTION_PREFIX` followed by the criterion id, and the no-op action of the
#: closing rule. durable-rules segfaults in ``delete_state`` for a session in which no fact was
#: ever handled, so each ruleset has a rule that handles the closing fact.
ACTION_PREFIX = "mvi-match:"
CLOSE_ACTION = "mvi-close"
CLOSE_RULE = "mvi_close"

#: Keys the engine or this module put in every fact; no field may map to them.
RESERVED_KEYS = frozenset({"sid", "id", KIND_KEY})

_KEY_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_NAME_PATTERN = re.compile(r"[A-Za-z0-9_-]+\Z")

Json = dict[str, AnyType]
_INT64 = 2**63


class _Criterion(Protocol):
    @property
    def id(self) -> str: ...


class _Entry(Protocol):
    @property
    def criterion(self) -> _Criterion: ...

    @property
    def condition(self) -> Node: ...


class CatalogueLike(Protocol):
    """What the compiler reads from a catalogue: its entries and its fingerprint."""

    @property
    def entries(self) -> Sequence[_Entry]: ...

    @property
    def fingerprint(self) -> str: ...


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


@dataclass(frozen=True)
class CompiledRuleset:
    """One durable-rules ruleset: at most :data:`RULES_PER_RULESET` lot rules and the close rule."""

    name: str
    #: Rule name → ``{"all": [{"m": ...}], "run": action name}``, as JSON-ready data.
    rules: Mapping[str, Json]
    #: Rules a lot fact can activate (all but the close rule); each fires at most once per fact.
    lot_rules: int
    #: Rule name → its action name.
    actions: Mapping[str, str] = field(default_factory=dict)

    def definition(self) -> dict[str, Json]:
        """A fresh copy of the rules to register (durable-rules deletes ``run`` from each rule)."""
        copied: dict[str, Json] = json.loads(json.dumps(self.rules))
        return copied


@dataclass(frozen=True)
class CompiledCatalogue:
    """A catalogue compiled for durable-rules: rulesets, and how to turn lot facts into facts."""

    fingerprint: str
    rulesets: tuple[CompiledRuleset, ...]
    #: Field → fact key, for every field some condition reads.
    keys: Mapping[str, str]
    #: Fact keys of list fields (they carry :data:`LIST_END`).
    list_keys: frozenset[str]
    #: Criterion id → its conjunctive terms (empty: it never applies).
    terms: Mapping[str, tuple[tuple[Atom, ...], ...]] = field(repr=False)

    def fact(self, facts: Mapping[str, object], sid: str, fact_id: str) -> Json:
        """The engine fact for one lot: only the fields conditions read, plus discriminators.

        Keys the conditions never read are left out so that a large fact mapping cannot hit
        durable-rules' per-fact property limit (error 302). Absent and ``None`` fields are left
        out, which is how the reference evaluator reads them too.
        """
        out: Json = {"sid": sid, "id": fact_id, KIND_KEY: LOT_KIND}
        for name, key in self.keys.items():
            value = facts.get(name)
            if value is not None:
                out[key] = self._engine_value(name, key, value)
        return out

    def _engine_value(self, name: str, key: str, value: object) -> AnyType:
        if key in self.list_keys:
            # The reference evaluator reads a single value as a one-item list.
            items = list(value) if isinstance(value, (tuple, list)) else [value]
            return [*(_fact_scalar(name, item) for item in items), LIST_END]
        if isinstance(value, (tuple, list)):
            return [_fact_scalar(name, item) for item in value]
        return _fact_scalar(name, value)


def _fact_scalar(name: str, value: object) -> Scalar:
    if not isinstance(value, (str, int, float)):
        raise EngineError(f"fact {name} = {value!r}: not a text, number or true/false value")
    return engine_scalar(value, f"fact {name}")


def compile_catalogue(catalogue: CatalogueLike, variant: int = 0) -> CompiledCatalogue:
    """Compile every criterion into durable-rules rulesets named after the fingerprint.

    Ruleset names are ``mvi_<fingerprint>_<index>`` (``variant`` > 0 adds ``v<variant>``, for a
    second catalogue that claims the same fingerprint). Raises :class:`EngineError` naming the
    criterion whose condition cannot be compiled.
    """
    prefix = "mvi_" + _safe_name(catalogue.fingerprint) + (f"v{variant}" if variant else "")
    keys: dict[str, str] = {}
    list_keys: set[str] = set()
    terms: dict[str, tuple[tuple[Atom, ...], ...]] = {}
    rules: list[tuple[str, Json]] = []
    for index, entry in enumerate(catalogue.entries):
        criterion_id = entry.criterion.id
        try:
            for name in sorted(tree_fields(entry.condition)):
                keys[name] = fact_key(name)
            compiled = condition_terms(entry.condition)
        except EngineError as exc:
            raise EngineError(f"criterion {criterion_id}: {exc}") from exc
        terms[criterion_id] = compiled
        for number, term in enumerate(compiled):
            list_keys.update(a.key for a in term if a.op in ("$iany", "$iall"))
            rules.append((f"c{index}t{number}", _rule(term, ACTION_PREFIX + criterion_id)))
    _check_keys(keys)
    rulesets = tuple(
        _ruleset(f"{prefix}_{n}", rules[start : start + RULES_PER_RULESET])
        for n, start in enumerate(range(0, len(rules), RULES_PER_RULESET))
    )
    return CompiledCatalogue(
        catalogue.fingerprint, rulesets, dict(sorted(keys.items())), frozenset(list_keys), terms
    )


def _rule(term: tuple[Atom, ...], action: str) -> Json:
    tests = [{KIND_KEY: LOT_KIND}, *(atom.to_json() for atom in term)]
    match = tests[0] if len(tests) == 1 else {"$and": tests}
    return {"all": [{"m": match}], "run": action}


def _ruleset(name: str, rules: list[tuple[str, Json]]) -> CompiledRuleset:
    definition = dict(rules)
    definition[CLOSE_RULE] = {"all": [{"m": {KIND_KEY: CLOSE_KIND}}], "run": CLOSE_ACTION}
    actions = {rule: body["run"] for rule, body in definition.items()}
    return CompiledRuleset(name, definition, len(rules), actions)


def _check_keys(keys: Mapping[str, str]) -> None:
    by_key: dict[str, str] = {}
    for name, key in keys.items():
        if key in by_key:
            raise EngineError(f"fields {by_key[key]!r} and {name!r} map to the same fact key")
        by_key[key] = name
    if len(keys) + len(RESERVED_KEYS) > MAX_FACT_KEYS:
        raise EngineError(
            f"conditions read {len(keys)} fields; durable-rules facts hold at most "
            f"{MAX_FACT_KEYS - len(RESERVED_KEYS)}"
        )


def _safe_name(fingerprint: str) -> str:
    # Ruleset names ending in "$state" or "$flow" mean something else to durable-rules.
    if _NAME_PATTERN.match(fingerprint):
        return fingerprint
    return hashlib.sha256(fingerprint.encode()).hexdigest()[:16]
