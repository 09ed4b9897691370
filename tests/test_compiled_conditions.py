"""Compiled conditions and their explanations say exactly what the tree walk says.

The plain backend and the selection evaluate conditions compiled once per catalogue, and build
each decision's explanation from shared builders; the reference semantics stay those of
``holds`` and ``trace`` on the condition tree.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mvi_rules import evaluate, load_catalogue, load_profile
from mvi_rules.conditions import (
    FIELDS,
    All,
    Any,
    Kind,
    Node,
    Not,
    Op,
    Test,
    Trace,
    compile_check,
    holds,
    trace,
)
from mvi_rules.conditions.tree import Value
from mvi_rules.engine.compiled import compiled_conditions
from mvi_rules.selection.construct import light
from mvi_rules.selection.result import ConditionTrace, LotDecision
from mvi_rules.selection.traces import trace_plans

from .engine_standins import catalogue_of

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

_VALUES: dict[Kind, st.SearchStrategy[Value]] = {
    Kind.BOOL: st.booleans(),
    # Numbers, words and booleans meet numeric tests, as a mistyped fact would.
    Kind.NUMBER: st.one_of(st.integers(0, 4), st.sampled_from([1.5, 2.0, True, "3"])),
}


def _scalar(name: str) -> st.SearchStrategy[Value]:
    spec = FIELDS[name]
    if spec.kind in _VALUES:
        return _VALUES[spec.kind]
    return st.sampled_from(spec.allowed[:4])


@st.composite
def _tests(draw: st.DrawFn) -> Test:
    name = draw(st.sampled_from(sorted(FIELDS)))
    op = draw(st.sampled_from(list(Op)))
    if op in (Op.IS_SET, Op.IS_NOT_SET):
        return Test(name, op)
    if draw(st.booleans()):
        # A list value, also where the operator takes one value (the tree allows it).
        return Test(name, op, tuple(draw(st.lists(_scalar(name), max_size=3))))  # type: ignore[arg-type]
    return Test(name, op, draw(_scalar(name)))


_NODES: st.SearchStrategy[Node] = st.recursive(
    _tests(),
    lambda kids: st.one_of(
        st.lists(kids, max_size=3).map(lambda xs: All(tuple(xs))),
        st.lists(kids, max_size=3).map(lambda xs: Any(tuple(xs))),
        kids.map(Not),
    ),
    max_leaves=8,
)


def _fact(name: str) -> st.SearchStrategy[Value]:
    if FIELDS[name].kind is Kind.ENUM_LIST:
        return st.lists(_scalar(name), max_size=3).map(tuple)
    return _scalar(name)


_FACTS = st.fixed_dictionaries(
    {}, optional={name: st.one_of(_fact(name), st.none()) for name in FIELDS}
)


def _model(outcome: Trace) -> ConditionTrace:
    return ConditionTrace(
        holds=outcome.holds,
        text=outcome.text,
        children=[_model(child) for child in outcome.children],
    )


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(node=_NODES, facts=_FACTS)
def test_a_compiled_condition_holds_exactly_when_the_tree_does(
    node: Node, facts: dict[str, Value]
) -> None:
    assert compile_check(node)(facts) is holds(node, facts)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    conditions=st.lists(_NODES, min_size=1, max_size=4),
    facts=st.lists(_FACTS, min_size=1, max_size=3),
)
# Equal as Python values, written differently: each keeps its own text in the trace (found by
# CI once, when the two shared one builder).
@example(
    conditions=[
        All(
            (
                Test("ambition.circularity", Op.IS, (2, 2, 2)),
                Test("ambition.circularity", Op.IS, (2, 2, 2.0)),
            )
        )
    ],
    facts=[{}],
)
def test_shared_trace_parts_explain_as_the_tree_walk_does(
    conditions: list[Node], facts: list[dict[str, Value]]
) -> None:
    # Criteria share parts (the same condition twice, a condition inside another), so the
    # plan's steps, and the traces made for a lot, are shared between them.
    conditions = [*conditions, conditions[0], Not(All(tuple(conditions)))]
    catalogue = catalogue_of({f"C{i}": node for i, node in enumerate(conditions)})
    plan = trace_plans.get(catalogue)
    checks = dict(compiled_conditions.get(catalogue))
    for lot in facts:
        # Parts are made when first read: read the criteria last to first as well, so a part
        # is first made inside another criterion's trace as often as on its own.
        held = plan.holds(lot)
        for order in (range(len(conditions)), reversed(range(len(conditions)))):
            made = plan.for_lot(lot)
            for i in order:
                built = made.trace(plan.roots[f"C{i}"])
                expected = _model(trace(conditions[i], lot))
                assert built == expected
                assert built.model_dump_json() == expected.model_dump_json()
                assert built.holds is expected.holds
                assert held[plan.roots[f"C{i}"]] is expected.holds
                assert checks[f"C{i}"](lot) is expected.holds


def test_a_light_model_equals_and_serialises_like_a_validated_one() -> None:
    reason = ConditionTrace(holds=True, text="all of", children=[])
    values = {
        "lot_id": "1",
        "selected": True,
        "reason": reason,
        "conflict": None,
        "included_by_buyer": None,
    }
    made, validated = light(LotDecision, **values), LotDecision(**values)
    assert made == validated
    assert made.model_dump_json() == validated.model_dump_json()
    assert made.model_fields_set == validated.model_fields_set
    assert LotDecision.model_validate(made.model_dump()) == made


def test_every_decision_of_an_example_is_explained_by_its_condition() -> None:
    catalogue = load_catalogue()
    profile = load_profile(EXAMPLES / "hogeschool-infra.yaml")
    result = evaluate(profile, catalogue, backend="plain")
    facts = _lot_facts(profile, catalogue)
    for outcome in (*result.selected, *result.not_selected):
        entry = catalogue.get(outcome.id)
        assert entry is not None
        for decision in outcome.decisions:
            assert decision.reason == _model(trace(entry.condition, facts[decision.lot_id]))


def _lot_facts(profile, catalogue):  # type: ignore[no-untyped-def]
    from mvi_rules.conditions import lot_facts
    from mvi_rules.selection.estimate import estimate as _estimate
    from mvi_rules.selection.parameters import check_overrides

    threshold = catalogue.thresholds.supplies_services(
        profile.buyer.authority_type.is_central, profile.procurement.reference_date
    )
    estimate = _estimate(profile, catalogue, check_overrides(profile, catalogue), threshold)
    return {
        lot.id: lot_facts(
            profile, lot, threshold, catalogue.isv.category_of(lot), estimate.total_eur
        )
        for lot in profile.lots
    }
