"""Scenario tests legal advisers can read: a profile in, criteria and phrases out."""

from .model import DocumentExpectation, Expectation, Scenario
from .run import (
    LoadedScenario,
    ScenarioOutcome,
    default_scenarios_dir,
    discover,
    load_scenario,
    run_scenario,
)

__all__ = [
    "DocumentExpectation",
    "Expectation",
    "LoadedScenario",
    "Scenario",
    "ScenarioOutcome",
    "default_scenarios_dir",
    "discover",
    "load_scenario",
    "run_scenario",
]
