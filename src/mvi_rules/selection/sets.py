"""The criteria set (core or comprehensive): what it leaves out, and the table of criteria left
out by the set, a conflict, an overlap or the buyer.

What a catalogue says about sets does not change between evaluations, so it is read once per
catalogue (:data:`set_plans`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from ..catalogue import Catalogue, Entry
from ..catalogue.model import LocalText
from ..conditions import Check, compile_check, fields_of
from ..engine import LotFacts
from ..engine.compiled import EntryLike, PerCatalogue
from ..profile.model import CriteriaSet, ProcurementProfile
from .conflicts import Conflicts
from .construct import light
from .result import LeftOut

#: Why a criterion of the comprehensive set is not applied when the profile asks for the core
#: set. Short, because the table repeats it per criterion; it follows "het" in ``explain``, as
#: the conflict reasons do. The annex says once how to add such a criterion back.
OUTSIDE_SET = LocalText(
    nl="hoort alleen bij de uitgebreide set",
    en="belongs to the comprehensive set only",
)

#: Why a core criterion that scales with the purchase is not applied to a small one.
SCALED_OUT = LocalText(
    nl="hoort in de kernset alleen bij een grotere opdracht",
    en="belongs in the core set only to a larger purchase",
)

#: The condition field a core criterion tests to scale with the purchase.
SET_FIELD = "procurement.criteria_set"


def in_set(entry: Entry, profile: ProcurementProfile) -> bool:
    """Whether the profile's criteria set holds the criterion (core is in both sets)."""
    return (
        profile.procurement.criteria_set is CriteriaSet.COMPREHENSIVE
        or entry.criterion.set is CriteriaSet.CORE
    )


@dataclass(frozen=True)
class SetPlan:
    """What a catalogue says about criteria sets, read once."""

    #: Criteria of the comprehensive set only, in catalogue order.
    comprehensive_only: tuple[str, ...]
    #: Core criteria whose condition reads the set (they scale with the purchase), each with
    #: its compiled condition.
    scaling: tuple[tuple[str, Check], ...]
    #: Criterion id -> its title, for the table of criteria left out.
    titles: Mapping[str, LocalText]


def _set_plan(entries: Iterable[EntryLike]) -> SetPlan:
    known = cast("Iterable[Entry]", entries)
    return SetPlan(
        comprehensive_only=tuple(
            e.criterion.id for e in known if e.criterion.set is not CriteriaSet.CORE
        ),
        scaling=tuple(
            (e.criterion.id, compile_check(e.condition))
            for e in known
            if e.criterion.set is CriteriaSet.CORE and SET_FIELD in fields_of(e.condition)
        ),
        titles={e.criterion.id: e.criterion.title for e in known},
    )


#: Per catalogue: its :class:`SetPlan`.
set_plans: PerCatalogue[SetPlan] = PerCatalogue(_set_plan)


def outside_set(catalogue: Catalogue, profile: ProcurementProfile) -> frozenset[str]:
    """The criteria the profile's set leaves out (none for the comprehensive set)."""
    if profile.procurement.criteria_set is CriteriaSet.COMPREHENSIVE:
        return frozenset()
    return frozenset(set_plans.get(catalogue).comprehensive_only)


def scaled(
    catalogue: Catalogue,
    profile: ProcurementProfile,
    lots: Sequence[tuple[str, LotFacts]],
    traces: Mapping[str, list[tuple[str, bool]]],
) -> dict[str, list[str]]:
    """Core criteria whose condition fails only because the core set scales them down.

    Criterion id -> the lots where its condition would hold if the profile asked for the
    comprehensive set. Empty when it does.
    """
    if profile.procurement.criteria_set is CriteriaSet.COMPREHENSIVE:
        return {}
    wider = [
        (lot_id, {**facts, SET_FIELD: CriteriaSet.COMPREHENSIVE.value}) for lot_id, facts in lots
    ]
    found: dict[str, list[str]] = {}
    for criterion_id, check in set_plans.get(catalogue).scaling:
        held = dict(traces[criterion_id])
        lot_ids = [lot_id for lot_id, facts in wider if not held[lot_id] and check(facts)]
        if lot_ids:
            found[criterion_id] = lot_ids
    return found


def left_out(
    catalogue: Catalogue,
    lot_order: Sequence[str],
    refused: Conflicts,
    scaled: Mapping[str, list[str]],
) -> list[LeftOut]:
    """Per criterion and reason, the lots a conflict, an overlap or the set took it away from.

    ``refused`` holds the reason of every (criterion, lot) taken away, as the decisions say it;
    criteria come in id order, a criterion's reasons in the order of its first lot (the
    set's scaling first).
    """
    titles = set_plans.get(catalogue).titles
    reasons: dict[str, dict[str, LocalText]] = {}
    for (criterion_id, lot_id), why in refused.items():
        reasons.setdefault(criterion_id, {})[lot_id] = why
    rows: list[LeftOut] = []
    for criterion_id in sorted((set(reasons) | set(scaled)) & set(titles)):
        by_reason: dict[tuple[str, str], list[str]] = {}
        texts: dict[tuple[str, str], LocalText] = {}
        if criterion_id in scaled:
            by_reason[(SCALED_OUT.nl, SCALED_OUT.en)] = scaled[criterion_id]
            texts[(SCALED_OUT.nl, SCALED_OUT.en)] = SCALED_OUT
        found = reasons.get(criterion_id, {})
        for lot_id in lot_order:
            reason = found.get(lot_id)
            if reason is not None:
                key = (reason.nl, reason.en)
                by_reason.setdefault(key, []).append(lot_id)
                texts[key] = reason
        # Every value is already valid (an id, catalogue texts, lot ids): made without
        # validating, as the core set leaves out dozens of criteria.
        rows.extend(
            light(
                LeftOut,
                criterion_id=criterion_id,
                title=titles[criterion_id],
                lot_ids=lots,
                reason=texts[key],
            )
            for key, lots in by_reason.items()
        )
    return rows
