"""Keeping the cyclic garbage collector out of an evaluation.

An evaluation makes thousands of small result objects that live until it returns. When the
collector runs in the middle, it finds them alive and promotes them to older generations, and
every so often a full collection walks the whole heap (the catalogue included): about 20 ms,
several times an evaluation's own time, which made p95 about 3x p50. The result holds no
reference cycles, so nothing is lost by collecting only after the evaluation; the objects
that die before then are freed by reference counting as usual.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_active = 0
#: Whether the collector was enabled when the first of the running evaluations began.
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause automatic collection while any evaluation (in any thread) runs; restore it after.

    A collector that the application disabled stays disabled.
    """
    global _active, _was_enabled
    with _lock:
        if _active == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _was_enabled:
                gc.enable()
