"""Turn pydantic validation errors into :class:`~mvi_rules.errors.Problem` entries with lines."""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from ._yaml import Located, load_located, plain
from .errors import InputError, Problem

M = TypeVar("M", bound=BaseModel)

_VALID_HINTS = {
    "extra_forbidden": "unknown field (check the spelling; unknown fields are not allowed)",
    "missing": "required field is missing",
}


def with_lines(problems: list[Problem], source: str, error_cls: type[InputError]) -> list[Problem]:
    """``problems`` with the line of their field (``lots[0].quantity``), when ``source`` is a
    file that can still be read; unchanged otherwise."""
    path = Path(source)
    try:
        located = load_located(path, error_cls) if path.is_file() else None
    except error_cls:
        located = None  # changed since it was loaded: report without lines
    if located is None:
        return problems
    out = []
    for p in problems:
        loc = tuple(int(k) if k.isdigit() else k for k in re.split(r"[.\[\]]+", p.field) if k)
        out.append(replace(p, line=located.line_of(loc) or p.line))
    return out


def field_path(loc: tuple[str | int, ...]) -> str:
    """Render a pydantic location as ``lots[0].quantity``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The pydantic model that validates the value at ``loc`` (for listing its valid fields)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    # list[Lot] -> Lot, Lot | None -> Lot; dicts of models are not walked into.
    for arg in get_args(annotation):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return annotation


def _expected(err: Any) -> str:
    # pydantic words the choices "'a', 'b' or 'c'"; normalise to a comma list.
    expected = str((err.get("ctx") or {}).get("expected", ""))
    return expected.replace(" or ", ", ")


def _did_you_mean(word: str, choices: list[str]) -> str:
    """``; did you mean 'x'?`` for a near miss among ``choices``, else nothing."""
    close = difflib.get_close_matches(word.lower(), [c.lower() for c in choices], n=1, cutoff=0.6)
    if not close:
        return ""
    match = next(c for c in choices if c.lower() == close[0])
    return f"; did you mean {match!r}?"


def problems_from(
    exc: ValidationError,
    located: Located,
    prefix: tuple[str | int, ...] = (),
    model: type[BaseModel] | None = None,
) -> list[Problem]:
    """One problem per pydantic error, with the file line of the offending value."""
    problems = []
    for err in exc.errors(include_url=False):
        # Tagged unions and model validators add non-key steps to the location; drop them.
        loc = tuple(
            p for p in err["loc"] if isinstance(p, int) or not str(p).startswith("function-")
        )
        full = prefix + loc
        message = _VALID_HINTS.get(err["type"], err["msg"])
        if err["type"] == "extra_forbidden" and model is not None:
            parent = _model_at(model, loc[:-1])
            if parent is not None:
                hint = _did_you_mean(str(loc[-1]) if loc else "", list(parent.model_fields))
                message += hint + (" Valid" if hint else "; valid") + " fields here: "
                message += ", ".join(parent.model_fields)
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        if (
            err["type"] not in ("missing",)
            and "input" in err
            and not isinstance(err["input"], (dict, list))
        ):
            message += f" (got {err['input']!r})"
            if err["type"] == "enum" and isinstance(err["input"], str):
                choices = [c.strip(" '") for c in _expected(err).split(",")]
                message += _did_you_mean(err["input"], choices)
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
        raise error_cls(problems_from(exc, located, model=model)) from None
