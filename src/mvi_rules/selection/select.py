"""Evaluating a catalogue against a profile: the backend decides, we explain and resolve."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._version import __version__
from ..catalogue import Catalogue, Entry, load_catalogue
from ..catalogue.model import ParamValue
from ..conditions import Trace, lot_facts, trace
from ..engine import BackendName, LotFacts, Match, get_backend
from ..errors import EngineError, Problem, ProfileError
from ..profile.model import ProcurementProfile
from .result import (
    ConditionTrace,
    CriterionOutcome,
    EvaluationResult,
    LotDecision,
    Notice,
    Proof,
    ProofLabel,
    ResolvedParameter,
    SelectedCriterion,
)


def evaluate(
    profile: ProcurementProfile,
    catalogue: Catalogue | None = None,
    backend: BackendName = "auto",
) -> EvaluationResult:
    """Select the catalogue's criteria for ``profile`` and explain every decision.

    ``backend`` is ``auto`` (durable-rules where it can be imported, else plain Python),
    ``durable`` or ``plain``. The result is the same whichever backend runs; when durable-rules
    disagrees with the reference evaluation an :class:`~mvi_rules.errors.EngineError` is raised.
    Raises :class:`~mvi_rules.errors.ProfileError` for parameter overrides the catalogue does not
    allow. Safe to call from many threads at once.
    """
    catalogue = catalogue if catalogue is not None else load_catalogue()
    overrides = _check_overrides(profile, catalogue)
    central = profile.buyer.authority_type.is_central
    threshold = catalogue.thresholds.supplies_services(central, profile.procurement.reference_date)
    lots: list[tuple[str, LotFacts]] = [
        (lot.id, lot_facts(profile, lot, threshold)) for lot in profile.lots
    ]
    engine = get_backend(backend)
    matches = engine.match(catalogue, lots)

    selected: list[SelectedCriterion] = []
    not_selected: list[CriterionOutcome] = []
    notices: list[Notice] = []
    reference: set[Match] = set()
    for entry in catalogue:
        decisions = []
        for lot_id, facts in lots:
            outcome = trace(entry.condition, facts)
            if outcome.holds:
                reference.add((entry.criterion.id, lot_id))
            decisions.append(
                LotDecision(lot_id=lot_id, selected=outcome.holds, reason=_model(outcome))
            )
        chosen = [d.lot_id for d in decisions if d.selected]
        if chosen:
            item = _selected(
                entry, catalogue, profile, decisions, chosen, overrides.get(entry.criterion.id, {})
            )
            selected.append(item)
            notices.extend(
                Notice(
                    code="parameter-unconfirmed",
                    criterion_id=item.id,
                    message=f"{item.id}: {p.name} = {p.value} comes from a source marked "
                    "unconfirmed; verify it before publishing",
                )
                for p in item.parameters
                if p.to_verify
            )
        else:
            not_selected.append(_outcome(entry, decisions))
    if matches != reference:
        raise EngineError(
            f"backend {engine.name} disagrees with the reference evaluation: "
            f"only by engine {sorted(matches - reference)}, only by reference "
            f"{sorted(reference - matches)}"
        )
    for criterion_id in sorted(set(overrides) - {s.id for s in selected}):
        notices.append(
            Notice(
                code="override-unused",
                criterion_id=criterion_id,
                message=f"parameters set for {criterion_id} are not used: "
                "the criterion is not selected for this profile",
            )
        )
    if threshold is None:
        notices.append(
            Notice(
                code="no-threshold",
                message=f"no EU threshold is known for {profile.procurement.reference_date}; "
                "criteria that depend on it treat it as unknown",
            )
        )
    return EvaluationResult(
        library_version=__version__,
        catalogue_version=catalogue.version,
        catalogue_fingerprint=catalogue.fingerprint,
        backend=engine.name,
        profile=profile,
        eu_threshold_eur=threshold,
        selected=selected,
        not_selected=not_selected,
        notices=notices,
    )


def _model(outcome: Trace) -> ConditionTrace:
    return ConditionTrace(
        holds=outcome.holds,
        text=outcome.text,
        children=[_model(child) for child in outcome.children],
    )


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


def _outcome(entry: Entry, decisions: Sequence[LotDecision]) -> CriterionOutcome:
    return CriterionOutcome(**_outcome_fields(entry, decisions, []))


def _selected(
    entry: Entry,
    catalogue: Catalogue,
    profile: ProcurementProfile,
    decisions: Sequence[LotDecision],
    chosen: list[str],
    overrides: dict[str, ParamValue],
) -> SelectedCriterion:
    c = entry.criterion
    parameters = [
        ResolvedParameter(
            name=name,
            value=overrides.get(name, spec.default),
            unit=spec.unit,
            origin="profile" if name in overrides else "catalogue",
            confidence=spec.confidence,
            description=spec.description,
        )
        for name, spec in sorted(c.parameters.items())
    ]
    return SelectedCriterion(
        **_outcome_fields(entry, decisions, chosen),
        parameters=parameters,
        proof=_proof(entry, catalogue, profile, chosen),
        legal_basis=list(c.legal_basis[profile.buyer.jurisdiction]),
        sources=list(c.sources),
        template=c.template,
        scoring=list(c.scoring),
    )


def _proof(
    entry: Entry, catalogue: Catalogue, profile: ProcurementProfile, lot_ids: list[str]
) -> Proof:
    """Means of proof; a label is offered only where it covers a product group of the lots."""
    groups = {g for lot in profile.lots if lot.id in lot_ids for g in lot.product_groups}
    labels = []
    for ref in entry.criterion.verification.labels:
        # The catalogue loader has already checked every reference against the registry.
        label = catalogue.labels.labels[ref.label]
        if not groups & set(label.product_groups):
            continue
        version = label.versions[ref.version].name if ref.version else None
        labels.append(ProofLabel(key=ref.label, name=label.name, version=version, level=ref.level))
    return Proof(labels=labels, other=entry.criterion.verification.other)


def _check_overrides(
    profile: ProcurementProfile, catalogue: Catalogue
) -> dict[str, dict[str, ParamValue]]:
    """Check the profile's parameter overrides against the catalogue; report all problems."""
    source = profile.source
    problems: list[Problem] = []
    for criterion_id, values in sorted(profile.parameters.items()):
        entry = catalogue.get(criterion_id)
        if entry is None:
            problems.append(
                Problem(
                    source,
                    f"parameters.{criterion_id}",
                    f"no criterion {criterion_id} in catalogue {catalogue.version}",
                )
            )
            continue
        spec = entry.criterion.parameters
        for name, value in sorted(values.items()):
            field = f"parameters.{criterion_id}.{name}"
            if name not in spec:
                known = ", ".join(sorted(spec)) or "none"
                problems.append(
                    Problem(
                        source, field, f"{criterion_id} has no parameter {name!r}; known: {known}"
                    )
                )
                continue
            why = spec[name].check(value)
            if why:
                problems.append(Problem(source, field, f"{why} (got {value!r})"))
    if problems:
        raise ProfileError(problems)
    return {k: dict(v) for k, v in profile.parameters.items()}
