"""Scenario tests legal advisers can read: a profile in, criteria and phrases out; or a
contract ledger in, the change checker's verdicts out."""

from .changes import ChangeExpectation, ChangeScenario, DrawerExpectation
from .model import DocumentExpectation, Expectation, Scenario
from .run import (
    LoadedChangeScenario,
    LoadedScenario,
    ScenarioOutcome,
    default_scenarios_dir,
    discover,
    load_scenario,
    run_scenario,
)

__all__ = [
    "ChangeExpectation",
    "ChangeScenario",
    "DocumentExpectation",
    "DrawerExpectation",
    "Expectation",
    "LoadedChangeScenario",
    "LoadedScenario",
    "Scenario",
    "ScenarioOutcome",
    "default_scenarios_dir",
    "discover",
    "load_scenario",
    "run_scenario",
]
