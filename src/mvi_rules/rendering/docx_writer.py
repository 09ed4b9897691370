"""Producing the Word tender annex as bytes or as a file."""

from __future__ import annotations

from pathlib import Path

from .._atomic import check_writable_target, write_atomic
from .._docx_determinism import docx_bytes
from .._resources import rulesets_dir
from ..catalogue import Catalogue
from ..catalogue.figures import DeviceYearFigures, load_figures
from ..errors import MviRulesError, TemplateError
from ..selection.result import EvaluationResult
from .annex import build_annex, build_memo, build_part
from .docx_parts import DocumentObj
from .house_style import HouseStyle, load_house_style
from .outline import fill_contents
from .parts import tender_parts
from .templates import ClauseRenderer
from .wording import LANGUAGES


def resolve_language(result: EvaluationResult, lang: str | None) -> str:
    """The document language: ``lang`` when given, else the profile's ``output_language``."""
    chosen = lang or result.profile.output_language
    if chosen not in LANGUAGES:
        raise MviRulesError(f"unknown language {chosen!r}; use one of: {', '.join(LANGUAGES)}")
    return chosen


def templates_dir_of(result: EvaluationResult, source: Catalogue | str | Path) -> Path:
    """The clause templates directory of a catalogue, or ``source`` itself when it is a path.

    A catalogue must be the one the result was evaluated against: other templates could
    expect other parameters.
    """
    if isinstance(source, Catalogue):
        if source.fingerprint != result.catalogue_fingerprint:
            raise TemplateError(
                f"the result was evaluated against catalogue {result.catalogue_version}"
                f" ({result.catalogue_fingerprint}), not the given catalogue {source.version}"
                f" ({source.fingerprint}); evaluate again with this catalogue"
            )
        return source.templates_dir
    return Path(source)


#: A house-style template: its path, or one read and checked with :func:`load_house_style`.
ReferenceDocx = str | Path | HouseStyle


def _house(reference_docx: ReferenceDocx | None) -> HouseStyle | None:
    if reference_docx is None or isinstance(reference_docx, HouseStyle):
        return reference_docx
    return load_house_style(reference_docx)


def render_clauses(result: EvaluationResult, templates_dir: Path, lang: str) -> dict[str, str]:
    """Every selected criterion's clause text by id (all templates render before any output)."""
    renderer = ClauseRenderer(templates_dir, lang)
    return {c.id: renderer.render(c, result.profile) for c in result.selected}


def render_docx(
    result: EvaluationResult,
    templates: Catalogue | str | Path,
    lang: str | None = None,
    final: bool = False,
    reference_docx: ReferenceDocx | None = None,
) -> bytes:
    """The tender annex for ``result`` as .docx bytes.

    ``templates`` is the :class:`~mvi_rules.catalogue.Catalogue` the result was evaluated
    against, or a clause templates directory (``<dir>/nl/...j2``, ``<dir>/en/...j2``). ``lang``
    (``"nl"`` or ``"en"``) overrides the profile's ``output_language``. ``final`` gives the
    version that goes to market: no concept banner, instructions, points of attention,
    defaults to confirm, criteria left out or trace annex (:func:`render_memo` holds those).

    ``reference_docx`` is the buyer's house-style template (.docx or .dotx): the annex takes
    its styles (the heading, list and table styles among them), page set-up, headers and
    footers; without it the annex is A4 in Arial. Headings are numbered with Word numbering and
    a table of contents field follows the title either way.

    The lifetime chart takes its figures from the catalogue's rulesets (with a templates
    directory: the shipped rulesets). The same result (and template) always gives
    byte-identical output. Raises :class:`~mvi_rules.errors.TemplateError` when a clause
    template is missing, invalid or uses a variable that does not exist, and
    :class:`~mvi_rules.errors.ReferenceDocxError` when the house-style template cannot be read
    or lacks a style the annex uses (naming the style).
    """
    house = _house(reference_docx)
    language = resolve_language(result, lang)
    clauses = render_clauses(result, templates_dir_of(result, templates), language)
    figures = _figures(templates)
    return _bytes(build_annex(result, clauses, language, final=final, figures=figures, house=house))


def _figures(templates: Catalogue | str | Path) -> DeviceYearFigures | None:
    """The lifetime chart's figures: the catalogue's, or (a templates directory) the shipped."""
    return templates.figures if isinstance(templates, Catalogue) else load_figures(rulesets_dir())


