"""Award criteria that a tenderer can score: one criterion per aspect, weights that add up.

Two steps. :func:`award_conflicts` keeps, per lot, one award criterion for each aspect it
rewards: when two criteria reward the same or overlapping aspects (``rulesets/aspects.yaml``),
the price criterion wins (it already counts the aspect in euro), then the more ambitious one,
then the one with the larger relative weight, then the lower id; with ``lowest_cost`` as award
method no quality criterion applies. :func:`weighting` then turns each lot's award criteria
into a weighting table of price (or life-cycle cost), the buyer's own quality criteria and the
sustainability criteria, scaled so that the rows add up to exactly 100 %.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..catalogue import Catalogue
from ..catalogue.model import PRICE_ASPECT, Criterion, CriterionType, LocalText, ParamValue
from ..profile.model import AwardMethod, ProcurementProfile
from .conflicts import Conflicts
from .notices import notice
from .result import LotWeighting, Notice, SelectedCriterion, WeightRow


def award_conflicts(
    chosen: Mapping[str, list[str]],
    catalogue: Catalogue,
    profile: ProcurementProfile,
    overrides: Mapping[str, Mapping[str, ParamValue]],
    conflicts: Conflicts,
) -> list[Notice]:
    """Add to ``conflicts`` the award criteria left out per lot; one notice each."""
    notices: list[Notice] = []
    method = profile.procurement.award.method
    for lot in profile.lots:
        candidates = [
            catalogue.get(cid)
            for cid, lot_ids in sorted(chosen.items())
            if lot.id in lot_ids and (cid, lot.id) not in conflicts
        ]
        awards = [
            e.criterion
            for e in candidates
            if e is not None and e.criterion.type is CriterionType.AWARD
        ]
        if method is AwardMethod.LOWEST_COST:
            for criterion in awards:
                if not criterion.is_price_criterion:
                    why = LocalText(
                        nl="is een kwaliteitscriterium, en de opdracht wordt gegund op de"
                        " laagste prijs of kosten, zonder kwaliteitscriteria",
                        en="is a quality criterion, and the contract is awarded on lowest price"
                        " or cost alone, without quality criteria",
                    )
                    conflicts[(criterion.id, lot.id)] = why
                    notices.append(_left_out(criterion.id, lot.id, why))
            awards = [c for c in awards if c.is_price_criterion]
        kept: list[Criterion] = []
        for criterion in sorted(awards, key=lambda c: _rank(c, overrides)):
            rival = next((k for k in kept if _overlap(k, criterion, catalogue)), None)
            if rival is None:
                kept.append(criterion)
                continue
            shared = sorted(_shared(rival, criterion, catalogue))
            names = [catalogue.aspects.aspects[a].name for a in shared]
            why = LocalText(
                nl=f"beloont hetzelfde als {rival.id} ({', '.join(n.nl for n in names)});"
                f" {_reason(rival, criterion, 'nl')}",
                en=f"rewards the same as {rival.id} ({', '.join(n.en for n in names)});"
                f" {_reason(rival, criterion, 'en')}",
            )
            conflicts[(criterion.id, lot.id)] = why
            notices.append(_left_out(criterion.id, lot.id, why))
    return notices


def _rank(c: Criterion, overrides: Mapping[str, Mapping[str, ParamValue]]) -> tuple[object, ...]:
    return (not c.is_price_criterion, -c.level, -_relative_weight(c, overrides), c.id)


def _relative_weight(c: Criterion, overrides: Mapping[str, Mapping[str, ParamValue]]) -> float:
    value = overrides.get(c.id, {}).get("weight")
    if value is None and "weight" in c.parameters:
        value = c.parameters["weight"].default
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def _related(c: Criterion, catalogue: Catalogue) -> set[str]:
    out: set[str] = set()
    for key in c.rewards:
        out |= catalogue.aspects.related(key)
    return out


def _shared(a: Criterion, b: Criterion, catalogue: Catalogue) -> set[str]:
    """The aspects of ``b`` that ``a`` also rewards, directly or through an overlap."""
    return set(b.rewards) & _related(a, catalogue) or set(a.rewards) & _related(b, catalogue)


def _overlap(a: Criterion, b: Criterion, catalogue: Catalogue) -> bool:
    return bool(_shared(a, b, catalogue))


def _reason(keep: Criterion, drop: Criterion, lang: str) -> str:
    if keep.is_price_criterion:
        return (
            "de prijs (levenscycluskosten) waardeert dit al in euro's"
            if lang == "nl"
            else "the price (life-cycle cost) already values it in euro"
        )
    if keep.level > drop.level:
        return (
            f"{keep.id} heeft een hoger ambitieniveau"
            if lang == "nl"
            else f"{keep.id} is more ambitious"
        )
    return f"{keep.id} heeft voorrang" if lang == "nl" else f"{keep.id} takes precedence"


def _left_out(criterion_id: str, lot_id: str, why: LocalText) -> Notice:
    return notice(
        "award-overlap",
        f"{criterion_id} is niet opgenomen voor perceel {lot_id}: het {why.nl}.",
        f"{criterion_id} is not applied to lot {lot_id}: it {why.en}.",
        criterion_id,
    )


def weighting(
    profile: ProcurementProfile, selected: Sequence[SelectedCriterion]
) -> tuple[list[LotWeighting], list[Notice]]:
    """Per lot, the weights of price, own quality criteria and sustainability criteria."""
    award = profile.procurement.award
    step = (
        1.0
        if _whole(award.effective_price_weight_percent, award.own_quality_weight_percent)
        else 0.1
    )
    # Work in whole steps so that the rows add up to exactly 100 %.
    units = round(100 / step)
    price_units = round(award.effective_price_weight_percent / step)
    own_units = round(award.own_quality_weight_percent / step)
    tables: list[LotWeighting] = []
    notices: list[Notice] = []
    for lot in profile.lots:
        of_lot = [c for c in selected if c.type is CriterionType.AWARD and lot.id in c.lots]
        price = next((c for c in of_lot if PRICE_ASPECT in c.rewards), None)
        quality = [c for c in of_lot if PRICE_ASPECT not in c.rewards]
        weights = [(c.id, _number(c.parameter_values().get("weight"))) for c in quality]
        zero = [cid for cid, w in weights if w <= 0]
        weights = [(cid, w) for cid, w in weights if w > 0]
        rows = [
            WeightRow(
                role="price",
                criterion_id=price.id if price else None,
                weight_percent=_of(price_units, step),
            )
        ]
        sustainability_units = units - price_units - own_units
        own = own_units if weights else units - price_units
        if units - price_units > 0:
            rows.append(WeightRow(role="own_quality", weight_percent=_of(own, step)))
        shares = _largest_remainder(sustainability_units, [w for _, w in weights])
        for (cid, _), share in zip(weights, shares, strict=True):
            if share > 0:
                rows.append(
                    WeightRow(
                        role="sustainability", criterion_id=cid, weight_percent=_of(share, step)
                    )
                )
            else:
                zero.append(cid)
        tables.append(
            LotWeighting(lot_id=lot.id, method=award.method.value, rows=rows, left_out=zero)
        )
        notices.extend(
            notice(
                "weight-zero",
                f"{cid} is niet in de weging van perceel {lot.id} opgenomen: het gewicht is 0 %.",
                f"{cid} is left out of the weighting of lot {lot.id}: its weight is 0%.",
                cid,
            )
            for cid in zero
        )
    return tables, notices


def _number(value: object) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def _whole(*values: float) -> bool:
    return all(abs(v - round(v)) < 1e-9 for v in values)


def _of(units: int, step: float) -> float:
    return round(units * step, 1)


def _largest_remainder(units: int, weights: Sequence[float]) -> list[int]:
    """``units`` split in proportion to ``weights`` in whole units that add up exactly."""
    if not weights or units <= 0:
        return [0 for _ in weights]
    whole_sum = sum(weights)
    exact = [units * w / whole_sum for w in weights]
    floors = [int(e) for e in exact]
    rest = units - sum(floors)
    # Largest remainders first; ties go to the earlier criterion (rows are in id order).
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:rest]:
        floors[i] += 1
    return floors
