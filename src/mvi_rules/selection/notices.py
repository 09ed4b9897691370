"""Building notices: an English message for logs and JSON, and the text in both languages."""

from __future__ import annotations

from ..catalogue.model import LocalText
from .result import Notice


def notice(code: str, nl: str, en: str, criterion_id: str | None = None) -> Notice:
    """A notice whose message is the English text."""
    return Notice(code=code, message=en, criterion_id=criterion_id, text=LocalText(nl=nl, en=en))
