"""The durable-rules backend: compiled rules, and one test per guarded durable-rules failure.

Each ``test_guard_*`` test fails (or crashes, for the segfault guard) when its guard is removed.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import subprocess
import sys
import textwrap
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any as AnyType

import pytest

pytest.importorskip("durable.engine")

from mvi_rules.conditions import FIELDS, All, Any, Kind, Node, Not, Op, Test
from mvi_rules.conditions.tree import Value
from mvi_rules.engine import PlainBackend, get_backend
from mvi_rules.engine import durable as dur
from mvi_rules.engine import durable_compile as dc
from mvi_rules.engine.durable import DurableBackend
from mvi_rules.errors import EngineError

from .engine_standins import catalogue_of

Facts = dict[str, Value]


def both(catalogue: AnyType, lots: Sequence[tuple[str, Facts]]) -> set[tuple[str, str]]:
    """The durable result, after checking it equals the plain backend's."""
    durable = DurableBackend.shared().match(catalogue, lots)
    assert durable == PlainBackend().match(catalogue, lots)
    return durable


LAPTOPS: Facts = {
    "lot.product_group": "laptop",
    "lot.product_groups": ("laptop",),
    "lot.quantity": 200,
    "lot.refurbished": "accepted",
    "ambition.level": 2,
    "ambition.circularity": 3,
    "buyer.is_central": False,
    "procurement.estimated_value_eur": 250_000.0,
}


# --- the compiled JSON ------------------------------------------------------------------------


def rule_tests(catalogue: AnyType) -> list[dict[str, AnyType]]:
    compiled = DurableBackend.shared().prepare(catalogue)
    return [
        rule["all"][0]["m"]
        for rs in compiled.rulesets
        for name, rule in rs.rules.items()
        if name != dc.CLOSE_RULE
    ]


def test_includes_any_compiles_to_a_gate_opened_by_either_flag() -> None:
    # Never an "$or" inside "$iany": durable-rules intermittently fails to register that shape
    # (error 102). Each text item is a flag of the lot, not an "$iany" test (which parses the
    # list again in every rule); the alternatives differ only in their flags, so they share one
    # rule, which tests a gate the fact carries when the lot has either flag.
    cat = catalogue_of({"A": Test("lot.product_groups", Op.INCLUDES_ANY, ("laptop", "desktop"))})
    compiled = DurableBackend.shared().prepare(cat)
    desktop, laptop = "lot__product_groups__has1", "lot__product_groups__has2"
    assert compiled.flags == {"lot__product_groups": {"desktop": desktop, "laptop": laptop}}
    assert compiled.gates == {"mvi_gate1": (frozenset({desktop}), frozenset({laptop}))}
    assert rule_tests(cat) == [{"$and": [{"mvi_kind": "lot"}, {"mvi_gate1": True}]}]
    (ruleset,) = compiled.rulesets
    assert ruleset.keys == ("mvi_gate1",)
    (proof,) = ruleset.proves.values()
    assert proof.criteria(frozenset({laptop})) == ["A"]
    assert proof.criteria(frozenset({laptop, desktop})) == ["A", "A"]
    lots: list[tuple[str, Facts]] = [
        ("both", {"lot.product_groups": ("laptop", "desktop")}),
        ("one", {"lot.product_groups": "desktop"}),
        ("other", {"lot.product_groups": ("monitor", "Laptop", "laptop ")}),
        ("empty", {"lot.product_groups": ()}),
        ("none", {}),
    ]
    assert both(cat, lots) == {("A", "both"), ("A", "one")}


def test_a_lot_skips_the_rulesets_whose_gates_it_lacks() -> None:
    # Rules with the same gate share rulesets; a lot whose flags open none of a ruleset's gates
    # cannot match its rules and is not asserted into it. Terms that differ only in their flags
    # (here the product group) are one rule.
    groups = ("laptop", "desktop", "monitor")
    cat = catalogue_of(
        {
            **{
                f"{group}{i:02}": All(
                    (
                        Test("lot.product_groups", Op.INCLUDES, group),
                        Test("lot.quantity", Op.MORE_THAN, i),
                    )
                )
                for group in groups
                for i in range(70)
            },
            "ANY": Test("lot.quantity", Op.AT_LEAST, 1),
        }
    )
    compiled = DurableBackend.shared().prepare(cat)
    gates = [rs.gate for rs in compiled.rulesets]
    assert gates == [None, {"mvi_gate1"}, {"mvi_gate1"}]  # ANY's alone; 70 rules in two
    assert [rs.lot_rules for rs in compiled.rulesets] == [1, 35, 35]
    for lot_groups, routed in [(("monitor",), [True] * 3), (("printer",), [True, False, False])]:
        texts = compiled.fact_texts({**LAPTOPS, "lot.product_groups": lot_groups}, "s", "s/0")
        assert [text is not None for text in texts] == routed
    lots: list[tuple[str, Facts]] = [
        (f"L{n}", {**LAPTOPS, "lot.product_groups": groups[:n], "lot.quantity": 30 + n})
        for n in range(4)
    ]
    assert len(both(cat, lots)) == 4 + 31 + 32 * 2 + 33 * 3


