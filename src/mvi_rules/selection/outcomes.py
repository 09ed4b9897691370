"""What the result says of each criterion: its decision per lot, and for a selected criterion
its parameters, proof, legal basis and the documents it refers to."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..catalogue import Catalogue, Entry
from ..catalogue.model import Attachment, LocalText, ParamValue
from ..engine import Match
from ..profile.model import ProcurementProfile, ProductGroup
from .choices import BuyerChoices
from .conflicts import Conflicts
from .construct import deferred
from .deferred import Fill
from .notices import notice
from .parameters import resolve_parameters
from .proof import resolve_proof
from .result import (
    AttachmentRef,
    CriterionValue,
    LotDecision,
    Notice,
    ResolvedParameter,
    SelectedCriterion,
    ValueEstimate,
)
from .traces import LotTraces

_new = LotDecision.__new__
_set = object.__setattr__
_DECISION_FIELDS = ("lot_id", "selected", "reason", "conflict", "included_by_buyer")


def selected_lots(
    criterion_id: str,
    outcomes: Sequence[tuple[str, bool]],
    refused: Conflicts,
    included: Mapping[Match, str],
) -> list[str]:
    """The lots a criterion is selected for: its condition held or the buyer included it,
    and nothing (``refused``) took it away; in lot order."""
    return [
        lot_id
        for lot_id, outcome in outcomes
        if (outcome or (criterion_id, lot_id) in included) and (criterion_id, lot_id) not in refused
    ]


def lot_decisions(
    criterion_id: str,
    outcomes: Sequence[tuple[str, bool]],
    root: int,
    explained: Sequence[LotTraces],
    refused: Conflicts,
    choices: BuyerChoices,
) -> list[LotDecision]:
    """One decision per lot, in lot order: ``outcomes`` says whether the condition held,
    ``explained[i].trace(root)`` explains it for the i-th lot, ``refused`` holds what took the
    criterion away from a lot."""
    made: list[LotDecision] = []
    included = choices.included
    for (lot_id, outcome), lot_traces in zip(outcomes, explained, strict=True):
        key = (criterion_id, lot_id)
        conflict = refused.get(key)
        # light(LotDecision, ...) spelled out: a result holds one decision per criterion and
        # lot, and every value is already valid (ids, a bool, a trace, catalogue texts).
        decision = _new(LotDecision)
        _set(
            decision,
            "__dict__",
            {
                "lot_id": lot_id,
                "selected": (outcome or key in included) and conflict is None,
                "reason": lot_traces.trace(root),
                "conflict": conflict,
                "included_by_buyer": included.get(key),
            },
        )
        _set(decision, "__pydantic_fields_set__", set(_DECISION_FIELDS))
        _set(decision, "__pydantic_extra__", None)
        _set(decision, "__pydantic_private__", None)
        made.append(decision)
    return made


def criterion_value(criterion_id: str, estimate: ValueEstimate) -> CriterionValue | None:
    lines = [line for line in estimate.lines if line.criterion_id == criterion_id]
    if not lines:
        return None
    return CriterionValue(
        kind=lines[0].kind,
        percent=round(lines[0].percent, 2),
        whole_contract=not estimate.per_lot,
        max_eur=round(sum(line.amount_eur for line in lines), 2),
    )


def outcome_fields(entry: Entry, chosen: list[str]) -> dict[str, Any]:
    """What every outcome says of its criterion, selected or not, but its decisions."""
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
    }


def selected_criterion(
    entry: Entry,
    catalogue: Catalogue,
    profile: ProcurementProfile,
    decisions: Fill,
    chosen: list[str],
    overrides: dict[str, ParamValue],
    estimate: ValueEstimate,
    groups: set[ProductGroup],
    included_because: str | None = None,
) -> tuple[SelectedCriterion, list[Notice]]:
    """The clause of a criterion selected for the lots ``chosen``, which buy ``groups``, and
    what the reader must know about it; ``decisions`` makes its decisions when first read."""
    c = entry.criterion
    day = profile.procurement.reference_date
    parameters, notices = resolve_parameters(c, overrides, groups, day)
    proof, proof_notices = resolve_proof(c, catalogue, groups, day)
    # Made without validating: every value comes from the validated catalogue and profile.
    item = deferred(
        SelectedCriterion,
        {"decisions": decisions},
        **outcome_fields(entry, chosen),
        value=criterion_value(c.id, estimate),
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
    if c.attention is not None:
        notices.append(
            notice(
                "criterion-attention",
                f"{c.id}: {c.attention.nl}",
                f"{c.id}: {c.attention.en}",
                c.id,
            )
        )
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
