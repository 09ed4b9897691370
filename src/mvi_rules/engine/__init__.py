"""Evaluation backends: durable-rules (where it can be imported) and plain Python."""

from __future__ import annotations

import importlib.util
from typing import Literal

from ..errors import EngineError
from .base import Backend, LotFacts, Match
from .plain import PlainBackend

BackendName = Literal["auto", "durable", "plain"]


def durable_available() -> bool:
    """Whether durable-rules is installed and its C extension imports on this Python."""
    if importlib.util.find_spec("durable") is None:
        return False
    try:
        import durable.engine  # noqa: F401
    except ImportError:
        return False
    return True


def get_backend(name: BackendName = "auto") -> Backend:
    """The backend called ``name``; ``auto`` is durable-rules where available, else plain."""
    if name == "plain" or (name == "auto" and not durable_available()):
        return PlainBackend()
    if name in ("auto", "durable"):
        if not durable_available():
            raise EngineError(
                "the durable-rules backend is not available on this Python "
                "(durable-rules supports Python < 3.13); use backend 'plain' or 'auto'"
            )
        from .durable import DurableBackend

        return DurableBackend.shared()
    raise EngineError(f"unknown backend {name!r}; use auto, durable or plain")


__all__ = [
    "Backend",
    "BackendName",
    "LotFacts",
    "Match",
    "PlainBackend",
    "durable_available",
    "get_backend",
]
