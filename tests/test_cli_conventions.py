"""What a Python user expects of the package and its command line: ``python -m mvi_rules``,
data found through importlib.resources, a profile from standard input, quiet and verbose
output, and an organisation's own catalogue named by flag, environment or config file."""

from __future__ import annotations

import subprocess
import sys

from mvi_rules._resources import rulesets_dir, templates_dir

from .conftest import REPO


def test_python_dash_m_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mvi_rules", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage: mvi-rules ")
    assert "generate" in done.stdout


def test_shipped_data_is_found_in_the_checkout() -> None:
    # The tests run from an editable install: the catalogue at the top of the repository.
    assert rulesets_dir() == REPO / "rulesets"
    assert (rulesets_dir() / "catalogue.yaml").is_file()
    assert (templates_dir() / "nl").is_dir()
