"""Conditions compiled once per catalogue and kept with it, for the plain backend and selection.

A catalogue is evaluated many times after it is loaded; compiling its conditions on every
evaluation would cost about as much as the evaluation. What is built from a catalogue is kept
for the few most recently used ones, keyed by the identity of their entries (a catalogue is
immutable; stand-in catalogues in tests carry entries too).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any, Generic, Protocol, TypeVar

from ..conditions import Check, Node, compile_check

T = TypeVar("T")

#: Catalogues whose derived forms are kept per process.
MAX_KEPT = 4


class _Criterion(Protocol):
    id: str


class EntryLike(Protocol):
    """What is read from a catalogue entry: the criterion's id and its full condition."""

    criterion: _Criterion
    condition: Node


class CatalogueLike(Protocol):
    """What is read from a catalogue: its entries."""

    @property
    def entries(self) -> tuple[Any, ...]:
        """The catalogue's entries (criterion and condition)."""
        ...


class PerCatalogue(Generic[T]):
    """``build(entries)``, computed once per catalogue (by the identity of its entries)."""

    def __init__(self, build: Callable[[Iterable[EntryLike]], T]) -> None:
        self._build = build
        self._lock = threading.Lock()
        # id(entries) -> (entries, value); the entries are kept, so their id is not reused.
        self._kept: OrderedDict[int, tuple[object, T]] = OrderedDict()

    def get(self, catalogue: CatalogueLike) -> T:
        """The value for ``catalogue``, built on first use."""
        entries = catalogue.entries
        key = id(entries)
        with self._lock:
            found = self._kept.get(key)
            if found is not None and found[0] is entries:
                self._kept.move_to_end(key)
                return found[1]
        value = self._build(entries)  # outside the lock: building twice is harmless
        with self._lock:
            self._kept[key] = (entries, value)
            self._kept.move_to_end(key)
            while len(self._kept) > MAX_KEPT:
                self._kept.popitem(last=False)
        return value


def _checks(entries: Iterable[EntryLike]) -> tuple[tuple[str, Check], ...]:
    return tuple((e.criterion.id, compile_check(e.condition)) for e in entries)


#: Every criterion's id and compiled full condition, in catalogue order.
compiled_conditions: PerCatalogue[tuple[tuple[str, Check], ...]] = PerCatalogue(_checks)
