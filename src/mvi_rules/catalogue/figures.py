"""The sourced figures behind the annex's lifetime chart (``rulesets/figures/device_years.yaml``).

The file is not a ruleset: it selects no criterion, so it lies in its own folder and is not a
topic file. The catalogue loader reads it once, after the rulesets (``Catalogue.figures``). It
cites ``sources.yaml`` as a criterion does and is checked the same way: unknown keys, internal
names and schema errors are refused with file, field and line.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .._cyaml import load_fast
from .._validation import field_path, validate_located
from ..errors import CatalogueError, Problem
from ..profile.model import ProductGroup
from .citations import SOURCES_FILE, check_citations, cite
from .model import Source, SourceRegistry

#: Where the figures live, relative to the rulesets directory.
FIGURES_FILE = Path("figures") / "device_years.yaml"

_Strict = ConfigDict(extra="forbid")


class ProductionShare(BaseModel):
    """The part of a device's life-cycle CO2 that lies in production and end of life."""

    model_config = _Strict

    groups: list[ProductGroup] = Field(min_length=1)
    percent: float = Field(gt=0, lt=100, allow_inf_nan=False)
    sources: list[Source] = Field(min_length=1)


class Comparison(BaseModel):
    """A published figure set beside the chart's own: ``less_co2_percent`` less CO2 per year
    for ``group`` at ``years`` than at the reference lifetime."""

    model_config = _Strict

    group: ProductGroup
    years: int = Field(ge=1, le=20)
    less_co2_percent: float = Field(gt=0, lt=100, allow_inf_nan=False)
    source: Source


class DeviceYearFigures(BaseModel):
    """``rulesets/figures/device_years.yaml``: lifetimes, production shares and assumptions."""

    model_config = _Strict

    lifetimes: list[int] = Field(min_length=2, max_length=4)
    reference_years: int = Field(ge=1, le=20)
    production_shares: list[ProductionShare] = Field(min_length=1)
    illustrative_prices_eur: dict[ProductGroup, float] = Field(default_factory=dict)
    reference_choice: Source
    price_choice: Source
    comparison: Comparison | None = None

    @model_validator(mode="after")
    def _consistent(self) -> DeviceYearFigures:
        if self.lifetimes != sorted(set(self.lifetimes)) or self.lifetimes[0] < 1:
            raise ValueError("lifetimes must be whole years, rising, each once (e.g. [4, 6, 8])")
        if self.reference_years not in self.lifetimes:
            raise ValueError("reference_years must be one of the lifetimes")
        seen: set[ProductGroup] = set()
        for share in self.production_shares:
            twice = seen.intersection(share.groups)
            if twice:
                raise ValueError(
                    "a product group has two production shares: "
                    + ", ".join(sorted(g.value for g in twice))
                )
            seen.update(share.groups)
        bad = [g.value for g, v in self.illustrative_prices_eur.items() if not v > 0]
        if bad:
            raise ValueError("illustrative prices must be above 0: " + ", ".join(sorted(bad)))
        for choice in (self.reference_choice, self.price_choice):
            if not choice.policy_choice:
                raise ValueError("reference_choice and price_choice are policy choices")
        return self

    def share(self, group: ProductGroup) -> ProductionShare | None:
        """The production share that covers ``group``, if the file gives one."""
        return next((s for s in self.production_shares if group in s.groups), None)


def load_figures(
    rules_dir: str | Path, sources: SourceRegistry | None = None
) -> DeviceYearFigures | None:
    """Read and check the figures file of the rulesets directory ``rules_dir``, with every
    citation joined to its record in ``sources`` (default: that directory's ``sources.yaml``).

    Returns ``None`` when the directory has no figures file (a catalogue fork made before the
    chart existed: its annex has no chart). Raises :class:`~mvi_rules.errors.CatalogueError`
    listing every problem with file, field and line (a schema error, an unknown source key, an
    internal name).
    """
    path = Path(rules_dir) / FIGURES_FILE
    if not path.is_file():
        return None
    if sources is None:
        registry = load_fast(Path(rules_dir) / SOURCES_FILE, CatalogueError)
        sources = validate_located(SourceRegistry, registry, CatalogueError)
    located = load_fast(path, CatalogueError)
    problems = check_citations(located, sources)
    figures = validate_located(DeviceYearFigures, located, CatalogueError)
    # check_citations looks at lists named `sources`; the single comparison source is here.
    if figures.comparison is not None:
        key = figures.comparison.source.key
        if key is not None and key not in sources.sources:
            where = ("comparison", "source", "key")
            problems.append(
                Problem(
                    str(path),
                    field_path(where),
                    f"unknown source {key!r}: add it to {SOURCES_FILE} first",
                    located.line_of(where),
                )
            )
    if problems:
        raise CatalogueError(problems)
    shares = [
        s.model_copy(update={"sources": cite(s.sources, sources)})
        for s in figures.production_shares
    ]
    comparison = figures.comparison
    if comparison is not None:
        comparison = comparison.model_copy(update={"source": cite([comparison.source], sources)[0]})
    return figures.model_copy(update={"production_shares": shares, "comparison": comparison})
