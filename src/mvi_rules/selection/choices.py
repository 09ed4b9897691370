"""The buyer's own choices: criteria added or left out by id, each with a reason.

"Comply or explain": a buyer may leave out a criterion the catalogue selects, or add one it
does not, as long as the reason is stated; the reason lands in the annex. What the law makes
mandatory for the profile (a criterion's ``mandatory``) cannot be left out.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .._validation import field_path, with_lines
from ..catalogue import Catalogue
from ..catalogue.model import LocalText
from ..conditions import trace
from ..engine import LotFacts
from ..errors import Problem, ProfileError
from ..profile.model import ProcurementProfile

#: (criterion id, lot id) pairs
Pairs = set[tuple[str, str]]


@dataclass(frozen=True)
class BuyerChoices:
    """The profile's include/exclude lists, checked against the catalogue and the lots."""

    #: (criterion id, lot id) -> the buyer's reason, for criteria added to lots whose product
    #: groups they fit although their condition did not hold there.
    included: dict[tuple[str, str], str] = field(default_factory=dict)
    #: criterion id -> the buyer's reason for leaving it out.
    excluded: dict[str, str] = field(default_factory=dict)
    #: criterion id -> the buyer's reason for adding it (also where it held anyway).
    include_reasons: dict[str, str] = field(default_factory=dict)

    def reason_for(self, criterion_id: str) -> str | None:
        """The buyer's reason for adding or leaving out ``criterion_id``, if any."""
        return self.include_reasons.get(criterion_id) or self.excluded.get(criterion_id)


def excluded_text(reason: str) -> LocalText:
    """Why an excluded criterion is not applied, for the table of criteria left out."""
    return LocalText(
        nl=f"wordt weggelaten op keuze van de inkoper: {reason}",
        en=f"is left out by the buyer's choice: {reason}",
    )


def check_choices(
    profile: ProcurementProfile,
    catalogue: Catalogue,
    lots: Sequence[tuple[str, LotFacts]],
    holds: Mapping[str, list[str]],
) -> BuyerChoices:
    """Check ``profile.criteria`` and work out where each choice applies.

    ``holds`` maps a criterion id to the lots whose condition held. Raises
    :class:`~mvi_rules.errors.ProfileError` for an unknown id (with the nearest known id), an
    included criterion that fits no lot's product groups, and an excluded criterion the law
    makes mandatory for one of the lots (with the reason it is mandatory).
    """
    choices = profile.criteria
    problems: list[Problem] = []
    known = sorted(e.criterion.id for e in catalogue)
    result = BuyerChoices()
    for where, items in (("include", choices.include), ("exclude", choices.exclude)):
        for index, choice in enumerate(items):
            loc: tuple[str | int, ...] = ("criteria", where, index, "id")
            at = field_path(loc)
            entry = catalogue.get(choice.id)
            if entry is None:
                close = difflib.get_close_matches(choice.id, known, n=1, cutoff=0.6)
                hint = f"; did you mean {close[0]}?" if close else ""
                problems.append(
                    Problem(
                        profile.source,
                        at,
                        f"no criterion {choice.id} in catalogue {catalogue.version}{hint}"
                        " (`mvi-rules list` shows every id)",
                    )
                )
                continue
            if where == "exclude":
                must = [
                    lot_id
                    for lot_id, facts in lots
                    if entry.mandatory is not None and trace(entry.mandatory, facts).holds
                ]
                if must and entry.criterion.mandatory is not None:
                    problems.append(
                        Problem(
                            profile.source,
                            at,
                            f"{choice.id} cannot be excluded: it is mandatory for lot"
                            f"{'s' if len(must) > 1 else ''} {', '.join(must)} because"
                            f" {entry.criterion.mandatory.reason.en}",
                        )
                    )
                    continue
                result.excluded[choice.id] = choice.reason
                continue
            fits = [lot_id for lot_id, facts in lots if trace(entry.groups_condition, facts).holds]
            if not fits:
                groups = ", ".join(g.value for g in entry.criterion.product_groups)
                problems.append(
                    Problem(
                        profile.source,
                        at,
                        f"{choice.id} fits none of the lots' product groups (it is for: {groups})",
                    )
                )
                continue
            result.include_reasons[choice.id] = choice.reason
            held = set(holds.get(choice.id, []))
            for lot_id in fits:
                if lot_id not in held:
                    result.included[(choice.id, lot_id)] = choice.reason
    if problems:
        raise ProfileError(with_lines(problems, profile.source, ProfileError))
    return result
