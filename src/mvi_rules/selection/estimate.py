"""The profile's estimated value from the criteria that add value, and the ISV status that
depends on it.

The criteria that add value (``value_share``) and their compiled conditions are read once per
catalogue (:data:`value_plans`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from ..catalogue import Catalogue, Entry
from ..catalogue.model import ParamValue, ValueKind
from ..conditions import Check, compile_check, lot_facts
from ..engine import LotFacts
from ..engine.compiled import EntryLike, PerCatalogue
from ..profile.model import AuthorityType, Jurisdiction, ProcurementProfile
from .result import IsvStatus, ValueEstimate
from .sets import in_set
from .value import ValueClaim, estimate_value

#: A criterion that adds value, with its full condition and its product-group condition, both
#: compiled.
ValueEntry = tuple[Entry, Check, Check]


def _value_plan(entries: Iterable[EntryLike]) -> tuple[ValueEntry, ...]:
    return tuple(
        (e, compile_check(e.condition), compile_check(e.groups_condition))
        for e in cast("Iterable[Entry]", entries)
        if e.criterion.value_share is not None
    )


#: Per catalogue: the criteria that add value, in catalogue order.
value_plans: PerCatalogue[tuple[ValueEntry, ...]] = PerCatalogue(_value_plan)


def estimate(
    profile: ProcurementProfile,
    catalogue: Catalogue,
    overrides: dict[str, dict[str, ParamValue]],
    threshold: float | None,
    facts: Sequence[tuple[str, LotFacts]] | None = None,
) -> ValueEstimate:
    """The value for the threshold test, from the criteria that add value.

    Their conditions cannot read the value (the loader refuses that), so they are decided here,
    before the value is known, exactly as the engine decides them afterwards. ``facts`` are
    the lots' facts made with the profile's stated value, if the caller has them.
    """
    if facts is None:
        facts = [
            (lot.id, lot_facts(profile, lot, threshold, catalogue.isv.category_of(lot)))
            for lot in profile.lots
        ]
    claims: list[ValueClaim] = []
    extension: str | None = None
    choices = profile.criteria
    for entry, condition, groups in value_plans.get(catalogue):
        share = entry.criterion.value_share
        if share is None or choices.excluded(entry.criterion.id) is not None:
            continue
        included = choices.included(entry.criterion.id) is not None
        if not in_set(entry, profile) and not included:
            continue
        # An option the buyer includes by id counts for every lot it fits, as it is selected.
        check = groups if included else condition
        lot_ids = tuple(lot_id for lot_id, f in facts if check(f))
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


def isv_status(
    profile: ProcurementProfile, catalogue: Catalogue, estimate: ValueEstimate
) -> IsvStatus:
    """Where the ISV applies and where it is mandatory, per lot."""
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
