"""The loaded catalogue: its entries (a criterion with its full condition) and registries."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..conditions import All, Any, Node, Op, Test
from .figures import DeviceYearFigures
from .files import TEMPLATE_SUFFIX
from .isv import IsvRegistry
from .model import (
    AspectRegistry,
    CatalogueMeta,
    Criterion,
    LabelRegistry,
    LegalBasisRegistry,
    RetiredRegistry,
    SourceRegistry,
)
from .thresholds import ThresholdTable


@dataclass(frozen=True)
class Entry:
    """A criterion as loaded: its definition, where it stands, and its full condition."""

    criterion: Criterion
    topic: str
    file: Path
    line: int | None
    #: Product group, ambition level and the ruleset's ``when``, as one tree.
    condition: Node
    #: When the law makes the criterion mandatory (``mandatory.when``); ``None``: never.
    mandatory: Node | None = None

    @property
    def groups_condition(self) -> Node:
        """Only the product-group part of the condition: where a buyer may include it."""
        return product_group_test(self.criterion)


@dataclass(frozen=True)
class Catalogue:
    """The loaded criteria catalogue."""

    meta: CatalogueMeta
    labels: LabelRegistry
    #: Every published document the catalogue cites (``rulesets/sources.yaml``).
    sources: SourceRegistry
    thresholds: ThresholdTable
    isv: IsvRegistry
    aspects: AspectRegistry
    #: The default legal basis per criterion type (``rulesets/legal_bases.yaml``); every
    #: criterion's ``legal_basis`` is already resolved against it.
    legal_bases: LegalBasisRegistry
    #: Retired criterion ids (``rulesets/retired.yaml``); none of them is in ``entries``.
    retired: RetiredRegistry
    entries: tuple[Entry, ...]
    rulesets_dir: Path
    templates_dir: Path
    #: Hash of every ruleset file's bytes; equal catalogues compile to equal engine rulesets.
    fingerprint: str
    #: The sourced figures of the annex's lifetime chart (``rulesets/figures/``); ``None`` for
    #: a catalogue without them (its annex has no chart).
    figures: DeviceYearFigures | None = None
    _by_id: dict[str, Entry] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({e.criterion.id: e for e in self.entries})

    @property
    def version(self) -> str:
        """The ruleset version, e.g. ``2026.1.0``."""
        return self.meta.version

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, criterion_id: str) -> Entry | None:
        """The entry with ``criterion_id``, or ``None``."""
        return self._by_id.get(criterion_id)

    def template_path(self, template: str, lang: str) -> Path:
        """Path of a clause template for a language."""
        return self.templates_dir / lang / (template + TEMPLATE_SUFFIX)


def product_group_test(criterion: Criterion) -> Node:
    """The test that a lot buys one of the criterion's product groups."""
    return Test(
        "lot.product_groups", Op.INCLUDES_ANY, tuple(g.value for g in criterion.product_groups)
    )


def full_condition(criterion: Criterion, when: Node) -> Node:
    """The complete applicability condition: product group, ambition level, then ``when``."""
    groups = product_group_test(criterion)
    level = Any(
        tuple(Test(f"ambition.{t.value}", Op.AT_LEAST, criterion.level) for t in criterion.themes)
    )
    parts: list[Node] = [groups, level]
    if not (isinstance(when, All) and not when.items):
        parts.append(when)
    return All(tuple(parts))
