"""The eForms code values mvi-rules emits, as facts from the official eForms SDK.

Source: OP-TED/eForms-SDK, release 1.15.1, files ``codelists/<list>.gc`` (the list's own
version in brackets) and ``fields/fields.json`` (which field takes which list). Only the codes
this package can emit are kept; each maps to its English label in the list. A test checks every
emitted code against these sets; update them from a newer SDK release by hand, never by copying
the files into the package.
"""

from __future__ import annotations

from typing import Final

#: The SDK release the codes below were taken from.
SDK_VERSION: Final = "1.15.1"

#: BT-06-Lot "Strategic Procurement", list ``strategic-procurement`` (20240612-0).
STRATEGIC_PROCUREMENT: Final = {
    "env-imp": "Reduction of environmental impacts",
    "inn-pur": "Innovative purchase",
    "none": "No strategic procurement",
    "soc-obj": "Fulfilment of social objectives",
}

#: BT-774-Lot "Green Procurement", list ``environmental-impact`` (20240612-0).
ENVIRONMENTAL_IMPACT: Final = {
    "circ-econ": "The transition to a circular economy",
    "clim-mitig": "Climate change mitigation",
    "pollu-prev": "Pollution prevention and control",
}

#: BT-775-Lot "Social Procurement", list ``social-objective`` (20250924-0).
SOCIAL_OBJECTIVE: Final = {
    "hum-right": "Human rights due diligence in global supply chains",
    "work-cond": "Fair working conditions",
}

#: BT-776-Lot "Procurement of Innovation", list ``innovative-acquisition`` (20240612-0).
INNOVATIVE_ACQUISITION: Final = {
    "rd-act": "The procured works, supplies or services involve research and development"
    " activities.",
}

#: BT-805-Lot "Green Procurement Criteria", list ``gpp-criteria`` (1.0).
GPP_CRITERIA: Final = {
    "eu": "EU Green Public Procurement criteria",
    "national": "National Green Public Procurement criteria",
    "none": "No Green Public Procurement criteria",
    "other": "Other Green Public Procurement criteria",
}

#: BT-539-Lot "Award Criterion Type", list ``award-criterion-type`` (20250924-0).
AWARD_CRITERION_TYPE: Final = {"cost": "Cost", "price": "Price", "quality": "Quality"}

#: BT-5421-Lot "Award Criterion Number Weight", list ``number-weight`` (20240612-0).
NUMBER_WEIGHT: Final = {"per-exa": "Weight (percentage, exact)"}

#: BT-200-Contract "Modification Reason Code", list ``modification-justification`` (20250924-0).
MODIFICATION_JUSTIFICATION: Final = {
    "add-wss": "Need for additional works, services or supplies by the original contractor.",
    "mod-cir": "Need for modifications because of circumstances which a diligent buyer could"
    " not predict.",
    "mod-minv": 'Modifications under a minimal value ("de minimis").',
    "mod-nons": "Modifications that are not substantial.",
    "mod-repl": "Modifications where a new contractor replaces an old contractor because of"
    " succession or when the buyer assumes the contractor's obligations towards its"
    " subcontractors.",
    "mod-rev": "Modifications based on review clauses or options.",
}

#: Notice subtypes of list ``notice-subtype`` for a contract modification notice (can-modif).
MODIFICATION_NOTICE_SUBTYPE: Final = {
    "38": "Contract modification notice – general directive",
    "39": "Contract modification notice – sectoral directive",
    "40": "Contract modification notice – concessions directive",
    "E6": "Voluntary contract modification notice",
}

#: Field id -> the codes it may take here.
FIELD_CODES: Final[dict[str, dict[str, str]]] = {
    "BT-06-Lot": STRATEGIC_PROCUREMENT,
    "BT-774-Lot": ENVIRONMENTAL_IMPACT,
    "BT-775-Lot": SOCIAL_OBJECTIVE,
    "BT-776-Lot": INNOVATIVE_ACQUISITION,
    "BT-805-Lot": GPP_CRITERIA,
    "BT-539-Lot": AWARD_CRITERION_TYPE,
    "BT-5421-Lot": NUMBER_WEIGHT,
    "BT-200-Contract": MODIFICATION_JUSTIFICATION,
    "OPP-070-notice": MODIFICATION_NOTICE_SUBTYPE,
}

#: eForms writes a text's language as an ISO 639-3 code in capitals (languageID="NLD").
LANGUAGE_ID: Final = {"nl": "NLD", "en": "ENG"}
