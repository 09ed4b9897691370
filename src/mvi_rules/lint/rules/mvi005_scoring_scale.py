"""MVI005: an award criterion's scoring scale is monotone and reaches the full score X."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from ..context import LintContext
from ..finding import Finding
from ..registry import rule


@rule("MVI005", "scoring-scale")
def check(context: LintContext) -> Iterator[Finding]:
    """A scoring scale runs one way (points rise, or fall, row by row) and reaches X (1).

    ``points`` is a share of X, the criterion's maximum score; a scale whose best row is not
    ``1`` never awards the full weight, and a scale that goes up and down (or repeats a value)
    is not a scale a tenderer can aim at.

    Bad::

        scoring:
          - {points: 0, nl: ..., en: ...}
          - {points: 0.5, nl: ..., en: ...}
          - {points: 0.4, nl: ..., en: ...}

    Good::

        scoring:
          - {points: 0, nl: ..., en: ...}
          - {points: 0.5, nl: ..., en: ...}
          - {points: 1, nl: ..., en: ...}
    """
    catalogue = context.catalogue
    if catalogue is None:
        return
    for entry in catalogue:
        points = [step.points for step in entry.criterion.scoring]
        if not points:
            continue
        pairs = list(itertools.pairwise(points))
        rising = all(a < b for a, b in pairs)
        falling = all(a > b for a, b in pairs)
        if not (rising or falling):
            shown = ", ".join(f"{p:g}" for p in points)
            yield context.finding(
                entry,
                "MVI005",
                f"{entry.criterion.id}: the scoring points are not monotone ({shown}); each row"
                " should give more points than the one before (or each fewer)",
                "scoring",
            )
        if max(points) != 1:
            yield context.finding(
                entry,
                "MVI005",
                f"{entry.criterion.id}: the best scoring row gives {max(points):g}, not the full"
                " score X (points: 1)",
                "scoring",
            )
        elif (rising or falling) and points[0] != 1 and points[-1] != 1:
            yield context.finding(
                entry,
                "MVI005",
                f"{entry.criterion.id}: the full score X (points: 1) is neither the first nor"
                " the last row of the scale",
                "scoring",
            )