def test_terms_with_several_flags_and_without_flags_share_a_core() -> None:
    # One core (quantity above 5) for a term of two flags (A), one of one flag (B) and one of
    # none (C): one rule without a gate, whose firing proves what the lot's flags allow. D's
    # core only holds with two flags together: its gate opens for a lot that has both.
    laptop = Test("lot.product_groups", Op.INCLUDES, "laptop")
    monitor = Test("lot.product_groups", Op.INCLUDES, "monitor")
    desktop = Test("lot.product_groups", Op.INCLUDES, "desktop")
    big = Test("lot.quantity", Op.MORE_THAN, 5)
    cat = catalogue_of(
        {
            "A": All((laptop, monitor, big)),
            "B": All((big, laptop)),
            "C": big,
            "D": All((desktop, monitor, Test("lot.quantity", Op.MORE_THAN, 6))),
        }
    )
    compiled = DurableBackend.shared().prepare(cat)
    assert sum(rs.lot_rules for rs in compiled.rulesets) == 2
    assert [rs.gate for rs in compiled.rulesets] == [None, {"mvi_gate1"}]
    flag = compiled.flags["lot__product_groups"]
    assert compiled.gates == {"mvi_gate1": (frozenset({flag["desktop"], flag["monitor"]}),)}
    (proof,) = compiled.rulesets[0].proves.values()
    assert proof.every_criterion == ("C", "B", "A")
    lots: list[tuple[str, Facts]] = [
        (name, {**LAPTOPS, "lot.product_groups": groups})
        for name, groups in [
            ("L", ("laptop",)),
            ("LM", ("laptop", "monitor")),
            ("M", ("monitor",)),
            ("D", ("desktop",)),
            ("DM", ("monitor", "desktop")),
            ("none", ()),
        ]
    ]
    lots.append(
        (
            "small",
            {**LAPTOPS, "lot.product_groups": ("laptop", "monitor", "desktop"), "lot.quantity": 3},
        )
    )
    assert both(cat, lots) == {("C", lot) for lot in ("L", "LM", "M", "D", "DM", "none")} | {
        ("B", "L"),
        ("B", "LM"),
        ("A", "LM"),
        ("D", "DM"),
    }
    texts = compiled.fact_texts({**LAPTOPS, "lot.product_groups": ("desktop",)}, "s", "s/0")
    assert texts[1] is None  # the desktop alone opens no gate of D's ruleset


def test_proofs_are_kept_for_a_bounded_number_of_flag_sets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    groups = ("laptop", "desktop", "monitor")
    cat = catalogue_of({"A": Test("lot.product_groups", Op.INCLUDES_ANY, groups)})
    compiled = dc.compile_catalogue(cat)
    monkeypatch.setattr(dc, "MAX_FLAG_SETS", 2)
    kept = [compiled.proved(frozenset({f"f{i}"})) for i in range(2)]
    assert compiled.proved(frozenset({"f0"})) is kept[0]
    compiled.proved(frozenset({"f9"}))["t0"] = ("A",)
    assert compiled.proved(frozenset({"f9"})) == {}  # not kept
    # Lots with more distinct sets of flags than are kept are decided all the same.
    lots: list[tuple[str, Facts]] = [
        ("+".join(chosen), {"lot.product_groups": chosen})
        for n in range(4)
        for chosen in itertools.combinations(groups, n)
    ]
    assert both(cat, lots) == {("A", name) for name, _ in lots if name}


def test_a_list_test_of_a_number_stays_a_list_test() -> None:
    # Only texts get flags; a text is never equal to a number, as in the reference evaluator.
    cat = catalogue_of(
        {"A": Test("x.items", Op.INCLUDES, 2), "B": Test("x.items", Op.INCLUDES, "two")}
    )
    compiled = DurableBackend.shared().prepare(cat)
    assert compiled.flags == {"x__items": {"two": "x__items__has1"}}
    number_test = {"$iany": {"x__items": {"$i": 2}}}
    assert any(number_test in tests["$and"] for tests in rule_tests(cat))
    lots: list[tuple[str, Facts]] = [
        ("number", {"x.items": (1, 2)}),
        ("float", {"x.items": (2.0, "three")}),
        ("text", {"x.items": ("two",)}),
        ("flag", {"x.items": (True,)}),
    ]
    assert both(cat, lots) == {("A", "number"), ("A", "float"), ("B", "text")}


def test_not_includes_any_compiles_to_one_iall_per_item_in_one_rule() -> None:
    cat = catalogue_of(
        {"A": Not(Test("lot.product_groups", Op.INCLUDES_ANY, ("laptop", "desktop")))}
    )
    tests = rule_tests(cat)
    present = [t for t in tests if "$nex" not in json.dumps(t)]
    assert present == [
        {
            "$and": [
                {"mvi_kind": "lot"},
                {"$iall": {"lot__product_groups": {"$neq": {"$i": "desktop"}}}},
                {"$iall": {"lot__product_groups": {"$neq": {"$i": "laptop"}}}},
            ]
        }
    ]
    lots = [("both", {"lot.product_groups": ("laptop", "desktop")}), ("other", LAPTOPS)]
    lots += [("monitor", {"lot.product_groups": ("monitor",)}), ("none", {})]
    assert both(cat, lots) == {("A", "monitor"), ("A", "none")}


def test_no_list_test_holds_a_nested_or_or_and() -> None:
    # The shipped catalogue: no "$iany"/"$iall" anywhere holds an inner "$or" or "$and".
    from mvi_rules import load_catalogue

    compiled = dc.compile_catalogue(load_catalogue())

    def inner_ops(node: AnyType, inside: bool = False) -> list[str]:
        if isinstance(node, dict):
            found = [k for k in node if inside and k in ("$or", "$and")]
            for key, value in node.items():
                found += inner_ops(value, inside or key in ("$iany", "$iall"))
            return found
        if isinstance(node, list):
            return [k for item in node for k in inner_ops(item, inside)]
        return []

    rules = [rule for rs in compiled.rulesets for rule in rs.rules.values()]
    assert compiled.flags  # its list tests are flag tests
    assert inner_ops(rules) == []


def test_a_term_shared_by_criteria_is_one_rule_proving_them_all() -> None:
    laptops = Test("lot.product_groups", Op.INCLUDES, "laptop")
    big = Test("lot.quantity", Op.AT_LEAST, 100)
    cat = catalogue_of(
        {
            "A": All((laptops, big)),
            "B": Any((All((big, laptops)), Test("ambition.level", Op.IS, 3))),
            "C": Any((laptops, laptops)),
        }
    )
    compiled = DurableBackend.shared().prepare(cat)
    assert sum(rs.lot_rules for rs in compiled.rulesets) == 3  # laptops & big; level 3; laptops
    proves = [p.every_criterion for rs in compiled.rulesets for p in rs.proves.values()]
    assert sorted(proves) == [("A", "B"), ("B",), ("C",)]
    assert len(rule_tests(cat)) == 3
    lots = [("L", LAPTOPS), ("small", {**LAPTOPS, "lot.quantity": 5}), ("none", {})]
    assert both(cat, lots) == {("A", "L"), ("B", "L"), ("C", "L"), ("C", "small")}


