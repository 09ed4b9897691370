"""Turn pydantic validation errors into :class:`~mvi_rules.errors.Problem` entries with lines."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ._yaml import Located, plain
from .errors import InputError, Problem

M = TypeVar("M", bound=BaseModel)

_VALID_HINTS = {
    "extra_forbidden": "unknown field (check the spelling; unknown fields are not allowed)",
    "missing": "required field is missing",
}


def field_path(loc: tuple[str | int, ...]) -> str:
    """Render a pydantic location as ``lots[0].quantity``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def problems_from(
    exc: ValidationError, located: Located, prefix: tuple[str | int, ...] = ()
) -> list[Problem]:
    """One problem per pydantic error, with the file line of the offending value."""
    problems = []
    for err in exc.errors(include_url=False):
        # Tagged unions and model validators add non-key steps to the location; drop them.
        loc = tuple(p for p in err["loc"] if isinstance(p, int) or not str(p).startswith("function-"))
        full = prefix + loc
        message = _VALID_HINTS.get(err["type"], err["msg"])
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        if err["type"] not in ("missing",) and "input" in err and not isinstance(
            err["input"], (dict, list)
        ):
            message += f" (got {err['input']!r})"
        problems.append(
            Problem(str(located.path), field_path(full), message, located.line_of(full))
        )
    return problems


def validate_located(
    model: type[M],
    located: Located,
    error_cls: type[InputError],
    context: dict[str, Any] | None = None,
) -> M:
    """Validate a parsed file against ``model``; raise ``error_cls`` listing every problem."""
    if not isinstance(located.data, dict):
        raise error_cls(
            [Problem(str(located.path), "", "expected a mapping of fields at the top level", 1)]
        )
    try:
        return model.model_validate(plain(located.data), context=context)
    except ValidationError as exc:
        raise error_cls(problems_from(exc, located)) from None
