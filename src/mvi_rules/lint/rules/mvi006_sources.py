"""MVI006: every source a criterion cites can be found: it has a URL or an official number."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import LintContext
from ..finding import Finding
from ..registry import rule


@rule("MVI006", "source-findable")
def check(context: LintContext) -> Iterator[Finding]:
    """Every cited source has a URL or an official identifier (CELEX, BWBR, NUMAC, ...).

    The loader already refuses a record in ``sources.yaml`` without either; this rule checks
    what each criterion actually cites, so that a catalogue built another way (or a loader
    change) cannot let an unfindable source into a tender.

    Bad (``sources.yaml``)::

        ict_guide: {publisher: PIANOo, title: ICT guide, language: nl, kind: official_guidance,
                    jurisdiction: NL}

    Good::

        ict_guide: {publisher: PIANOo, title: ICT guide, language: nl, kind: official_guidance,
                    jurisdiction: NL, url: "https://www.pianoo.nl/..."}
    """
    catalogue = context.catalogue
    if catalogue is None:
        return
    for entry in catalogue:
        for i, source in enumerate(entry.criterion.sources):
            if source.policy_choice:
                continue
            record = source.record
            if record is None or (not record.url and not record.identifier):
                yield context.finding(
                    entry,
                    "MVI006",
                    f"{entry.criterion.id}: source {source.key!r} has no URL or official"
                    " identifier a reader can open",
                    "sources",
                    i,
                )
