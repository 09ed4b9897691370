"""The selection as an OCDS release fragment with the sustainability extension.

The fragment is ``{"tender": {...}}`` with ``hasSustainability`` and ``sustainability`` for the
whole tender and for each lot (``tender.lots``, the lots extension), to merge into a release
that names the extension (:data:`~.ocds_codes.EXTENSION_URL`). Each ``sustainability`` entry has
one ``goal``, the ``strategies`` that pursue it and a ``description`` listing the criteria.

How criteria become codes (a choice of mvi-rules, documented in the README): a theme gives the
goal (climate: ``environmental.climateChangeMitigation``, circularity:
``environmental.circularEconomy``, environment: ``environmental.pollutionPrevention``, social:
``social.humanRightsInSupplyChains`` and ``social.laborRightsPromotion``); the criterion type
gives the strategy (selection: ``selectionCriteria``, minimum requirement:
``technicalSpecifications``, award: ``awardCriteria``, contract clause:
``contractPerformanceConditions``), and an environmental criterion based on the EU GPP criteria
adds ``euGPPCriteria`` (national criteria: ``nationalGPPCriteria``; other sources:
``otherGPPCriteria``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..catalogue.model import CriterionType
from ..errors import MviRulesError
from ..profile.model import Procedure, Theme
from ..selection.result import EvaluationResult, SelectedCriterion
from .json_writer import json_text, write_text
from .strategic import counted, gpp_basis, is_environmental
from .wording import LANGUAGES

#: Goals for each theme.
GOALS: dict[Theme, tuple[str, ...]] = {
    Theme.CLIMATE: ("environmental.climateChangeMitigation",),
    Theme.CIRCULARITY: ("environmental.circularEconomy",),
    Theme.ENVIRONMENT: ("environmental.pollutionPrevention",),
    Theme.SOCIAL: ("social.humanRightsInSupplyChains", "social.laborRightsPromotion"),
}
#: Strategy for each criterion type (option clauses are not counted, see .strategic).
STRATEGIES = {
    CriterionType.SELECTION: "selectionCriteria",
    CriterionType.MINIMUM_REQUIREMENT: "technicalSpecifications",
    CriterionType.AWARD: "awardCriteria",
    CriterionType.CONTRACT_CLAUSE: "contractPerformanceConditions",
}
_GPP_STRATEGY = {"eu": "euGPPCriteria", "national": "nationalGPPCriteria", "other": None}

_DESCRIPTION = {"nl": "MVI-criteria: {ids}.", "en": "Sustainability criteria: {ids}."}
_INNOVATION = {"nl": "Innovatiepartnerschap.", "en": "Innovation partnership."}


def _strategies(criteria: Sequence[SelectedCriterion]) -> list[str]:
    found = {STRATEGIES[c.type] for c in criteria}
    found |= {
        strategy
        for c in criteria
        if is_environmental(c) and (strategy := _GPP_STRATEGY[gpp_basis(c)]) is not None
    }
    order = [*STRATEGIES.values(), "euGPPCriteria", "nationalGPPCriteria"]
    return [s for s in order if s in found]


def _entries(criteria: Sequence[SelectedCriterion], lang: str) -> list[dict[str, Any]]:
    entries = []
    for theme, goals in GOALS.items():
        matching = [c for c in criteria if theme in c.themes]
        if not matching:
            continue
        for goal in goals:
            entries.append(
                {
                    "goal": goal,
                    "strategies": _strategies(matching),
                    "description": _DESCRIPTION[lang].format(ids=", ".join(c.id for c in matching)),
                }
            )
    return entries


def _part(criteria: Sequence[SelectedCriterion], lang: str, innovation: bool) -> dict[str, Any]:
    entries = _entries(criteria, lang)
    if innovation:  # an innovation partnership buys research and development by its nature
        entries.append({"goal": "economic.innovativePurchase", "description": _INNOVATION[lang]})
    part: dict[str, Any] = {"hasSustainability": bool(entries)}
    if entries:  # the extension asks for at least one entry when the array is present
        part["sustainability"] = entries
    return part


def ocds_release(result: EvaluationResult, lang: str | None = None) -> dict[str, Any]:
    """The OCDS release fragment for ``result`` (see the module docstring).

    ``lang`` (``nl`` or ``en``) is the language of the descriptions; it defaults to the
    profile's ``output_language``.
    """
    language = lang or result.profile.output_language
    if language not in LANGUAGES:
        raise MviRulesError(f"unknown language {language!r}; use one of: {', '.join(LANGUAGES)}")
    innovation = result.profile.procurement.procedure is Procedure.INNOVATION_PARTNERSHIP
    lots = [
        {"id": lot.id, "title": lot.name, **_part(counted(result, lot.id), language, innovation)}
        for lot in result.profile.lots
    ]
    return {"tender": {**_part(counted(result), language, innovation), "lots": lots}}


def render_ocds(result: EvaluationResult, lang: str | None = None) -> str:
    """:func:`ocds_release` as JSON (keys sorted, two-space indent, newline at the end)."""
    return json_text(ocds_release(result, lang))


def write_ocds(
    result: EvaluationResult, path: str | Path, lang: str | None = None, force: bool = False
) -> Path:
    """Write :func:`render_ocds` to ``path`` atomically; refuses to overwrite unless forced."""
    return write_text(path, render_ocds(result, lang), force=force)
