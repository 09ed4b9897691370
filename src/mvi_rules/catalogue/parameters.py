"""A criterion's parameters: the values a buyer may set (default, range, unit, confidence) and
the legal floor or ceiling that binds them."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field, field_validator, model_validator

from ..profile.model import ProductGroup
from .vocabulary import Confidence, LocalText, ParamValue, _finite, _Strict


class LegalLimit(BaseModel):
    """What the law already requires of a parameter for some product groups.

    A generated requirement must never be weaker than the law: a value below ``at_least`` (or
    above ``at_most``) for these product groups is raised (lowered) to the limit, and the result
    says so.
    """

    model_config = _Strict

    product_groups: list[ProductGroup] = Field(min_length=1)
    at_least: float | None = None
    at_most: float | None = None
    law: str = Field(min_length=1, description="The legal act and provision, e.g. Annex II")
    in_force_from: date

    @field_validator("at_least", "at_most")
    @classmethod
    def _finite_bound(cls, value: float | None) -> float | None:
        return _finite(value)

    @model_validator(mode="after")
    def _one_bound(self) -> LegalLimit:
        if (self.at_least is None) == (self.at_most is None):
            raise ValueError("a legal limit has exactly one of at_least or at_most")
        return self

    def violated_by(self, value: float) -> bool:
        """Whether ``value`` is weaker than this limit."""
        if self.at_least is not None:
            return value < self.at_least
        return self.at_most is not None and value > self.at_most

    @property
    def bound(self) -> float:
        """The limit's value."""
        return self.at_least if self.at_least is not None else float(self.at_most or 0)


class Parameter(BaseModel):
    """A value a clause uses, with its default, allowed range and how sure we are of it."""

    model_config = _Strict

    default: ParamValue
    min: float | None = None
    max: float | None = None
    allowed: list[ParamValue] | None = None
    unit: str | None = None
    description: LocalText
    confidence: Confidence = Confidence.CONFIRMED
    legal_limits: list[LegalLimit] = Field(default_factory=list)
    product_groups: list[ProductGroup] | None = Field(
        default=None,
        description="The product groups the value concerns (e.g. a degree of protection for"
        " tablets); a document for lots that buy none of them does not ask the buyer about it."
        " Unset: the value concerns every group of the criterion",
    )
    value_labels: dict[str, LocalText] = Field(
        default_factory=dict,
        description="How a document names a coded value, e.g. none: {nl: geen eis, en: no"
        " requirement}",
    )

    @field_validator("default", "min", "max")
    @classmethod
    def _finite_numbers(cls, value: ParamValue | None) -> ParamValue | None:
        return _finite(value)

    @field_validator("allowed")
    @classmethod
    def _finite_allowed(cls, value: list[ParamValue] | None) -> list[ParamValue] | None:
        for item in value or ():
            _finite(item)
        return value

    @model_validator(mode="after")
    def _labels_name_values(self) -> Parameter:
        known = {str(v) for v in (self.allowed or [self.default])}
        unknown = sorted(set(self.value_labels) - known)
        if unknown:
            raise ValueError(
                f"value_labels name {', '.join(unknown)}, which is not an allowed value"
                f" (allowed: {', '.join(sorted(known))})"
            )
        return self

    @model_validator(mode="after")
    def _bounds_in_order(self) -> Parameter:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min:g} is above max {self.max:g}")
        return self

    @model_validator(mode="after")
    def _default_in_range(self) -> Parameter:
        problem = self.check(self.default)
        if problem:
            raise ValueError(f"default {self.default!r}: {problem}")
        if self.legal_limits and (
            isinstance(self.default, bool) or not isinstance(self.default, (int, float))
        ):
            raise ValueError("legal_limits apply to numeric parameters only")
        for limit in self.legal_limits:
            if isinstance(self.default, (int, float)) and limit.violated_by(self.default):
                raise ValueError(
                    f"default {self.default!r} is weaker than the law ({limit.law}) for "
                    + ", ".join(g.value for g in limit.product_groups)
                )
        return self

    def check(self, value: ParamValue) -> str | None:
        """Why ``value`` is not allowed for this parameter, or ``None`` when it is."""
        if type(value) is not type(self.default) and not (
            isinstance(value, (int, float))
            and isinstance(self.default, (int, float))
            and not isinstance(value, bool)
            and not isinstance(self.default, bool)
        ):
            return f"must be a {type(self.default).__name__} like the default {self.default!r}"
        if self.allowed is not None and value not in self.allowed:
            return "must be one of " + ", ".join(repr(a) for a in self.allowed)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if self.min is not None and value < self.min:
                return f"must be at least {self.min:g}"
            if self.max is not None and value > self.max:
                return f"must be at most {self.max:g}"
        return None
