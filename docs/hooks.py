"""MkDocs hooks: pages generated from the repository, so the site cannot drift from it.

- ``profile.md``: the procurement profile reference, generated from the pydantic models
  (every field, its type, allowed values, default and description). A field without a
  description is a warning, which ``mkdocs build --strict`` turns into a failed build.
- ``rulesets.md``, ``change-checker.md``, ``changelog.md``: taken from ``rulesets/README.md``,
  the README's section on ``mvi-rules change`` and ``CHANGELOG.md``.
"""

from __future__ import annotations

import datetime
import logging
import types
import typing
from enum import Enum
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from mvi_rules.profile.model import ProcurementProfile

log = logging.getLogger("mkdocs.plugins.mvi_rules")
REPO = Path(__file__).resolve().parent.parent


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    pages = {
        "profile.md": profile_reference(),
        "rulesets.md": (REPO / "rulesets" / "README.md").read_text(encoding="utf-8"),
        "change-checker.md": _section(readme, "## Checking a change to a running contract"),
        "changelog.md": (REPO / "CHANGELOG.md").read_text(encoding="utf-8"),
    }
    for name, content in pages.items():
        files.append(File.generated(config, name, content=content))
    return files


def on_page_content(html: str, page: Page, **_: Any) -> str:
    """Fail the (strict) build when the CLI reference misses a command."""
    if page.file.src_uri == "cli.md":
        from mvi_rules.cli import main

        for name in sorted(main.commands):
            if f'id="mvi-rules-{name}"' not in html:
                log.warning("the command-line reference has no section for %r", name)
    return html


def _section(markdown: str, heading: str) -> str:
    """One level-2 section of a Markdown text, promoted to the page title."""
    start = markdown.index(heading)
    end = markdown.find("\n## ", start + len(heading))
    body = markdown[start : end if end != -1 else None]
    return "#" + body[2:].replace("\n### ", "\n## ")


# --- the profile reference -----------------------------------------------------------------------

_SCALARS = {
    str: "text",
    int: "whole number",
    float: "number",
    bool: "`true` or `false`",
    datetime.date: "date (`YYYY-MM-DD`)",
}


def profile_reference() -> str:
    """The profile reference page, one section per part of the profile."""
    out = [
        "# Procurement profile reference",
        "",
        "A procurement profile is a YAML or JSON file that describes one procurement. This",
        "page is generated from the profile's models in `mvi_rules.profile.model`, so it lists",
        "exactly the fields mvi-rules accepts. Unknown fields are errors. Examples are in the",
        "repository's `examples/` folder.",
        "",
    ]
    seen: set[type[BaseModel]] = set()
    queue: list[tuple[str, type[BaseModel]]] = [("profile", ProcurementProfile)]
    while queue:
        path, model = queue.pop(0)
        if model in seen:
            continue
        seen.add(model)
        out += [f"## `{path}`", "", _doc(model), ""]
        out += ["| field | value | default | meaning |", "|---|---|---|---|"]
        for name, field in model.model_fields.items():
            field_path = name if path == "profile" else f"{path}.{name}"
            if not field.description:
                log.warning("profile field %s has no description for the reference", field_path)
            nested = _models(field.annotation)
            for sub in nested:
                sub_path = f"{field_path}[]" if _is_list(field.annotation) else field_path
                queue.append((sub_path, sub))
            meaning = (field.description or "").replace("|", "\\|").replace("\n", " ")
            out.append(
                f"| `{name}` | {_kind(field.annotation, field)} | {_default(field)} | {meaning} |"
            )
        out.append("")
    return "\n".join(out)


def _doc(model: type[BaseModel]) -> str:
    text = (model.__doc__ or "").strip()
    return "\n".join(line.strip() for line in text.splitlines())


def _is_list(annotation: Any) -> bool:
    return typing.get_origin(annotation) is list


def _models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


def _kind(annotation: Any, field: FieldInfo | None = None) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        kinds = [_kind(a) for a in args if a is not type(None)]
        return " or ".join(kinds) + (" (optional)" if type(None) in args else "")
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if origin is list:
        return "list of " + _kind(args[0])
    if origin is dict:
        return f"mapping of {_kind(args[0])} to {_kind(args[1])}"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "one of " + ", ".join(f"`{m.value}`" for m in annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "see below"
    kind = _SCALARS.get(annotation, str(annotation))
    bounds = _bounds(field) if field is not None else ""
    return kind + bounds


def _bounds(field: FieldInfo) -> str:
    parts = []
    for item in field.metadata:
        for attr, sign in (("ge", "≥"), ("gt", ">"), ("le", "≤"), ("lt", "<")):
            value = getattr(item, attr, None)
            if value is not None:
                parts.append(f"{sign} {value}")
    return f" ({', '.join(parts)})" if parts else ""


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "required"
    factory = field.default_factory
    value = factory() if factory is not None else field.default  # type: ignore[call-arg]
    if value is PydanticUndefined or value is None:
        return "none"
    if isinstance(value, BaseModel):
        return "see below"
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        value = str(value).lower()
    return f"`{value}`" if value not in ([], {}) else f"`{value}` (empty)"
