"""Reading one registry or ruleset file: parse, check citations, validate, add to the hash.

Every problem is collected rather than raised, so that the loader reports all of them at once.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .._cyaml import load_fast
from .._located import Located
from .._validation import problems_from
from ..errors import CatalogueError, InputError, Problem
from .citations import check_citations
from .files import EXTRA_LABELS_GLOB, LABELS_FILE
from .model import Label, LabelRegistry, SourceRegistry

M = TypeVar("M", bound=BaseModel)


def read(
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


def validate(located: Located, model: type[M], problems: list[Problem]) -> M | None:
    if not isinstance(located.data, dict):
        problems.append(Problem(str(located.path), "", "expected a mapping at the top level", 1))
        return None
    try:
        return model.model_validate(located.as_plain())
    except ValidationError as exc:
        problems.extend(problems_from(exc, located, model=model))
        return None


def load_model(
    path: Path,
    model: type[M],
    problems: list[Problem],
    digest: hashlib._Hash,
    sources: SourceRegistry | None = None,
) -> M | None:
    located = read(path, problems, digest, sources)
    return None if located is None else validate(located, model, problems)


def load_labels(
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
        registry = load_model(path, LabelRegistry, problems, digest, sources)
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
