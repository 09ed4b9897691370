"""Criteria that cannot be met together, or not by the lot they were selected for.

Two kinds are detected, and each is reported rather than rendered: a criterion whose only
labels are carried by new products, selected for a lot that buys refurbished devices only; and
two criteria a ruleset declares as conflicting (``conflicts_with``) selected for the same lot,
where the more ambitious one is kept (the lower id when both have the same level).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..catalogue import Catalogue
from ..catalogue.model import Criterion, LocalText
from ..profile.model import Lot, RefurbishedPolicy
from .notices import notice
from .result import Notice

#: (criterion id, lot id) -> why the criterion is not applied to that lot
Conflicts = dict[tuple[str, str], LocalText]


def find_conflicts(
    chosen: Mapping[str, list[str]], catalogue: Catalogue, lots: Mapping[str, Lot]
) -> tuple[Conflicts, list[Notice]]:
    """Conflicts among the criteria ``chosen`` (criterion id -> lot ids it was selected for)."""
    conflicts: Conflicts = {}
    notices: list[Notice] = []
    for criterion_id, lot_ids in sorted(chosen.items()):
        criterion = _criterion(catalogue, criterion_id)
        for lot_id in lot_ids:
            labels = _new_only_labels(criterion, catalogue, lots[lot_id])
            if labels:
                names = ", ".join(labels)
                why = LocalText(
                    nl=f"vraagt keurmerken die alleen nieuwe producten dragen ({names}), terwijl "
                    f"perceel {lot_id} alleen refurbished apparaten koopt",
                    en=f"asks for labels only new products carry ({names}), while lot {lot_id} "
                    "buys refurbished devices only",
                )
                conflicts[(criterion_id, lot_id)] = why
                notices.append(_notice(criterion_id, lot_id, why))
    for criterion_id, lot_ids in sorted(chosen.items()):
        criterion = _criterion(catalogue, criterion_id)
        for other_id in criterion.conflicts_with:
            for lot_id in sorted(set(lot_ids) & set(chosen.get(other_id, []))):
                keep, drop = _winner(criterion, _criterion(catalogue, other_id))
                if (drop.id, lot_id) in conflicts or (keep.id, lot_id) in conflicts:
                    continue
                why = LocalText(
                    nl=f"kan niet samen met {keep.id} worden toegepast; {keep.id} heeft "
                    f"{'een hoger ambitieniveau' if keep.level > drop.level else 'voorrang'}",
                    en=f"cannot be applied together with {keep.id}; {keep.id} "
                    f"{'is more ambitious' if keep.level > drop.level else 'takes precedence'}",
                )
                conflicts[(drop.id, lot_id)] = why
                notices.append(_notice(drop.id, lot_id, why))
    return conflicts, notices


def _criterion(catalogue: Catalogue, criterion_id: str) -> Criterion:
    entry = catalogue.get(criterion_id)
    if entry is None:  # the loader checks conflicts_with references
        raise KeyError(criterion_id)
    return entry.criterion


def _new_only_labels(criterion: Criterion, catalogue: Catalogue, lot: Lot) -> list[str]:
    if lot.refurbished is not RefurbishedPolicy.WANTED:
        return []
    groups = set(lot.product_groups)
    covering = [
        catalogue.labels.labels[ref.label]
        for ref in criterion.verification.labels
        if groups & set(catalogue.labels.labels[ref.label].product_groups)
    ]
    if covering and all(label.new_products_only for label in covering):
        return [label.name for label in covering]
    return []


def _winner(a: Criterion, b: Criterion) -> tuple[Criterion, Criterion]:
    if a.level != b.level:
        return (a, b) if a.level > b.level else (b, a)
    return (a, b) if a.id < b.id else (b, a)


def _notice(criterion_id: str, lot_id: str, why: LocalText) -> Notice:
    return notice(
        "conflict",
        f"{criterion_id} is niet opgenomen voor perceel {lot_id}: het {why.nl}.",
        f"{criterion_id} is not applied to lot {lot_id}: it {why.en}.",
        criterion_id,
    )
