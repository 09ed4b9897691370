"""Running scenario tests against a catalogue."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import docx
from pydantic import ValidationError

from .._resources import rulesets_dir
from .._validation import problems_from, validate_located
from .._yaml import load_located, plain
from ..catalogue import Catalogue
from ..changes import Ledger
from ..errors import ScenarioError
from ..profile.model import ProcurementProfile
from ..rendering import render_docx
from ..selection import EvaluationResult, evaluate
from .changes import ChangeScenario, load_ledger_of, run_change_scenario
from .model import Scenario


@dataclass(frozen=True)
class LoadedScenario:
    """A scenario file with its profile validated."""

    path: Path
    scenario: Scenario
    profile: ProcurementProfile


@dataclass(frozen=True)
class LoadedChangeScenario:
    """A change-checker scenario file with its ledger validated."""

    path: Path
    scenario: ChangeScenario
    ledger: Ledger


@dataclass(frozen=True)
class ScenarioOutcome:
    """The outcome of one scenario: empty ``failures`` means it passed."""

    path: Path
    name: str
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Whether every expectation held."""
        return not self.failures


def default_scenarios_dir() -> Path:
    """``rulesets/tests`` of the shipped catalogue."""
    return rulesets_dir() / "tests"


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Scenario files: files as given, directories searched for ``*.yaml`` (sorted)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(path.glob("*.yaml")))
        else:
            found.append(path)
    return found


def load_scenario(path: str | Path) -> LoadedScenario | LoadedChangeScenario:
    """Read and check a scenario file; errors name the file, field and line.

    A file with a ``ledger`` is a change-checker scenario; every other one has a ``profile``.
    """
    located = load_located(Path(path), ScenarioError)
    if isinstance(located.data, dict) and "ledger" in located.data:
        change = validate_located(ChangeScenario, located, ScenarioError)
        return LoadedChangeScenario(Path(path), change, load_ledger_of(change, located))
    scenario = validate_located(Scenario, located, ScenarioError)
    try:
        profile = ProcurementProfile.model_validate(plain(scenario.profile))
    except ValidationError as exc:
        raise ScenarioError(
            problems_from(exc, located, prefix=("profile",), model=ProcurementProfile)
        ) from None
    return LoadedScenario(Path(path), scenario, profile.with_source(f"{path} (profile)"))


def run_scenario(
    loaded: LoadedScenario | LoadedChangeScenario, catalogue: Catalogue
) -> ScenarioOutcome:
    """Evaluate the scenario's profile (or check its ledger) and compare with what it expects."""
    if isinstance(loaded, LoadedChangeScenario):
        found = run_change_scenario(loaded.scenario, loaded.ledger, str(loaded.path), catalogue)
        return ScenarioOutcome(loaded.path, loaded.scenario.scenario, found)
    expect = loaded.scenario.expect
    failures: list[str] = []
    result = evaluate(loaded.profile, catalogue)
    all_lots = [lot.id for lot in loaded.profile.lots]
    for criterion_id, lots in sorted(expect.selected.items()):
        wanted = all_lots if lots == "all" else list(lots)
        actual = _lots(result, catalogue, criterion_id, failures)
        if actual is not None and sorted(actual) != sorted(wanted):
            failures.append(
                f"{criterion_id} should be selected for lot(s) {_ids(wanted)}, "
                f"but is selected for {_ids(actual) or 'no lot'}"
            )
    for criterion_id in expect.not_selected:
        actual = _lots(result, catalogue, criterion_id, failures)
        if actual:
            failures.append(
                f"{criterion_id} should not be selected, but is selected for lot(s) {_ids(actual)}"
            )
    codes = {n.code for n in result.notices}
    for code in expect.notices:
        if code not in codes:
            failures.append(
                f"notice {code!r} expected; notices were: {', '.join(sorted(codes)) or 'none'}"
            )
    if expect.document is not None:
        text = _document_text(result, catalogue, expect.document.lang)
        failures.extend(
            f"the document should contain {phrase!r}"
            for phrase in expect.document.contains
            if phrase not in text
        )
        failures.extend(
            f"the document should not contain {phrase!r}"
            for phrase in expect.document.not_contains
            if phrase in text
        )
    return ScenarioOutcome(loaded.path, loaded.scenario.scenario, failures)


def _lots(
    result: EvaluationResult, catalogue: Catalogue, criterion_id: str, failures: list[str]
) -> list[str] | None:
    if catalogue.get(criterion_id) is None:
        failures.append(f"{criterion_id} is not in catalogue {catalogue.version}")
        return None
    outcome = result.outcome(criterion_id)
    return [] if outcome is None else list(outcome.lots)


def _ids(lots: Iterable[str]) -> str:
    return ", ".join(lots)


def _document_text(result: EvaluationResult, catalogue: Catalogue, lang: str | None) -> str:
    document = docx.Document(io.BytesIO(render_docx(result, catalogue, lang)))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    # Join with spaces as well as newlines so a phrase may run over a line break in a cell.
    return "\n".join(parts) + "\n" + " ".join(parts)
