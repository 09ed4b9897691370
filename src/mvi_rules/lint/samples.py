"""Sample profiles and parameter variants to render every clause template with.

The profiles buy one lot of every product group, so a template that loops over ``lots`` or
names product groups sees them all; a Dutch municipality and a Flemish authority cover both
jurisdictions' wording.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from ..catalogue import Entry
from ..catalogue.model import Parameter, ParamValue
from ..profile import ProcurementProfile, parse_profile
from ..profile.model import ProductGroup
from ..selection.result import CriterionValue, Proof, ResolvedParameter, SelectedCriterion

JURISDICTIONS = ("NL", "BE")
_BUYERS = {
    "NL": {"name": "Gemeente Voorbeeld", "authority_type": "municipality", "jurisdiction": "NL"},
    "BE": {"name": "Stad Voorbeeld", "authority_type": "be_non_federal", "jurisdiction": "BE"},
}


@cache
def sample_profile(jurisdiction: str) -> ProcurementProfile:
    """A procurement buying one lot of every product group, for ``NL`` or ``BE``."""
    lots: list[dict[str, Any]] = []
    for i, group in enumerate(ProductGroup, 1):
        lot: dict[str, Any] = {
            "id": str(i),
            "name": group.value,
            "product_group": group.value,
            "quantity": 10,
        }
        if group is ProductGroup.WERKPLEK:
            lot["components"] = ["laptop", "monitor"]
        lots.append(lot)
    return parse_profile(
        {
            "buyer": _BUYERS[jurisdiction],
            "procurement": {
                "title": "Voorbeeldaanbesteding",
                "reference_date": "2026-06-01",
                "estimated_value_eur": 1_000_000,
                "contract_term_years": 4,
                "extension_years": [1, 1],
                "price_indexation": True,
                "procedure": "open",
            },
            "lots": lots,
            "ambition": {"level": 3},
        }
    )


def _as_type(value: float, spec: Parameter) -> ParamValue:
    # A bound is written as a float in the model; an int parameter takes it as an int.
    if isinstance(spec.default, int) and not isinstance(spec.default, bool) and value.is_integer():
        return int(value)
    return value


def variants(entry: Entry) -> Iterator[tuple[str, dict[str, ParamValue]]]:
    """(description, parameter values): the defaults, then each parameter at each bound of its
    range and at each allowed value (booleans: both), the others at their defaults."""
    params = entry.criterion.parameters
    defaults = {name: spec.default for name, spec in params.items()}
    yield "the defaults", defaults
    for name, spec in params.items():
        values: list[tuple[str, ParamValue]] = []
        if spec.allowed is not None:
            values += [("allowed value", v) for v in spec.allowed]
        elif isinstance(spec.default, bool):
            values += [("value", not spec.default)]
        if spec.min is not None:
            values.append(("min", _as_type(spec.min, spec)))
        if spec.max is not None:
            values.append(("max", _as_type(spec.max, spec)))
        for what, value in values:
            if value != spec.default or type(value) is not type(spec.default):
                yield f"{name} = {value!r} ({what})", {**defaults, name: value}


def selected(
    entry: Entry, profile: ProcurementProfile, values: dict[str, ParamValue]
) -> SelectedCriterion:
    """``entry`` as if selected for every lot of ``profile`` with parameter ``values``."""
    c = entry.criterion
    value = None
    if c.value_share is not None:
        percent = c.value_share.percent_parameter
        share = values.get(percent, 10) if percent else 10
        share = float(share) if isinstance(share, (int, float)) else 10.0
        value = CriterionValue(kind=str(c.value_share.kind), percent=share, max_eur=10_000 * share)
    return SelectedCriterion(
        id=c.id,
        version=c.version,
        topic=entry.topic,
        title=c.title,
        type=c.type,
        level=c.level,
        themes=list(c.themes),
        lots=[lot.id for lot in profile.lots],
        decisions=[],
        parameters=[
            ResolvedParameter(
                name=name,
                value=values[name],
                unit=spec.unit,
                origin="catalogue",
                confidence=spec.confidence,
                description=spec.description,
                minimum=spec.min,
                maximum=spec.max,
                allowed=spec.allowed,
                value_labels=spec.value_labels,
            )
            for name, spec in c.parameters.items()
        ],
        proof=Proof(),
        value=value,
        legal_basis=c.legal_basis[profile.buyer.jurisdiction],
        sources=list(c.sources),
        template=c.template,
        scoring=list(c.scoring),
    )
