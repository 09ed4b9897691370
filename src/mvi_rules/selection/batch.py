"""Evaluating many profiles at once, over a pool of worker processes.

A procurement system that re-evaluates its running tenders after a ruleset update has hundreds
of profiles; one process evaluates one at a time on one core. :func:`evaluate_many` spreads
them over worker processes, each of which loads the catalogue once (from the same directories,
so every worker uses the same ruleset version) and keeps it for every profile it is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .._pool import catalogue_pool, worker_catalogue
from ..catalogue import Catalogue, load_catalogue
from ..engine import BackendName
from ..profile.model import ProcurementProfile
from .result import EvaluationResult
from .select import evaluate


def _evaluate_in_worker(profile: ProcurementProfile, backend: BackendName) -> EvaluationResult:
    return evaluate(profile, worker_catalogue(), backend=backend)


def evaluate_many(
    profiles: Iterable[ProcurementProfile],
    catalogue: Catalogue | None = None,
    backend: BackendName = "auto",
    workers: int | None = None,
) -> list[EvaluationResult]:
    """:func:`~mvi_rules.evaluate` for every profile, in the order given, using ``workers``
    processes.

    By default (``workers=None``) the profiles are evaluated in this process, one after the
    other: an evaluation takes a few milliseconds, less than handing its result back from a
    worker process costs (benchmarks/run.py), so a pool does not pay for evaluation alone. A
    number given is used as it is (at most one worker per profile); the results are the same
    as evaluating the profiles one by one. With one worker no process is started. Workers are
    started fresh ("spawn"), so nothing of the calling process (threads, the rules engine's
    state) is shared with them; each loads ``catalogue``'s directories once. The first profile
    that fails raises its error (e.g. :class:`~mvi_rules.errors.ProfileError`), as
    :func:`~mvi_rules.evaluate` would. For documents, :func:`~mvi_rules.generate_many` renders
    in a pool that does pay.
    """
    items: Sequence[ProcurementProfile] = list(profiles)
    catalogue = catalogue if catalogue is not None else load_catalogue()
    count = min(workers or 1, len(items))
    if count <= 1:
        return [evaluate(p, catalogue, backend=backend) for p in items]
    with catalogue_pool(count, catalogue) as pool:
        # Large chunks keep the pickling of profiles and results a small part of the work.
        chunk = max(1, len(items) // (count * 4))
        return list(pool.map(_evaluate_in_worker, items, [backend] * len(items), chunksize=chunk))
