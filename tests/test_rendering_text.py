"""Number notation, plain-text clause structure and the fixed wording."""

from __future__ import annotations

from datetime import date

import pytest

from mvi_rules.profile import Jurisdiction
from mvi_rules.rendering.formatting import (
    format_date,
    format_money,
    format_number,
    format_value,
)
from mvi_rules.rendering.text import Block, to_blocks
from mvi_rules.rendering.wording import _BE_EN, _BE_NL, _TEXTS, NL_ONLY, Wording, all_keys


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        (1000000, "1.000.000", "1,000,000"),
        (6.0, "6", "6"),
        (0.25, "0,25", "0.25"),
        (1234.5, "1.234,5", "1,234.5"),
        (999, "999", "999"),
        (-1500, "-1.500", "-1,500"),
        (0, "0", "0"),
    ],
)
def test_number(value: float, nl: str, en: str) -> None:
    assert format_number(value, "nl") == nl
    assert format_number(value, "en") == en


def test_fixed_decimals_and_money() -> None:
    assert format_number(1000000, "nl", 2) == "1.000.000,00"
    assert format_number(1000000, "en", 2) == "1,000,000.00"
    assert format_money(1250000, "nl") == "€ 1.250.000,00"
    assert format_money(1250000.5, "en") == "€1,250,000.50"


def test_bool_is_not_a_number() -> None:
    with pytest.raises(TypeError):
        format_number(True, "nl")


def test_dates_and_values_with_units() -> None:
    assert format_date(date(2027, 3, 1), "nl") == "1 maart 2027"
    assert format_date(date(2027, 3, 1), "en") == "1 March 2027"
    assert format_value(6, "years", "nl") == "6 jaar"
    assert format_value(1, "years", "en") == "1 year"
    assert format_value(4, "weeks", "nl") == "4 weken"
    assert format_value(2.5, "kWh", "nl") == "2,5 kWh"
    assert format_value(True, None, "en") == "yes"
    assert format_value("gold", None, "nl") == "gold"


def test_paragraphs_and_bullets() -> None:
    text = (
        "Eerste zin\nloopt door.\n\n\nTweede alinea:\n- punt een;\n- punt twee,\n"
        "  vervolg van twee;\nNa de lijst.\n"
    )
    assert to_blocks(text) == [
        Block("paragraph", "Eerste zin loopt door."),
        Block("paragraph", "Tweede alinea:"),
        Block("bullet", "punt een;"),
        Block("bullet", "punt twee, vervolg van twee;"),
        Block("paragraph", "Na de lijst."),
    ]


def test_blank_and_whitespace_only_text_gives_nothing() -> None:
    assert to_blocks("\n  \n\r\n") == []
    assert to_blocks("-\n") == []


def test_hyphen_inside_text_is_not_a_bullet() -> None:
    assert to_blocks("prijs-kwaliteit\n-5 graden") == [
        Block("paragraph", "prijs-kwaliteit -5 graden")
    ]


def test_every_wording_key_has_both_languages() -> None:
    for key in all_keys():
        nl, en = _TEXTS[key]
        assert nl.strip() and en.strip(), key
    assert set(_BE_NL) <= set(_TEXTS)
    assert set(_BE_EN) <= set(_TEXTS)


def test_belgian_wording_never_names_the_dutch_act() -> None:
    for lang in ("nl", "en"):
        words = Wording(lang, Jurisdiction.BE)
        for key in all_keys():
            if key.endswith("_NL") or key in NL_ONLY:
                continue
            assert "Aanbestedingswet" not in words(key), (lang, key)
