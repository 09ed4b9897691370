"""Which law a document cites: the regime (above or below the EU threshold) and the jurisdiction.

Below the EU threshold Part 2 of the Aanbestedingswet 2012 does not bind (art. 2.2 and 2.3 set
its scope). The Part 1 articles apply (art. 1.4; proportionality in art. 1.10, 1.13 or 1.16 by
procedure, with the Gids Proportionaliteit designated by art. 10 Aanbestedingsbesluit), and the
document marks every Part 2 reference as applied by analogy. A Belgian document uses Belgian
terms: the catalogue's Dutch words for the buyer and the procedure are replaced here.
"""

from __future__ import annotations

import re

from ..profile.model import Jurisdiction, Procedure
from ..selection.result import EvaluationResult
from .legal_terms import english_basis

_PART2 = re.compile(r"^Aanbestedingswet 2012, art\. 2\.\d")

#: The proportionality article of Part 1 for each national procedure.
_PROPORTIONALITY = {
    Procedure.NATIONAL_OPEN: "1.13",
    Procedure.MULTIPLE_PRIVATE: "1.16",
    Procedure.SINGLE_PRIVATE: "1.16",
}


def below_threshold_nl(result: EvaluationResult) -> bool:
    """A Dutch purchase whose value including options stays below the EU threshold."""
    return result.profile.buyer.jurisdiction is Jurisdiction.NL and result.value.above is False


def part1_basis(result: EvaluationResult, lang: str) -> str:
    """The Part 1 articles a below-threshold Dutch purchase rests on, in one line."""
    procedure = result.profile.procurement.procedure
    article = _PROPORTIONALITY.get(procedure) if procedure is not None else None
    proportionality = f"art. {article}" if article else "art. 1.10, 1.13 of 1.16"
    if lang == "en":
        proportionality = proportionality.replace(" of ", " or ")
        return (
            f"Aanbestedingswet 2012, art. 1.4 and {proportionality} (proportionality), with the"
            " Gids Proportionaliteit (Aanbestedingsbesluit, art. 10)"
        )
    return (
        f"Aanbestedingswet 2012, art. 1.4 en {proportionality} (proportionaliteit), met de"
        " Gids Proportionaliteit (Aanbestedingsbesluit, art. 10)"
    )


def legal_basis(
    result: EvaluationResult, references: list[str], lang: str, *, marked: bool = True
) -> list[str]:
    """A criterion's legal basis as the regime reads it, in an English document with EU acts
    and the descriptions in brackets in English (:mod:`.legal_terms`).

    Below the threshold a Part 2 article applies by analogy; ``marked`` says so after each
    one (a table that states it once above itself leaves the mark out).
    """
    if lang == "en":
        references = [english_basis(ref) for ref in references]
    if not below_threshold_nl(result):
        return list(references)
    analogy = (
        "by analogy, below the threshold" if lang == "en" else "naar analogie, onder de drempel"
    )
    out = [part1_basis(result, lang)]
    for ref in references:
        out.append(f"{ref} ({analogy})" if marked and _PART2.match(ref) else ref)
    return out


#: Netherlands Dutch words in catalogue texts and their Belgian equivalents, longest first.
_BE_TERMS: tuple[tuple[str, str], ...] = (
    ("uiterste inschrijvingsdatum", "uiterste datum voor ontvangst van de offertes"),
    ("aanbestedingsstukken", "opdrachtdocumenten"),
    ("aanbestedingsprocedure", "plaatsingsprocedure"),
    ("aanbestedende diensten", "aanbestedende overheden"),
    ("aanbestedende dienst", "aanbestedende overheid"),
    ("opdrachtgevers", "aanbestedende overheden"),
    ("opdrachtgever", "aanbestedende overheid"),
    ("geschiktheidseisen", "selectiecriteria"),
    ("geschiktheidseis", "selectiecriterium"),
    ("inschrijvingen", "offertes"),
    ("inschrijving", "offerte"),
    ("aanbestedingen", "opdrachten"),
    ("aanbesteding", "opdracht"),
)
_BE_PATTERN = re.compile(
    r"\b(" + "|".join(re.escape(nl) for nl, _ in _BE_TERMS) + r")\b", re.IGNORECASE
)
_BE_MAP = dict(_BE_TERMS)


def localise(text: str, jurisdiction: Jurisdiction, lang: str) -> str:
    """``text`` with Belgian terms in a Belgian Dutch document; unchanged otherwise."""
    if jurisdiction is not Jurisdiction.BE or lang != "nl":
        return text

    def swap(match: re.Match[str]) -> str:
        word = match.group(1)
        belgian = _BE_MAP[word.lower()]
        return belgian[0].upper() + belgian[1:] if word[0].isupper() else belgian

    return _BE_PATTERN.sub(swap, text)