def render_parts(
    result: EvaluationResult,
    templates: Catalogue | str | Path,
    lang: str | None = None,
    final: bool = False,
    reference_docx: ReferenceDocx | None = None,
) -> dict[str, bytes]:
    """The annex split by destination, as .docx bytes per part, keyed by the part's file-name
    suffix in the document language, in tender order.

    Dutch tenders get the Aanbestedingsleidraad (the Offerteaanvraag in a private procedure:
    selection and award), the Programma van Eisen (minimum requirements) and the
    Concept-overeenkomst (contract clauses and options); Belgian tenders the bestek's
    administrative and contractual provisions and its technical provisions. Each part stands
    on its own (title, lots, its sections); the part with the procurement details (the tender
    guide, the Belgian administrative provisions) has the lifetime chart after the lots. The
    legal adviser's material is in :func:`render_memo`. ``final`` and ``reference_docx`` as in
    :func:`render_docx`.
    """
    house = _house(reference_docx)
    language = resolve_language(result, lang)
    clauses = render_clauses(result, templates_dir_of(result, templates), language)
    figures = _figures(templates)
    return {
        part.slug[language]: _bytes(
            build_part(result, clauses, language, part, final=final, figures=figures, house=house)
        )
        for part in tender_parts(result)
    }


def part_paths(result: EvaluationResult, path: str | Path, lang: str | None = None) -> list[Path]:
    """The files :func:`write_parts` writes for ``path``: ``<stem>-<part>.docx`` per part."""
    target, language = Path(path), resolve_language(result, lang)
    return [
        target.with_name(f"{target.stem}-{part.slug[language]}.docx")
        for part in tender_parts(result)
    ]


def write_parts(
    result: EvaluationResult,
    catalogue: Catalogue | str | Path,
    path: str | Path,
    lang: str | None = None,
    force: bool = False,
    final: bool = False,
    reference_docx: ReferenceDocx | None = None,
) -> list[Path]:
    """Write :func:`render_parts` next to ``path`` (see :func:`part_paths`) and return the
    paths. Every part is rendered, and every target checked, before the first is written, so
    an error leaves no part behind; an existing file is never replaced unless ``force``.
    """
    targets = part_paths(result, path, lang)
    for target in targets:
        check_writable_target(target, force=force)
    parts = render_parts(result, catalogue, lang, final=final, reference_docx=reference_docx)
    for target, data in zip(targets, parts.values(), strict=True):
        write_atomic(target, data, force=force)
    return targets


def render_memo(
    result: EvaluationResult,
    lang: str | None = None,
    reference_docx: ReferenceDocx | None = None,
) -> bytes:
    """The memo for the legal adviser that goes with a final annex, as .docx bytes: decisions,
    points of attention, defaults to confirm, criteria left out and the trace per clause
    (``reference_docx`` as in :func:`render_docx`)."""
    house = _house(reference_docx)
    return _bytes(build_memo(result, resolve_language(result, lang), house=house))


def write_memo(
    result: EvaluationResult,
    path: str | Path,
    lang: str | None = None,
    force: bool = False,
    reference_docx: ReferenceDocx | None = None,
) -> Path:
    """Write :func:`render_memo` to ``path`` atomically and return the path (never over an
    existing file unless ``force``)."""
    target = Path(path)
    write_atomic(target, render_memo(result, lang, reference_docx), force=force)
    return target


def _bytes(document: DocumentObj) -> bytes:
    fill_contents(document)
    return docx_bytes(document)


def write_docx(
    result: EvaluationResult,
    catalogue: Catalogue | str | Path,
    path: str | Path,
    lang: str | None = None,
    force: bool = False,
    final: bool = False,
    reference_docx: ReferenceDocx | None = None,
) -> Path:
    """Write the tender annex to ``path`` atomically and return the path (``final`` and
    ``reference_docx``: see :func:`render_docx`).

    Raises :class:`~mvi_rules.errors.OutputExistsError` when ``path`` exists and ``force`` is
    false; the document is rendered first, so a template error never leaves a file behind.
    """
    target = Path(path)
    data = render_docx(result, catalogue, lang, final=final, reference_docx=reference_docx)
    write_atomic(target, data, force=force)
    return target
