"""What the buyer chooses beyond the purchase itself: ambition per theme, the policies the
buyer has committed to, and criteria included or excluded by id ("comply or explain")."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, field_validator, model_validator
from pydantic.functional_validators import AfterValidator

from .vocabulary import Theme, _Strict, single_line


class Ambition(BaseModel):
    """Ambition level 1-3 (basis, significant, ambitious), overall and optionally per theme."""

    model_config = _Strict

    level: int = Field(
        ge=1, le=3, description="Ambition for every theme: 1 basis, 2 significant, 3 ambitious"
    )
    climate: int | None = Field(default=None, ge=1, le=3, description="Overrides level for climate")
    circularity: int | None = Field(
        default=None, ge=1, le=3, description="Overrides level for circularity"
    )
    social: int | None = Field(default=None, ge=1, le=3, description="Overrides level for social")
    environment: int | None = Field(
        default=None, ge=1, le=3, description="Overrides level for environment"
    )

    def for_theme(self, theme: Theme) -> int:
        """The level for a theme: its own setting, else the overall level."""
        own: int | None = getattr(self, theme.value)
        return own if own is not None else self.level


class Commitments(BaseModel):
    """Policies the buyer has already committed to."""

    model_config = _Strict

    electronics_watch_affiliate: bool = Field(
        default=False, description="The buyer is affiliated with Electronics Watch"
    )
    fira_participant: bool = Field(
        default=False,
        description="The buyer takes part in FIRA (which rates suppliers' CSR as organisations)",
    )
    isv_policy: bool = Field(
        default=False,
        description="The buyer applies the international social conditions (ISV) as policy",
    )
    csr_targets: list[Annotated[str, AfterValidator(single_line)]] = Field(
        default_factory=list, description="Own CSR targets, free text"
    )


ParameterValue = int | float | bool | str


class CriterionChoice(BaseModel):
    """One criterion the buyer adds or leaves out by id, with the reason ("comply or explain")."""

    model_config = _Strict

    id: str = Field(
        min_length=1,
        description="Criterion id as in the catalogue, e.g. MVI-ROB-001 (see `mvi-rules list`);"
        " an unknown id is an error that names the nearest known one",
    )
    reason: str = Field(
        min_length=3,
        description="Why the buyer adds or leaves out this criterion; printed in the annex",
    )

    @field_validator("reason")
    @classmethod
    def _reason_single_line(cls, value: str) -> str:
        return single_line(value)


class CriteriaChoices(BaseModel):
    """Criteria the buyer adds to, or leaves out of, the selection, each with a reason.

    An included criterion is selected for every lot whose product groups it fits, whatever its
    condition or ambition level; an excluded one is selected for no lot and is listed with the
    reason among the criteria left out. A criterion the law makes mandatory for this profile
    (e.g. the ISV for the State) cannot be excluded.
    """

    model_config = _Strict

    include: list[CriterionChoice] = Field(
        default_factory=list, description="Criteria to add, each with id and reason"
    )
    exclude: list[CriterionChoice] = Field(
        default_factory=list, description="Criteria to leave out, each with id and reason"
    )

    @model_validator(mode="after")
    def _each_id_once(self) -> CriteriaChoices:
        seen: dict[str, str] = {}
        for where, choices in (("include", self.include), ("exclude", self.exclude)):
            for choice in choices:
                if choice.id in seen:
                    raise ValueError(
                        f"{choice.id} is listed in {seen[choice.id]} and again in {where};"
                        " name each criterion once, under include or under exclude"
                    )
                seen[choice.id] = where
        return self

    def excluded(self, criterion_id: str) -> CriterionChoice | None:
        """The exclusion of ``criterion_id``, or ``None``."""
        return next((c for c in self.exclude if c.id == criterion_id), None)

    def included(self, criterion_id: str) -> CriterionChoice | None:
        """The inclusion of ``criterion_id``, or ``None``."""
        return next((c for c in self.include if c.id == criterion_id), None)
