"""An advisory lock on a ledger, held for the whole read-check-write of recording a change.

Two runs recording a change in the same ledger at once would otherwise both read the old file and
the second rename would drop the first run's entry, while both report success. The lock is an
``fcntl.flock`` on a hidden lock file next to the ledger (``.<ledger name>.lock``), not on the
ledger itself: the ledger is replaced by a rename, and a lock on the old file would not stop a
run that opens the new one. The lock file is left in place on purpose (removing it would let a
third run lock a fresh file while the second still holds the old one).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import MviRulesError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no fcntl
    fcntl = None  # type: ignore[assignment]

#: Seconds to wait for another run to finish recording before giving up.
LOCK_TIMEOUT = 30.0
_POLL = 0.05


class LedgerLockedError(MviRulesError):
    """The ledger's lock could not be taken in time: another run is recording a change in it."""


def lock_path(ledger: Path) -> Path:
    """The lock file of ``ledger``: ``.<name>.lock`` in the same directory."""
    return ledger.with_name(f".{ledger.name}.lock")


@contextlib.contextmanager
def ledger_lock(ledger: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the exclusive advisory lock of ``ledger`` for the duration of the block.

    Raises :class:`LedgerLockedError` naming the ledger when the lock is not free within
    ``timeout`` seconds, and :class:`MviRulesError` when the lock file cannot be created.
    """
    if fcntl is None:  # pragma: no cover - no advisory locks on this platform
        yield
        return
    target = lock_path(ledger)
    try:
        fd = os.open(target, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise MviRulesError(
            f"cannot lock {ledger}: cannot create its lock file {target}: {exc.strerror or exc}"
        ) from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LedgerLockedError(
                        f"cannot record the change in {ledger}: another run has been recording "
                        f"a change in it for {timeout:g} s (lock file {target}); nothing was "
                        "written, try again when it has finished"
                    ) from None
                time.sleep(_POLL)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
