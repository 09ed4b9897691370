"""Dates written out in Dutch and English, for every layer that words a date for a reader.

Selection words some notices and proof notes itself; rendering words the rest. Both take the
month names from here, so no date reaches a reader as ``2026-11-30``.
"""

from __future__ import annotations

from datetime import date

_MONTHS = {
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def written_date(value: date, lang: str) -> str:
    """``30 november 2026`` (nl) or ``30 November 2026`` (en)."""
    months = _MONTHS["nl" if lang == "nl" else "en"]
    return f"{value.day} {months[value.month - 1]} {value.year}"
