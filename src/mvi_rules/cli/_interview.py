"""The parts of the ``init`` interview: a question with its default and explanation, the
parsers that check an answer as it is given ("did you mean" for a near miss), and the
interview that asks in the terminal or reads the answers from a file."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import click

Parse = Callable[[str], Any]

#: At most this many lots are asked for in one interview.
MAX_LOTS = 20


@dataclass(frozen=True)
class Question:
    """One question: its key in an answers file, the prompt, a default and how to read it."""

    key: str
    prompt: str
    explain: str
    default: str
    parse: Parse


def _did_you_mean(value: str, options: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def choice(options: Sequence[str]) -> Parse:
    """One of ``options`` (case-insensitive), with "did you mean" for a near miss."""

    def parse(text: str) -> str:
        value = text.strip().lower()
        if value in options:
            return value
        raise ValueError(
            f"{text.strip()!r} is not one of: {', '.join(options)}" + _did_you_mean(value, options)
        )

    return parse


def optional_choice(options: Sequence[str]) -> Parse:
    """One of ``options``, or nothing (an empty answer or ``-``)."""
    inner = choice(options)

    def parse(text: str) -> str | None:
        return None if text.strip() in ("", "-") else inner(text)

    return parse


def choices(options: Sequence[str]) -> Parse:
    """Several of ``options``, separated by commas; empty or ``-`` for none."""
    inner = choice(options)

    def parse(text: str) -> list[str]:
        if text.strip() in ("", "-"):
            return []
        return [inner(part) for part in text.split(",") if part.strip()]

    return parse


def text_value(text: str) -> str:
    """Some text (not empty)."""
    if not text.strip():
        raise ValueError("an answer is needed")
    return text.strip()


def number(low: float, high: float | None = None, *, integer: bool = False) -> Parse:
    """A number from ``low`` (exclusive for decimals, inclusive for whole numbers) to ``high``."""

    def parse(text: str) -> float | int:
        cleaned = text.strip().replace("€", "").replace("_", "").replace(" ", "")
        try:
            value: float | int = int(cleaned) if integer else float(cleaned)
        except ValueError:
            kind = "a whole number" if integer else "a number (use . for decimals)"
            raise ValueError(f"{text.strip()!r} is not {kind}") from None
        too_low = value < low if integer else value <= low
        if too_low or (high is not None and value > high):
            bounds = f"from {low:g}" if integer else f"more than {low:g}"
            upper = f" to {high:g}" if high is not None else ""
            raise ValueError(f"{value:g} is out of range: give a number {bounds}{upper}")
        return value

    return parse


def percentage_between(text: str) -> float:
    """A percentage more than 0 and less than 100."""
    value = float(number(0, 100)(text))
    if value >= 100:
        raise ValueError("give a percentage less than 100")
    return value


def years_list(text: str) -> list[int]:
    """Whole years separated by commas (``1, 1``); empty or ``-`` for none."""
    if text.strip() in ("", "-"):
        return []
    return [int(number(1, 30, integer=True)(part)) for part in text.split(",") if part.strip()]


def yes_no(text: str) -> bool:
    """Yes or no (also ja/nee, y/n, true/false)."""
    value = text.strip().lower()
    if value in ("y", "yes", "j", "ja", "true"):
        return True
    if value in ("n", "no", "nee", "false"):
        return False
    raise ValueError(f"{text.strip()!r}: answer yes or no")


def optional_yes_no(text: str) -> bool | None:
    """Yes, no, or nothing (an empty answer or ``-``)."""
    return None if text.strip() in ("", "-") else yes_no(text)


def optional_level(text: str) -> int | None:
    """An ambition level 1-3, or nothing."""
    return None if text.strip() in ("", "-") else int(number(1, 3, integer=True)(text))


def iso_date(text: str) -> date:
    """A date as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a date like 2027-01-31") from None


def _as_text(value: Any) -> str:
    """An answer from a file as the text a person would type."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(_as_text(v) for v in value)
    if value is None:
        return ""
    return str(value)


class Interview:
    """Asks questions on the terminal, or takes the answers from a file."""

    def __init__(self, answers: dict[str, Any] | None, source: str) -> None:
        self.answers = answers
        self.source = source
        self.asked: list[str] = []
        self.explained: dict[str, str] = {}

    def ask(self, question: Question) -> Any:
        """The answer to ``question``, read and checked."""
        self.asked.append(question.key)
        if question.key != "lots":  # the number of lots is no field of the profile
            self.explained.setdefault(_field_path(question.key), question.explain)
        if self.answers is not None:
            raw = self.answers.get(question.key, question.default)
            try:
                return question.parse(_as_text(raw))
            except ValueError as exc:
                raise click.ClickException(
                    f"{self.source}: answer {question.key!r}: {exc}"
                ) from None
        click.echo(click.style(f"  {question.explain}", dim=True))

        def proc(text: str) -> Any:
            try:
                return question.parse(text)
            except ValueError as exc:
                raise click.UsageError(str(exc)) from None

        return click.prompt(
            f"{question.prompt} [{question.key}]",
            default=question.default,
            show_default=bool(question.default),
            value_proc=proc,
        )

    def unused(self) -> list[str]:
        """Keys in the answers file that no question asked, with a hint for each."""
        if self.answers is None:
            return []
        return [
            f"{key!r}{_did_you_mean(key, self.asked)}"
            for key in self.answers
            if key not in self.asked
        ]


def _field_path(key: str) -> str:
    """The profile field a question's key fills (``lot2.quantity`` -> ``lots.quantity``)."""
    head, _, rest = key.partition(".")
    if head.startswith("lot") and head[3:].isdigit():
        return f"lots.{rest}"
    if head == "award":
        return f"procurement.{key}"
    return key
