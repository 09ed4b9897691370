"""MVI005: an award criterion's scoring scale is monotone, reaches the full score X, and is
written by the shared scale template exactly when its rows give the clause wording."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from ...catalogue import Entry
from ...rendering.templates import included_templates
from ..context import LintContext
from ..finding import Finding
from ..registry import rule

#: The shared template that writes a scale's bands from the ruleset.
SCALE_TEMPLATE = "_shared/scale"


@rule("MVI005", "scoring-scale")
def check(context: LintContext) -> Iterator[Finding]:
    """A scoring scale runs one way (points rise, or fall, row by row) and reaches X (1).

    ``points`` is a share of X, the criterion's maximum score; a scale whose best row is not
    ``1`` never awards the full weight, and a scale that goes up and down (or repeats a value)
    is not a scale a tenderer can aim at. Rows that give the band's clause wording (``clause``)
    are written by ``{% include "_shared/scale.j2" %}``: a clause template that does not
    include it leaves them unsaid (or states its own figures), and one that includes it for
    rows without wording writes a heading without bands.

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
        yield from _written_by_the_shared_scale(context, entry)
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


def _written_by_the_shared_scale(context: LintContext, entry: Entry) -> Iterator[Finding]:
    bands = all(step.clause is not None for step in entry.criterion.scoring)
    for lang in ("nl", "en"):
        try:
            text = context.template_file(entry, lang).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # MVI001/MVI002 report a template that cannot be read
        writes = SCALE_TEMPLATE in included_templates(context.templates_dir / lang, text)
        if bands and not writes:
            yield context.finding(
                entry,
                "MVI005",
                f"{entry.criterion.id}: the scoring rows give the clause wording, but the {lang}"
                f' clause template does not write them ({{% include "{SCALE_TEMPLATE}.j2" %}})',
                "scoring",
            )
        elif writes and not bands:
            yield context.finding(
                entry,
                "MVI005",
                f"{entry.criterion.id}: the {lang} clause template writes the scale with"
                f" {SCALE_TEMPLATE}.j2, but the scoring rows give no clause wording (clause),"
                " so it would write a heading without bands",
                "scoring",
            )
