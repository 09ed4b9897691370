"""Evaluating a catalogue against a profile: the backend decides, we explain and resolve."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._version import __version__
from ..catalogue import Catalogue, Entry, load_catalogue
from ..catalogue.model import Attachment, LocalText, ParamValue, ValueKind
from ..conditions import Check, fields_of, holds, lot_facts
from ..engine import Backend, BackendName, LotFacts, Match, PlainBackend, get_backend
from ..engine.compiled import compiled_conditions
from ..errors import EngineError
from ..profile.model import (
    AuthorityType,
    CriteriaSet,
    Jurisdiction,
    ProcurementProfile,
    ProductGroup,
)
from .award import award_conflicts, weighting
from .choices import BuyerChoices, check_choices, excluded_text
from .conflicts import Conflicts, find_conflicts
from .economics import economics_notices
from .gc_pause import collector_paused
from .notices import notice
from .parameters import check_overrides, resolve_parameters
from .proof import resolve_proof
from .result import (
    AttachmentRef,
    CriterionOutcome,
    CriterionValue,
    EvaluationResult,
    IsvStatus,
    LeftOut,
    LotDecision,
    Notice,
    ResolvedParameter,
    SelectedCriterion,
    ValueEstimate,
)
from .traces import Builder, Memo, light, trace_builders
from .value import ValueClaim, estimate_value


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
    with collector_paused():
        return _evaluate(profile, catalogue, backend)


def _evaluate(
    profile: ProcurementProfile, catalogue: Catalogue, backend: BackendName
) -> EvaluationResult:
    overrides = check_overrides(profile, catalogue)
    day = profile.procurement.reference_date
    threshold = catalogue.thresholds.supplies_services(profile.buyer.authority_type.is_central, day)
    estimate = _estimate(profile, catalogue, overrides, threshold)
    lots: list[tuple[str, LotFacts]] = [
        (
            lot.id,
            lot_facts(profile, lot, threshold, catalogue.isv.category_of(lot), estimate.total_eur),
        )
        for lot in profile.lots
    ]
    engine = get_backend(backend)
    checks = compiled_conditions.get(catalogue)
    # Criterion id -> (lot id, whether its condition holds), in catalogue and lot order.
    traces: dict[str, list[tuple[str, bool]]] = {
        criterion_id: [(lot_id, check(facts)) for lot_id, facts in lots]
        for criterion_id, check in checks
    }
    reference: set[Match] = {
        (criterion_id, lot_id)
        for criterion_id, outcomes in traces.items()
        for lot_id, outcome in outcomes
        if outcome
    }
    if type(engine) is PlainBackend:
        # The plain backend runs these very compiled conditions: asking it again would only
        # evaluate everything twice.
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
    outside = {entry.criterion.id for entry in catalogue if not _in_set(entry, profile)}
    chosen = {
        criterion_id: [lot_id for lot_id, outcome in outcomes if outcome]
        for criterion_id, outcomes in traces.items()
        if criterion_id not in outside and any(outcome for _, outcome in outcomes)
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
        for lot_id, outcome in traces[criterion_id]
        if outcome and (criterion_id, lot_id) not in included
    }
    for criterion_id, lot_ids in dropped.items():
        for lot_id in lot_ids:
            conflicts[(criterion_id, lot_id)] = excluded_text(choices.excluded[criterion_id])
    notices.extend(_unused_exclusions(choices, dropped))
    notices.extend(award_conflicts(chosen, catalogue, profile, overrides, conflicts))

    selected: list[SelectedCriterion] = []
    not_selected: list[CriterionOutcome] = []
    builders = trace_builders.get(catalogue)
    # Every lot's traces, shared by the criteria whose conditions have a part in common.
    explain: list[tuple[LotFacts, Memo]] = [(facts, {}) for _, facts in lots]
    refused = conflicts | left_by_set
    for entry in catalogue:
        decisions = _decisions(
            entry.criterion.id,
            traces[entry.criterion.id],
            builders[entry.criterion.id],
            explain,
            refused,
            choices,
        )
        final = [d.lot_id for d in decisions if d.selected]
        if not final:
            not_selected.append(light(CriterionOutcome, **_outcome_fields(entry, decisions, [])))
            continue
        item, found = _selected(
            entry,
            catalogue,
            profile,
            decisions,
            final,
            overrides.get(entry.criterion.id, {}),
            estimate,
            choices.include_reasons.get(entry.criterion.id),
        )
        selected.append(item)
        notices.extend(found)
    left_out = _left_out(
        selected, not_selected, _scaled(catalogue, profile, lots, traces, dict(checks))
    )
    tables, weight_notices = weighting(profile, selected)
    notices.extend(weight_notices)
    notices.extend(_general_notices(profile, overrides, selected, threshold))
    if engine_notice is not None:
        notices.append(engine_notice)
    # The value-related points a buyer must decide on come first in the document.
    notices[:0] = economics_notices(profile, estimate)
    return EvaluationResult(
        library_version=__version__,
        catalogue_version=catalogue.version,
        catalogue_fingerprint=catalogue.fingerprint,
        backend=engine.name if engine_notice is None else "plain",
        profile=profile,
        eu_threshold_eur=threshold,
        value=estimate,
        isv=_isv(profile, catalogue, estimate),
        weighting=tables,
        left_out=left_out,
        selected=selected,
        not_selected=not_selected,
        notices=notices,
    )


def _estimate(
    profile: ProcurementProfile,
    catalogue: Catalogue,
    overrides: dict[str, dict[str, ParamValue]],
    threshold: float | None,
) -> ValueEstimate:
    """The value for the threshold test, from the criteria that add value.

    Their conditions cannot read the value (the loader refuses that), so they are decided here,
    before the value is known, exactly as the engine decides them afterwards.
    """
    facts = [
        (lot.id, lot_facts(profile, lot, threshold, catalogue.isv.category_of(lot)))
        for lot in profile.lots
    ]
    claims: list[ValueClaim] = []
    extension: str | None = None
    choices = profile.criteria
    for entry in catalogue:
        share = entry.criterion.value_share
        if share is None or choices.excluded(entry.criterion.id) is not None:
            continue
        if not _in_set(entry, profile) and choices.included(entry.criterion.id) is None:
            continue
        # An option the buyer includes by id counts for every lot it fits, as it is selected.
        condition = (
            entry.groups_condition
            if choices.included(entry.criterion.id) is not None
            else entry.condition
        )
        lot_ids = tuple(lot_id for lot_id, f in facts if holds(condition, f))
        if not lot_ids:
            continue
        if share.kind is ValueKind.EXTENSION:
            extension = extension or entry.criterion.id
            continue
        name = share.percent_parameter or ""
        value = overrides.get(entry.criterion.id, {}).get(
            name, entry.criterion.parameters[name].default
        )
        percent = float(value) if isinstance(value, (int, float)) else 0.0
        claims.append(ValueClaim(entry.criterion.id, share.kind, lot_ids, percent))
    return estimate_value(profile, claims, threshold, extension)


def _isv(profile: ProcurementProfile, catalogue: Catalogue, estimate: ValueEstimate) -> IsvStatus:
    named = {str(key): category.name for key, category in catalogue.isv.categories.items()}
    categories = {
        lot.id: named[key]
        for lot in profile.lots
        if (key := catalogue.isv.category_of(lot)) is not None
    }
    mandatory = profile.buyer.authority_type is AuthorityType.STATE and bool(estimate.above)
    return IsvStatus(
        applies=profile.buyer.jurisdiction is Jurisdiction.NL,
        mandatory_lots=sorted(categories) if mandatory else [],
        categories=categories,
        unconfirmed_lots=[lot.id for lot in profile.lots if catalogue.isv.is_unconfirmed(lot)],
    )


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


def _in_set(entry: Entry, profile: ProcurementProfile) -> bool:
    """Whether the profile's criteria set holds the criterion (core is in both sets)."""
    return (
        profile.procurement.criteria_set is CriteriaSet.COMPREHENSIVE
        or entry.criterion.set is CriteriaSet.CORE
    )


