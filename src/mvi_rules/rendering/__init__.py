"""Rendering an evaluation result: clause templates, the Word tender annex, and JSON.

Public API:

- :func:`render_docx` / :func:`write_docx` — the tender annex (.docx) in Dutch or English,
  deterministic (same result, same bytes) and written atomically; ``final=True`` for the
  version that goes to market, with :func:`render_memo` / :func:`write_memo` for the legal
  adviser's memo that holds what the final version leaves out.
- :func:`render_parts` / :func:`write_parts` — the annex split by destination (tender guide,
  Programma van Eisen, agreement; Belgian bestek parts), one document per part.
- :func:`load_house_style` — a buyer's house-style template (``reference_docx=`` of the
  functions above), checked for the styles the documents use.
- :func:`render_clause`, :class:`ClauseRenderer`, :func:`template_context` — one criterion's
  clause text from its template, and what a template sees (for ruleset authors and tests).
- :func:`render_json` / :func:`write_json` — the result as stable, sorted JSON.

Clause templates are Jinja2 files under ``<templates>/<lang>/<template>.j2``, rendered in a
sandbox where an undefined variable is an error. They see ``p`` (parameters), ``buyer`` (its
``term`` is the defined term a clause uses for the buyer, never its ``name``),
``procurement``, ``lots`` (the lots the criterion applies to), ``jurisdiction``, ``lang`` and
``criterion``, and have the filters ``number``, ``money`` and ``date``. Their text is plain:
a blank line separates paragraphs and a line starting with ``- `` is a bullet item.
"""

from __future__ import annotations

from .context import template_context
from .docx_writer import (
    render_docx,
    render_memo,
    render_parts,
    write_docx,
    write_memo,
    write_parts,
)
from .house_style import HouseStyle, load_house_style
from .json_writer import render_json, write_json
from .templates import ClauseRenderer, render_clause

__all__ = [
    "ClauseRenderer",
    "HouseStyle",
    "load_house_style",
    "render_clause",
    "render_docx",
    "render_json",
    "render_memo",
    "render_parts",
    "template_context",
    "write_docx",
    "write_json",
    "write_memo",
    "write_parts",
]
