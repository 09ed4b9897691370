"""Worker functions for the multi-process race tests (importable by spawned processes)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any


def write_rounds(barrier: Any, targets: list[str], me: int, results: Any) -> None:
    """For each target: wait for every worker, then try to create it without force."""
    from mvi_rules._atomic import write_atomic
    from mvi_rules.errors import OutputExistsError

    for target in targets:
        barrier.wait()
        try:
            write_atomic(Path(target), f"worker {me}\n".encode() * 64, force=False)
        except OutputExistsError:
            results.put((target, me, False))
        else:
            results.put((target, me, True))


def append_rounds(barrier: Any, ledgers: list[str], me: int, results: Any) -> None:
    """For each ledger: wait for the other worker, then record one small change in it."""
    from mvi_rules.changes import Ground, ProposedChange, append_change

    for ledger in ledgers:
        barrier.wait()
        change = ProposedChange(
            date=dt.date(2026, 5, 4),
            amount_eur=Decimal(1000 + me),
            description=f"Change by worker {me}",
        )
        try:
            append_change(ledger, Ground.DE_MINIMIS, change)
        except Exception as exc:  # reported to the test, which fails with the message
            results.put((ledger, me, f"{type(exc).__name__}: {exc}"))
        else:
            results.put((ledger, me, None))
