"""Numbers, amounts, dates and parameter values written the way each language writes them.

Dutch groups thousands with a dot and uses a decimal comma (1.000.000,00); English does the
opposite (1,000,000.00). Whole numbers never show decimals, so a parameter of ``6.0`` years is
written ``6``.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from .._calendar import written_date
from ..catalogue.model import LocalText, ParamValue
from ..selection.result import ProofLabel

# Units as the catalogue writes them (English, lower case) -> (nl singular, nl plural,
# en singular, en plural). Units not listed here are printed as the catalogue spells them.
_UNITS: dict[str, tuple[str, str, str, str]] = {
    "year": ("jaar", "jaar", "year", "years"),
    "years": ("jaar", "jaar", "year", "years"),
    "month": ("maand", "maanden", "month", "months"),
    "months": ("maand", "maanden", "month", "months"),
    "week": ("week", "weken", "week", "weeks"),
    "weeks": ("week", "weken", "week", "weeks"),
    "day": ("dag", "dagen", "day", "days"),
    "days": ("dag", "dagen", "day", "days"),
    "working_days": ("werkdag", "werkdagen", "working day", "working days"),
    "working days": ("werkdag", "werkdagen", "working day", "working days"),
    "cycles": ("cyclus", "cycli", "cycle", "cycles"),
    "updates": ("update", "updates", "update", "updates"),
    "upgrades": ("upgrade", "upgrades", "upgrade", "upgrades"),
    "devices": ("apparaat", "apparaten", "device", "devices"),
    "points": ("punt", "punten", "point", "points"),
    "percent": ("%", "%", "%", "%"),
    "%": ("%", "%", "%", "%"),
    "eur": ("euro", "euro", "euro", "euro"),
    "minutes": ("minuut", "minuten", "minute", "minutes"),
    "ml": ("ml", "ml", "ml", "ml"),
    "audits": ("audit", "audits", "audit", "audits"),
    "references": ("referentie", "referenties", "reference", "references"),
    "hours per year": ("uur per jaar", "uur per jaar", "hour per year", "hours per year"),
    "eur/kwh": ("euro per kWh", "euro per kWh", "euro per kWh", "euro per kWh"),
    "eur per tonne co2e": (
        "euro per ton CO2e",
        "euro per ton CO2e",
        "euro per tonne CO2e",
        "euro per tonne CO2e",
    ),
    "kg co2e per kwh": ("kg CO2e per kWh", "kg CO2e per kWh", "kg CO2e per kWh", "kg CO2e per kWh"),
}


def known_unit(unit: str) -> bool:
    """Whether the unit has Dutch and English forms (unknown units would print untranslated)."""
    return unit.strip().lower() in _UNITS


# Above this a number written in running text gets thousands separators even without the
# ``number`` filter (Dutch style: 10.000 but 2026), so years are never written as "2.026".
_GROUP_FROM = 10_000


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def format_number(
    value: float | Decimal, lang: str, decimals: int | None = None, *, group: bool = True
) -> str:
    """A number in the language's notation.

    ``decimals=None`` writes whole numbers without decimals and other numbers with as many
    decimals as they need (at most six); an integer ``decimals`` fixes the count. ``group=False``
    leaves out thousands separators.
    """
    if isinstance(value, bool):
        raise TypeError("format_number() takes a number, not a bool")
    if decimals is None:
        if float(value).is_integer():
            text = f"{float(value):.0f}"
        else:
            text = f"{value:.6f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:.{decimals}f}"
    negative = text.startswith("-")
    whole, _, fraction = text.lstrip("-").partition(".")
    thousands, point = (".", ",") if lang == "nl" else (",", ".")
    if group:
        whole = _group(whole, thousands)
    out = whole + (point + fraction if fraction else "")
    if negative and out.strip("0.,") != "":
        out = "-" + out
    return out


_CENT = Decimal("0.01")


def round_cents(value: float | Decimal) -> Decimal:
    """An amount rounded to whole cents, half up: the one rounding rule for money.

    A float is read as the shortest decimal that gives it back (``repr``), so ``2.675`` rounds
    to ``2.68`` as written, not as its binary approximation.
    """
    amount = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    return amount.quantize(_CENT, rounding=ROUND_HALF_UP)


def format_money(value: float | Decimal, lang: str) -> str:
    """An amount in euros with cents: ``€ 1.000.000,00`` (nl) or ``€1,000,000.00`` (en)."""
    amount = format_number(round_cents(value), lang, 2)
    return f"€ {amount}" if lang == "nl" else f"€{amount}"


def format_amount(value: float | Decimal, lang: str, *, plus: bool = False) -> str:
    """An amount that may be negative, the sign where each language puts it: ``€ -12.500,00``
    (nl) or ``-€12,500.00`` (en); ``plus=True`` marks an increase (``€ +50.000,00``,
    ``+€50,000.00``), for a change that has a direction."""
    cents = round_cents(value)
    sign = "-" if cents < 0 else ("+" if plus and cents > 0 else "")
    body = format_number(abs(cents), lang, 2)
    return f"€ {sign}{body}" if lang == "nl" else f"{sign}€{body}"


def format_percent(fraction: Decimal, lang: str, places: int = 0) -> str:
    """A fraction as a percentage, rounded half up: ``Decimal("0.1")`` -> ``10%``, with
    ``places`` decimals (``5,00%`` in Dutch)."""
    value = (fraction * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return format_number(value, lang, places, group=False) + "%"


def format_plain(value: object, lang: str) -> object:
    """How a bare ``{{ value }}`` prints in a clause template.

    Numbers follow the language (decimal comma in Dutch; grouping from 10,000 so years stay
    ``2026``) and booleans become words; everything else is left to Jinja.
    """
    if isinstance(value, bool):
        return yes_no(value, lang)
    if isinstance(value, (int, float)):
        return format_number(value, lang, group=abs(value) >= _GROUP_FROM)
    return value


def yes_no(value: bool, lang: str) -> str:
    """``ja``/``nee`` or ``yes``/``no``."""
    if lang == "nl":
        return "ja" if value else "nee"
    return "yes" if value else "no"


def format_date(value: date, lang: str) -> str:
    """A date written out: ``1 januari 2026`` or ``1 January 2026``."""
    return written_date(value, lang)


def format_unit(unit: str, count: float, lang: str) -> str:
    """The unit in the language, singular for a count of exactly one."""
    forms = _UNITS.get(unit.strip().lower())
    if forms is None:
        return unit
    nl_one, nl_many, en_one, en_many = forms
    one = count == 1
    if lang == "nl":
        return nl_one if one else nl_many
    return en_one if one else en_many


def format_parameter(
    value: ParamValue, unit: str | None, labels: dict[str, LocalText], lang: str
) -> str:
    """A parameter value as :func:`format_value` writes it, or the catalogue's name for a coded
    value (``none`` -> ``geen eis``)."""
    label = labels.get(str(value))
    return label.get(lang) if label is not None else format_value(value, unit, lang)


def format_value(value: ParamValue, unit: str | None, lang: str) -> str:
    """A parameter value with its unit, e.g. ``6 jaar``, ``10 %``, ``ja``."""
    if isinstance(value, bool):
        return yes_no(value, lang)
    if isinstance(value, (int, float)):
        text = format_number(value, lang)
        if unit:
            text += " " + format_unit(unit, value, lang)
        return text
    return f"{value} {unit}" if unit else value


def label_text(label: ProofLabel, lang: str) -> str:
    """A label as documents name it: name, version, level and note (``TCO Certified
    generatie 10 (...)``), the same in the annex and the systems JSON."""
    text = label.name
    if label.version is not None:
        text += " " + label.version.get(lang)
    if label.level:
        text += " " + label.level[:1].upper() + label.level[1:]
    if label.note is not None:
        text += f" ({label.note.get(lang)})"
    return text


def label_requirement(label: ProofLabel, lang: str) -> str:
    """A label as a requirement lists it: as :func:`label_text`, but a tier is a minimum
    ("EPEAT, ten minste niveau Bronze"), as a higher tier meets the lower one's criteria."""
    if not label.level:
        return label_text(label, lang)
    plain = label.model_copy(update={"level": None})
    tier = capitalised(label.level)
    at_least = f"ten minste niveau {tier}" if lang == "nl" else f"at least tier {tier}"
    return f"{label_text(plain, lang)}, {at_least}"


def capitalised(text: str) -> str:
    """``text`` with its first letter a capital (the rest as it is: "EPEAT" stays)."""
    return text[:1].upper() + text[1:]
