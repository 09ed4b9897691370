"""Rendering clause templates in a sandboxed Jinja environment.

A clause template is written by a ruleset author, so it runs in Jinja's immutable sandbox, and
every variable it uses must exist: a missing one is a :class:`~mvi_rules.errors.TemplateError`
naming the template, the criterion and the variable, never a blank in a tender. Values from the
profile are data, never template source, so ``{{`` in a buyer's name is printed as it is.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..catalogue.load import TEMPLATE_SUFFIX
from ..errors import TemplateError
from ..profile.model import ProcurementProfile
from ..selection.result import SelectedCriterion
from .context import template_context
from .formatting import format_date, format_money, format_number, format_plain


class _Undefined(StrictUndefined):
    """StrictUndefined whose message names the variable as the template spells it."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        name = self._undefined_name
        if self._undefined_obj is jinja2.utils.missing:
            return f"undefined variable {name!r}"
        owner = getattr(type(self._undefined_obj), "var_name", None)
        if owner is not None:
            known = _known_names(self._undefined_obj)
            hint = f" (known: {', '.join(known)})" if known else ""
            return f"undefined variable '{owner}.{name}'{hint}"
        return super()._undefined_message


def _known_names(obj: object) -> list[str]:
    if isinstance(obj, dict):
        return sorted(str(k) for k in obj)
    fields = getattr(obj, "__dataclass_fields__", None)
    return sorted(fields) if fields else []


class _EmptyValue(Exception):
    """A template printed ``None``: a value the profile does not give."""


def _finalize_for(lang: str) -> Any:
    def finalize(value: object) -> object:
        if value is None:
            raise _EmptyValue("the template prints a value that is not set (None)")
        return format_plain(value, lang)

    return finalize


def _number_filter(lang: str) -> Any:
    def number(value: object, decimals: int | None = None) -> str:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"the number filter needs a number, got {value!r}")
        return format_number(value, lang, decimals)

    return number


def _money_filter(lang: str) -> Any:
    def money(value: object) -> str:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"the money filter needs a number, got {value!r}")
        return format_money(value, lang)

    return money


def _date_filter(lang: str) -> Any:
    def date_filter(value: object) -> str:
        if not isinstance(value, date):
            raise TypeError(f"the date filter needs a date, got {value!r}")
        return format_date(value, lang)

    return date_filter


#: ``{% include "<name>.j2" %}`` in a clause template: a piece of clause text shared by several
#: clauses (``_shared/scale.j2``, the award scale), part of the text of each that includes it.
INCLUDE_TAG = re.compile(r"""\{%-?\s*include\s+["']([^"']+)\.j2["']\s*-?%\}""")


def included_templates(lang_dir: Path, text: str) -> dict[str, str]:
    """The templates ``text`` includes, directly or through another, by name without ``.j2``
    (``_shared/scale``), with their texts; one that cannot be read is left out (rendering
    reports it)."""
    found: dict[str, str] = {}
    todo = INCLUDE_TAG.findall(text)
    while todo:
        name = todo.pop(0)
        if name in found:
            continue
        try:
            found[name] = (lang_dir / f"{name}.j2").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        todo += INCLUDE_TAG.findall(found[name])
    return found


#: Most characters one clause may render to; a runaway template stops here.
MAX_CLAUSE_CHARS = 200_000
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def make_environment(templates_dir: Path, lang: str) -> ImmutableSandboxedEnvironment:
    """The sandboxed Jinja environment for clause templates in ``templates_dir/lang``.

    Filters: ``number`` (``1.000.000`` / ``1,000,000``; ``number(2)`` fixes the decimals),
    ``money`` (``€ 1.000,00`` / ``€1,000.00``) and ``date`` (``1 januari 2026``). A bare
    ``{{ value }}`` writes numbers in the language's notation and booleans as words.
    """
    lang_dir = Path(templates_dir) / lang
    if not lang_dir.is_dir():
        raise TemplateError(f"no clause templates for language {lang!r}: {lang_dir} not found")
    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(str(lang_dir), encoding="utf-8"),
        undefined=_Undefined,
        autoescape=False,
        keep_trailing_newline=True,
        # Block tags on their own line leave no empty line behind.
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize_for(lang),
    )
    env.filters["number"] = _number_filter(lang)
    env.filters["money"] = _money_filter(lang)
    env.filters["date"] = _date_filter(lang)
    return env


