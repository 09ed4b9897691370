"""Loading the criteria catalogue: every ruleset file, the label registry and the thresholds.

The loader reports every problem it finds, across all files, with file, field path and line:
schema errors, duplicate ids, conditions that do not parse, unknown labels and missing clause
templates.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .._cyaml import load_fast
from .._located import Located
from .._resources import rulesets_dir, templates_dir
from .._validation import field_path, problems_from
from ..conditions import All, Any, ConditionSyntaxError, Node, Op, Test, fields_of, parse_condition
from ..errors import CatalogueError, InputError, Problem
from . import cache
from .citations import SOURCES_FILE, check_citations, cite
from .isv import IsvRegistry
from .model import (
    AspectRegistry,
    CatalogueMeta,
    Criterion,
    Label,
    LabelRegistry,
    LegalBasisRegistry,
    RetiredRegistry,
    RulesetFile,
    SourceRegistry,
)
from .thresholds import ThresholdTable

#: Files in ``rulesets/`` that are not topic files.
META_FILE, LABELS_FILE, THRESHOLDS_FILE = "catalogue.yaml", "labels.yaml", "thresholds.yaml"
ISV_FILE, ASPECTS_FILE = "isv.yaml", "aspects.yaml"
#: The default legal basis per criterion type and jurisdiction (README section 7).
LEGAL_BASES_FILE = "legal_bases.yaml"
#: Criterion ids that left the catalogue and may never be used again.
RETIRED_FILE = "retired.yaml"
REGISTRY_FILES = (
    META_FILE,
    LABELS_FILE,
    THRESHOLDS_FILE,
    ISV_FILE,
    ASPECTS_FILE,
    SOURCES_FILE,
    LEGAL_BASES_FILE,
    RETIRED_FILE,
)
#: Condition fields that depend on the value including options; a criterion that adds to the
#: value cannot test them, or the estimate would depend on itself.
VALUE_FIELDS = frozenset({"procurement.above_eu_threshold", "procurement.total_value_eur"})
#: Further label registry files (``labels_<group>.yaml``), merged with ``labels.yaml``.
EXTRA_LABELS_GLOB = "labels_*.yaml"


def _is_topic_file(path: Path) -> bool:
    return path.name not in REGISTRY_FILES and not path.match(EXTRA_LABELS_GLOB)


LANGUAGES = ("nl", "en")
TEMPLATE_SUFFIX = ".j2"

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Entry:
    """A criterion as loaded: its definition, where it stands, and its full condition."""

    criterion: Criterion
    topic: str
    file: Path
    line: int | None
    #: Product group, ambition level and the ruleset's ``when``, as one tree.
    condition: Node
    #: When the law makes the criterion mandatory (``mandatory.when``); ``None``: never.
    mandatory: Node | None = None

    @property
    def groups_condition(self) -> Node:
        """Only the product-group part of the condition: where a buyer may include it."""
        return product_group_test(self.criterion)


@dataclass(frozen=True)
class Catalogue:
    """The loaded criteria catalogue."""

    meta: CatalogueMeta
    labels: LabelRegistry
    #: Every published document the catalogue cites (``rulesets/sources.yaml``).
    sources: SourceRegistry
    thresholds: ThresholdTable
    isv: IsvRegistry
    aspects: AspectRegistry
    #: The default legal basis per criterion type (``rulesets/legal_bases.yaml``); every
    #: criterion's ``legal_basis`` is already resolved against it.
    legal_bases: LegalBasisRegistry
    #: Retired criterion ids (``rulesets/retired.yaml``); none of them is in ``entries``.
    retired: RetiredRegistry
    entries: tuple[Entry, ...]
    rulesets_dir: Path
    templates_dir: Path
    #: Hash of every ruleset file's bytes; equal catalogues compile to equal engine rulesets.
    fingerprint: str
    _by_id: dict[str, Entry] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({e.criterion.id: e for e in self.entries})

    @property
    def version(self) -> str:
        """The ruleset version, e.g. ``2026.1.0``."""
        return self.meta.version

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, criterion_id: str) -> Entry | None:
        """The entry with ``criterion_id``, or ``None``."""
        return self._by_id.get(criterion_id)

    def template_path(self, template: str, lang: str) -> Path:
        """Path of a clause template for a language."""
        return self.templates_dir / lang / (template + TEMPLATE_SUFFIX)


def product_group_test(criterion: Criterion) -> Node:
    """The test that a lot buys one of the criterion's product groups."""
    return Test(
        "lot.product_groups", Op.INCLUDES_ANY, tuple(g.value for g in criterion.product_groups)
    )


