"""Turning a language-neutral message into a Dutch or English sentence.

Parameters are written the way the language writes them, by the shared formatter
(:mod:`mvi_rules.rendering.formatting`): amounts in euro rounded half up to the cent, percentages,
and dates (written out in Dutch, ``4 mei 2026``; ISO in English). A ground is shown by its label
for the contract. Conditions and questions come from ``rulesets/changes/grounds.yaml``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..._calendar import written_date
from ..law import change_law
from ..ledger import Contract, Ground
from ..message import Join, Msg, Percent
from ..result import Verdict
from ..texts import Lang, money, percent
from .law_text import (
    aur_default_clauses,
    aur_numbering,
    chapter_25_via,
    chosen_text,
    ground_label,
    nl_article_ref,
)
from .phrases import PHRASES as _DRAWER_PHRASES
from .phrases_check import PHRASES as _CHECK_PHRASES

#: Every message code with its Dutch and English sentence.
PHRASES: dict[str, tuple[str, str]] = {**_DRAWER_PHRASES, **_CHECK_PHRASES}


def pick(lang: Lang, nl: str, en: str) -> str:
    """Choose the wording for ``lang``; keeping both side by side keeps them in step."""
    return nl if lang == "nl" else en


def date_text(day: dt.date, lang: Lang) -> str:
    """A date in a sentence, written out as the annex writes it (``4 mei 2026``,
    ``4 May 2026``): a reader of the memo should not meet a second date format."""
    return written_date(day, lang)


def verdict_text(verdict: Verdict, lang: Lang) -> str:
    """The verdict as a reader sees it (``PAST NIET``, ``DOES NOT FIT``)."""
    return say(Msg(code=f"verdict.{verdict.value}"), lang, None)


def _law_params(code: str, contract: Contract | None, lang: Lang) -> dict[str, str]:
    """Parameters a few sentences take from the law file rather than from the check."""
    if code == "review.be_default_clauses":
        return {"clauses": aur_default_clauses(lang), "numbering": aur_numbering(lang)}
    if contract is None:
        return {}
    if code == "advice.new_procedure":
        return {"ref": nl_article_ref("2.163a", contract, lang)}
    if code == "note.below_threshold_nl":
        return {"via": chapter_25_via(contract)}
    return {}


def _template(code: str, lang: Lang) -> str:
    kind, _, rest = code.partition(".")
    if kind in ("condition", "question"):
        law = change_law()
        ground, _, name = rest.rpartition(".")
        if kind == "question":
            return law.ground(Ground(ground)).questions[name].get(lang)
        if not ground:
            return law.conditions[name].get(lang)
        return law.condition(Ground(ground), name).get(lang)
    nl, en = PHRASES[code]
    return pick(lang, nl, en)


def _param(value: Any, lang: Lang, contract: Contract | None) -> str:
    if isinstance(value, Msg):
        return say(value, lang, contract)
    if isinstance(value, Ground):
        if contract is None:
            return value.value
        return ground_label(value, contract, lang)
    if isinstance(value, list):
        return ", ".join(_param(v, lang, contract) for v in value)
    if isinstance(value, Join):
        return value.sep.join(_param(v, lang, contract) for v in value.items)
    if isinstance(value, Percent):
        return percent(value.rate, lang, value.places)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal):
        return money(value, lang)
    if isinstance(value, dt.date):
        return date_text(value, lang)
    return str(value)


def say(message: Msg, lang: Lang, contract: Contract | None) -> str:
    """The message as a sentence in ``lang``; ``contract`` names grounds and cites its law."""
    if message.code == "ground.chosen":
        assert contract is not None  # a recommendation always belongs to a contract
        return chosen_text(message.params["ground"], contract, lang)
    params = {name: _param(v, lang, contract) for name, v in message.params.items()}
    params.update(_law_params(message.code, contract, lang))
    return _template(message.code, lang).format(**params)


def say_all(messages: list[Msg], lang: Lang, contract: Contract | None) -> list[str]:
    """Every message as a sentence."""
    return [say(m, lang, contract) for m in messages]
