"""Compiling the neutral condition tree into durable-rules JSON rulesets.

As ansible-rulebook does, the engine never sees the ruleset files: each criterion's condition
tree is put in disjunctive normal form (:mod:`.durable_terms`), and the conjunctive terms become
rules of durable-rules' JSON rule language, grouped into rulesets. A test whether a list holds a
text (every term of the shipped catalogue has one, on the product groups) is a *flag* of the lot:
durable-rules would parse the list again for every rule that tests it. Criteria share many terms,
and most terms differ only in their flags (the shipped catalogue: 1,473 terms of 140 criteria,
740 distinct, of 78 distinct *cores*, a term without its flag tests), while every rule costs the
engine an activation and the backend an action per lot it holds for, and every ruleset an assert.
So each distinct core is one rule, which also tests one *gate* key: true on a lot fact when the
lot has the flags of one of the core's terms. The rule's firing for a lot proves the criteria of
those of its terms whose flags the lot has (:class:`RuleProof`). Rules with the same gate share
rulesets, and a lot fact is only asserted into the rulesets whose rules it can match. This module
is pure Python and does not import durable-rules, so the compiled form can be inspected (and
tested) on any Python.

Several durable-rules failures are avoided here rather than at run time; each constant names the
one it prevents. Every rule also tests a discriminator key that only lot facts carry
(:data:`~.durable_terms.KIND_KEY`), and the rules are split into rulesets small enough for the
engine's per-fact limit.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any as AnyType
from typing import Protocol, TypeVar

from ..conditions.tree import Node, Scalar
from ..conditions.tree import fields_of as tree_fields
from ..errors import EngineError
from .durable_terms import (
    KIND_KEY,
    LIST_END,
    MAX_TERMS_PER_CRITERION,
    RESERVED_KEYS,
    Atom,
    Json,
    condition_terms,
    engine_number,
    engine_scalar,
    fact_key,
)

__all__ = [
    "ACTION_PREFIX",
    "CLOSE_ACTION",
    "CLOSE_KIND",
    "CLOSE_RULE",
    "KIND_KEY",
    "LIST_END",
    "LOT_KIND",
    "MAX_FACT_KEYS",
    "MAX_TERMS_PER_CRITERION",
    "RESERVED_KEYS",
    "RULES_PER_RULESET",
    "Atom",
    "CatalogueLike",
    "CompiledCatalogue",
    "CompiledRuleset",
    "RuleProof",
    "compile_catalogue",
    "condition_terms",
    "engine_number",
    "engine_scalar",
    "fact_key",
]

#: Value of :data:`KIND_KEY` on lot facts.
LOT_KIND = "lot"
#: Value of :data:`KIND_KEY` on the closing fact asserted once per ruleset at the end of an
#: evaluation (see :data:`CLOSE_ACTION`).
CLOSE_KIND = "close"

#: Rules per durable ruleset. durable-rules fails with error 303 (``ERR_MAX_STACK_SIZE``) when
#: one asserted fact activates more than 64 rules (its alpha walk keeps a stack of 64 nodes, each
#: on the way to a different matching rule: 64 matching rules work, 65 fail); each compiled rule
#: fires at most once per fact, so rulesets of 60 rules stay below it, with a margin. Every lot
#: fact is asserted into each (an evaluation's facts in one call; the limit holds per fact).
#: Fewer, larger rulesets cost less per evaluation: each is one assert, one batch parse and one
#: state to delete (32 rules per ruleset took a sixth longer).
RULES_PER_RULESET = 60

#: What a flag has between its list key and its number (see ``_flags``). Flags name the texts a
#: lot's list holds; lot facts do not carry them, only the gates they open.
FLAG_INFIX = "__has"

#: Most sets of flags whose proofs a compiled catalogue keeps (see
#: :meth:`CompiledCatalogue.proved`): each is one table of up to one entry per rule.
MAX_FLAG_SETS = 256

#: The start of a gate key (see :attr:`CompiledCatalogue.gates`); a catalogue with a field whose
#: key equals a gate key is refused.
GATE_PREFIX = "mvi_gate"

#: Most keys a fact may carry. durable-rules fails with error 302 (``ERR_EVENT_MAX_PROPERTIES``)
#: for facts of 255 or more keys, so facts carry only the fields the conditions read, plus
#: ``sid``, ``id`` and :data:`KIND_KEY`; a catalogue reading more fields than this is refused.
MAX_FACT_KEYS = 250

#: Action names: :data:`ACTION_PREFIX` followed by the rule name (one rule per distinct core),
#: and the no-op action of the closing rule. durable-rules segfaults in ``delete_state`` for a
#: session in which no fact was ever handled, so each ruleset has a rule that handles the
#: closing fact.
ACTION_PREFIX = "mvi-match:"
CLOSE_ACTION = "mvi-close"
CLOSE_RULE = "mvi_close"

_NAME_PATTERN = re.compile(r"[A-Za-z0-9_-]+\Z")

_LIST_OPS = frozenset({"$iany", "$iall"})

_T = TypeVar("_T")

#: How a lot fact's text goes on after its sid and id.
_LOT_KIND = f', "{KIND_KEY}": "{LOT_KIND}"'
_INT64 = 2**63

#: The json module's writer of strings (without escaping non-ASCII), as json.dumps uses it.
_encode_string: Callable[[str], str] = (
    getattr(json.encoder, "c_encode_basestring", None) or json.encoder.py_encode_basestring
)


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


@dataclass(frozen=True)
class RuleProof:
    """The criteria a rule's firing for a lot proves, by the flags of the lot.

    A rule is one core; each of its terms is the core and some flags, and proves its criteria
    for a lot that has those flags. The rule fires only for a lot that has the flags of at least
    one of its terms (its gate), so a firing always proves something.
    """

    #: Criteria of the terms without flags: proved whatever the lot's flags.
    always: tuple[str, ...] = ()
    #: Flag → the criteria of the terms whose one flag it is.
    by_flag: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: (flags, criteria) of the terms with several flags: proved when the lot has them all.
    by_flags: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = ()

    def criteria(self, flags: frozenset[str]) -> list[str]:
        """The criteria proved for a lot with ``flags`` (a criterion may come more than once)."""
        found = list(self.always)
        get = self.by_flag.get
        for flag in flags:
            found += get(flag, ())
        for needed, ids in self.by_flags:
            if needed <= flags:
                found += ids
        return found

    def distinct(self, flags: frozenset[str]) -> tuple[str, ...]:
        """:meth:`criteria`, each criterion once, in first-use order."""
        return tuple(dict.fromkeys(self.criteria(flags)))

    @property
    def every_criterion(self) -> tuple[str, ...]:
        """Every criterion the rule can prove, whatever the flags, in first-use order."""
        ids = [*self.always, *(i for v in self.by_flag.values() for i in v)]
        ids += [i for _, v in self.by_flags for i in v]
        return tuple(dict.fromkeys(ids))


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
    #: Rule name → what its firing for a lot proves (none for the close rule).
    proves: Mapping[str, RuleProof] = field(default_factory=dict)
    #: Fact keys its rules read: the only ones its facts carry (see
    #: :meth:`CompiledCatalogue.fact_texts`).
    keys: tuple[str, ...] = ()
    #: ``{"<rule name>`` (how the rule's action frames start) → what it proves; none for the
    #: close rule.
    frame_heads: Mapping[str, RuleProof] = field(default_factory=dict)
    #: Gate keys of which a fact must carry one for any of its rules to match (each rule tests
    #: one of them); None: any fact may match. A fact without one is not asserted into it.
    gate: frozenset[str] | None = None

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
    #: Fact keys of list fields (an empty list is written :data:`LIST_END` alone).
    list_keys: frozenset[str]
    #: Criterion id → its conjunctive terms (empty: it never applies).
    terms: Mapping[str, tuple[tuple[Atom, ...], ...]] = field(repr=False)
    #: List key → text → the flag a lot has when its list holds the text (see ``_flags``).
    flags: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: Gate key → the flag sets of which a lot must have one for the fact to carry the key
    #: (true): the flags of the terms of the rules that test it.
    gates: Mapping[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    #: Gate key → the indexes of the rulesets whose gate holds it, and the rulesets without a
    #: gate: which rulesets a fact goes to (see :meth:`ruleset_texts`).
    _routes: Mapping[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _ungated: tuple[int, ...] = field(init=False, repr=False, compare=False)
    #: Flag → the gates that flag alone opens; (gate, flags) for the gates that several flags
    #: together open (a term with several flags).
    _opened_by: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _opened_by_all: tuple[tuple[str, frozenset[str]], ...] = field(
        init=False, repr=False, compare=False
    )
    #: Flags of a lot → ``{"<rule name>`` → the criteria its firing proves for such a lot
    #: (see :meth:`proved`).
    _proved: dict[frozenset[str], dict[str, tuple[str, ...]]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        opened_by: dict[str, list[str]] = {}
        opened_by_all: list[tuple[str, frozenset[str]]] = []
        for gate, needs in self.gates.items():
            for needed in needs:
                if len(needed) == 1:
                    opened_by.setdefault(next(iter(needed)), []).append(gate)
                else:
                    opened_by_all.append((gate, needed))
        object.__setattr__(self, "_opened_by", {f: tuple(g) for f, g in opened_by.items()})
        object.__setattr__(self, "_opened_by_all", tuple(opened_by_all))
        routes: dict[str, list[int]] = {}
        for index, ruleset in enumerate(self.rulesets):
            for gate in ruleset.gate or ():
                routes.setdefault(gate, []).append(index)
        ungated = tuple(i for i, ruleset in enumerate(self.rulesets) if ruleset.gate is None)
        object.__setattr__(self, "_routes", {gate: tuple(i) for gate, i in routes.items()})
        object.__setattr__(self, "_ungated", ungated)

    def fact(self, facts: Mapping[str, object], sid: str, fact_id: str) -> Json:
        """The engine fact for one lot: only the fields conditions read, plus discriminators.

        Keys the conditions never read are left out so that a large fact mapping cannot hit
        durable-rules' per-fact property limit (error 302). Absent and ``None`` fields are left
        out, which is how the reference evaluator reads them too. The fact carries the gates that
        the lot's flags open (see :attr:`gates`), each ``True``.
        """
        out: Json = {"sid": sid, "id": fact_id, KIND_KEY: LOT_KIND}
        flags: set[str] = set()
        for name, key in self.keys.items():
            value = facts.get(name)
            if value is not None:
                out[key] = value = self._engine_value(name, key, value)
                by_item = self.flags.get(key)
                if by_item:
                    flags.update(by_item[i] for i in value if type(i) is str and i in by_item)
        for gate, needs in self.gates.items():
            if any(needed <= flags for needed in needs):
                out[gate] = True
        return out

    def proved(self, flags: frozenset[str]) -> dict[str, tuple[str, ...]]:
        """What rules prove for a lot with ``flags``: ``{"<rule name>`` → criterion ids, filled
        in by the caller from :attr:`CompiledRuleset.proves` as rules fire, and kept.

        Lots have few distinct sets of flags (the product groups a lot holds), so a rule's proof
        is worked out once per set rather than at every firing. At most
        :data:`MAX_FLAG_SETS` sets are kept; beyond that a new set gets a table of its own.
        """
        table = self._proved.get(flags)
        if table is None:
            table = {}
            if len(self._proved) < MAX_FLAG_SETS:
                # Two threads may both add a table for the same flags: either one is right.
                table = self._proved.setdefault(flags, table)
        return table

    def fact_texts(
        self, facts: Mapping[str, object], sid: str, fact_id: str
    ) -> tuple[str | None, ...]:
        """The JSON text of the engine fact for one lot in each ruleset, in ruleset order; None
        for a ruleset none of whose rules it can match (the lot opens none of its gates)."""
        texts: list[str | None] = [None] * len(self.rulesets)
        routed, _ = self.ruleset_texts(facts, sid, fact_id)
        for index, text in routed:
            texts[index] = text
        return tuple(texts)

    def ruleset_texts(
        self, facts: Mapping[str, object], sid: str, fact_id: str
    ) -> tuple[list[tuple[int, str]], frozenset[str]]:
        """(ruleset index, the JSON text of the engine fact for one lot in it), in ruleset order,
        for each ruleset whose gate the fact passes (some of whose rules it can match); and the
        lot's flags, which say what a rule's firing for it proves (:meth:`RuleProof.criteria`).

        Each carries the discriminators and only the keys its ruleset's rules read: the engine
        parses every fact once per ruleset, and its alpha walk loops over all of a fact's keys
        at every node it visits, so keys no rule of the ruleset reads only cost time (the
        shipped catalogue's rulesets read a few of its 19 fields, and gates, of which a fact
        carries those that are open). A key the ruleset reads is left out exactly when
        :meth:`fact` leaves it out.
        """
        head = '{"sid": ' + _encode_string(sid) + ', "id": ' + _encode_string(fact_id) + _LOT_KIND
        # Each key's part, written once for all rulesets: ', "key": value'.
        pieces: dict[str, str] = {}
        # The rulesets the fact goes to: those without a gate, and those of its gates.
        routes = list(self._ungated)
        flags: set[str] = set()
        list_keys = self.list_keys
        for name, key in self.keys.items():
            value = facts.get(name)
            if value is None:
                continue
            # Texts, true/false and numbers, nearly every value, are written as json.dumps
            # writes them, without the checks that only the rest needs.
            if key in list_keys:
                items = self._engine_value(name, key, value)
                text = _json(items)
                by_item = self.flags.get(key)
                if by_item:
                    for item in items:
                        flag = by_item.get(item) if type(item) is str else None
                        if flag is not None:
                            flags.add(flag)
            elif type(value) is str:
                text = _encode_string(value)
            elif type(value) is bool:
                text = "true" if value else "false"
            elif type(value) is int and -_INT64 <= value < _INT64:
                text = int.__repr__(value)
            elif type(value) is float and _plain_float(text := float.__repr__(value)):
                pass
            else:
                text = _json(self._engine_value(name, key, value))
            # Keys are plain identifiers (fact_key), so '"key": ' is their JSON.
            pieces[key] = f', "{key}": {text}'
        opened = {gate for flag in flags for gate in self._opened_by.get(flag, ())}
        opened.update(gate for gate, needed in self._opened_by_all if needed <= flags)
        for gate in opened:
            pieces[gate] = f', "{gate}": true'
            routes.extend(self._routes.get(gate, ()))
        get, rulesets = pieces.get, self.rulesets
        texts = [
            (index, head + "".join([get(key, "") for key in rulesets[index].keys]) + "}")
            for index in sorted(set(routes))
        ]
        return texts, frozenset(flags)

    def _engine_value(self, name: str, key: str, value: object) -> AnyType:
        if key in self.list_keys:
            # The reference evaluator reads a single value as a one-item list.
            items = list(value) if isinstance(value, (tuple, list)) else [value]
            return [_fact_scalar(name, item) for item in items] or [LIST_END]
        if isinstance(value, (tuple, list)):
            return [_fact_scalar(name, item) for item in value]
        return _fact_scalar(name, value)


def _plain_float(text: str) -> bool:
    """Whether ``repr`` of a float, ``text``, is how durable-rules reads it back (see
    :func:`~.durable_terms.engine_number`): finite (not inf or nan) and without an exponent."""
    return "e" not in text and "n" not in text


def _json(value: AnyType) -> str:
    """A fact value (a scalar, or a list of them) as JSON, written as ``json.dumps`` does.

    Called for every key of every lot fact, where the json module's per-call set-up costs more
    than the writing; strings go through its own writer.
    """
    if isinstance(value, list):
        return "[" + ", ".join([_json(item) for item in value]) + "]"
    if isinstance(value, str):
        return _encode_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        # engine_number has refused NaN and infinities.
        return float.__repr__(value)
    raise EngineError(f"fact value {value!r} is not a text, number or true/false value")


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
    # Distinct term → the ids of the criteria it proves, in first-use order. Terms are in a
    # canonical order (condition_terms sorts atoms), so equal terms compare equal.
    proves: dict[tuple[Atom, ...], list[str]] = {}
    for entry in catalogue.entries:
        criterion_id = entry.criterion.id
        try:
            for name in sorted(tree_fields(entry.condition)):
                keys[name] = fact_key(name)
            compiled = condition_terms(entry.condition)
        except EngineError as exc:
            raise EngineError(f"criterion {criterion_id}: {exc}") from exc
        terms[criterion_id] = compiled
        for term in compiled:
            list_keys.update(a.key for a in term if a.op in ("$iany", "$iall"))
            proving = proves.setdefault(term, [])
            if criterion_id not in proving:
                proving.append(criterion_id)
    flags = _flags(proves)
    # Distinct core → its terms' (flags, criteria): a term is its core and its flag tests.
    cores: dict[tuple[Atom, ...], list[tuple[frozenset[str], list[str]]]] = {}
    for term, criteria in proves.items():
        core = tuple(atom for atom in term if _flag(atom, flags) is None)
        needed = frozenset(flag for atom in term if (flag := _flag(atom, flags)))
        cores.setdefault(core, []).append((needed, criteria))
    gates = _gates(cores.values())
    _check_keys(keys, gates)
    # Rules with the same gate go together, so that a fact the gate is closed for skips their
    # rulesets (see CompiledRuleset.gate); within those, rules reading the same keys, so that
    # each ruleset reads few keys and its facts are small (see CompiledCatalogue.fact_texts).
    ordered = sorted(
        ((core, variants, gates.get(_needs(variants))) for core, variants in cores.items()),
        key=lambda item: (item[2] or "", sorted({atom.key for atom in item[0]})),
    )
    rules = [
        _CoreRule(f"t{number}", core, gate, _proof(variants))
        for number, (core, variants, gate) in enumerate(ordered)
    ]
    rulesets = tuple(
        _ruleset(f"{prefix}_{n}", chunk)
        for n, chunk in enumerate(_chunks(rules, lambda rule: rule.gate or ""))
    )
    by_list: dict[str, dict[str, str]] = {}
    for (key, item), flag in flags.items():
        by_list.setdefault(key, {})[item] = flag
    return CompiledCatalogue(
        catalogue.fingerprint,
        rulesets,
        dict(sorted(keys.items())),
        frozenset(list_keys),
        terms,
        by_list,
        {gate: needs for needs, gate in gates.items()},
    )


@dataclass(frozen=True)
class _CoreRule:
    """One rule being compiled: a distinct core, the gate it tests, and what it proves."""

    name: str
    core: tuple[Atom, ...]
    gate: str | None
    proof: RuleProof


_Variants = Sequence[tuple[frozenset[str], Sequence[str]]]


def _gates(cores: Iterable[_Variants]) -> dict[tuple[frozenset[str], ...], str]:
    """The flag sets of the terms of a core (in a canonical order) → its gate key.

    Cores whose terms have the same flags share a gate (the shipped catalogue: 13 gates for 78
    cores). A core with a term without flags has no gate: it may hold for any lot.
    """
    needs = {_needs(variants) for variants in cores if all(needed for needed, _ in variants)}
    return {n: f"{GATE_PREFIX}{i}" for i, n in enumerate(sorted(needs, key=_needs_order), 1)}


def _needs(variants: _Variants) -> tuple[frozenset[str], ...]:
    return tuple(sorted({needed for needed, _ in variants}, key=sorted))


def _needs_order(needs: tuple[frozenset[str], ...]) -> list[list[str]]:
    return [sorted(needed) for needed in needs]


def _proof(variants: _Variants) -> RuleProof:
    always: list[str] = []
    by_flag: dict[str, tuple[str, ...]] = {}
    by_flags: list[tuple[frozenset[str], tuple[str, ...]]] = []
    for needed, criteria in variants:
        if not needed:
            always += [c for c in criteria if c not in always]
        elif len(needed) == 1:
            (flag,) = needed
            by_flag[flag] = tuple(dict.fromkeys([*by_flag.get(flag, ()), *criteria]))
        else:
            by_flags.append((needed, tuple(criteria)))
    return RuleProof(tuple(always), by_flag, tuple(by_flags))


def _flags(proves: Mapping[tuple[Atom, ...], object]) -> dict[tuple[str, str], str]:
    """(list key, text) → its flag key, for every text some rule tests a list for with $iany.

    durable-rules' list tests parse the fact's list again for every rule they are part of (a
    third of the engine's time for the shipped catalogue, where every rule tests the product
    groups): ``includes x`` is a test of a flag instead, true exactly when the list holds the
    text ``x`` (see :meth:`CompiledCatalogue.fact`). Other items, and ``$iall``, stay list tests.
    """
    items = sorted(
        {
            (atom.key, item)
            for term in proves
            for atom in term
            if atom.op == "$iany" and isinstance(atom.value, tuple)
            for item in atom.value
            if isinstance(item, str)
        }
    )
    numbers: dict[str, int] = {}
    flags: dict[tuple[str, str], str] = {}
    for key, item in items:
        numbers[key] = numbers.get(key, 0) + 1
        flags[key, item] = f"{key}{FLAG_INFIX}{numbers[key]}"
    return flags


def _chunks(rules: list[_T], group: Callable[[_T], str]) -> list[list[_T]]:
    """``rules`` (in groups; "" for rules in no group) in rulesets of at most
    :data:`RULES_PER_RULESET`.

    A group too large for one ruleset is split evenly, and consecutive pieces of groups share a
    ruleset when they fit in one: each group's rules are in as few rulesets as can be. Rules in
    no group, which every fact is asserted for, share rulesets only with each other.
    """
    pieces: list[tuple[bool, list[_T]]] = []
    for name, members in itertools.groupby(rules, key=group):
        grouped = list(members)
        count = -(-len(grouped) // RULES_PER_RULESET)
        size = -(-len(grouped) // count)
        pieces += [
            (name == "", grouped[start : start + size]) for start in range(0, len(grouped), size)
        ]
    chunks: list[tuple[bool, list[_T]]] = []
    for ungrouped, piece in pieces:
        if (
            chunks
            and chunks[-1][0] == ungrouped
            and len(chunks[-1][1]) + len(piece) <= RULES_PER_RULESET
        ):
            chunks[-1][1].extend(piece)
        else:
            chunks.append((ungrouped, list(piece)))
    return [chunk for _, chunk in chunks]


def _flag(atom: Atom, flags: Mapping[tuple[str, str], str]) -> str | None:
    """The flag key ``atom`` tests, if it is a list test written as a flag test."""
    if atom.op != "$iany" or not isinstance(atom.value, tuple) or len(atom.value) != 1:
        return None
    (item,) = atom.value
    return flags.get((atom.key, item)) if isinstance(item, str) else None


def _rule(rule: _CoreRule) -> Json:
    # List tests and the gate last: the engine tests a rule's parts in order, sharing equal
    # leading parts between rules, and a list test re-reads the whole list each time; after the
    # scalar tests it runs only for the facts these let through (flags, too, were faster last).
    tests: list[Json] = [{KIND_KEY: LOT_KIND}]
    tests += [atom.to_json() for atom in sorted(rule.core, key=lambda a: a.op in _LIST_OPS)]
    if rule.gate is not None:
        tests.append({rule.gate: True})
    match = tests[0] if len(tests) == 1 else {"$and": tests}
    return {"all": [{"m": match}], "run": ACTION_PREFIX + rule.name}


def _ruleset(name: str, rules: list[_CoreRule]) -> CompiledRuleset:
    definition = {rule.name: _rule(rule) for rule in rules}
    definition[CLOSE_RULE] = {"all": [{"m": {KIND_KEY: CLOSE_KIND}}], "run": CLOSE_ACTION}
    actions = {rule: body["run"] for rule, body in definition.items()}
    proves = {rule.name: rule.proof for rule in rules}
    read = {atom.key for rule in rules for atom in rule.core}
    keys = tuple(sorted(read | {rule.gate for rule in rules if rule.gate is not None}))
    heads = {'{"' + rule: proof for rule, proof in proves.items()}
    needed = [rule.gate for rule in rules]
    gate = frozenset(g for g in needed if g is not None) if None not in needed else None
    return CompiledRuleset(name, definition, len(rules), actions, proves, keys, heads, gate)


def _check_keys(keys: Mapping[str, str], gates: Mapping[tuple[frozenset[str], ...], str]) -> None:
    by_key: dict[str, str] = {}
    for name, key in keys.items():
        if key in by_key:
            raise EngineError(f"fields {by_key[key]!r} and {name!r} map to the same fact key")
        by_key[key] = name
    for gate in gates.values():
        if gate in by_key:
            raise EngineError(
                f"field {by_key[gate]!r} maps to the fact key {gate!r}, which the engine uses "
                "for its own tests"
            )
    if len(keys) + len(gates) + len(RESERVED_KEYS) > MAX_FACT_KEYS:
        raise EngineError(
            f"conditions read {len(keys)} fields and need {len(gates)} gates; "
            f"durable-rules facts hold at most {MAX_FACT_KEYS - len(RESERVED_KEYS)} keys"
        )


def _safe_name(fingerprint: str) -> str:
    # Ruleset names ending in "$state" or "$flow" mean something else to durable-rules.
    if _NAME_PATTERN.match(fingerprint):
        return fingerprint
    return hashlib.sha256(fingerprint.encode()).hexdigest()[:16]
