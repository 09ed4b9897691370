"""Scenario test files (``rulesets/tests/*.yaml``): a profile and what must come out of it."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..profile.model import Language

_Strict = ConfigDict(extra="forbid", frozen=True)


class DocumentExpectation(BaseModel):
    """Phrases that must (not) appear in the rendered annex."""

    model_config = _Strict

    lang: Language | None = None
    contains: list[str] = Field(default_factory=list)
    not_contains: list[str] = Field(default_factory=list)


class Expectation(BaseModel):
    """What a legal adviser expects for the profile."""

    model_config = _Strict

    selected: dict[str, list[str] | Literal["all"]] = Field(
        default_factory=dict, description="Criterion id -> the exact lot ids it applies to"
    )
    not_selected: list[str] = Field(default_factory=list)
    notices: list[str] = Field(default_factory=list, description="Notice codes that must appear")
    document: DocumentExpectation | None = None

    @field_validator("selected", mode="before")
    @classmethod
    def _lot_ids_as_text(cls, value: Any) -> Any:
        # YAML reads an unquoted lot id 1 as a number; lot ids are text.
        if isinstance(value, dict):
            return {k: [str(i) for i in v] if isinstance(v, list) else v for k, v in value.items()}
        return value


class Scenario(BaseModel):
    """One scenario: a profile, evaluated against the catalogue, and the expected outcome."""

    model_config = _Strict

    scenario: str = Field(min_length=1, description="What the buyer does, in one line")
    description: str | None = None
    profile: dict[str, Any]
    expect: Expectation