def full_condition(criterion: Criterion, when: Node) -> Node:
    """The complete applicability condition: product group, ambition level, then ``when``."""
    groups = product_group_test(criterion)
    level = Any(
        tuple(Test(f"ambition.{t.value}", Op.AT_LEAST, criterion.level) for t in criterion.themes)
    )
    parts: list[Node] = [groups, level]
    if not (isinstance(when, All) and not when.items):
        parts.append(when)
    return All(tuple(parts))


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
    meta = _load_model(rules_dir / META_FILE, CatalogueMeta, problems, digest)
    sources = _load_model(rules_dir / SOURCES_FILE, SourceRegistry, problems, digest)
    labels = _load_labels(rules_dir, problems, digest, sources)
    thresholds = _load_model(rules_dir / THRESHOLDS_FILE, ThresholdTable, problems, digest, sources)
    isv = _load_model(rules_dir / ISV_FILE, IsvRegistry, problems, digest, sources)
    aspects = _load_model(rules_dir / ASPECTS_FILE, AspectRegistry, problems, digest, sources)
    legal_bases = _load_model(
        rules_dir / LEGAL_BASES_FILE, LegalBasisRegistry, problems, digest, sources
    )
    retired_file = _read(rules_dir / RETIRED_FILE, problems, digest, sources)
    retired = None if retired_file is None else _validate(retired_file, RetiredRegistry, problems)

    entries: list[Entry] = []
    seen: dict[str, str] = {}
    topic_files = sorted(p for p in rules_dir.glob("*.yaml") if _is_topic_file(p))
    if not topic_files:
        problems.append(Problem(str(rules_dir), "", "no ruleset files (*.yaml) found"))
    for path in topic_files:
        located = _read(path, problems, digest, sources)
        if located is None:
            continue
        ruleset = _validate(located, RulesetFile, problems)
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
            when = _parse_when(criterion, located, loc, problems)
            mandatory = _parse_mandatory(criterion, located, loc, problems)
            _check_references(criterion, labels, tmpl_dir, located, loc, problems)
            _check_value_rules(criterion, when, aspects, located, loc, problems)
            if sources is not None:
                _check_attachments(criterion, sources, located, loc, problems)
                criterion = criterion.model_copy(
                    update={"sources": cite(criterion.sources, sources)}
                )
            if legal_bases is not None and _check_legal_basis(
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

    _check_conflict_references(entries, problems)
    if retired is not None and retired_file is not None:
        _check_replacements(retired, retired_file, {e.criterion.id for e in entries}, problems)
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
    )


def _load_labels(
    rules_dir: Path,
    problems: list[Problem],
    digest: hashlib._Hash,
    sources: SourceRegistry | None = None,
) -> LabelRegistry | None:
    """``labels.yaml`` plus every ``labels_*.yaml``; a key defined twice is an error."""
    merged: dict[str, Label] = {}
    origin: dict[str, str] = {}
    complete = True
    for path in [rules_dir / LABELS_FILE, *sorted(rules_dir.glob(EXTRA_LABELS_GLOB))]:
        registry = _load_model(path, LabelRegistry, problems, digest, sources)
        if registry is None:
            complete = False
            continue
        for key, label in registry.labels.items():
            if key in merged:
                problems.append(
                    Problem(
                        str(path),
                        f"labels.{key}",
                        f"label {key} is already defined in {origin[key]}",
                    )
                )
                continue
            merged[key] = label
            origin[key] = path.name
    return LabelRegistry(labels=merged) if complete else None


def _check_replacements(
    retired: RetiredRegistry, located: Located, known: set[str], problems: list[Problem]
) -> None:
    """Every ``replaced_by`` of a retired id names a criterion of the catalogue."""
    for i, record in enumerate(retired.retired):
        for j, other in enumerate(record.replaced_by):
            if other not in known:
                at: tuple[str | int, ...] = ("retired", i, "replaced_by", j)
                problems.append(
                    Problem(
                        str(located.path),
                        field_path(at),
                        f"{record.id} is replaced by {other}, but the catalogue has no {other}",
                        located.line_of(at),
                    )
                )


