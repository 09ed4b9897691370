"""Word annexes for many profiles at once, rendered in a pool of worker processes.

A procurement system that regenerates its tenders after a ruleset update, or a buyer with a
folder of profiles, wants every annex. Rendering a document takes far longer than evaluating
its profile, and a worker hands back only the path it wrote, so here (unlike
:func:`~mvi_rules.evaluate_many`, whose results are costly to hand back) a pool pays.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from ._atomic import check_writable_target
from ._pool import catalogue_pool, worker_catalogue
from .catalogue import Catalogue, load_catalogue
from .errors import MviRulesError
from .profile import load_profile
from .profile.model import ProcurementProfile
from .rendering import HouseStyle, load_house_style, write_docx
from .selection import evaluate

#: Profiles a folder holds: the formats ``load_profile`` reads.
PROFILE_SUFFIXES = (".yaml", ".yml", ".json")
#: A worker costs about as much to start (imports, the catalogue) as rendering a handful of
#: documents, so each worker should get at least this many (benchmarks/run.py).
MIN_DOCUMENTS_PER_WORKER = 4


def profiles_in(folder: str | Path) -> list[Path]:
    """The profile files directly in ``folder``, sorted by name (so output order is stable)."""
    root = Path(folder)
    return sorted(p for p in root.iterdir() if p.is_file() and p.suffix in PROFILE_SUFFIXES)


def _write_one(
    job: tuple[ProcurementProfile, Path],
    lang: str | None,
    final: bool,
    force: bool,
    house: HouseStyle | None,
) -> Path:
    profile, target = job
    return _render(profile, target, worker_catalogue(), lang, final, force, house)


def _render(
    profile: ProcurementProfile,
    target: Path,
    catalogue: Catalogue,
    lang: str | None,
    final: bool,
    force: bool,
    house: HouseStyle | None,
) -> Path:
    result = evaluate(profile, catalogue)
    return write_docx(
        result, catalogue, target, lang=lang, force=force, final=final, reference_docx=house
    )


def generate_many(
    profiles: Iterable[str | Path],
    out_dir: str | Path,
    catalogue: Catalogue | None = None,
    *,
    lang: str | None = None,
    final: bool = False,
    force: bool = False,
    workers: int | None = None,
    reference_docx: HouseStyle | str | Path | None = None,
) -> list[Path]:
    """Write the Word annex of every profile file to ``out_dir/<profile name>.docx`` and
    return the paths, in the order of ``profiles``.

    Every profile is read and checked, and every target checked, before the first document
    is rendered: a mistake in any profile raises its
    :class:`~mvi_rules.errors.ProfileError` (file, line, field) and nothing is written, and an
    existing document is never replaced unless ``force``. ``lang`` and ``final`` as in
    :func:`~mvi_rules.render_docx`. ``reference_docx`` (a house-style template, or a
    :class:`~mvi_rules.rendering.HouseStyle` already read) is read and checked once, before
    anything is written, and every annex takes its style. ``workers`` processes render the
    documents (default: one per CPU, as long as each gets at least
    :data:`MIN_DOCUMENTS_PER_WORKER`); the documents are byte-identical to those written one
    by one.
    """
    paths = [Path(p) for p in profiles]
    out = Path(out_dir)
    if not out.is_dir():
        raise MviRulesError(f"{out}: not a directory; create it first or name an existing one")
    targets = [out / f"{p.stem}.docx" for p in paths]
    seen: dict[Path, Path] = {}
    for source, target in zip(paths, targets, strict=True):
        if target in seen:
            raise MviRulesError(
                f"{seen[target]} and {source} would both be written to {target}; rename one"
            )
        seen[target] = source
    loaded = [load_profile(p) for p in paths]
    house = (
        reference_docx
        if isinstance(reference_docx, HouseStyle) or reference_docx is None
        else load_house_style(reference_docx)
    )
    for target in targets:
        check_writable_target(target, force=force)
    catalogue = catalogue if catalogue is not None else load_catalogue()
    jobs: Sequence[tuple[ProcurementProfile, Path]] = list(zip(loaded, targets, strict=True))
    if workers is None:
        workers = min(os.cpu_count() or 1, len(jobs) // MIN_DOCUMENTS_PER_WORKER)
    count = min(workers, len(jobs))
    if count <= 1:
        return [_render(p, t, catalogue, lang, final, force, house) for p, t in jobs]
    with catalogue_pool(count, catalogue) as pool:
        size = len(jobs)
        return list(
            pool.map(
                _write_one, jobs, [lang] * size, [final] * size, [force] * size, [house] * size
            )
        )
