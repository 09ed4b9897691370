"""The durable-rules backend agrees with the plain evaluator (the reference semantics).

Two properties: over generated condition trees and fact mappings (every field kind, absent
fields, empty lists, ``None``), and over generated procurement profiles against the shipped
catalogue.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("durable.engine")

from mvi_rules.catalogue import Catalogue
from mvi_rules.conditions import (
    FIELDS,
    All,
    Any,
    FieldSpec,
    Kind,
    Node,
    Not,
    Op,
    Test,
    lot_facts,
)
from mvi_rules.conditions.tree import Scalar, Value
from mvi_rules.engine import PlainBackend
from mvi_rules.engine.durable import DurableBackend
from mvi_rules.profile import (
    Ambition,
    AuthorityType,
    Buyer,
    Commitments,
    Jurisdiction,
    Lot,
    LotUse,
    Procedure,
    Procurement,
    ProcurementProfile,
    ProductGroup,
    RefurbishedPolicy,
)

from .engine_standins import StandInCatalogue, catalogue_of

# --- generated condition trees ----------------------------------------------------------------

_OPS: dict[Kind, tuple[Op, ...]] = {
    Kind.ENUM: (Op.IS, Op.IS_NOT, Op.ONE_OF, Op.NOT_ONE_OF),
    Kind.BOOL: (Op.IS, Op.IS_NOT),
    Kind.NUMBER: (
        Op.IS,
        Op.IS_NOT,
        Op.AT_LEAST,
        Op.AT_MOST,
        Op.MORE_THAN,
        Op.LESS_THAN,
        Op.ONE_OF,
        Op.NOT_ONE_OF,
    ),
    Kind.ENUM_LIST: (Op.INCLUDES, Op.NOT_INCLUDES, Op.INCLUDES_ANY),
}
_LIST_VALUE_OPS = (Op.ONE_OF, Op.NOT_ONE_OF, Op.INCLUDES_ANY)


def _scalars(spec: FieldSpec) -> st.SearchStrategy[Scalar]:
    """Few distinct values per field, so that tests and facts often meet."""
    if spec.kind is Kind.BOOL:
        return st.booleans()
    if spec.kind is Kind.NUMBER:
        return st.one_of(st.integers(0, 4), st.sampled_from([1.5, 2.0, 2.5, 250_000.0]))
    return st.sampled_from(spec.allowed[:4])


@st.composite
def _tests(draw: st.DrawFn) -> Test:
    name = draw(st.sampled_from(sorted(FIELDS)))
    spec = FIELDS[name]
    # "is set" is only allowed on optional fields in rulesets, but its meaning is the same for
    # any field, and any field may be absent from a generated fact mapping.
    op = draw(st.sampled_from((*_OPS[spec.kind], Op.IS_SET, Op.IS_NOT_SET)))
    if op in (Op.IS_SET, Op.IS_NOT_SET):
        return Test(name, op)
    if op in _LIST_VALUE_OPS:
        # At most two values: a criterion's alternatives multiply, and the compiler refuses
        # conditions beyond 256 alternatives (tested in test_engine_durable).
        values = draw(st.lists(_scalars(spec), max_size=2, unique=True))
        return Test(name, op, tuple(values))
    return Test(name, op, draw(_scalars(spec)))


def _nodes() -> st.SearchStrategy[Node]:
    return st.recursive(
        _tests(),
        lambda kids: st.one_of(
            st.lists(kids, max_size=3).map(lambda xs: All(tuple(xs))),
            st.lists(kids, max_size=3).map(lambda xs: Any(tuple(xs))),
            kids.map(Not),
        ),
        max_leaves=6,
    )


def _fact_values(spec: FieldSpec) -> st.SearchStrategy[Value]:
    if spec.kind is Kind.ENUM_LIST:
        return st.lists(_scalars(spec), max_size=3, unique=True).map(tuple)
    return _scalars(spec)


_FACTS = st.fixed_dictionaries(
    {},
    optional={name: st.one_of(_fact_values(spec), st.none()) for name, spec in FIELDS.items()},
)


def _catalogue(conditions: list[Node]) -> StandInCatalogue:
    return catalogue_of({f"C{i}": node for i, node in enumerate(conditions)})


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    conditions=st.lists(_nodes(), min_size=1, max_size=5),
    facts=st.lists(_FACTS, min_size=1, max_size=3),
)
def test_durable_agrees_with_plain_on_generated_conditions(
    conditions: list[Node], facts: list[dict[str, Value]]
) -> None:
    catalogue = _catalogue(conditions)
    lots = [(f"L{i}", f) for i, f in enumerate(facts)]
    plain = PlainBackend().match(catalogue, lots)  # type: ignore[arg-type]
    assert DurableBackend.shared().match(catalogue, lots) == plain


# --- generated profiles against the shipped catalogue -----------------------------------------

_DEVICES = [g for g in ProductGroup if g.is_device]


@st.composite
def _lots(draw: st.DrawFn, index: int) -> Lot:
    group = draw(st.sampled_from(list(ProductGroup)))
    components: list[ProductGroup] = []
    if group is ProductGroup.WERKPLEK:
        components = draw(st.lists(st.sampled_from(_DEVICES), min_size=1, max_size=3, unique=True))
    return Lot(
        id=f"lot-{index}",
        name=f"Lot {index}",
        product_group=group,
        components=components,
        quantity=draw(st.integers(1, 5000)),
        refurbished=draw(st.sampled_from(list(RefurbishedPolicy))),
        holds_data=draw(st.none() | st.booleans()),
        use=draw(st.none() | st.sampled_from(list(LotUse))),
    )


@st.composite
def _profiles(draw: st.DrawFn) -> ProcurementProfile:
    jurisdiction = draw(st.sampled_from(list(Jurisdiction)))
    authority = draw(st.sampled_from([t for t in AuthorityType if t.jurisdiction is jurisdiction]))
    level = st.none() | st.integers(1, 3)
    count = draw(st.integers(1, 3))
    return ProcurementProfile(
        buyer=Buyer(name="Buyer", authority_type=authority, jurisdiction=jurisdiction),
        procurement=Procurement(
            title="Generated",
            reference_date=draw(st.dates(date(2024, 1, 1), date(2027, 12, 31))),
            estimated_value_eur=draw(st.floats(1_000, 10_000_000)),
            contract_term_years=draw(st.integers(1, 8)),
            extension_years=draw(st.lists(st.integers(1, 3), max_size=3)),
            price_indexation=draw(st.booleans()),
            procedure=draw(
                st.none()
                | st.sampled_from([p for p in Procedure if p.jurisdiction in (None, jurisdiction)])
            ),
        ),
        lots=[draw(_lots(i)) for i in range(count)],
        ambition=Ambition(
            level=draw(st.integers(1, 3)),
            climate=draw(level),
            circularity=draw(level),
            social=draw(level),
            environment=draw(level),
        ),
        commitments=Commitments(
            electronics_watch_affiliate=draw(st.booleans()),
            fira_participant=draw(st.booleans()),
            isv_policy=draw(st.booleans()),
        ),
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=_profiles())
def test_durable_agrees_with_plain_on_generated_profiles(
    catalogue: Catalogue, profile: ProcurementProfile
) -> None:
    day = profile.procurement.reference_date
    threshold = catalogue.thresholds.supplies_services(profile.buyer.authority_type.is_central, day)
    lots = [
        (lot.id, lot_facts(profile, lot, None if threshold is None else float(threshold)))
        for lot in profile.lots
    ]
    plain = PlainBackend().match(catalogue, lots)
    assert DurableBackend.shared().match(catalogue, lots) == plain