def _scaled(
    catalogue: Catalogue,
    profile: ProcurementProfile,
    lots: Sequence[tuple[str, LotFacts]],
    traces: dict[str, list[tuple[str, bool]]],
    checks: dict[str, Check],
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
    for entry in catalogue:
        if entry.criterion.set is not CriteriaSet.CORE or SET_FIELD not in fields_of(
            entry.condition
        ):
            continue
        held = dict(traces[entry.criterion.id])
        lot_ids = [
            lot_id
            for lot_id, facts in wider
            if not held[lot_id] and checks[entry.criterion.id](facts)
        ]
        if lot_ids:
            found[entry.criterion.id] = lot_ids
    return found


def _left_out(
    selected: Sequence[SelectedCriterion],
    not_selected: Sequence[CriterionOutcome],
    scaled: dict[str, list[str]],
) -> list[LeftOut]:
    """Per criterion and reason, the lots a conflict, an overlap or the set took it away from."""
    rows: list[LeftOut] = []
    for outcome in sorted((*selected, *not_selected), key=lambda o: o.id):
        by_reason: dict[tuple[str, str], list[str]] = {}
        texts: dict[tuple[str, str], LocalText] = {}
        if outcome.id in scaled:
            by_reason[(SCALED_OUT.nl, SCALED_OUT.en)] = scaled[outcome.id]
            texts[(SCALED_OUT.nl, SCALED_OUT.en)] = SCALED_OUT
        for decision in outcome.decisions:
            if decision.conflict is not None:
                key = (decision.conflict.nl, decision.conflict.en)
                by_reason.setdefault(key, []).append(decision.lot_id)
                texts[key] = decision.conflict
        rows.extend(
            LeftOut(criterion_id=outcome.id, title=outcome.title, lot_ids=lots, reason=texts[key])
            for key, lots in by_reason.items()
        )
    return rows


def _criterion_value(criterion_id: str, estimate: ValueEstimate) -> CriterionValue | None:
    lines = [line for line in estimate.lines if line.criterion_id == criterion_id]
    if not lines:
        return None
    return CriterionValue(
        kind=lines[0].kind,
        percent=round(lines[0].percent, 2),
        whole_contract=not estimate.per_lot,
        max_eur=round(sum(line.amount_eur for line in lines), 2),
    )


def _decisions(
    criterion_id: str,
    outcomes: Sequence[tuple[str, bool]],
    build: Builder,
    explain: Sequence[tuple[LotFacts, Memo]],
    conflicts: Conflicts,
    choices: BuyerChoices,
) -> list[LotDecision]:
    # Every value is already valid (ids, a bool, a trace, catalogue texts): made without
    # validating, as a result holds one decision per criterion and lot.
    return [
        light(
            LotDecision,
            lot_id=lot_id,
            selected=(outcome or (criterion_id, lot_id) in choices.included)
            and (criterion_id, lot_id) not in conflicts,
            reason=build(*lot),
            conflict=conflicts.get((criterion_id, lot_id)),
            included_by_buyer=choices.included.get((criterion_id, lot_id)),
        )
        for (lot_id, outcome), lot in zip(outcomes, explain, strict=True)
    ]


def _unused_exclusions(choices: BuyerChoices, dropped: dict[str, list[str]]) -> list[Notice]:
    return [
        notice(
            "choice-unused",
            f"{criterion_id} is uitgesloten in het profiel, maar was voor geen enkel perceel"
            " geselecteerd; de uitsluiting verandert niets.",
            f"{criterion_id} is excluded in the profile but was not selected for any lot;"
            " the exclusion changes nothing.",
            criterion_id,
        )
        for criterion_id in sorted(choices.excluded)
        if criterion_id not in dropped
    ]


def _outcome_fields(
    entry: Entry, decisions: Sequence[LotDecision], chosen: list[str]
) -> dict[str, Any]:
    """What every outcome says of its criterion, selected or not."""
    c = entry.criterion
    return {
        "id": c.id,
        "version": c.version,
        "topic": entry.topic,
        "title": c.title,
        "type": c.type,
        "level": c.level,
        "themes": list(c.themes),
        "lots": chosen,
        "decisions": list(decisions),
    }


def _selected(
    entry: Entry,
    catalogue: Catalogue,
    profile: ProcurementProfile,
    decisions: Sequence[LotDecision],
    chosen: list[str],
    overrides: dict[str, ParamValue],
    estimate: ValueEstimate,
    included_because: str | None = None,
) -> tuple[SelectedCriterion, list[Notice]]:
    c = entry.criterion
    day = profile.procurement.reference_date
    groups: set[ProductGroup] = {
        g for lot in profile.lots if lot.id in chosen for g in lot.product_groups
    }
    parameters, notices = resolve_parameters(c, overrides, groups, day)
    proof, proof_notices = resolve_proof(c, catalogue, groups, day)
    item = SelectedCriterion(
        **_outcome_fields(entry, decisions, chosen),
        value=_criterion_value(c.id, estimate),
        rewards=list(c.rewards),
        parameters=parameters,
        proof=proof,
        legal_basis=list(c.legal_basis[profile.buyer.jurisdiction]),
        sources=list(c.sources),
        template=c.template,
        scoring=list(c.scoring),
        included_by_buyer=included_because,
        applies_to=list(c.applies_to) if c.applies_to is not None else None,
        attachments=[_attachment_ref(a, catalogue) for a in c.attachments],
    )
    notices.extend(proof_notices)
    notices.extend(_attachment_notice(item, a, catalogue) for a in c.attachments)
    notices.extend(
        notice(
            "parameter-unconfirmed",
            f"{item.id}: de standaardwaarde {_shown(p, 'nl')} voor ‘{p.description.nl}’ is"
            " niet bevestigd; bevestig of wijzig haar vóór publicatie.",
            f"{item.id}: the default {_shown(p, 'en')} for ‘{p.description.en}’ is not"
            " confirmed; confirm or change it before publishing.",
            item.id,
        )
        for p in item.parameters
        if p.to_verify
    )
    return item, notices


def _attachment_ref(attachment: Attachment, catalogue: Catalogue) -> AttachmentRef:
    """The document a clause refers to, with where to get it from the source registry."""
    record = catalogue.sources.sources.get(attachment.source) if attachment.source else None
    return AttachmentRef(
        name=LocalText(nl=attachment.nl, en=attachment.en),
        supplied=attachment.supplied,
        where=(record.url or record.identifier) if record is not None else None,
        document=record.document_texts() if record is not None else None,
    )


def _attachment_notice(
    item: SelectedCriterion, attachment: Attachment, catalogue: Catalogue
) -> Notice:
    """A point of attention for a document the clause refers to: who makes it, where to get it."""
    lead_nl = f"{item.id} {item.title.nl} verwijst naar {attachment.nl}"
    lead_en = f"{item.id} {item.title.en} refers to {attachment.en}"
    if attachment.supplied:
        return notice(
            "attachment-needed",
            f"{lead_nl}. mvi-rules stelt het op (generate --lcc-sheet); controleer het en voeg"
            " het toe aan de aanbestedingsstukken.",
            f"{lead_en}. mvi-rules writes it (generate --lcc-sheet); check it and add it to the"
            " tender documents.",
            item.id,
        )
    record = catalogue.sources.sources.get(attachment.source) if attachment.source else None
    where = (record.url or record.identifier) if record is not None else None
    get_nl = f" (te verkrijgen via {where})" if where else ""
    get_en = f" (available from {where})" if where else ""
    return notice(
        "attachment-needed",
        f"{lead_nl}{get_nl}; mvi-rules levert die niet mee. Voeg dat document toe aan de"
        " aanbestedingsstukken of pas de clausule aan.",
        f"{lead_en}{get_en}; mvi-rules does not supply it. Add it to the tender documents or"
        " change the clause.",
        item.id,
    )


def _shown(parameter: ResolvedParameter, lang: str) -> str:
    # A coded value ("none") is named as the catalogue names it, never as its code.
    label = parameter.value_labels.get(str(parameter.value))
    return label.get(lang) if label is not None else str(parameter.value)


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


def _general_notices(
    profile: ProcurementProfile,
    overrides: dict[str, dict[str, ParamValue]],
    selected: Sequence[SelectedCriterion],
    threshold: float | None,
) -> list[Notice]:
    notices = [
        Notice(
            code="override-unused",
            criterion_id=criterion_id,
            message=f"parameters set for {criterion_id} are not used: "
            "the criterion is not selected for this profile",
        )
        for criterion_id in sorted(set(overrides) - {s.id for s in selected})
    ]
    if threshold is None:
        notices.append(
            Notice(
                code="no-threshold",
                message=f"no EU threshold is known for {profile.procurement.reference_date}; "
                "criteria that depend on it treat it as unknown",
            )
        )
    return notices