def _check_conflict_references(entries: list[Entry], problems: list[Problem]) -> None:
    known = {e.criterion.id for e in entries}
    for entry in entries:
        for other in entry.criterion.conflicts_with:
            if other not in known:
                problems.append(
                    Problem(
                        str(entry.file),
                        f"{entry.criterion.id}.conflicts_with",
                        f"no criterion {other} in the catalogue",
                        entry.line,
                    )
                )


def _read(
    path: Path,
    problems: list[Problem],
    digest: hashlib._Hash,
    sources: SourceRegistry | None = None,
) -> Located | None:
    try:
        located = load_fast(path, CatalogueError)
    except InputError as exc:
        problems.extend(exc.problems)
        return None
    # Every file is checked for internal names; files that cite also for unknown source keys.
    problems.extend(check_citations(located, sources))
    digest.update(path.name.encode())
    digest.update(path.read_bytes())
    return located


def _validate(located: Located, model: type[M], problems: list[Problem]) -> M | None:
    if not isinstance(located.data, dict):
        problems.append(Problem(str(located.path), "", "expected a mapping at the top level", 1))
        return None
    try:
        return model.model_validate(located.as_plain())
    except ValidationError as exc:
        problems.extend(problems_from(exc, located, model=model))
        return None


def _load_model(
    path: Path,
    model: type[M],
    problems: list[Problem],
    digest: hashlib._Hash,
    sources: SourceRegistry | None = None,
) -> M | None:
    located = _read(path, problems, digest, sources)
    return None if located is None else _validate(located, model, problems)


def _check_attachments(
    criterion: Criterion,
    sources: SourceRegistry,
    located: Located,
    loc: tuple[str | int, ...],
    problems: list[Problem],
) -> None:
    for index, attachment in enumerate(criterion.attachments):
        if attachment.source is not None and attachment.source not in sources.sources:
            where = (*loc, "attachments", index, "source")
            problems.append(
                Problem(
                    str(located.path),
                    field_path(where),
                    f"unknown source {attachment.source!r}: name a key of {SOURCES_FILE}",
                    located.line_of(where),
                )
            )


def _parse_when(
    criterion: Criterion,
    located: Located,
    loc: tuple[str | int, ...],
    problems: list[Problem],
) -> Node | None:
    try:
        return parse_condition(criterion.when, (*loc, "when"))
    except ConditionSyntaxError as exc:
        problems.append(
            Problem(str(located.path), field_path(exc.path), exc.message, located.line_of(exc.path))
        )
        return None


def _parse_mandatory(
    criterion: Criterion,
    located: Located,
    loc: tuple[str | int, ...],
    problems: list[Problem],
) -> Node | None:
    if criterion.mandatory is None:
        return None
    at = (*loc, "mandatory", "when")
    try:
        node = parse_condition(criterion.mandatory.when, at)
    except ConditionSyntaxError as exc:
        problems.append(
            Problem(str(located.path), field_path(exc.path), exc.message, located.line_of(exc.path))
        )
        return None
    if isinstance(node, All) and not node.items:
        problems.append(
            Problem(
                str(located.path),
                field_path(at),
                "mandatory.when needs a condition (the criterion is mandatory when it holds)",
                located.line_of(at),
            )
        )
        return None
    return All((product_group_test(criterion), node))


def _check_references(
    criterion: Criterion,
    labels: LabelRegistry | None,
    tmpl_dir: Path,
    located: Located,
    loc: tuple[str | int, ...],
    problems: list[Problem],
) -> None:
    def add(sub: tuple[str | int, ...], message: str) -> None:
        full = (*loc, *sub)
        problems.append(
            Problem(str(located.path), field_path(full), message, located.line_of(full))
        )

    for lang in LANGUAGES:
        tmpl = tmpl_dir / lang / (criterion.template + TEMPLATE_SUFFIX)
        if not tmpl.is_file():
            add(
                ("template",),
                f"no {lang} clause template {lang}/{criterion.template}{TEMPLATE_SUFFIX}"
                f" in {tmpl_dir}",
            )
        else:
            problems.extend(p for p in _template_problems(tmpl) if p not in problems)
    if labels is None:
        return
    for i, ref in enumerate(criterion.verification.labels):
        label = labels.labels.get(ref.label)
        at = ("verification", "labels", i)
        if label is None:
            add(
                (*at, "label"),
                f"unknown label {ref.label!r}; known: {', '.join(sorted(labels.labels))}",
            )
            continue
        if ref.version is not None and ref.version not in label.versions:
            add(
                (*at, "version"),
                f"{label.name} has no version {ref.version!r}; known: "
                + ", ".join(sorted(label.versions)),
            )
        if ref.level is not None and ref.level not in label.levels:
            add(
                (*at, "level"),
                f"{label.name} has no level {ref.level!r}; known: " + ", ".join(label.levels),
            )