def test_shipped_catalogue_compiles_each_distinct_core_once() -> None:
    from mvi_rules import load_catalogue

    compiled = dc.compile_catalogue(load_catalogue())
    flags = {flag for by_item in compiled.flags.values() for flag in by_item.values()}
    terms = {term for terms in compiled.terms.values() for term in terms}
    # A core is a term without its flag tests ($iany of a text).
    cores = {
        tuple(a for a in term if not (a.op == "$iany" and _text_item(a.value))) for term in terms
    }
    bodies = [
        json.dumps(body["all"], sort_keys=True)
        for rs in compiled.rulesets
        for name, body in rs.rules.items()
        if name != dc.CLOSE_RULE
    ]
    assert len(bodies) == len(set(bodies)) == len(cores) < len(terms) / 5
    # Each criterion is proved by as many (rule, flags) as it has terms.
    proving: dict[str, int] = {}
    for rs in compiled.rulesets:
        for proof in rs.proves.values():
            assert set(proof.by_flag) <= flags and not proof.by_flags
            for criteria in (proof.always, *proof.by_flag.values()):
                for criterion in criteria:
                    proving[criterion] = proving.get(criterion, 0) + 1
    assert proving == {c: len(terms) for c, terms in compiled.terms.items() if terms}


def _text_item(value: object) -> bool:
    return isinstance(value, tuple) and isinstance(value[0], str)


def test_action_frames_are_read_without_decoding_whatever_the_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The backend recognises each action frame by the whole text of a fact it asserted, never
    # by looking into the values: values that look like frame syntax change nothing.
    tricky = ['x"}}', '{"m":{"id": "evil"}}', 'wanted", "id": "L2', 'ü\\"}', "\u2028 ok"]
    cat = catalogue_of(
        {
            "REF": Test("lot.refurbished", Op.IS, tricky[0]),
            "SET": Test("lot.refurbished", Op.IS_SET),
            "NOT": Test("lot.refurbished", Op.IS_NOT, tricky[2]),
        }
    )
    lots = [(f"L{i}", {**LAPTOPS, "lot.refurbished": value}) for i, value in enumerate(tricky)]
    lots += [("same", {**LAPTOPS, "lot.refurbished": tricky[0]}), ("none", {})]
    backend = DurableBackend.shared()
    backend.prepare(cat)
    decoded: list[str] = []
    loads = dur.json.loads

    def counting(text: str, *args: AnyType, **kwargs: AnyType) -> AnyType:
        decoded.append(text)
        return loads(text, *args, **kwargs)

    monkeypatch.setattr(dur.json, "loads", counting)
    result = backend.match(cat, lots)
    monkeypatch.undo()
    assert decoded == []
    assert result == PlainBackend().match(cat, lots)
    assert ("REF", "L0") in result and ("REF", "same") in result
    assert ("NOT", "L2") not in result


def test_not_at_least_holds_for_an_absent_field() -> None:
    node = Not(Test("ambition.climate", Op.AT_LEAST, 2))
    assert set(dc.condition_terms(node)) == {
        (dc.Atom("$nex", "ambition__climate"),),
        (dc.Atom("$lt", "ambition__climate", 2),),
    }
    cat = catalogue_of({"A": node})
    assert both(cat, [("absent", {}), ("low", {"ambition.climate": 1}), ("high", LAPTOPS)]) == {
        ("A", "absent"),
        ("A", "low"),
        ("A", "high"),  # LAPTOPS has no ambition.climate
    }
    assert both(cat, [("set", {"ambition.climate": 2})]) == set()


def test_negations_keep_the_absent_field_semantics() -> None:
    tests = [
        Test("lot.refurbished", Op.IS_NOT, "wanted"),
        Test("procurement.procedure", Op.NOT_ONE_OF, ("open", "restricted")),
        Test("lot.product_groups", Op.NOT_INCLUDES, "server"),
        Test("procurement.procedure", Op.IS_NOT_SET),
        Test("lot.product_groups", Op.INCLUDES_ANY, ("server",)),
    ]
    conditions: dict[str, Node] = {}
    for i, test in enumerate(tests):
        conditions[f"T{i}"] = test
        conditions[f"N{i}"] = Not(test)
        conditions[f"NN{i}"] = Not(Not(test))
    cat = catalogue_of(conditions)
    lots = [
        ("empty", {}),
        ("laptops", LAPTOPS),
        ("no-groups", {"lot.product_groups": ()}),
        ("server", {"lot.product_groups": ("server", "monitor"), "procurement.procedure": "open"}),
        ("other", {"lot.refurbished": "wanted", "procurement.procedure": "national_open"}),
    ]
    assert both(cat, lots)


def test_empty_all_holds_and_empty_any_does_not() -> None:
    assert dc.condition_terms(All(())) == ((),)
    assert dc.condition_terms(Any(())) == ()
    assert dc.condition_terms(Not(Any(()))) == ((),)
    cat = catalogue_of({"ALL": All(()), "ANY": Any(()), "NOT-ANY": Not(Any(()))})
    assert both(cat, [("L", LAPTOPS)]) == {("ALL", "L"), ("NOT-ANY", "L")}


