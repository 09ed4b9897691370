"""The OCDS sustainability extension's field names and codes mvi-rules uses, as facts.

Source: open-contracting-extensions/ocds_sustainability_extension, commit b8d93a0 (February
2025): ``release-schema.json`` adds ``hasSustainability`` (boolean) and ``sustainability`` (an
array of objects with ``goal``, ``strategies`` and ``description``) to ``tender`` and to each
lot; ``codelists/sustainabilityGoal.csv`` and ``sustainabilityStrategy.csv`` hold the codes.
Only the codes this package can emit are kept, each with its title in the list. A test checks
every emitted code against these sets.
"""

from __future__ import annotations

from typing import Final

#: Where the extension is published, for the ``extensions`` list of a release package.
EXTENSION_URL: Final = (
    "https://raw.githubusercontent.com/open-contracting-extensions/"
    "ocds_sustainability_extension/master/extension.json"
)

#: Codes of ``sustainabilityGoal.csv`` (an open codelist; we only use listed codes).
SUSTAINABILITY_GOAL: Final = {
    "environmental.circularEconomy": "Circular economy",
    "environmental.climateChangeMitigation": "Climate change mitigation",
    "environmental.pollutionPrevention": "Pollution prevention",
    "social.humanRightsInSupplyChains": "Human rights in supply chains",
    "social.laborRightsPromotion": "Labor rights promotion",
    "economic.innovativePurchase": "Innovative purchase",
}

#: Codes of ``sustainabilityStrategy.csv``.
SUSTAINABILITY_STRATEGY: Final = {
    "awardCriteria": "Award criteria",
    "contractPerformanceConditions": "Contract performance conditions",
    "selectionCriteria": "Selection criteria",
    "technicalSpecifications": "Technical specifications",
    "euGPPCriteria": "EU GPP criteria",
    "nationalGPPCriteria": "National GPP criteria",
}
