"""Wording and number formatting for the change checker, in Dutch and English.

Dutch is the default because every ledger this module accepts is a Dutch or Belgian contract;
English is there for international teams and tests. Amounts are always shown with two decimals;
the arithmetic itself is exact (:class:`decimal.Decimal`) and only the display rounds.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

Lang = Literal["nl", "en"]

LANGUAGES: tuple[Lang, ...] = ("nl", "en")

_CENT = Decimal("0.01")


def _grouped(amount: Decimal, thousands: str, decimal_mark: str) -> str:
    text = f"{abs(amount).quantize(_CENT, rounding=ROUND_HALF_UP):,.2f}"
    whole, cents = text.split(".")
    return whole.replace(",", thousands) + decimal_mark + cents


def money(amount: Decimal, lang: Lang) -> str:
    """Format euros: ``€ 1.000.000,00`` (nl) or ``€1,000,000.00`` (en); negatives keep a minus."""
    negative = amount.quantize(_CENT, rounding=ROUND_HALF_UP) < 0
    if lang == "nl":
        return "€ " + ("-" if negative else "") + _grouped(amount, ".", ",")
    return ("-" if negative else "") + "€" + _grouped(amount, ",", ".")


def signed_money(amount: Decimal, lang: Lang) -> str:
    """Like :func:`money` but with an explicit ``+`` for increases (a change has a direction)."""
    if amount.quantize(_CENT, rounding=ROUND_HALF_UP) <= 0:
        return money(amount, lang)
    return (
        ("€ +" + _grouped(amount, ".", ","))
        if lang == "nl"
        else ("+€" + _grouped(amount, ",", "."))
    )


def percent(rate: Decimal, lang: Lang, places: int = 0) -> str:
    """Format a fraction as a percentage: ``Decimal("0.1")`` -> ``10%``; ``places`` decimals."""
    value = (rate * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{value:.{places}f}"
    if lang == "nl":
        text = text.replace(".", ",")
    return text + "%"


def cents(amount: Decimal) -> str:
    """The amount as a plain string with exactly two decimals (for JSON and the ledger)."""
    return f"{amount.quantize(_CENT, rounding=ROUND_HALF_UP):.2f}"


def pick(lang: Lang, nl: str, en: str) -> str:
    """Choose the wording for ``lang``; keeping both side by side keeps them in step."""
    return nl if lang == "nl" else en
