"""The ruleset scenario tests (rulesets/tests/*.yaml) run as part of the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mvi_rules import Catalogue, ScenarioError
from mvi_rules.cli import main
from mvi_rules.scenarios import default_scenarios_dir, discover, load_scenario, run_scenario

SCENARIOS = discover([default_scenarios_dir()])


def test_there_are_scenarios() -> None:
    assert len(SCENARIOS) >= 2


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_scenario(path: Path, catalogue: Catalogue) -> None:
    outcome = run_scenario(load_scenario(path), catalogue)
    assert outcome.passed, f"{path.name}: {outcome.name}\n" + "\n".join(outcome.failures)


FAILING = """\
scenario: Expectations that do not hold are reported one by one
profile:
  buyer: {name: X, authority_type: municipality, jurisdiction: NL}
  procurement: {title: T, reference_date: 2026-03-01, estimated_value_eur: 100000,
                contract_term_years: 2}
  lots:
    - {id: 1, name: Schermen, product_group: monitor, quantity: 5}
  ambition: {level: 1}
expect:
  selected:
    MVI-REP-004: [1]
    MVI-NOPE-001: all
  not_selected: [MVI-LIF-005]
  notices: [legal-limit]
  document:
    contains: ["een zin die er niet staat"]
    not_contains: ["Aanbestedingswet 2012"]
"""


def test_a_failing_scenario_says_what_did_not_hold(write, catalogue: Catalogue) -> None:
    outcome = run_scenario(load_scenario(write("s.yaml", FAILING)), catalogue)
    assert not outcome.passed
    assert outcome.failures == [
        "MVI-NOPE-001 is not in catalogue " + catalogue.version,
        "MVI-REP-004 should be selected for lot(s) 1, but is selected for no lot",
        "MVI-LIF-005 should not be selected, but is selected for lot(s) 1",
        outcome.failures[3],
        "the document should contain 'een zin die er niet staat'",
        "the document should not contain 'Aanbestedingswet 2012'",
    ]
    assert outcome.failures[3].startswith("notice 'legal-limit' expected; notices were:")


def test_a_bad_profile_in_a_scenario_names_its_line(write) -> None:
    path = write("s.yaml", FAILING.replace("level: 1}", "level: 7}"))
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    (problem,) = info.value.problems
    assert problem.field == "profile.ambition.level" and problem.line == 8


def test_the_cli_runs_scenarios_and_exits_non_zero_on_failure(write) -> None:
    good = default_scenarios_dir() / "options_belgium.yaml"
    bad = write("s.yaml", FAILING)
    result = CliRunner().invoke(main, ["test", str(good), str(bad)])
    assert result.exit_code == 1
    assert "PASS  options_belgium.yaml" in result.stdout
    assert "FAIL  s.yaml" in result.stdout
    assert result.stdout.rstrip().endswith("1 passed, 1 failed")


def test_the_cli_runs_the_shipped_scenarios_by_default() -> None:
    result = CliRunner().invoke(main, ["test"])
    assert f"{len(SCENARIOS)} passed, 0 failed" in result.stdout
    assert result.exit_code == 0
