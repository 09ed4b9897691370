"""A pool of worker processes that each load the catalogue once, for the batch functions.

Workers are started fresh ("spawn"), so nothing of the calling process (threads, the rules
engine's state) is shared with them; each loads the catalogue from the same directories as the
caller's, so every worker uses the same ruleset version.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .catalogue import Catalogue, load_catalogue

#: The catalogue this worker process loaded when it started.
_catalogue: Catalogue | None = None


def _start(rulesets: Path, templates: Path) -> None:
    global _catalogue
    _catalogue = load_catalogue(rulesets, templates)


def worker_catalogue() -> Catalogue:
    """The catalogue of the worker process this runs in."""
    if _catalogue is None:  # pragma: no cover - only called inside a catalogue_pool worker
        raise RuntimeError("worker_catalogue() outside a catalogue_pool worker")
    return _catalogue


def catalogue_pool(workers: int, catalogue: Catalogue) -> ProcessPoolExecutor:
    """``workers`` fresh processes, each with ``catalogue`` loaded from its directories."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start,
        initargs=(catalogue.rulesets_dir, catalogue.templates_dir),
    )
