"""Review comments in the concept annex: the legal adviser reviews in Word, where the text is.

Each clause heading of a concept annex carries a Word comment by "mvi-rules" with the
criterion's id and version, why it was selected for which lots (the parts of its condition that
decided it, with the profile's values), its legal basis and its sources as the trace table
states them. A final annex (``final=True``) carries none: it goes to market.

The comment's date is the profile's reference date, not the time of writing, so the same
profile gives the same document byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

from ..catalogue.model import LocalText
from ..profile.model import ProductGroup
from ..selection.result import ConditionTrace, EvaluationResult, SelectedCriterion
from .docx_xml import fill_paragraph, run_text, sub
from .law import legal_basis
from .wording import Wording

#: Who the comments are by, as Word shows it.
AUTHOR: Final = "mvi-rules"
INITIALS: Final = "MVI"

_TEXTS: Final = {
    "version": LocalText(nl="{id}, versie {version}", en="{id}, version {version}"),
    "because": LocalText(
        nl="Geselecteerd voor {lots}, omdat: {reasons}.",
        en="Selected for {lots} because: {reasons}.",
    ),
    "legal_basis": LocalText(nl="Juridische grondslag: {refs}", en="Legal basis: {refs}"),
    "sources": LocalText(nl="Bronnen:", en="Sources:"),
    "profile": LocalText(nl="profiel", en="profile"),
    "not_set": LocalText(nl="niet ingevuld", en="not set"),
    "and": LocalText(nl="en", en="and"),
    "or": LocalText(nl="of", en="or"),
    "not": LocalText(nl="niet", en="not"),
    "buys": LocalText(nl="het perceel koopt {groups}", en="the lot buys {groups}"),
}

# How conditions/evaluate.py ends the text of a test: " (profile: <value>)".
_PROFILE_SUFFIX = " (profile: "
# The product-group test every criterion's full condition starts with (catalogue/entries.py).
_GROUP_TEST = re.compile(
    r"^lot\.product_groups includes any of \[(?P<wanted>[^]]*)\] \(profile: \[(?P<has>[^]]*)\]\)$"
)


def _text(key: str, lang: str, **values: object) -> str:
    return _TEXTS[key].get(lang).format(**values)


def _groups_text(text: str, lang: str) -> str | None:
    """ "the lot buys laptops" for the product-group test that held, else ``None``."""
    match = _GROUP_TEST.match(text)
    if match is None:
        return None
    wanted = set(match["wanted"].split(", "))
    try:
        groups = [ProductGroup(g) for g in match["has"].split(", ") if g in wanted]
    except ValueError:
        return None
    if not groups:
        return None
    return _text("buys", lang, groups=", ".join(g.plural(lang) for g in groups))


def _test_text(text: str, lang: str) -> str:
    """A test as the ruleset writes it, with the profile's value named in ``lang``."""
    condition, found, shown = text.rpartition(_PROFILE_SUFFIX)
    if not found:
        return text
    value = shown.removesuffix(")")
    if value == "not set":
        value = _text("not_set", lang)
    return f"{condition} ({_text('profile', lang)}: {value})"


def _formula(trace: ConditionTrace, lang: str) -> str:
    """A part of a condition on one line: tests joined by and/or/not in ``lang``."""
    if not trace.children:
        if trace.holds:
            return _groups_text(trace.text, lang) or _test_text(trace.text, lang)
        return _test_text(trace.text, lang)
    if trace.text == "not":
        inner = trace.children[0]
        shown = _formula(inner, lang)
        return f"{_text('not', lang)} {shown if inner.children else f'({shown})'}"
    joiner = f" {_text('and' if trace.text == 'all of' else 'or', lang)} "
    return "(" + joiner.join(_formula(child, lang) for child in trace.children) + ")"


def _deciding(trace: ConditionTrace, lang: str) -> list[str]:
    """The parts of a condition that held and decided it: every part of an "all of", the
    parts of an "any of" that held, a "not" as a whole."""
    if trace.text == "all of" and trace.children:
        return [part for child in trace.children for part in _deciding(child, lang)]
    if trace.text == "any of" and trace.holds:
        return [part for child in trace.children if child.holds for part in _deciding(child, lang)]
    return [_formula(trace, lang)]


def review_comment_text(
    result: EvaluationResult, criterion: SelectedCriterion, sources: list[str], words: Wording
) -> str:
    """The comment on one clause, paragraphs separated by newlines, in the document's language.

    ``sources`` are the criterion's sources as the trace table writes them.
    """
    lang = words.lang
    names = {lot.id: lot.name for lot in result.profile.lots}
    # Lots selected for the same reasons share one sentence.
    reasons: dict[str, list[str]] = {}
    for decision in criterion.decisions:
        if decision.selected:
            why = "; ".join(_deciding(decision.reason, lang))
            reasons.setdefault(why, []).append(decision.lot_id)
    lines = [_text("version", lang, id=criterion.id, version=criterion.version)]
    for why, lot_ids in reasons.items():
        lots = ", ".join(words("lot_ref", id=i, name=names.get(i, i)) for i in lot_ids)
        lines.append(_text("because", lang, lots=lots, reasons=why))
    refs = legal_basis(result, list(criterion.legal_basis), lang)
    if refs:
        lines.append(_text("legal_basis", lang, refs="; ".join(refs)))
    lines.append(_text("sources", lang))
    lines.extend(f"- {source}" for source in sources)
    return "\n".join(lines)


def add_review_comment(doc: Any, paragraph: Any, text: str, on: dt.date) -> None:
    """Anchor a comment with ``text`` to the runs of ``paragraph``, dated ``on``."""
    comment = doc.add_comment(paragraph.runs, text="", author=AUTHOR, initials=INITIALS)
    element = comment._comment_elm
    # python-docx stamps the current time; a fixed date keeps the document byte-identical.
    element.date = dt.datetime(on.year, on.month, on.day, tzinfo=dt.timezone.utc)
    # The lines as python-docx's add_comment(text=...) writes them (the first in the comment's
    # own first paragraph, each further one in a "CommentText" paragraph), written directly:
    # its paragraph API was a sixth of the rendering time.
    if not text:
        return
    first, *rest = text.split("\n")
    run_text(sub(element.p_lst[0], "r"), first)
    for line in rest:
        fill_paragraph(sub(element, "p"), line, "CommentText")
