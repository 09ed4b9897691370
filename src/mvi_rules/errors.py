"""Exceptions raised by mvi-rules.

Every error the library raises on purpose derives from :class:`MviRulesError`, so a caller can
catch one class. Input errors carry a list of :class:`Problem` entries, each naming the file, the
field path and (where known) the line, so that all problems in a file are reported at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file."""

    file: str
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


class MviRulesError(Exception):
    """Root of every error mvi-rules raises on purpose."""


class InputError(MviRulesError):
    """An input file (profile, ruleset, template, ledger) is not valid.

    ``problems`` lists every problem found, not only the first.
    """

    kind = "input"

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self._summary())

    def _summary(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in {self.kind}"
        return head + ":\n" + "\n".join(f"  {p}" for p in self.problems)

    @classmethod
    def single(
        cls, file: str | Path, field: str, message: str, line: int | None = None
    ) -> InputError:
        """Build the error for one problem."""
        return cls([Problem(str(file), field, message, line)])


class ProfileError(InputError):
    """The procurement profile is not valid."""

    kind = "procurement profile"


class CatalogueError(InputError):
    """A ruleset file, the label registry or a clause template reference is not valid."""

    kind = "criteria catalogue"


class LedgerError(InputError):
    """A contract ledger (running-contract change history) is not valid."""

    kind = "contract ledger"


class ScenarioError(InputError):
    """A ruleset scenario test file is not valid."""

    kind = "scenario"


class ReferenceDocxError(InputError):
    """A house-style reference document cannot be read or lacks a style the annex uses."""

    kind = "house-style reference document"


class TemplateError(MviRulesError):
    """A clause template could not be rendered (for example, a variable it uses is missing)."""


class EngineError(MviRulesError):
    """The rules engine failed or disagreed with the reference evaluator."""


class ChartError(MviRulesError):
    """The lifetime chart cannot be drawn on this installation (Pillow without FreeType)."""


class OutputExistsError(MviRulesError):
    """The output file exists and overwriting was not asked for."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} already exists; use --force (force=True) to overwrite it")


class ConfigError(InputError):
    """The mvi-rules configuration (config file or ``[tool.mvi-rules]``) is not valid."""

    kind = "mvi-rules configuration"


class LintUsageError(MviRulesError):
    """A lint option names a rule code that does not exist."""


class VersionError(MviRulesError):
    """A version to compare is neither a catalogue directory nor a git ref that holds one."""


class ConditionSyntaxError(ValueError):
    """A condition cannot be parsed; ``path`` points inside the condition.

    Not an :class:`MviRulesError`: the loader catches it and reports it as a
    :class:`CatalogueError` with the ruleset file and line.
    """

    def __init__(self, path: tuple[str | int, ...], message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(message)


class AppendRefusedError(MviRulesError):
    """A proposed contract change cannot be recorded in its ledger under the chosen ground."""
