"""MVI004: a standard or label named in a clause is followed by "or equivalent"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ...catalogue import Entry
from ..context import LintContext
from ..finding import Finding
from ..registry import rule

#: A reference to a published standard: ISO 14001, ISO/IEC 27001, EN 12281, IEC 60529, ...
STANDARD = re.compile(r"\b(?:ISO/IEC|ISO|IEC|EN|IEEE|MIL-STD)[ -]?\d[\w.\-:/]*")
EQUIVALENT = {"nl": "gelijkwaardig", "en": "equivalent"}
#: A sentence or bullet ends at . ; : followed by white space, or at a line end.
_SENTENCE = re.compile(r"(?<=[.;:])\s|\n")


def missing_equivalent(text: str, lang: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, standard) for each sentence naming a standard without "or equivalent"."""
    start = 0
    for match in [*_SENTENCE.finditer(text), None]:
        end = match.start() if match is not None else len(text)
        sentence = text[start:end]
        found = STANDARD.search(sentence)
        if found is not None and EQUIVALENT[lang] not in sentence:
            at = start + found.start()
            line = text.count("\n", 0, at) + 1
            col = at - (text.rfind("\n", 0, at) + 1) + 1
            yield line, col, found.group().rstrip(".:;,")
        start = match.end() if match is not None else len(text)


@rule("MVI004", "or-equivalent")
def check(context: LintContext) -> Iterator[Finding]:
    """A standard named in a clause carries "of gelijkwaardig" / "or equivalent".

    Aw 2012 art. 2.76 and Wet 17 juni 2016 art. 53 (Directive 2014/24/EU art. 42(3)): a
    technical specification that refers to a standard adds "or equivalent", in the same
    sentence or bullet. The rule looks for ISO, ISO/IEC, IEC, EN, IEEE and MIL-STD numbers.

    Bad::

        Het papier voldoet aan EN 12281.

    Good::

        Het papier voldoet aan EN 12281 of gelijkwaardig.
    """
    catalogue = context.catalogue
    if catalogue is None:
        return
    by_template: dict[str, Entry] = {}
    for entry in catalogue:
        by_template.setdefault(entry.criterion.template, entry)
    for _template, entry in sorted(by_template.items()):
        for lang in ("nl", "en"):
            path: Path = context.template_file(entry, lang)
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            for line, col, standard in missing_equivalent(text, lang):
                yield Finding(
                    file=str(path),
                    line=line,
                    col=col,
                    code="MVI004",
                    message=f"{entry.criterion.id}: {standard} is named without"
                    f" '{EQUIVALENT[lang]}' in the same sentence",
                    criterion=entry.criterion.id,
                )
