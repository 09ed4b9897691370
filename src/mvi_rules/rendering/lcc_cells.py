"""What the LCC calculation sheets share: cell styles, language, the article that asks for the
method, and the criterion's fixed figures (:mod:`.lcc_sheet`, :mod:`.lcc_pages`)."""

from __future__ import annotations

from openpyxl.styles import Font, PatternFill

from ..profile.model import Jurisdiction
from ..selection.result import SelectedCriterion

#: Cells the tenderer fills in (yellow) and cells the contracting authority fills in before
#: publishing (blue).
TENDERER_INPUT = PatternFill("solid", fgColor="FFF2CC")
BUYER_INPUT = PatternFill("solid", fgColor="DDEBF7")
BOLD = Font(bold=True)


def t(lang: str, nl: str, en: str) -> str:
    """``nl`` or ``en`` by ``lang``."""
    return nl if lang == "nl" else en


def law(jurisdiction: Jurisdiction, lang: str) -> str:
    """The article that asks the buyer to state the LCC method in the procurement documents."""
    if jurisdiction is Jurisdiction.BE:
        return t(lang, "art. 82 van de Wet van 17 juni 2016", "art. 82 of the Law of 17 June 2016")
    return t(lang, "art. 2.115a Aanbestedingswet 2012", "art. 2.115a of the Aanbestedingswet 2012")


def parameter(criterion: SelectedCriterion, name: str) -> float:
    """The value of one of the criterion's (numeric) parameters."""
    value = next(p.value for p in criterion.parameters if p.name == name)
    return float(value)