def test_does_not_include_holds_for_an_empty_list() -> None:
    # durable-rules' $iall is false on an empty list; the compiled facts carry an end marker.
    cat = catalogue_of({"A": Test("lot.product_groups", Op.NOT_INCLUDES, "laptop")})
    assert both(cat, [("none", {"lot.product_groups": ()})]) == {("A", "none")}
    lots = [("laptop", {"lot.product_groups": ("laptop",)}), ("tv", {"lot.product_groups": "tv"})]
    assert both(cat, lots) == {("A", "tv")}
    # Only an empty list carries the marker: on others it would change nothing but cost time.
    compiled = DurableBackend.shared().prepare(cat)
    assert compiled.fact({"lot.product_groups": ()}, "s", "i")["lot__product_groups"] == [
        dc.LIST_END
    ]
    assert compiled.fact({"lot.product_groups": ("tv",)}, "s", "i")["lot__product_groups"] == ["tv"]


def test_none_values_count_as_absent() -> None:
    cat = catalogue_of({"A": Test("procurement.procedure", Op.IS_NOT_SET)})
    assert both(cat, [("L", {"procurement.procedure": None})]) == {("A", "L")}


def test_fields_map_to_durable_safe_keys() -> None:
    assert dc.fact_key("lot.product_group") == "lot__product_group"
    with pytest.raises(EngineError):
        dc.fact_key("sid")
    with pytest.raises(EngineError, match="criterion BAD"):
        dc.compile_catalogue(catalogue_of({"BAD": Test("lot.quantity", Op.ONE_OF, 3)}))


def test_every_rule_tests_the_discriminator() -> None:
    cat = catalogue_of(
        {
            "A": Test("procurement.procedure", Op.IS_NOT_SET),
            "B": All(()),
            "C": Any(
                (Test("lot.quantity", Op.AT_LEAST, 3), Not(Test("buyer.is_central", Op.IS, True)))
            ),
        }
    )
    for tests in rule_tests(cat):
        parts = tests.get("$and", [tests])
        assert {"mvi_kind": "lot"} in parts
        # Alternatives are separate rules, so that each rule fires at most once per fact.
        assert all("$or" not in part for part in parts)


# --- one test per guarded durable-rules failure -----------------------------------------------


def test_guard_1_more_than_64_matching_rules_are_split_into_rulesets() -> None:
    # Distinct always-true tests: identical ones would share one engine node and not hit 303.
    cat = catalogue_of({f"C{i:03}": Test("lot.quantity", Op.MORE_THAN, -i - 1) for i in range(150)})
    compiled = DurableBackend.shared().prepare(cat)
    assert len(compiled.rulesets) > 1
    assert all(rs.lot_rules <= dc.RULES_PER_RULESET for rs in compiled.rulesets)
    assert both(cat, [("L", LAPTOPS)]) == {(f"C{i:03}", "L") for i in range(150)}


def test_guard_1_the_limit_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    # 64 rules matching one fact work, 65 fail with error 303: RULES_PER_RULESET stays below.
    assert dc.RULES_PER_RULESET < 64
    monkeypatch.setattr(dc, "RULES_PER_RULESET", 65)
    backend = DurableBackend()
    for count in (64, 65):
        cat = catalogue_of(
            {f"C{i:03}": Test("lot.quantity", Op.MORE_THAN, -i - 1) for i in range(count)},
            f"limit{count}",
        )
        assert len(backend.prepare(cat).rulesets) == 1
        if count == 64:
            assert len(backend.match(cat, [("L", LAPTOPS)])) == 64
        else:
            with pytest.raises(EngineError, match="303"):
                backend.match(cat, [("L", LAPTOPS)])


def test_guard_1_a_batch_of_many_lots_each_matching_every_rule() -> None:
    # An evaluation asserts all its lot facts into a ruleset in one call: the limit holds per
    # fact, so forty lots that each activate every rule of full rulesets still work.
    cat = catalogue_of({f"C{i:03}": Test("lot.quantity", Op.MORE_THAN, -i - 1) for i in range(150)})
    lots = [(f"L{j}", {**LAPTOPS, "lot.quantity": j}) for j in range(40)]
    assert both(cat, lots) == {(f"C{i:03}", f"L{j}") for i in range(150) for j in range(40)}


def test_guard_1_one_criterion_with_many_true_alternatives() -> None:
    # durable-rules fires a rule once per true branch of an $or, so one criterion alone can
    # exceed 64 activations; its alternatives become separate rules spread over rulesets.
    cat = catalogue_of(
        {"MANY": Any(tuple(Test("lot.quantity", Op.MORE_THAN, -i) for i in range(90)))}
    )
    assert len(DurableBackend.shared().prepare(cat).rulesets) > 1
    assert both(cat, [("L", LAPTOPS)]) == {("MANY", "L")}


def test_guard_2_facts_with_hundreds_of_keys() -> None:
    cat = catalogue_of(
        {"A": Test("lot.quantity", Op.AT_LEAST, 10), "B": Test("lot.refurbished", Op.IS, "wanted")}
    )
    wide: Facts = dict(LAPTOPS)
    wide.update({f"extra.key_{i}": i for i in range(400 - len(wide))})
    assert len(wide) == 400
    assert both(cat, [("wide", wide)]) == {("A", "wide")}
    fact = DurableBackend.shared().prepare(cat).fact(wide, "sid", "id")
    assert set(fact) == {"sid", "id", "mvi_kind", "lot__quantity", "lot__refurbished"}


def test_each_ruleset_gets_the_fact_with_only_the_keys_it_reads() -> None:
    cat = catalogue_of(
        {
            **{f"Q{i:03}": Test("lot.quantity", Op.MORE_THAN, i) for i in range(70)},
            "G": Test("lot.product_groups", Op.INCLUDES, "laptop"),
            "R": Not(Test("lot.refurbished", Op.IS, 'say "hi", ü')),
            "B": Test("buyer.is_central", Op.IS, False),
        }
    )
    compiled = DurableBackend.shared().prepare(cat)
    assert len(compiled.rulesets) > 1
    facts: Facts = {**LAPTOPS, "lot.refurbished": 'say "hi", ü', "lot.quantity": 2.5}
    full = compiled.fact(facts, "sid", "sid/0")
    texts = compiled.fact_texts(facts, "sid", "sid/0")
    assert len(texts) == len(compiled.rulesets)
    for ruleset, text in zip(compiled.rulesets, texts, strict=True):
        assert text is not None
        assert json.loads(text) == {
            key: value
            for key, value in full.items()
            if key in ruleset.keys or key in ("sid", "id", "mvi_kind")
        }
    flags = {flag for by_item in compiled.flags.values() for flag in by_item.values()}
    assert flags == {"lot__product_groups__has1"}
    assert compiled.gates == {"mvi_gate1": (frozenset(flags),)}
    assert {key for rs in compiled.rulesets for key in rs.keys} == (
        set(compiled.keys.values()) - {"lot__product_groups"} | {"mvi_gate1"}
    )


