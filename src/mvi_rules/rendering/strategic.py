"""Which selected criteria make a lot strategic procurement, and on which GPP criteria they rest.

Shared by the eForms and OCDS outputs. The catalogue tags every criterion with themes (climate,
circularity, environment, social) and a type; these two outputs translate the tags into the
code lists of their standard. Option clauses are left out: they reserve contract value for
later purchases and pursue no goal of their own in the notice.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..catalogue.model import CriterionType
from ..profile.model import Theme
from ..selection.result import EvaluationResult, SelectedCriterion

#: The themes that reduce environmental impacts (eForms env-imp, OCDS environmental).
ENVIRONMENTAL_THEMES = (Theme.CLIMATE, Theme.CIRCULARITY, Theme.ENVIRONMENT)

#: Keys in ``rulesets/sources.yaml`` of the EU GPP criteria sets.
_EU_GPP_PREFIX = "eu_gpp_"
#: Keys of the national criteria sets for sustainable procurement (NL and BE).
_NATIONAL_KEYS = frozenset({"mvi_criteriatool", "gids_duurzame_aankopen"})


def counted(result: EvaluationResult, lot_id: str | None = None) -> list[SelectedCriterion]:
    """The selected criteria that count for the notice, for one lot or for any lot."""
    return [
        c
        for c in result.selected
        if c.type is not CriterionType.OPTION and (lot_id is None or lot_id in c.lots)
    ]


def with_theme(criteria: Iterable[SelectedCriterion], theme: Theme) -> list[str]:
    """Ids of the criteria tagged with ``theme``, in order."""
    return [c.id for c in criteria if theme in c.themes]


def is_environmental(criterion: SelectedCriterion) -> bool:
    """Whether a criterion pursues an environmental theme."""
    return any(theme in ENVIRONMENTAL_THEMES for theme in criterion.themes)


def gpp_basis(criterion: SelectedCriterion) -> str:
    """``eu`` when a source is the EU GPP criteria, ``national`` for national criteria, else
    ``other`` (criteria of this catalogue from other public sources)."""
    keys = [s.key for s in criterion.sources if s.key]
    if any(key.startswith(_EU_GPP_PREFIX) for key in keys):
        return "eu"
    if any(key in _NATIONAL_KEYS for key in keys):
        return "national"
    return "other"
