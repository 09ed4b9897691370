"""The annex's words for coded values, in Dutch and English: criterion types, confidence marks,
ambition levels, themes, kinds of contracting authority, product groups and procedures.

Part of :mod:`.wording`, which assembles the table.
"""

from __future__ import annotations

from ..profile.model import GROUP_NAMES
from ..profile.vocabulary import AUTHORITY_NAMES

#: key -> (nl, en)
CODES: dict[str, tuple[str, str]] = {
    "type_selection": ("geschiktheidseis / selectiecriterium", "selection criterion"),
    "type_minimum_requirement": ("minimumeis", "minimum requirement"),
    "type_award": ("gunningscriterium", "award criterion"),
    "type_contract_clause": ("contractbepaling", "contract clause"),
    "type_option": ("optie / wijzigingsclausule", "option / review clause"),
    # Short forms for the trace's narrow column, where the long ones broke mid-word.
    "type_short_selection": ("selectie", "selection"),
    "type_short_minimum_requirement": ("minimumeis", "requirement"),
    "type_short_award": ("gunning", "award"),
    "type_short_contract_clause": ("contract", "contract"),
    "type_short_option": ("optie", "option"),
    "confidence_confirmed": ("bevestigd", "confirmed"),
    "confidence_secondary": ("secundaire bron", "secondary source"),
    "confidence_unconfirmed": ("onbevestigd", "unconfirmed"),
    "level_1": ("1 (basis)", "1 (basic)"),
    "level_2": ("2 (significant)", "2 (significant)"),
    "level_3": ("3 (ambitieus)", "3 (ambitious)"),
    "theme_climate": ("klimaat", "climate"),
    "theme_circularity": ("circulariteit", "circularity"),
    "theme_social": ("sociale aspecten", "social aspects"),
    "theme_environment": ("milieu", "environment"),
    **{f"authority_{kind.value}": names for kind, names in AUTHORITY_NAMES.items()},
    **{f"group_{group.value}": names for group, names in GROUP_NAMES.items()},
    "procedure_open": ("openbare procedure", "open procedure"),
    "procedure_restricted": ("niet-openbare procedure", "restricted procedure"),
    "procedure_competitive_dialogue": ("concurrentiegerichte dialoog", "competitive dialogue"),
    "procedure_competitive_with_negotiation": (
        "mededingingsprocedure met onderhandeling",
        "competitive procedure with negotiation",
    ),
    "procedure_innovation_partnership": ("innovatiepartnerschap", "innovation partnership"),
    "procedure_negotiated_without_publication": (
        "onderhandelingsprocedure zonder aankondiging vooraf",
        "negotiated procedure without prior publication",
    ),
    "procedure_national_open": ("nationale openbare procedure", "national open procedure"),
    "procedure_multiple_private": (
        "meervoudig onderhandse procedure",
        "multiple private procedure",
    ),
    "procedure_single_private": ("enkelvoudig onderhandse procedure", "single private procedure"),
    "procedure_be_simplified_negotiated_with_publication": (
        "vereenvoudigde onderhandelingsprocedure met voorafgaande bekendmaking",
        "simplified negotiated procedure with prior publication",
    ),
    "procedure_be_negotiated_without_publication": (
        "onderhandelingsprocedure zonder voorafgaande bekendmaking",
        "negotiated procedure without prior publication",
    ),
    "procedure_be_low_value_accepted_invoice": (
        "opdracht van beperkte waarde (aanvaarde factuur)",
        "contract of limited value (accepted invoice)",
    ),
}
