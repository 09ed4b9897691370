"""A lint finding: where in which file, which rule, and what is wrong."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Finding(BaseModel):
    """One thing a lint rule found, at a file, line and column (both 1-based)."""

    model_config = ConfigDict(frozen=True)

    file: str
    line: int = Field(default=1, ge=1)
    col: int = Field(default=1, ge=1)
    code: str = Field(description="The rule's stable code, e.g. MVI003")
    message: str
    criterion: str | None = Field(
        default=None, description="The criterion the finding concerns, where there is one"
    )

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.code} {self.message}"

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Findings are reported by file, line, column, code, message."""
        return (self.file, self.line, self.col, self.code, self.message)
