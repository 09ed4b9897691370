"""The per-process cache of loaded catalogues, keyed by the content of their files.

Loading parses and checks about 200 files and takes most of a short run; procurement systems
call :func:`~mvi_rules.load_catalogue` again and again with the same directories. A catalogue
is immutable once loaded, so callers can share one. The key is the bytes of every file the
loader reads (the rulesets' YAML files, the chart's figures and the clause templates), so an
edited file is never served from the cache; the cache keeps the few most recent catalogues, as
a system following a ruleset fork should not grow without bound.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .entries import Catalogue

#: Catalogues kept per process (the most recently used).
MAX_CACHED = 4

_lock = threading.Lock()
_cache: OrderedDict[str, Catalogue] = OrderedDict()


def content_key(rules_dir: Path, tmpl_dir: Path) -> str:
    """A digest of the directories' names and of every file the loader may read in them."""
    digest = hashlib.sha256()
    for root, pattern in ((rules_dir, "*.yaml"), (rules_dir, "figures/*.yaml"), (tmpl_dir, "**/*")):
        digest.update(str(root.resolve()).encode() + b"\0")
        for path in sorted(p for p in root.glob(pattern) if p.is_file()):
            digest.update(str(path.relative_to(root)).encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def cached(key: str) -> Catalogue | None:
    """The catalogue loaded under ``key``, if it is still kept."""
    with _lock:
        catalogue = _cache.get(key)
        if catalogue is not None:
            _cache.move_to_end(key)
        return catalogue


def remember(key: str, catalogue: Catalogue) -> None:
    """Keep ``catalogue`` under ``key``, dropping the least recently used beyond MAX_CACHED."""
    with _lock:
        _cache[key] = catalogue
        _cache.move_to_end(key)
        while len(_cache) > MAX_CACHED:
            _cache.popitem(last=False)


def clear() -> None:
    """Forget every cached catalogue (for tests and long-running processes)."""
    with _lock:
        _cache.clear()
