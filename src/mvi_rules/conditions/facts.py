"""The facts a condition is evaluated against: one flat mapping per lot of a profile."""

from __future__ import annotations

from collections.abc import Mapping

from ..profile.model import Lot, ProcurementProfile, Theme
from .tree import Value


def lot_facts(
    profile: ProcurementProfile,
    lot: Lot,
    eu_threshold_eur: float | None,
    isv_risk_category: str | None = None,
    total_value_eur: float | None = None,
) -> dict[str, Value]:
    """Every field of :data:`.fields.FIELDS` for one lot; unset optional fields are left out.

    ``eu_threshold_eur`` is the EU supplies/services threshold that applies to this buyer on the
    profile's reference date (``None`` when no threshold table covers that date);
    ``isv_risk_category`` is the lot's ISV risk category from the catalogue, if it has one;
    ``total_value_eur`` is the value including extensions, options and incentive caps that the
    threshold test uses (the profile's estimated value when not given).
    """
    buyer, proc, ambition = profile.buyer, profile.procurement, profile.ambition
    total = proc.estimated_value_eur if total_value_eur is None else total_value_eur
    facts: dict[str, Value] = {
        "buyer.authority_type": buyer.authority_type.value,
        "buyer.jurisdiction": buyer.jurisdiction.value,
        "buyer.is_central": buyer.authority_type.is_central,
        "procurement.estimated_value_eur": proc.estimated_value_eur,
        "procurement.total_value_eur": total,
        "procurement.contract_term_years": proc.contract_term_years,
        "procurement.maximum_term_years": proc.maximum_term_years,
        "procurement.extension_years": sum(proc.extension_years),
        "procurement.price_indexation": proc.price_indexation,
        "procurement.reference_year": proc.reference_date.year,
        "procurement.criteria_set": proc.criteria_set.value,
        "lot.product_group": lot.product_group.value,
        "lot.product_groups": tuple(g.value for g in lot.product_groups),
        "lot.quantity": lot.quantity,
        "lot.refurbished": lot.refurbished.value,
        "lot.holds_data": lot.effective_holds_data,
        "lot.use": lot.effective_use(buyer.authority_type).value,
        "ambition.level": ambition.level,
        "commitments.electronics_watch_affiliate": profile.commitments.electronics_watch_affiliate,
        "commitments.fira_participant": profile.commitments.fira_participant,
        "commitments.isv_policy": profile.commitments.isv_policy,
    }
    for theme in Theme:
        facts[f"ambition.{theme.value}"] = ambition.for_theme(theme)
    if isv_risk_category is not None:
        facts["lot.isv_risk_category"] = isv_risk_category
    if lot.estimated_value_eur is not None:
        facts["lot.estimated_value_eur"] = lot.estimated_value_eur
    if proc.procedure is not None:
        facts["procurement.procedure"] = proc.procedure.value
    if eu_threshold_eur is not None:
        facts["procurement.above_eu_threshold"] = total >= eu_threshold_eur
    return facts


def with_total_value(
    facts: Mapping[str, Value], total_value_eur: float, eu_threshold_eur: float | None
) -> dict[str, Value]:
    """``facts`` of :func:`lot_facts` as if made with ``total_value_eur``: a copy, in which only
    the total and whether it reaches the threshold change."""
    changed = dict(facts)
    changed["procurement.total_value_eur"] = total_value_eur
    if eu_threshold_eur is not None:
        changed["procurement.above_eu_threshold"] = total_value_eur >= eu_threshold_eur
    return changed
