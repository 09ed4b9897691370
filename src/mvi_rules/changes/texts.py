"""The change checker's languages, and its amounts in JSON and in the ledger.

Dutch is the default because every ledger this module accepts is a Dutch or Belgian contract;
English is there for international teams and tests. Amounts are written by the shared
formatter (:mod:`mvi_rules.rendering.formatting`): the arithmetic is exact
(:class:`decimal.Decimal`) and only the display rounds, half up to the cent.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from ..rendering.formatting import format_amount, format_percent, round_cents

Lang = Literal["nl", "en"]

LANGUAGES: tuple[Lang, ...] = ("nl", "en")


def money(amount: Decimal, lang: Lang) -> str:
    """Euros: ``€ 1.000.000,00`` (nl) or ``€1,000,000.00`` (en); negatives keep a minus."""
    return format_amount(amount, lang)


def signed_money(amount: Decimal, lang: Lang) -> str:
    """Like :func:`money` but with an explicit ``+`` for increases (a change has a direction)."""
    return format_amount(amount, lang, plus=True)


def percent(rate: Decimal, lang: Lang, places: int = 0) -> str:
    """A fraction as a percentage: ``Decimal("0.1")`` -> ``10%``; ``places`` decimals."""
    return format_percent(rate, lang, places)


def cents(amount: Decimal) -> str:
    """The amount as a plain string with exactly two decimals (for JSON and the ledger)."""
    return f"{round_cents(amount):.2f}"
