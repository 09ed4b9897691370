"""A stand-in catalogue for engine tests: only what the backends read (ids, conditions)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from mvi_rules.conditions import Node


@dataclass(frozen=True)
class Criterion:
    id: str


@dataclass(frozen=True)
class Entry:
    criterion: Criterion
    condition: Node


@dataclass(frozen=True)
class StandInCatalogue:
    """What the backends read from a catalogue: entries (id, condition) and a fingerprint."""

    entries: tuple[Entry, ...]
    fingerprint: str

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)


def catalogue_of(conditions: Mapping[str, Node], fingerprint: str | None = None) -> Any:
    """A stand-in catalogue with one criterion per condition; the fingerprint follows content."""
    entries = tuple(Entry(Criterion(cid), cond) for cid, cond in conditions.items())
    digest = hashlib.sha256(repr(entries).encode()).hexdigest()[:16]
    return StandInCatalogue(entries, fingerprint or digest)
