"""What changed between two catalogue versions, as data (the reports render it in words)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

_Frozen = ConfigDict(frozen=True)


class CriterionRef(BaseModel):
    """A criterion named by id and Dutch title."""

    model_config = _Frozen

    id: str
    title: str
    version: int


class FieldChange(BaseModel):
    """One aspect of a criterion before and after, in the words of the ruleset."""

    model_config = _Frozen

    field: str = Field(description="What changed, e.g. 'condition' or 'parameter years: default'")
    old: str = Field(description="Before ('-' when it did not exist)")
    new: str = Field(description="After ('-' when it no longer exists)")


class TextSegment(BaseModel):
    """A run of words of a clause text that is kept, removed or added."""

    model_config = _Frozen

    kind: Literal["same", "removed", "added"]
    text: str


class TextDiff(BaseModel):
    """The word-level difference of one clause template in one language."""

    model_config = _Frozen

    lang: str
    segments: list[TextSegment]


class CriterionChange(BaseModel):
    """A criterion in both versions whose definition or clause text differs."""

    model_config = _Frozen

    id: str
    title: str
    old_version: int
    new_version: int
    changes: list[FieldChange]
    texts: list[TextDiff]
    version_expected: bool = Field(
        description="The condition, parameters, level, type or clause text changed, so the"
        " version should be raised"
    )

    @property
    def version_bumped(self) -> bool:
        """Whether the new version number is higher."""
        return self.new_version > self.old_version


class ProfileChange(BaseModel):
    """What one profile gains and loses: criteria (with the lots they apply to)."""

    model_config = _Frozen

    profile: str
    gained: list[str] = Field(default_factory=list)
    lost: list[str] = Field(default_factory=list)
    error: str | None = Field(default=None, description="Why a version could not evaluate it")


class CatalogueDiff(BaseModel):
    """Everything that changed between two catalogue versions."""

    model_config = _Frozen

    old: str = Field(description="The old version as named (directory or git ref)")
    new: str
    old_version: str = Field(description="catalogue.yaml version of the old catalogue")
    new_version: str
    added: list[CriterionRef]
    removed: list[CriterionRef]
    changed: list[CriterionChange]
    other_files: list[str] = Field(
        description="Registry files (labels, sources, thresholds, ...) whose content changed"
    )
    profiles: list[ProfileChange]

    @property
    def anything_changed(self) -> bool:
        """Whether the two versions differ in any criterion or registry file."""
        return bool(self.added or self.removed or self.changed or self.other_files)
