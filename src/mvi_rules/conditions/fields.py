"""The profile fields a condition may read, with their types and allowed values.

Each field is computed from a profile and one of its lots (see :mod:`.facts`). Conditions are
checked against this table when the catalogue loads, so a misspelt field or value is an error
in the ruleset, not a criterion that silently never applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..profile.model import (
    AuthorityType,
    CriteriaSet,
    Jurisdiction,
    LotUse,
    Procedure,
    ProductGroup,
    RefurbishedPolicy,
)


class Kind(str, Enum):
    """Type of a condition field."""

    ENUM = "enum"
    BOOL = "bool"
    NUMBER = "number"
    ENUM_LIST = "enum list"


@dataclass(frozen=True)
class FieldSpec:
    """One field conditions can test."""

    kind: Kind
    description: str
    allowed: tuple[str, ...] = ()
    optional: bool = False


def _values(enum: type[Enum]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in enum)


_LEVEL = "ambition level 1-3 for the theme (the overall level where the theme has none)"

FIELDS: dict[str, FieldSpec] = {
    "buyer.authority_type": FieldSpec(Kind.ENUM, "kind of authority", _values(AuthorityType)),
    "buyer.jurisdiction": FieldSpec(Kind.ENUM, "NL or BE", _values(Jurisdiction)),
    "buyer.is_central": FieldSpec(
        Kind.BOOL, "central government for EU thresholds (NL: the State; BE: federal)"
    ),
    "procurement.estimated_value_eur": FieldSpec(
        Kind.NUMBER, "estimated value excl. VAT as the profile states it"
    ),
    "procurement.total_value_eur": FieldSpec(
        Kind.NUMBER,
        "value excl. VAT including extensions, options and incentive caps (the threshold test's)",
    ),
    "procurement.contract_term_years": FieldSpec(Kind.NUMBER, "contract term in years"),
    "procurement.maximum_term_years": FieldSpec(
        Kind.NUMBER, "contract term including all optional extensions"
    ),
    "procurement.extension_years": FieldSpec(
        Kind.NUMBER, "years of optional extension in total (0 when there are none)"
    ),
    "procurement.price_indexation": FieldSpec(Kind.BOOL, "whether prices are indexed"),
    "procurement.procedure": FieldSpec(
        Kind.ENUM, "procedure, where chosen", _values(Procedure), optional=True
    ),
    "procurement.reference_year": FieldSpec(Kind.NUMBER, "year of the reference date"),
    "procurement.criteria_set": FieldSpec(
        Kind.ENUM,
        "core or comprehensive: the set the profile asks for (a core criterion can scale with"
        " the purchase and still apply whenever the comprehensive set is asked for)",
        _values(CriteriaSet),
    ),
    "procurement.above_eu_threshold": FieldSpec(
        Kind.BOOL,
        "value including extensions, options and incentive caps at or above the EU threshold for"
        " supplies/services on the reference date",
    ),
    "lot.product_group": FieldSpec(Kind.ENUM, "product group of the lot", _values(ProductGroup)),
    "lot.product_groups": FieldSpec(
        Kind.ENUM_LIST,
        "product groups the lot buys (a werkplek lot: werkplek plus its components)",
        _values(ProductGroup),
    ),
    "lot.quantity": FieldSpec(Kind.NUMBER, "number of devices or units in the lot"),
    "lot.estimated_value_eur": FieldSpec(
        Kind.NUMBER,
        "the lot's estimated value excl. VAT as the profile states it; unset when the profile"
        " gives no values per lot",
        optional=True,
    ),
    "lot.refurbished": FieldSpec(
        Kind.ENUM, "refurbished devices wanted, accepted or excluded", _values(RefurbishedPolicy)
    ),
    "lot.holds_data": FieldSpec(Kind.BOOL, "whether the devices hold data"),
    "lot.use": FieldSpec(
        Kind.ENUM,
        "how the devices are used (education for a school board and office otherwise, unless"
        " the lot says)",
        _values(LotUse),
    ),
    "lot.isv_risk_category": FieldSpec(
        Kind.ENUM,
        "ISV risk category of the lot's product group (rulesets/isv.yaml); unset when none",
        ("ict_workplace", "data_centres", "connectivity"),
        optional=True,
    ),
    "ambition.level": FieldSpec(Kind.NUMBER, "overall ambition level 1-3"),
    "ambition.climate": FieldSpec(Kind.NUMBER, _LEVEL),
    "ambition.circularity": FieldSpec(Kind.NUMBER, _LEVEL),
    "ambition.social": FieldSpec(Kind.NUMBER, _LEVEL),
    "ambition.environment": FieldSpec(Kind.NUMBER, _LEVEL),
    "commitments.electronics_watch_affiliate": FieldSpec(
        Kind.BOOL, "the buyer is affiliated with Electronics Watch"
    ),
    "commitments.fira_participant": FieldSpec(Kind.BOOL, "the buyer participates in FIRA"),
    "commitments.isv_policy": FieldSpec(
        Kind.BOOL, "the buyer applies the international social conditions (ISV) by policy"
    ),
}