@lru_cache(maxsize=16)
def _shared_environment(
    templates_dir: Path, lang: str, _files: tuple[tuple[str, int, int], ...]
) -> ImmutableSandboxedEnvironment:
    # Compiling the templates is about a third of a render; one environment per directory and
    # language keeps them compiled across documents, and its template cache is safe to share
    # between threads. ``_files`` (name, size, mtime) is part of the key so that an edited
    # template gets a fresh environment even where file times are coarse.
    return make_environment(templates_dir, lang)


def _file_stamps(lang_dir: Path) -> tuple[tuple[str, int, int], ...]:
    stamps = []
    for path in sorted(lang_dir.rglob("*.j2")):
        stat = path.stat()
        stamps.append((str(path.relative_to(lang_dir)), stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)


class ClauseRenderer:
    """Renders clause texts for one templates directory and language.

    Renderers of the same directory and language share one environment, so each template is
    compiled once per process (and again only when its file changes).
    """

    def __init__(self, templates_dir: Path, lang: str) -> None:
        self.templates_dir = Path(templates_dir)
        self.lang = lang
        directory = self.templates_dir.resolve()
        lang_dir = directory / lang
        stamps = _file_stamps(lang_dir) if lang_dir.is_dir() else ()
        self._env = _shared_environment(directory, lang, stamps)

    def render(self, criterion: SelectedCriterion, profile: ProcurementProfile) -> str:
        """The clause text of ``criterion`` for ``profile`` (plain text, see :mod:`.text`).

        Raises :class:`~mvi_rules.errors.TemplateError` naming the template file, the
        criterion id and, for a missing variable, the variable.
        """
        name = criterion.template + TEMPLATE_SUFFIX
        where = f"{self.lang}/{name}"
        try:
            template = self._env.get_template(name)
        except jinja2.TemplateNotFound:
            raise TemplateError(
                f"{criterion.id}: clause template {where} not found in {self.templates_dir}"
            ) from None
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"{criterion.id}: syntax error in clause template {where}, line {exc.lineno}:"
                f" {exc.message}"
            ) from None
        except (UnicodeDecodeError, OSError) as exc:
            raise TemplateError(
                f"{criterion.id}: cannot read clause template {where} in {self.templates_dir}: "
                f"{exc}"
            ) from None
        filename = template.filename or where
        try:
            # Streamed, so that a template looping without end stops at the size bound.
            size = 0
            parts: list[str] = []
            for part in template.generate(template_context(criterion, profile, self.lang)):
                size += len(part)
                if size > MAX_CLAUSE_CHARS:
                    raise TemplateError(
                        f"{criterion.id}: clause template {where} ({filename}) writes more "
                        f"than {MAX_CLAUSE_CHARS} characters; a clause is far shorter"
                    )
                parts.append(part)
            text = "".join(parts)
        except TemplateError:
            raise
        except Exception as exc:  # a template is authored input: any failure is its error
            line = _template_line(exc.__traceback__, filename)
            at = f"{where}, line {line}" if line else where
            raise TemplateError(
                f"{criterion.id}: clause template {at} ({filename}): {exc}"
            ) from None
        bad = _XML_ILLEGAL.search(text)
        if bad is not None:
            raise TemplateError(
                f"{criterion.id}: clause template {where} ({filename}) writes the control "
                f"character U+{ord(bad.group()):04X}, which a Word document cannot hold"
            )
        return text


def _template_line(tb: TracebackType | None, filename: str) -> int | None:
    """The template line an error happened on (Jinja maps its frames to template lines)."""
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def render_clause(
    criterion: SelectedCriterion,
    profile: ProcurementProfile,
    templates_dir: str | Path,
    lang: str | None = None,
) -> str:
    """Render one criterion's clause template to plain text.

    ``lang`` defaults to the profile's ``output_language``. The text uses blank lines between
    paragraphs and ``- `` at the start of a bullet item. For many clauses, a
    :class:`ClauseRenderer` reuses the compiled templates.
    """
    return ClauseRenderer(Path(templates_dir), lang or profile.output_language).render(
        criterion, profile
    )
