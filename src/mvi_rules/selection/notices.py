"""Building notices: an English message for logs and JSON, and the text in both languages."""

from __future__ import annotations

from collections.abc import Sequence

from ..catalogue.model import LocalText, ParamValue
from ..profile.model import ProcurementProfile
from .choices import BuyerChoices
from .construct import light
from .result import Notice, SelectedCriterion


def notice(code: str, nl: str, en: str, criterion_id: str | None = None) -> Notice:
    """A notice whose message is the English text."""
    # Made without validating: notices are made by the dozen from strings mvi-rules writes.
    return light(
        Notice,
        code=code,
        message=en,
        criterion_id=criterion_id,
        text=light(LocalText, nl=nl, en=en),
    )


def unused_exclusions(choices: BuyerChoices, dropped: dict[str, list[str]]) -> list[Notice]:
    """A notice per criterion the profile excludes that was selected for no lot."""
    return [
        notice(
            "choice-unused",
            f"{criterion_id} is uitgesloten in het profiel, maar was voor geen enkel perceel"
            " geselecteerd; de uitsluiting verandert niets.",
            f"{criterion_id} is excluded in the profile but was not selected for any lot;"
            " the exclusion changes nothing.",
            criterion_id,
        )
        for criterion_id in sorted(choices.excluded)
        if criterion_id not in dropped
    ]


def general_notices(
    profile: ProcurementProfile,
    overrides: dict[str, dict[str, ParamValue]],
    selected: Sequence[SelectedCriterion],
    threshold: float | None,
) -> list[Notice]:
    """Parameters set for criteria not selected, and an unknown EU threshold."""
    notices = [
        Notice(
            code="override-unused",
            criterion_id=criterion_id,
            message=f"parameters set for {criterion_id} are not used: "
            "the criterion is not selected for this profile",
        )
        for criterion_id in sorted(set(overrides) - {s.id for s in selected})
    ]
    if threshold is None:
        notices.append(
            Notice(
                code="no-threshold",
                message=f"no EU threshold is known for {profile.procurement.reference_date}; "
                "criteria that depend on it treat it as unknown",
            )
        )
    return notices