def test_guard_2_catalogue_reading_too_many_fields_is_refused() -> None:
    cat = catalogue_of({f"C{i}": Test(f"x.f{i}", Op.IS, 1) for i in range(300)})
    with pytest.raises(EngineError, match="fields"):
        DurableBackend.shared().prepare(cat)


def test_guard_3_exception_in_action_raises_engine_error(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = DurableBackend()
    cat = catalogue_of({"A": Test("lot.quantity", Op.AT_LEAST, 1)})

    def boom(*args: object) -> None:
        raise RuntimeError("boom in action")

    assert backend.match(cat, [("L", LAPTOPS)]) == {("A", "L")}
    (kept,) = backend._registered[cat.fingerprint][0].sessions
    monkeypatch.setattr(backend, "_on_match", boom)
    with pytest.raises(EngineError, match="boom in action"):
        backend.match(cat, [("L", LAPTOPS)])
    monkeypatch.undo()
    # The session the failed evaluation ran in is not used again: its state is deleted.
    assert backend._registered[cat.fingerprint][0].sessions == []
    with pytest.raises(Exception, match="309"):
        _session_facts(backend, backend.prepare(cat), kept)
    assert backend.match(cat, [("L", LAPTOPS)]) == {("A", "L")}
    assert backend._runs == {}


def test_guard_4_rule_testing_only_an_absent_field() -> None:
    cat = catalogue_of({"NOPROC": Test("procurement.procedure", Op.IS_NOT_SET)})
    lots = [("unset", dict(LAPTOPS)), ("set", {**LAPTOPS, "procurement.procedure": "open"})]
    assert both(cat, lots) == {("NOPROC", "unset")}


def test_guard_4_runaway_engine_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without the discriminator a "$nex"-only rule matches the session-state object and fires
    # forever; the action notices and stops the engine instead of hanging.
    def rule_without_discriminator(rule: AnyType) -> dict[str, AnyType]:
        tests = [atom.to_json() for atom in rule.core]
        match = tests[0] if len(tests) == 1 else {"$and": tests}
        return {"all": [{"m": match}], "run": dc.ACTION_PREFIX + rule.name}

    monkeypatch.setattr(dc, "_rule", rule_without_discriminator)
    backend = DurableBackend()
    cat = catalogue_of({"NOPROC": Test("procurement.procedure", Op.IS_NOT_SET)}, "runaway")
    with pytest.raises(EngineError, match="stopped it"):
        backend.match(cat, [("L", LAPTOPS)])
    assert backend._runs == {}


def test_guard_5_fact_matching_no_rule_is_no_match() -> None:
    cat = catalogue_of({"BIG": Test("lot.quantity", Op.MORE_THAN, 10_000)})
    assert both(cat, [("L", LAPTOPS)]) == set()
    lots = [("small", LAPTOPS), ("big", {**LAPTOPS, "lot.quantity": 20_000})]
    assert both(cat, lots) == {("BIG", "big")}


def test_guard_6_lots_with_identical_facts() -> None:
    cat = catalogue_of({"A": Test("lot.quantity", Op.AT_LEAST, 1)})
    assert both(cat, [("L1", dict(LAPTOPS)), ("L2", dict(LAPTOPS))]) == {("A", "L1"), ("A", "L2")}


def test_guard_7_a_backend_starts_no_threads() -> None:
    before = threading.active_count()
    backend = DurableBackend()
    backend.match(catalogue_of({"A": All(())}), [("L", LAPTOPS)])
    assert threading.active_count() <= before


def test_guard_7_one_shared_backend_per_process() -> None:
    with ThreadPoolExecutor(8) as pool:
        backends = list(pool.map(lambda _: DurableBackend.shared(), range(32)))
    assert all(b is backends[0] for b in backends)
    assert get_backend("durable") is backends[0]
    assert get_backend("auto") is backends[0]


def _session_facts(
    backend: DurableBackend, compiled: dc.CompiledCatalogue, sid: str
) -> list[AnyType]:
    """The facts session ``sid`` holds in each ruleset; raises (error 309) when it has none."""
    return [backend._host.get_facts(rs.name, sid) for rs in compiled.rulesets]


def _recorded_sessions(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[DurableBackend, AnyType, dc.CompiledCatalogue, list[str]]:
    """A backend with a catalogue of several rulesets, and the session ids it makes."""
    backend = DurableBackend()
    cat = catalogue_of({f"C{i}": Test("lot.quantity", Op.MORE_THAN, i * 50) for i in range(70)})
    compiled = backend.prepare(cat)
    sids: list[str] = []
    new_sid = backend._new_sid

    def recording_sid() -> str:
        sids.append(new_sid())
        return sids[-1]

    monkeypatch.setattr(backend, "_new_sid", recording_sid)
    return backend, cat, compiled, sids


def test_guard_7_evaluations_leave_no_threads_and_no_lot_facts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend, cat, compiled, sids = _recorded_sessions(monkeypatch)
    assert len(compiled.rulesets) > 1
    backend.match(cat, [("L", LAPTOPS)])
    before = threading.active_count()
    for i in range(50):
        lots = [("L", {**LAPTOPS, "lot.quantity": i * 40}), ("M", LAPTOPS)]
        assert backend.match(cat, lots) == PlainBackend().match(cat, lots)
    assert threading.active_count() <= before
    # One evaluation at a time: one session serves them all, and keeps only its closing fact.
    assert len(sids) == 1
    assert backend._runs == {}
    closing = dur._closing(sids[0])
    assert _session_facts(backend, compiled, sids[0]) == [[closing]] * len(compiled.rulesets)


def test_guard_7_sessions_beyond_the_idle_ones_are_deleted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend, cat, compiled, sids = _recorded_sessions(monkeypatch)
    at_once = dur.MAX_IDLE_SESSIONS + 2
    real_match = backend._match
    # Every evaluation has run before any gives its session back: each needs its own.
    all_ran = threading.Barrier(at_once)

    def waiting_match(*args: AnyType) -> AnyType:
        run = real_match(*args)
        all_ran.wait(timeout=30)
        return run

    monkeypatch.setattr(backend, "_match", waiting_match)
    with ThreadPoolExecutor(at_once) as pool:
        results = list(pool.map(lambda _: backend.match(cat, [("L", LAPTOPS)]), range(at_once)))
    assert results == [PlainBackend().match(cat, [("L", LAPTOPS)])] * at_once
    assert len(set(sids)) == at_once
    kept = backend._registered[cat.fingerprint][0].sessions
    assert len(kept) == dur.MAX_IDLE_SESSIONS
    for sid in sids:
        if sid in kept:
            assert len(_session_facts(backend, compiled, sid)) == len(compiled.rulesets)
        else:
            with pytest.raises(Exception, match="309"):  # ERR_SID_NOT_FOUND: state deleted
                _session_facts(backend, compiled, sid)


def test_guard_8_lots_matching_nothing_do_not_crash_delete_state() -> None:
    # durable-rules segfaults in delete_state for a session in which no fact was handled; run
    # in a child process so that a crash fails this test instead of the whole run.
    script = textwrap.dedent(
        """
        from dataclasses import dataclass
        from mvi_rules.conditions import Op, Test
        from mvi_rules.engine.durable import DurableBackend

        @dataclass(frozen=True)
        class C:
            id: str

        @dataclass(frozen=True)
        class E:
            criterion: C
            condition: object

        @dataclass(frozen=True)
        class Cat:
            entries: tuple
            fingerprint: str

        cat = Cat(tuple(E(C(f"C{i}"), Test("lot.quantity", Op.MORE_THAN, 1000 + i))
                        for i in range(40)), "nothing-matches")
        backend = DurableBackend.shared()
        for i in range(20):
            assert backend.match(cat, [("L", {"lot.quantity": i})]) == set()
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_guard_9_numbers_durable_cannot_read_as_python_writes_them() -> None:
    # durable-rules' JSON parser rejects "1e+16" and "1e-05" (error 204) and reads integers
    # beyond 64 bits as doubles: integral floats are written as ints, the rest is refused.
    value = "procurement.estimated_value_eur"
    cat = catalogue_of({"GE": Test(value, Op.AT_LEAST, 1e16), "EQ": Test(value, Op.IS, 1e16)})
    lots = [("at", {value: 1e16}), ("below", {value: 1e15}), ("int", {value: 10**16})]
    assert both(cat, lots) == {("GE", "at"), ("EQ", "at"), ("GE", "int"), ("EQ", "int")}
    for bad in (1e-05, 2**64, float("nan")):
        with pytest.raises(EngineError, match="durable-rules"):
            DurableBackend.shared().match(cat, [("L", {value: bad})])
        with pytest.raises(EngineError, match="durable-rules"):
            DurableBackend.shared().prepare(catalogue_of({"X": Test(value, Op.AT_MOST, bad)}))


def test_fact_texts_write_every_kind_of_value_as_the_fact_holds_it() -> None:
    # fact_texts writes texts, true/false and numbers without the checks of fact(); the other
    # values go the long way. Both must give the engine the same fact.
    number, text, groups = "lot.quantity", "lot.refurbished", "lot.product_groups"
    cat = catalogue_of(
        {
            "N": Test(number, Op.AT_LEAST, 1),
            "T": Test(text, Op.IS, "x"),
            "G": Test(groups, Op.INCLUDES, "laptop"),
        }
    )
    compiled = DurableBackend.shared().prepare(cat)
    values: list[Value] = [
        0,
        -1,
        2**63 - 1,
        -(2**63),
        1e16,
        -0.0,
        0.1,
        2.5e-3,
        1.5e300,
        True,
        False,
        'ü " \u2028',
    ]
    for value in values:
        for lot_groups in [(), ("laptop",), "laptop", ("laptop", "desktop")]:
            facts: Facts = {number: value, text: value, groups: lot_groups}
            written = compiled.fact_texts(facts, "s", "s/0")
            for ruleset, ruleset_text in zip(compiled.rulesets, written, strict=True):
                if ruleset_text is None:  # no "laptop" flag: the ruleset's rules all need it
                    assert ruleset.gate and "laptop" not in lot_groups
                    continue
                assert json.loads(ruleset_text) == {
                    key: value
                    for key, value in compiled.fact(facts, "s", "s/0").items()
                    if key in ruleset.keys or key in ("sid", "id", "mvi_kind")
                }
    for bad in (2**63, 1e-05, 1e300, float("inf"), float("nan")):
        with pytest.raises(EngineError, match="durable-rules"):
            compiled.fact_texts({number: bad}, "s", "s/0")


# --- registration and threads ---------------------------------------------------------------


def test_two_catalogues_in_one_process() -> None:
    backend = DurableBackend.shared()
    first = catalogue_of({"A": Test("lot.quantity", Op.AT_LEAST, 100)})
    second = catalogue_of({"B": Test("lot.refurbished", Op.IS, "accepted")})
    for _ in range(3):
        assert both(first, [("L", LAPTOPS)]) == {("A", "L")}
        assert both(second, [("L", LAPTOPS)]) == {("B", "L")}
    assert backend.prepare(first) is backend.prepare(first)
    names = {rs.name for cat in (first, second) for rs in backend.prepare(cat).rulesets}
    assert names == {f"mvi_{first.fingerprint}_0", f"mvi_{second.fingerprint}_0"}


def test_same_fingerprint_with_other_conditions_is_compiled_again() -> None:
    first = catalogue_of({"A": Test("lot.quantity", Op.AT_LEAST, 100)}, "same-fingerprint")
    second = catalogue_of({"A": Test("lot.quantity", Op.AT_LEAST, 1000)}, "same-fingerprint")
    assert both(first, [("L", LAPTOPS)]) == {("A", "L")}
    assert both(second, [("L", LAPTOPS)]) == set()


def test_concurrent_first_use_of_a_catalogue_registers_it_once() -> None:
    # A host refuses a ruleset name twice: threads preparing the same new catalogue at once
    # must not both register it.
    cat = catalogue_of({f"R{i}": Test("lot.quantity", Op.MORE_THAN, i) for i in range(100)})
    backend = DurableBackend.shared()
    start = threading.Barrier(8)

    def first_use(_: int) -> set[tuple[str, str]]:
        start.wait()
        return backend.match(cat, [("L", LAPTOPS)])

    # Switch threads often, so that compiling is interleaved as it would be under load.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(first_use, range(8)))
    finally:
        sys.setswitchinterval(interval)
    assert all(r == PlainBackend().match(cat, [("L", LAPTOPS)]) for r in results)


def test_too_complex_condition_is_refused_clearly() -> None:
    names = ("level", "climate", "social", "circularity", "environment")
    node = All(tuple(Test(f"ambition.{name}", Op.ONE_OF, (1, 2, 3)) for name in names))
    # Each test has 3 alternatives: 3^5 = 243 would pass, one more test (729) does not.
    assert len(dc.condition_terms(node)) == 243
    node = All((*node.items, Test("lot.quantity", Op.ONE_OF, (1, 2, 3))))
    with pytest.raises(EngineError, match=r"criterion X: .*alternatives"):
        DurableBackend.shared().prepare(catalogue_of({"X": node}))


def test_no_lots_and_no_criteria() -> None:
    assert both(catalogue_of({"A": All(())}), []) == set()
    assert both(catalogue_of({}), [("L", LAPTOPS)]) == set()
    assert both(catalogue_of({"NEVER": Any(())}), [("L", LAPTOPS)]) == set()


def _synthetic_catalogue(rng: random.Random, size: int) -> AnyType:
    def test() -> Test:
        name = rng.choice(sorted(FIELDS))
        spec = FIELDS[name]
        if spec.kind is Kind.NUMBER:
            return Test(name, rng.choice([Op.AT_LEAST, Op.LESS_THAN, Op.IS_NOT]), rng.randint(1, 3))
        if spec.kind is Kind.BOOL:
            return Test(name, rng.choice([Op.IS, Op.IS_NOT]), rng.random() < 0.5)
        if spec.kind is Kind.ENUM_LIST:
            if rng.random() < 0.5:
                return Test(name, Op.NOT_INCLUDES, rng.choice(spec.allowed))
            return Test(name, Op.INCLUDES_ANY, tuple(rng.sample(spec.allowed, 2)))
        return Test(name, rng.choice([Op.IS, Op.IS_NOT]), rng.choice(spec.allowed))

    def node(depth: int) -> Node:
        if depth == 0 or rng.random() < 0.4:
            return test()
        items = tuple(node(depth - 1) for _ in range(rng.randint(1, 3)))
        return rng.choice([All, Any])(items) if rng.random() < 0.8 else Not(items[0])

    return catalogue_of({f"S{i:02}": node(3) for i in range(size)})


def _synthetic_lots(rng: random.Random, count: int) -> list[tuple[str, Facts]]:
    def value(name: str) -> Value:
        spec = FIELDS[name]
        if spec.kind is Kind.NUMBER:
            return rng.randint(0, 4)
        if spec.kind is Kind.BOOL:
            return rng.random() < 0.5
        if spec.kind is Kind.ENUM_LIST:
            return tuple(rng.sample(spec.allowed, rng.randint(0, 3)))
        return rng.choice(spec.allowed)

    return [
        (f"lot{i}", {name: value(name) for name in FIELDS if rng.random() < 0.9})
        for i in range(count)
    ]


def test_concurrent_evaluations_give_sequential_results() -> None:
    rng = random.Random(20260101)
    cat = _synthetic_catalogue(rng, 60)
    work = [_synthetic_lots(rng, rng.randint(1, 3)) for _ in range(8 * 20)]
    backend = DurableBackend.shared()
    expected = [backend.match(cat, lots) for lots in work]
    assert expected == [PlainBackend().match(cat, lots) for lots in work]
    assert any(expected)

    def evaluate(worker: int) -> list[set[tuple[str, str]]]:
        return [backend.match(cat, lots) for lots in work[worker * 20 : (worker + 1) * 20]]

    with ThreadPoolExecutor(8) as pool:
        results = [r for chunk in pool.map(evaluate, range(8)) for r in chunk]
    assert results == expected
    assert backend._runs == {}


# --- error 102 and the registry bound ---------------------------------------------------------


def test_stress_registrations_after_heap_churn_never_fail() -> None:
    # durable-rules failed 6 in 3,600 registrations after heap churn when an "$iany" held an
    # inner "$or" (error 102). Thousands of fresh registrations of list tests after churning the
    # heap with random bytes: none may fail, and every answer equals the plain backend's. (Texts
    # in lists are tested as flags; "NUM" keeps "$iany" tests in every ruleset.)
    # MVI_STRESS_ROUNDS raises the count for a longer run on demand.
    rounds = int(os.environ.get("MVI_STRESS_ROUNDS", "1500"))
    rng = random.Random(102)
    groups = FIELDS["lot.product_groups"].allowed
    backend = DurableBackend.shared()
    lots: list[tuple[str, Facts]] = [
        ("two", {"lot.product_groups": tuple(groups[:2]), "lot.quantity": 5, "x.items": (1, 7)}),
        ("none", {"lot.quantity": 500}),
    ]
    for round_ in range(rounds):
        junk = [os.urandom(rng.randint(1, 4096)) for _ in range(40)]
        del junk[::2]
        picks = [tuple(rng.sample(groups, rng.randint(2, 5))) for _ in range(4)]
        cat = catalogue_of(
            {
                "ANY": Test("lot.product_groups", Op.INCLUDES_ANY, picks[0]),
                "NUM": Test("x.items", Op.INCLUDES_ANY, (rng.randint(0, 3), 7)),
                "NONE": Not(Test("lot.product_groups", Op.INCLUDES_ANY, picks[1])),
                "MIX": All(
                    (
                        Test("lot.product_groups", Op.INCLUDES_ANY, picks[2]),
                        Any(
                            (
                                Test("lot.quantity", Op.AT_LEAST, 10),
                                Test("ambition.level", Op.IS, 2),
                            )
                        ),
                    )
                ),
                "NOTMIX": Any(
                    (
                        Test("lot.product_groups", Op.NOT_INCLUDES, picks[3][0]),
                        Test("lot.quantity", Op.LESS_THAN, 3),
                    )
                ),
            },
            f"stress{round_}",
        )
        if round_ % 50 == 0:
            assert both(cat, lots) is not None
        else:
            backend.prepare(cat)
    assert backend.registered_count <= dur.MAX_REGISTERED


def test_registered_catalogues_are_bounded_and_released_ones_work_again() -> None:
    backend = DurableBackend.shared()
    cats = [
        catalogue_of({"A": Test("lot.quantity", Op.AT_LEAST, n)}, f"bounded{n}")
        for n in range(dur.MAX_REGISTERED + 3)
    ]
    for cat in cats:
        assert both(cat, [("L", LAPTOPS)]) == {("A", "L")}
        assert backend.registered_count <= dur.MAX_REGISTERED
    names = set(backend._host._ruleset_directory)
    assert f"mvi_{cats[0].fingerprint}_0" not in names  # released from the engine
    assert f"mvi_{cats[-1].fingerprint}_0" in names
    # The first one is registered again on its next use, under a new name.
    assert both(cats[0], [("L", LAPTOPS)]) == {("A", "L")}


def test_a_released_catalogue_deletes_its_idle_sessions(monkeypatch: pytest.MonkeyPatch) -> None:
    # delete_ruleset frees the ruleset's table of states but not the states themselves.
    backend = DurableBackend()
    cat = catalogue_of({"A": Test("lot.quantity", Op.AT_LEAST, 1)}, "idle")
    assert backend.match(cat, [("L", LAPTOPS)]) == {("A", "L")}
    (sid,) = backend._registered[cat.fingerprint][0].sessions
    engine = dur.durable_engine.durable_rules_engine
    real_delete_state = engine.delete_state
    deleted: list[str] = []

    def recording_delete_state(handle: int, session: str) -> AnyType:
        deleted.append(session)
        return real_delete_state(handle, session)

    monkeypatch.setattr(engine, "delete_state", recording_delete_state)
    _register_many(backend, "pushing-out")
    assert f"mvi_{cat.fingerprint}_0" not in backend._host._ruleset_directory
    assert deleted == [sid]


def test_a_catalogue_in_use_is_not_released(monkeypatch: pytest.MonkeyPatch) -> None:
    # Other catalogues registered while an evaluation of "busy" runs must not release it.
    backend = DurableBackend.shared()
    busy = catalogue_of({"B": Test("lot.quantity", Op.AT_LEAST, 1)}, "busy")
    real_match = backend._match

    def others_first(*args: AnyType) -> AnyType:
        _register_many(backend, "meanwhile")
        assert backend.registered_count == dur.MAX_REGISTERED
        assert f"mvi_{busy.fingerprint}_0" in backend._host._ruleset_directory  # "busy" stays
        return real_match(*args)

    monkeypatch.setattr(backend, "_match", others_first)
    lots = [(f"L{i}", LAPTOPS) for i in range(3)]
    assert backend.match(busy, lots) == {("B", f"L{i}") for i in range(3)}
    monkeypatch.undo()
    _register_many(backend, "afterwards")
    assert backend.registered_count == dur.MAX_REGISTERED
    assert f"mvi_{busy.fingerprint}_0" not in backend._host._ruleset_directory


def _register_many(backend: DurableBackend, prefix: str) -> None:
    for n in range(dur.MAX_REGISTERED + 2):
        backend.prepare(catalogue_of({"X": Test("lot.quantity", Op.AT_LEAST, n)}, f"{prefix}{n}"))


def test_registration_failure_is_retried_then_an_engine_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend = DurableBackend.shared()
    real = dur.durable_engine.Ruleset
    calls: list[str] = []

    def flaky(name: str, host: AnyType, definition: AnyType) -> AnyType:
        calls.append(name)
        if len(calls) == 1:
            raise dur.durable_engine.durable_rules_engine.error(
                "Could not create ruleset, error code: 102"
            )
        return real(name, host, definition)

    monkeypatch.setattr(dur.durable_engine, "Ruleset", flaky)
    cat = catalogue_of({"A": Test("lot.quantity", Op.AT_LEAST, 1)}, "flaky-once")
    assert both(cat, [("L", LAPTOPS)]) == {("A", "L")}
    assert len(calls) == 2

    def broken(name: str, host: AnyType, definition: AnyType) -> AnyType:
        raise dur.durable_engine.durable_rules_engine.error(
            "Could not create ruleset, error code: 102"
        )

    monkeypatch.setattr(dur.durable_engine, "Ruleset", broken)
    with pytest.raises(EngineError, match=r"could not register .*error code: 102.*3 attempts"):
        backend.prepare(catalogue_of({"A": Test("lot.quantity", Op.AT_LEAST, 2)}, "broken"))
