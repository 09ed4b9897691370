"""What changed between two catalogue versions, in words a legal adviser reads.

:func:`diff_catalogues` compares two versions, each a directory or a git ref (read without a
checkout): criteria added, removed and changed (condition, level, type, product groups,
parameters, proof, legal basis, sources, clause text word by word), whether versions were
raised where the meaning changed, and what each profile gains or loses.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from ..catalogue import Catalogue, load_catalogue
from ..errors import CatalogueError, VersionError
from ..profile import ProcurementProfile
from .compare import compare, default_profiles
from .model import CatalogueDiff, CriterionChange, FieldChange, ProfileChange, TextDiff
from .report import as_json, markdown, text
from .versions import VersionDirs, open_version


def _load(dirs: VersionDirs) -> Catalogue:
    """Load a version; a git ref's problems name ``REF:path``, not the temporary copy."""
    try:
        return load_catalogue(dirs.rulesets, dirs.templates)
    except CatalogueError as exc:
        if dirs.root is None:
            raise
        prefix = str(dirs.root) + "/"
        raise CatalogueError(
            [
                dataclasses.replace(p, file=f"{dirs.label}:{p.file[len(prefix) :]}")
                if p.file.startswith(prefix)
                else p
                for p in exc.problems
            ]
        ) from None


__all__ = [
    "CatalogueDiff",
    "CriterionChange",
    "FieldChange",
    "ProfileChange",
    "TextDiff",
    "VersionError",
    "as_json",
    "compare",
    "default_profiles",
    "diff_catalogues",
    "markdown",
    "text",
]


def diff_catalogues(
    old: str,
    new: str,
    *,
    repo: Path | None = None,
    profiles: Sequence[tuple[str, ProcurementProfile]] | None = None,
    examples: Path | None = None,
) -> CatalogueDiff:
    """Compare catalogue versions ``old`` and ``new`` (directories or git refs of ``repo``,
    default: the repository of the current directory).

    ``profiles`` (name, profile) are checked for criteria gained and lost; by default the
    profiles in ``examples`` and the scenario profiles in the new version's
    ``rulesets/tests/``.
    """
    with open_version(old, repo) as old_dirs, open_version(new, repo) as new_dirs:
        old_cat = _load(old_dirs)
        new_cat = _load(new_dirs)
        if profiles is None:
            profiles = default_profiles(examples, new_dirs.rulesets / "tests")
        return compare(old_cat, new_cat, old_name=old, new_name=new, profiles=profiles)
