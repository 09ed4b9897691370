"""MVI007: no two criteria have the same or nearly the same clause text."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ...catalogue import Entry
from ...errors import TemplateError
from ...rendering.templates import ClauseRenderer
from ..context import LintContext
from ..finding import Finding
from ..registry import rule
from ..samples import sample_profile, selected, variants

#: Similarity (difflib's ratio over the words, 0-1) from which two clause texts count as
#: near-duplicates.
#: 0.9 flags a copied clause with a changed number or product group, but not two clauses that
#: share only the standard opening and closing sentences.
THRESHOLD = 0.9


@rule("MVI007", "near-duplicate-clause")
def check(context: LintContext) -> Iterator[Finding]:
    """No two criteria render the same or nearly the same Dutch clause text (similarity >= 0.9).

    Two criteria with (nearly) one text either ask the same thing twice in a tender, or
    differ in a way a reader cannot see. The Dutch text is rendered for a Dutch buyer with
    the defaults and compared word by word with difflib's ratio; from 0.9 the pair is
    reported on the criterion with the higher id.

    Bad::

        MVI-REP-010: De opdrachtnemer levert reserveonderdelen gedurende 7 jaar.
        MVI-REP-011: De opdrachtnemer levert reserveonderdelen gedurende 5 jaar.

    Good: one criterion, with the years as a parameter (``p.spare_parts_years``).
    """
    catalogue = context.catalogue
    if catalogue is None:
        return
    renderer = ClauseRenderer(catalogue.templates_dir, "nl")
    profile = sample_profile("NL")
    texts: list[tuple[str, Entry, list[str]]] = []
    for entry in catalogue:
        _, defaults = next(variants(entry))
        try:
            text = renderer.render(selected(entry, profile, defaults), profile)
        except TemplateError:
            continue  # MVI002 reports it
        texts.append((entry.criterion.id, entry, text.split()))
    texts.sort(key=lambda t: t[0])
    for i, (id_a, entry_a, text_a) in enumerate(texts):
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(text_a)
        for id_b, entry_b, text_b in texts[i + 1 :]:
            if id_b in entry_a.criterion.conflicts_with or id_a in entry_b.criterion.conflicts_with:
                continue  # declared alternatives: never both for one lot
            matcher.set_seq1(text_b)
            if matcher.real_quick_ratio() < THRESHOLD or matcher.quick_ratio() < THRESHOLD:
                continue
            ratio = matcher.ratio()
            if ratio >= THRESHOLD:
                same = "the same" if text_a == text_b else f"nearly the same ({ratio:.2f})"
                yield context.finding(
                    entry_b,
                    "MVI007",
                    f"{id_b}: its clause text is {same} as that of {id_a}",
                    "template",
                )
