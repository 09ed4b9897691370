"""Writing a procurement profile as YAML that a buyer can read: every field with its comment.

:func:`profile_yaml` is the inverse of :func:`~mvi_rules.profile.load_profile`: loading the text
gives an equal profile. Each field that the model documents gets its description as a comment
above it, so the file explains itself; fields that are not set (``None``) are left out.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Mapping
from enum import Enum
from typing import Any

from pydantic import BaseModel

from .model import ProcurementProfile

_WIDTH = 96
#: A string YAML reads back as the same string without quotes.
_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9_ .()/-]*[A-Za-z0-9)]$|^[A-Za-z]$")
#: Plain words that YAML 1.1 readers would take for booleans or null.
_RESERVED = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "none", "~"}


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _RESERVED and ": " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _comment(text: str | None, pad: str) -> list[str]:
    if not text:
        return []
    first = " ".join(text.split())
    return textwrap.wrap(
        first, _WIDTH - len(pad) - 2, initial_indent=f"{pad}# ", subsequent_indent=f"{pad}# "
    )


def _described(text: str | None, value: Any) -> str | None:
    # A buyer editing the file needs the valid choices next to a coded field.
    if not isinstance(value, Enum):
        return text
    choices = [str(member.value) for member in type(value)]
    if text and all(choice in text for choice in choices):
        return text
    listed = "One of: " + ", ".join(choices) + "."
    return f"{text.rstrip('.')}. {listed}" if text else listed


def _doc(model: type[BaseModel]) -> str:
    return (model.__doc__ or "").strip().split("\n\n")[0]


def _emit(
    model: BaseModel,
    pad: str,
    out: list[str],
    comments: bool,
    notes: Mapping[str, str],
    path: str = "",
) -> None:
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None:
            continue
        where = f"{path}{name}"
        if comments:
            out.extend(_comment(_described(field.description or notes.get(where), value), pad))
        if isinstance(value, BaseModel):
            if comments and not field.description:
                out.extend(_comment(_doc(type(value)), pad))
            out.append(f"{pad}{name}:")
            _emit(value, pad + "  ", out, comments, notes, f"{where}.")
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            out.append(f"{pad}{name}:")
            for index, item in enumerate(value):
                lines: list[str] = []
                _emit(item, pad + "    ", lines, comments and index == 0, notes, f"{where}.")
                first = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
                lines[first] = f"{pad}  - " + lines[first][len(pad) + 4 :]
                out.extend(lines)
        elif isinstance(value, list):
            items = ", ".join(_scalar(getattr(v, "value", v)) for v in value)
            out.append(f"{pad}{name}: [{items}]")
        elif isinstance(value, dict):
            _mapping(name, value, pad, out)
        else:
            out.append(f"{pad}{name}: {_scalar(getattr(value, 'value', value))}")


def _mapping(name: str, value: dict[str, Any], pad: str, out: list[str]) -> None:
    if not value:
        out.append(f"{pad}{name}: {{}}")
        return
    out.append(f"{pad}{name}:")
    for key, item in value.items():
        if isinstance(item, dict):
            _mapping(_scalar(key), item, pad + "  ", out)
        else:
            out.append(f"{pad}  {_scalar(key)}: {_scalar(item)}")


def profile_yaml(
    profile: ProcurementProfile,
    header: str | None = None,
    comments: bool = True,
    notes: Mapping[str, str] | None = None,
) -> str:
    """``profile`` as YAML text with a comment above every documented field.

    ``header`` (several lines allowed) opens the file as a comment. ``notes`` maps a field path
    (``buyer.authority_type``, ``lots.product_group``) to a comment for a field the model does
    not describe. The text loads back, with :func:`~mvi_rules.profile.load_profile`, to a
    profile equal to ``profile``.
    """
    out: list[str] = []
    for line in (header or "").splitlines():
        out.append(f"# {line}".rstrip())
    _emit(profile, "", out, comments, notes or {})
    return "\n".join(out) + "\n"
