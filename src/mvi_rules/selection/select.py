"""Evaluating a catalogue against a profile: the backend decides, we explain and resolve."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from .._version import __version__
from ..catalogue import Catalogue, Entry, load_catalogue
from ..conditions import lot_facts, with_total_value
from ..engine import Backend, BackendName, LotFacts, Match, PlainBackend, get_backend
from ..errors import EngineError
from ..profile.model import ProcurementProfile
from .award import award_conflicts, weighting
from .choices import check_choices, excluded_text
from .conflicts import Conflicts, find_conflicts
from .construct import deferred, light
from .economics import economics_notices
from .estimate import estimate, isv_status
from .notices import general_notices, unused_exclusions
from .outcomes import lot_decisions, outcome_fields, selected_criterion, selected_lots
from .parameters import check_overrides
from .result import (
    CriterionOutcome,
    EvaluationResult,
    LeftOut,
    LotDecision,
    Notice,
    SelectedCriterion,
)
from .sets import OUTSIDE_SET, SCALED_OUT, left_out, outside_set, scaled
from .traces import Reference, trace_plans

__all__ = ["OUTSIDE_SET", "SCALED_OUT", "evaluate"]


def evaluate(
    profile: ProcurementProfile,
    catalogue: Catalogue | None = None,
    backend: BackendName = "auto",
) -> EvaluationResult:
    """Select the catalogue's criteria for ``profile`` and explain every decision.

    ``backend`` is ``auto`` (durable-rules where it can be imported, else plain Python),
    ``durable`` or ``plain``. The result is the same whichever backend runs; when durable-rules
    disagrees with the reference evaluation an :class:`~mvi_rules.errors.EngineError` is raised.
    When durable-rules fails (an :class:`~mvi_rules.errors.EngineError`) it is tried again, then
    the plain evaluator decides: the result's ``backend`` is then ``plain`` and a notice with
    code ``engine-fallback`` says why (the document does not change).
    Raises :class:`~mvi_rules.errors.ProfileError` for parameter overrides the catalogue does not
    allow. Safe to call from many threads at once.
    """
    catalogue = catalogue if catalogue is not None else load_catalogue()
    return _evaluate(profile, catalogue, backend)


def _evaluate(
    profile: ProcurementProfile, catalogue: Catalogue, backend: BackendName
) -> EvaluationResult:
    overrides = check_overrides(profile, catalogue)
    day = profile.procurement.reference_date
    threshold = catalogue.thresholds.supplies_services(profile.buyer.authority_type.is_central, day)
    stated = [
        (lot.id, lot_facts(profile, lot, threshold, catalogue.isv.category_of(lot)))
        for lot in profile.lots
    ]
    value = estimate(profile, catalogue, overrides, threshold, stated)
    lots: list[tuple[str, LotFacts]] = [
        (lot_id, with_total_value(facts, value.total_eur, threshold)) for lot_id, facts in stated
    ]
    engine = get_backend(backend)
    plan = trace_plans.get(catalogue)
    # Criterion id -> (lot id, whether its condition holds), in catalogue and lot order: the
    # reference evaluation.
    traces = Reference(plan.roots, [(lot_id, plan.holds(facts)) for lot_id, facts in lots])
    holding = traces.holding
    reference: set[Match] = {
        (criterion_id, lot_id) for criterion_id, lot_ids in holding.items() for lot_id in lot_ids
    }
    if type(engine) is PlainBackend:
        # The plain backend decides exactly as the reference evaluation above: asking it again
        # would only evaluate everything twice.
        matches, engine_notice = reference, None
    else:
        matches, engine_notice = _engine_matches(engine, catalogue, lots)
    if engine_notice is not None:
        # The engine failed on a valid profile: decide with the reference evaluation instead.
        matches = reference
    elif matches != reference:
        raise EngineError(
            f"backend {engine.name} disagrees with the reference evaluation: "
            f"only by engine {sorted(matches - reference)}, only by reference "
            f"{sorted(reference - matches)}"
        )
    # The set filter comes before conflicts and overlaps: a criterion the set leaves out must
    # not take another one away.
    outside = outside_set(catalogue, profile)
    chosen = {
        criterion_id: list(lot_ids)
        for criterion_id, lot_ids in holding.items()
        if criterion_id not in outside
    }
    # The buyer's own choices come after the engine: they add to, or take from, its selection.
    choices = check_choices(profile, catalogue, lots, chosen)
    for criterion_id, lot_id in choices.included:
        chosen.setdefault(criterion_id, []).append(lot_id)
    order = [lot.id for lot in profile.lots]
    for lot_ids in chosen.values():
        lot_ids.sort(key=order.index)
    dropped = {cid: chosen.pop(cid) for cid in choices.excluded if cid in chosen}
    conflicts, notices = find_conflicts(chosen, catalogue, {lot.id: lot for lot in profile.lots})
    # A criterion the buyer includes by id is taken whatever its set.
    included = set(choices.included)
    left_by_set: Conflicts = {
        (criterion_id, lot_id): OUTSIDE_SET
        for criterion_id in sorted(outside)
        for lot_id in holding.get(criterion_id, ())
        if (criterion_id, lot_id) not in included
    }
    for criterion_id, lot_ids in dropped.items():
        for lot_id in lot_ids:
            conflicts[(criterion_id, lot_id)] = excluded_text(choices.excluded[criterion_id])
    notices.extend(unused_exclusions(choices, dropped))
    notices.extend(award_conflicts(chosen, catalogue, profile, overrides, conflicts))

    refused = conflicts | left_by_set
    # Every decision's reason is made from these when the decisions are first read.
    explained = [plan.for_lot(facts) for _, facts in lots]

    def decisions_of(criterion_id: str) -> list[LotDecision]:
        return lot_decisions(
            criterion_id,
            traces[criterion_id],
            plan.roots[criterion_id],
            explained,
            refused,
            choices,
        )

    lot_groups = {lot.id: lot.product_groups for lot in profile.lots}
    selected: list[SelectedCriterion] = []
    not_selected: list[Entry] = []
    for entry in catalogue:
        criterion_id = entry.criterion.id
        # Only a chosen criterion can be selected (its condition held, or the buyer included
        # it), for the lots nothing took it away from.
        final = (
            selected_lots(criterion_id, traces[criterion_id], refused, choices.included)
            if criterion_id in chosen
            else []
        )
        if not final:
            not_selected.append(entry)
            continue
        item, found = selected_criterion(
            entry,
            catalogue,
            profile,
            partial(decisions_of, criterion_id),
            final,
            overrides.get(criterion_id, {}),
            value,
            {group for lot_id in final for group in lot_groups[lot_id]},
            choices.include_reasons.get(criterion_id),
        )
        selected.append(item)
        notices.extend(found)

    def explain_not_selected() -> list[CriterionOutcome]:
        return [
            light(
                CriterionOutcome,
                **outcome_fields(entry, []),
                decisions=decisions_of(entry.criterion.id),
            )
            for entry in not_selected
        ]

    def explain_left_out() -> list[LeftOut]:
        return left_out(catalogue, order, refused, scaled(catalogue, profile, lots, traces))

    tables, weight_notices = weighting(profile, selected)
    notices.extend(weight_notices)
    notices.extend(general_notices(profile, overrides, selected, threshold))
    if engine_notice is not None:
        notices.append(engine_notice)
    # The value-related points a buyer must decide on come first in the document.
    notices[:0] = economics_notices(profile, value)
    return deferred(
        EvaluationResult,
        {"not_selected": explain_not_selected, "left_out": explain_left_out},
        library_version=__version__,
        catalogue_version=catalogue.version,
        catalogue_fingerprint=catalogue.fingerprint,
        backend=engine.name if engine_notice is None else "plain",
        profile=profile,
        eu_threshold_eur=threshold,
        value=value,
        isv=isv_status(profile, catalogue, value),
        weighting=tables,
        selected=selected,
        notices=notices,
    )


#: Times an engine other than the reference evaluator is tried before the reference decides.
ENGINE_ATTEMPTS = 2


def _engine_matches(
    engine: Backend, catalogue: Catalogue, lots: Sequence[tuple[str, LotFacts]]
) -> tuple[set[Match], Notice | None]:
    """The engine's matches; after it failed :data:`ENGINE_ATTEMPTS` times, a notice instead.

    A valid profile never fails because durable-rules did (its C engine has failed
    intermittently, see :mod:`mvi_rules.engine.durable`): the caller then decides with the
    plain evaluator, and the notice says so in the result.
    """
    if engine.name == "plain":
        return engine.match(catalogue, lots), None
    problem = ""
    for _ in range(ENGINE_ATTEMPTS):
        try:
            return engine.match(catalogue, lots), None
        except EngineError as exc:
            problem = str(exc)
    return set(), Notice(
        code="engine-fallback",
        message=f"the {engine.name} backend failed {ENGINE_ATTEMPTS} times ({problem}); "
        "the criteria were selected by the plain evaluator, which decides the same",
    )
