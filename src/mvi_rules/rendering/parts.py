"""The parts of a tender a split annex is written into, per jurisdiction and regime.

A Dutch tender keeps selection and award in the tender guide (Aanbestedingsleidraad; in a
private procedure below the EU threshold the request for quotation, Offerteaanvraag), the
minimum requirements in the Programma van Eisen and the contract clauses and options in the
(draft) agreement. A Belgian
bestek has administrative and contractual provisions (selection, award, performance
conditions, review clauses) and technical provisions (the technical specifications).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogue.model import CriterionType
from ..profile.model import Jurisdiction, Procedure
from ..selection.result import EvaluationResult


@dataclass(frozen=True)
class TenderPart:
    """One destination of a split annex: which clause types it holds and what it is called.

    ``slug`` is appended to the output file's name (``annex-programma-van-eisen.docx``);
    ``details`` says whether the part carries the procurement details (the tender guide does,
    a requirements list does not need them).
    """

    key: str
    slug: dict[str, str]
    name: dict[str, str]
    kinds: tuple[CriterionType, ...]
    details: bool

    def title(self, lang: str) -> str:
        return self.name[lang]


_GUIDE = TenderPart(
    key="guide",
    slug={"nl": "aanbestedingsleidraad", "en": "tender-guide"},
    name={"nl": "Aanbestedingsleidraad", "en": "Tender guide"},
    kinds=(CriterionType.SELECTION, CriterionType.AWARD),
    details=True,
)
_REQUEST = TenderPart(
    key="guide",
    slug={"nl": "offerteaanvraag", "en": "request-for-quotation"},
    name={"nl": "Offerteaanvraag", "en": "Request for quotation"},
    kinds=(CriterionType.SELECTION, CriterionType.AWARD),
    details=True,
)
_REQUIREMENTS = TenderPart(
    key="requirements",
    slug={"nl": "programma-van-eisen", "en": "requirements"},
    name={"nl": "Programma van Eisen", "en": "Requirements (Programma van Eisen)"},
    kinds=(CriterionType.MINIMUM_REQUIREMENT,),
    details=False,
)
_AGREEMENT = TenderPart(
    key="agreement",
    slug={"nl": "overeenkomst", "en": "agreement"},
    name={"nl": "Concept-overeenkomst", "en": "Draft agreement"},
    kinds=(CriterionType.CONTRACT_CLAUSE, CriterionType.OPTION),
    details=False,
)
_BE_ADMINISTRATIVE = TenderPart(
    key="administrative",
    slug={"nl": "bestek-administratief", "en": "specifications-administrative"},
    name={
        "nl": "Bestek, administratieve en contractuele bepalingen",
        "en": "Specifications, administrative and contractual provisions",
    },
    kinds=(
        CriterionType.SELECTION,
        CriterionType.AWARD,
        CriterionType.CONTRACT_CLAUSE,
        CriterionType.OPTION,
    ),
    details=True,
)
_BE_TECHNICAL = TenderPart(
    key="technical",
    slug={"nl": "bestek-technisch", "en": "specifications-technical"},
    name={"nl": "Bestek, technische bepalingen", "en": "Specifications, technical provisions"},
    kinds=(CriterionType.MINIMUM_REQUIREMENT,),
    details=False,
)


def tender_parts(result: EvaluationResult) -> tuple[TenderPart, ...]:
    """The parts of this tender, in the order a tenderer reads them."""
    if result.profile.buyer.jurisdiction is Jurisdiction.BE:
        return (_BE_ADMINISTRATIVE, _BE_TECHNICAL)
    private = (Procedure.MULTIPLE_PRIVATE, Procedure.SINGLE_PRIVATE)
    guide = _REQUEST if result.profile.procurement.procedure in private else _GUIDE
    return (guide, _REQUIREMENTS, _AGREEMENT)
