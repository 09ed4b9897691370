"""Parameter values for a clause: catalogue default, the profile's choice, and the law's limits."""

from __future__ import annotations

from datetime import date

from .._validation import with_lines
from ..catalogue import Catalogue
from ..catalogue.model import Criterion, ParamValue
from ..errors import Problem, ProfileError
from ..profile.model import ProcurementProfile, ProductGroup
from .construct import light
from .notices import notice
from .result import Notice, ResolvedParameter

Overrides = dict[str, dict[str, ParamValue]]


def check_overrides(profile: ProcurementProfile, catalogue: Catalogue) -> Overrides:
    """Check the profile's parameter overrides against the catalogue; report all problems."""
    source = profile.source
    problems: list[Problem] = []
    for criterion_id, values in sorted(profile.parameters.items()):
        entry = catalogue.get(criterion_id)
        if entry is None:
            problems.append(
                Problem(
                    source,
                    f"parameters.{criterion_id}",
                    f"no criterion {criterion_id} in catalogue {catalogue.version}",
                )
            )
            continue
        spec = entry.criterion.parameters
        for name, value in sorted(values.items()):
            field = f"parameters.{criterion_id}.{name}"
            if name not in spec:
                known = ", ".join(sorted(spec)) or "none"
                problems.append(
                    Problem(
                        source, field, f"{criterion_id} has no parameter {name!r}; known: {known}"
                    )
                )
                continue
            why = spec[name].check(value)
            if why:
                problems.append(Problem(source, field, f"{why} (got {value!r})"))
    if problems:
        raise ProfileError(with_lines(problems, source, ProfileError))
    return {k: dict(v) for k, v in profile.parameters.items()}


def resolve_parameters(
    criterion: Criterion,
    overrides: dict[str, ParamValue],
    groups: set[ProductGroup],
    day: date,
) -> tuple[list[ResolvedParameter], list[Notice]]:
    """The parameters of a selected criterion, never weaker than the law for ``groups``."""
    resolved: list[ResolvedParameter] = []
    notices: list[Notice] = []
    for name, spec in sorted(criterion.parameters.items()):
        value = overrides.get(name, spec.default)
        origin = "profile" if name in overrides else "catalogue"
        for limit in spec.legal_limits:
            hit = sorted(g.value for g in groups & set(limit.product_groups))
            if not hit or day < limit.in_force_from or isinstance(value, (bool, str)):
                continue
            if limit.violated_by(value):
                bound: int | float = int(limit.bound) if limit.bound.is_integer() else limit.bound
                nl_verb, en_verb = (
                    ("verhoogd", "raised")
                    if limit.at_least is not None
                    else ("verlaagd", "lowered")
                )
                groups_text = ", ".join(g.replace("_", " ") for g in hit)
                notices.append(
                    notice(
                        "legal-limit",
                        f"{criterion.id}: de gekozen waarde {value} voor"
                        f" ‘{spec.description.nl}’ is zwakker dan de wet al eist voor"
                        f" {groups_text} ({limit.law}); {nl_verb} naar {bound}.",
                        f"{criterion.id}: the chosen value {value} for"
                        f" ‘{spec.description.en}’ is weaker than the law already requires for"
                        f" {groups_text} ({limit.law}); {en_verb} to {bound}.",
                        criterion.id,
                    )
                )
                value, origin = bound, "law"
        # Made without validating: every value comes from the validated catalogue, the
        # checked overrides or a legal limit.
        resolved.append(
            light(
                ResolvedParameter,
                name=name,
                value=value,
                unit=spec.unit,
                origin=origin,
                confidence=spec.confidence,
                description=spec.description,
                minimum=spec.min,
                maximum=spec.max,
                allowed=list(spec.allowed) if spec.allowed is not None else None,
                concerns_lots=spec.product_groups is None
                or bool(groups & set(spec.product_groups)),
                value_labels=dict(spec.value_labels),
            )
        )
    return resolved, notices
