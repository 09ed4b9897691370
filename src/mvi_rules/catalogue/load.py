"""Loading the criteria catalogue: every ruleset file, the label registry and the thresholds.

The loader reports every problem it finds, across all files, with file, field path and line:
schema errors, duplicate ids, conditions that do not parse, unknown labels and missing clause
templates.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .._resources import rulesets_dir, templates_dir
from .._validation import field_path
from ..errors import CatalogueError, Problem
from . import cache
from ._checks import (
    check_attachments,
    check_conflict_references,
    check_legal_basis,
    check_references,
    check_replacements,
    check_value_rules,
    parse_mandatory,
    parse_when,
)
from ._reading import load_labels, load_model, read, validate
from .citations import SOURCES_FILE, cite
from .entries import Catalogue, Entry, full_condition, product_group_test
from .figures import load_figures
from .files import (
    ASPECTS_FILE,
    ISV_FILE,
    LEGAL_BASES_FILE,
    META_FILE,
    REGISTRY_FILES,
    RETIRED_FILE,
    TEMPLATE_SUFFIX,
    THRESHOLDS_FILE,
    is_topic_file,
)
from .isv import IsvRegistry
from .model import (
    AspectRegistry,
    CatalogueMeta,
    LabelRegistry,
    LegalBasisRegistry,
    RetiredRegistry,
    RulesetFile,
    SourceRegistry,
)
from .thresholds import ThresholdTable

# The loaded catalogue and the rulesets' file names were defined here before they had modules
# of their own; the names stay importable from here.
__all__ = [
    "REGISTRY_FILES",
    "RETIRED_FILE",
    "TEMPLATE_SUFFIX",
    "Catalogue",
    "Entry",
    "full_condition",
    "load_catalogue",
    "load_thresholds",
    "product_group_test",
]


def load_catalogue(
    rulesets: str | Path | None = None, templates: str | Path | None = None
) -> Catalogue:
    """Load and check the catalogue; by default the rulesets and templates shipped with mvi-rules.

    A catalogue whose files have not changed since it was last loaded in this process is
    returned from a cache (it is immutable, so callers may share it); an edited file is always
    read again. Raises :class:`~mvi_rules.errors.CatalogueError` listing every problem found.
    """
    rules_dir = Path(rulesets) if rulesets is not None else rulesets_dir()
    tmpl_dir = Path(templates) if templates is not None else templates_dir()
    if not rules_dir.is_dir():
        raise CatalogueError.single(rules_dir, "", "rulesets directory not found")
    if not tmpl_dir.is_dir():
        raise CatalogueError.single(tmpl_dir, "", "clause templates directory not found")
    try:
        key = cache.content_key(rules_dir, tmpl_dir)
    except OSError:
        key = None  # unreadable now: the loader below reports it with the file's name
    catalogue = cache.cached(key) if key is not None else None
    if catalogue is None:
        catalogue = _load(rules_dir, tmpl_dir)
        if key is not None:
            cache.remember(key, catalogue)
    return catalogue


def _load(rules_dir: Path, tmpl_dir: Path) -> Catalogue:
    problems: list[Problem] = []

    digest = hashlib.sha256()
    meta = load_model(rules_dir / META_FILE, CatalogueMeta, problems, digest)
    sources = load_model(rules_dir / SOURCES_FILE, SourceRegistry, problems, digest)
    labels = load_labels(rules_dir, problems, digest, sources)
    thresholds = load_model(rules_dir / THRESHOLDS_FILE, ThresholdTable, problems, digest, sources)
    isv = load_model(rules_dir / ISV_FILE, IsvRegistry, problems, digest, sources)
    aspects = load_model(rules_dir / ASPECTS_FILE, AspectRegistry, problems, digest, sources)
    legal_bases = load_model(
        rules_dir / LEGAL_BASES_FILE, LegalBasisRegistry, problems, digest, sources
    )
    retired_file = read(rules_dir / RETIRED_FILE, problems, digest, sources)
    retired = None if retired_file is None else validate(retired_file, RetiredRegistry, problems)

    entries: list[Entry] = []
    seen: dict[str, str] = {}
    topic_files = sorted(p for p in rules_dir.glob("*.yaml") if is_topic_file(p))
    if not topic_files:
        problems.append(Problem(str(rules_dir), "", "no ruleset files (*.yaml) found"))
    for path in topic_files:
        located = read(path, problems, digest, sources)
        if located is None:
            continue
        ruleset = validate(located, RulesetFile, problems)
        if ruleset is None:
            continue
        for index, criterion in enumerate(ruleset.criteria):
            loc: tuple[str | int, ...] = ("criteria", index)
            line = located.line_of(loc)
            where = f"{path.name}:{line}"
            if criterion.id in seen:
                problems.append(
                    Problem(
                        str(path),
                        field_path((*loc, "id")),
                        f"id {criterion.id} is already used in {seen[criterion.id]}",
                        located.line_of((*loc, "id")),
                    )
                )
                continue
            seen[criterion.id] = where
            gone = retired.get(criterion.id) if retired is not None else None
            if gone is not None:
                problems.append(
                    Problem(
                        str(path),
                        field_path((*loc, "id")),
                        f"id {criterion.id} was retired in catalogue {gone.retired_in}"
                        f" ({gone.title.en}; see {RETIRED_FILE}); an id is never reused:"
                        " give this criterion a new id",
                        located.line_of((*loc, "id")),
                    )
                )
                continue
            when = parse_when(criterion, located, loc, problems)
            mandatory = parse_mandatory(criterion, located, loc, problems)
            check_references(criterion, labels, tmpl_dir, located, loc, problems)
            check_value_rules(criterion, when, aspects, located, loc, problems)
            if sources is not None:
                check_attachments(criterion, sources, located, loc, problems)
                criterion = criterion.model_copy(
                    update={"sources": cite(criterion.sources, sources)}
                )
            if legal_bases is not None and check_legal_basis(
                criterion, legal_bases, located, loc, problems
            ):
                criterion = criterion.model_copy(
                    update={
                        "legal_basis": legal_bases.resolve(criterion.type, criterion.legal_basis)
                    }
                )
            if when is not None:
                entries.append(
                    Entry(
                        criterion,
                        ruleset.topic,
                        path,
                        line,
                        full_condition(criterion, when),
                        mandatory,
                    )
                )
    # Template files are part of what a catalogue version means.
    for tmpl in sorted(tmpl_dir.rglob("*" + TEMPLATE_SUFFIX)):
        digest.update(tmpl.relative_to(tmpl_dir).as_posix().encode())
        digest.update(tmpl.read_bytes())

    check_conflict_references(entries, problems)
    if retired is not None and retired_file is not None:
        check_replacements(retired, retired_file, {e.criterion.id for e in entries}, problems)
    if (
        problems
        or meta is None
        or sources is None
        or labels is None
        or thresholds is None
        or isv is None
        or aspects is None
        or legal_bases is None
        or retired is None
    ):
        raise CatalogueError(problems)
    entries.sort(key=lambda e: e.criterion.id)
    figures = load_figures(rules_dir, sources)
    return Catalogue(
        meta=meta,
        labels=LabelRegistry(
            labels={
                k: v.model_copy(update={"sources": cite(v.sources, sources)})
                for k, v in labels.labels.items()
            }
        ),
        sources=sources,
        thresholds=thresholds,
        isv=isv,
        aspects=aspects,
        legal_bases=LegalBasisRegistry(
            legal_bases={
                t: v.model_copy(update={"sources": cite(v.sources, sources)})
                for t, v in legal_bases.legal_bases.items()
            }
        ),
        retired=retired,
        entries=tuple(entries),
        rulesets_dir=rules_dir,
        templates_dir=tmpl_dir,
        fingerprint=digest.hexdigest()[:16],
        figures=figures,
    )


def load_thresholds(rulesets: str | Path | None = None) -> ThresholdTable:
    """Load only the dated EU threshold table (``rulesets/thresholds.yaml``)."""
    rules_dir = Path(rulesets) if rulesets is not None else rulesets_dir()
    problems: list[Problem] = []
    table = load_model(rules_dir / THRESHOLDS_FILE, ThresholdTable, problems, hashlib.sha256())
    if table is None:
        raise CatalogueError(problems)
    return table