def _check_legal_basis(
    criterion: Criterion,
    registry: LegalBasisRegistry,
    located: Located,
    loc: tuple[str | int, ...],
    problems: list[Problem],
) -> bool:
    """A criterion's own legal basis lists only what differs from its type's default.

    A line that repeats the default (when the criterion adds to it), or a replacement that is
    exactly the default, would say the same thing twice and drift apart when the default
    changes. Returns whether the basis is fine (and can be resolved).
    """
    before = len(problems)
    own = criterion.legal_basis
    kind = criterion.type.value
    for jurisdiction in own.replace_default:
        if own[jurisdiction] == registry.default(criterion.type, jurisdiction):
            at = (*loc, "legal_basis", "replace_default")
            problems.append(
                Problem(
                    str(located.path),
                    field_path(at),
                    f"the {jurisdiction.value} legal basis replaces the default of a {kind} with"
                    f" the same lines; drop {jurisdiction.value} from replace_default and the"
                    " lines (rulesets/legal_bases.yaml gives them)",
                    located.line_of(at),
                )
            )
    for jurisdiction, lines in own.items():
        if jurisdiction in own.replace_default:
            continue
        default = registry.default(criterion.type, jurisdiction)
        for i, line in enumerate(lines):
            if line in default:
                at = (*loc, "legal_basis", jurisdiction.value, i)
                problems.append(
                    Problem(
                        str(located.path),
                        field_path(at),
                        f"{line!r} is already in the default {jurisdiction.value} legal basis of"
                        f" a {kind} (rulesets/legal_bases.yaml); list only what the criterion"
                        f" adds, or name {jurisdiction.value} in replace_default and give the"
                        " full list",
                        located.line_of(at),
                    )
                )
    return len(problems) == before


def _check_value_rules(
    criterion: Criterion,
    when: Node | None,
    aspects: AspectRegistry | None,
    located: Located,
    loc: tuple[str | int, ...],
    problems: list[Problem],
) -> None:
    """Aspects an award criterion rewards exist; a value-adding criterion ignores the value."""
    if aspects is not None:
        for i, key in enumerate(criterion.rewards):
            if key not in aspects.aspects:
                at = (*loc, "rewards", i)
                problems.append(
                    Problem(
                        str(located.path),
                        field_path(at),
                        f"unknown aspect {key!r}; known: " + ", ".join(sorted(aspects.aspects)),
                        located.line_of(at),
                    )
                )
    if criterion.value_share is not None and when is not None:
        used = sorted(fields_of(when) & VALUE_FIELDS)
        if used:
            at = (*loc, "when")
            problems.append(
                Problem(
                    str(located.path),
                    field_path(at),
                    f"a criterion with a value_share adds to the estimated value, so its"
                    f" condition cannot test {', '.join(used)}",
                    located.line_of(at),
                )
            )


_TEMPLATE_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _template_problems(path: Path) -> list[Problem]:
    """A clause template that is not UTF-8, is empty, or holds characters Word cannot hold."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return [Problem(str(path), "", f"clause template is not UTF-8 text ({exc.reason})", line)]
    if not text.strip():
        return [Problem(str(path), "", "clause template is empty; a clause needs text")]
    bad = _TEMPLATE_ILLEGAL.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        return [
            Problem(
                str(path),
                "",
                f"clause template holds the control character U+{ord(bad.group()):04X}, "
                "which a Word document cannot hold",
                line,
            )
        ]
    return []


def load_thresholds(rulesets: str | Path | None = None) -> ThresholdTable:
    """Load only the dated EU threshold table (``rulesets/thresholds.yaml``)."""
    rules_dir = Path(rulesets) if rulesets is not None else rulesets_dir()
    problems: list[Problem] = []
    table = _load_model(rules_dir / THRESHOLDS_FILE, ThresholdTable, problems, hashlib.sha256())
    if table is None:
        raise CatalogueError(problems)
    return table
