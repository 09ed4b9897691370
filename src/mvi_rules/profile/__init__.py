"""The buyer's procurement profile: the input every evaluation starts from."""

from .load import load_profile, parse_profile
from .model import (
    Ambition,
    AuthorityType,
    Buyer,
    Commitments,
    CriteriaChoices,
    CriteriaSet,
    CriterionChoice,
    Jurisdiction,
    Language,
    Lot,
    LotUse,
    Procedure,
    Procurement,
    ProcurementProfile,
    ProductGroup,
    RefurbishedPolicy,
    Theme,
)

__all__ = [
    "Ambition",
    "AuthorityType",
    "Buyer",
    "Commitments",
    "CriteriaChoices",
    "CriteriaSet",
    "CriterionChoice",
    "Jurisdiction",
    "Language",
    "Lot",
    "LotUse",
    "Procedure",
    "Procurement",
    "ProcurementProfile",
    "ProductGroup",
    "RefurbishedPolicy",
    "Theme",
    "load_profile",
    "parse_profile",
]
