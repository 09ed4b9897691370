"""The checks a criterion passes while the catalogue loads, beyond its schema.

Conditions parse, references (labels, templates, sources, aspects, other criteria, retired
ids) resolve, and a criterion's legal basis adds to its type's default instead of repeating it.
Each check appends to the loader's problem list instead of raising.
"""

from __future__ import annotations

import re
from pathlib import Path

from .._located import Located
from .._validation import field_path
from ..conditions import All, ConditionSyntaxError, Node, fields_of, parse_condition
from ..errors import Problem
from .citations import SOURCES_FILE
from .entries import Entry, product_group_test
from .files import LANGUAGES, TEMPLATE_SUFFIX, VALUE_FIELDS
from .model import (
    AspectRegistry,
    Criterion,
    LabelRegistry,
    LegalBasisRegistry,
    RetiredRegistry,
    SourceRegistry,
)


def check_replacements(
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


def check_conflict_references(entries: list[Entry], problems: list[Problem]) -> None:
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


def check_attachments(
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


def parse_when(
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


def parse_mandatory(
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


def check_references(
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


def check_legal_basis(
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


def check_value_rules(
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
