"""Language-neutral findings: a message is a code with parameters, worded only when rendered.

The checks say *what* they found (``de_minimis.with_change`` with the amounts) and never how a
reader reads it; :mod:`mvi_rules.changes.render.wording` turns a message into Dutch or English.
A parameter keeps its type so the renderer can write it the way the language writes it:

- :class:`~decimal.Decimal`: an amount in euro;
- :class:`Percent`: a fraction shown as a percentage;
- :class:`~datetime.date`: a date;
- :class:`~mvi_rules.changes.ledger.Ground`: a ground, shown by its label for the contract;
- :class:`Msg`: a phrase of its own (e.g. "the indexed original value € 880.000,00");
- :class:`Join`: several of the above in a row;
- ``str`` and ``int``: shown as they are (an option id, a description, a count).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, field_serializer

_Frozen = ConfigDict(frozen=True, extra="forbid")


def exact(value: Decimal) -> str:
    """An exact amount as text, without trailing zeros: ``100000.000`` -> ``100000``."""
    return f"{value.normalize():f}"


class Percent(BaseModel):
    """A fraction shown as a percentage with ``places`` decimals (0.10 -> ``10%``)."""

    model_config = _Frozen

    rate: Annotated[Decimal, PlainSerializer(lambda d: exact(d), return_type=str, when_used="json")]
    places: int = 0


class Msg(BaseModel):
    """A finding in words-to-be: a code and its parameters."""

    model_config = _Frozen

    code: str = Field(description="What was found, e.g. 'de_minimis.with_change'")
    params: dict[str, Any] = Field(default_factory=dict)

    @field_serializer("params", when_used="json")
    def _exact(self, params: dict[str, Any]) -> dict[str, Any]:
        # An amount is exact: written without float noise or trailing zeros ("100000").
        return {name: _plain(value) for name, value in params.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return exact(value)
    return value


class Join(BaseModel):
    """Several parameters written in a row with a separator (``"; "`` or ``", "``)."""

    model_config = _Frozen

    items: list[Any]
    sep: str = ", "


def msg(code: str, /, **params: Any) -> Msg:
    """A message: ``msg("de_minimis.remaining", amount=Decimal("40000"))``."""
    return Msg(code=code, params=params)
