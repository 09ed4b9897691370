"""What a Python user expects of the package and its command line: ``python -m mvi_rules``,
data found through importlib.resources, a profile from standard input, quiet and verbose
output, and an organisation's own catalogue named by flag, environment or config file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from mvi_rules import Catalogue
from mvi_rules._resources import rulesets_dir, templates_dir
from mvi_rules.cli import main
from mvi_rules.cli._config import resolve

from .conftest import EXAMPLES, REPO, make_rulesets
from .test_catalogue_loader import CRITERION


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


# --- a profile from standard input ------------------------------------------------------------

PROFILE = EXAMPLES / "gemeente-laptops.yaml"


def invoke(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin, env=env)


def test_stdin_selects_the_same_criteria_as_the_file() -> None:
    from_file = invoke("generate", str(PROFILE), "-o", "-")
    from_stdin = invoke("generate", "-", "-o", "-", stdin=PROFILE.read_text(encoding="utf-8"))
    assert from_file.exit_code == 0 and from_stdin.exit_code == 0, from_stdin.stderr
    ids = [[c["id"] for c in json.loads(r.stdout)["selected"]] for r in (from_file, from_stdin)]
    assert ids[0] == ids[1] and "MVI-LIF-005" in ids[0]


def test_a_bad_profile_on_stdin_is_reported_as_stdin_with_its_line() -> None:
    text = PROFILE.read_text(encoding="utf-8").replace("ambition:", "ambitoin:", 1)
    line = 1 + text.splitlines().index("ambitoin:")
    result = invoke("validate", "-", stdin=text)
    assert result.exit_code == 1
    assert f"<stdin>:{line}: ambitoin: unknown field" in result.stderr
    assert "mvi-rules-" not in result.stderr  # never the temporary file's name


def test_validate_names_stdin() -> None:
    result = invoke("validate", "-", stdin=PROFILE.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<stdin>: valid (2 lot(s)")


# --- quiet and verbose ----------------------------------------------------------------------------


def test_quiet_generate_prints_nothing_but_writes_the_document(tmp_path: Path) -> None:
    loud = invoke("generate", str(PROFILE), "-o", str(tmp_path / "a.docx"))
    quiet = invoke("--quiet", "generate", str(PROFILE), "-o", str(tmp_path / "b.docx"))
    assert "criteria for 2 lot(s)" in loud.stderr
    assert quiet.exit_code == 0 and quiet.stdout == "" and quiet.stderr == ""
    assert (tmp_path / "b.docx").read_bytes() == (tmp_path / "a.docx").read_bytes()


def test_quiet_validate_is_silent_on_success_but_still_reports_errors(write: Any) -> None:
    assert invoke("-q", "validate", str(PROFILE)).output == ""
    bad = write("bad.yaml", PROFILE.read_text(encoding="utf-8").replace("ambition:", "ambitoin:"))
    result = invoke("-q", "validate", str(bad))
    assert result.exit_code == 1 and "ambitoin: unknown field" in result.stderr


def test_verbose_says_which_catalogue_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MVI_RULES_RULESETS", raising=False)
    monkeypatch.delenv("MVI_RULES_TEMPLATES", raising=False)
    result = invoke("-v", "validate", str(PROFILE))
    assert result.exit_code == 0
    assert "rulesets: shipped with mvi-rules" in result.stderr
    assert "rulesets version 2026." in result.stderr


def test_quiet_and_verbose_together_are_refused() -> None:
    result = invoke("-q", "-v", "list")
    assert result.exit_code == 2
    assert "--quiet and --verbose cannot be used together" in result.stderr


# --- an organisation's own catalogue: flag > environment > config file > shipped ---------------


def own_catalogue(root: Path, criterion_id: str) -> Path:
    """A catalogue under ``root`` (``rulesets/``, ``templates/``) with one criterion."""
    root.mkdir(parents=True)
    topic = CRITERION.replace("MVI-TST-001", criterion_id)
    make_rulesets(root, topic, "Ten minste {{ p.years }} jaar.\n")
    return root


def listed(*args: str, env: dict[str, str] | None = None) -> list[str]:
    result = invoke(*args, "list", "--format", "json", env=env)
    assert result.exit_code == 0, result.stderr
    return sorted(c["id"] for c in json.loads(result.stdout)["criteria"])


@pytest.fixture
def orgs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Three catalogues (config, env, flag), the working directory an empty project dir."""
    monkeypatch.delenv("MVI_RULES_RULESETS", raising=False)
    monkeypatch.delenv("MVI_RULES_TEMPLATES", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return {
        name: own_catalogue(tmp_path / name, f"MVI-TST-00{i}")
        for i, name in enumerate(("config", "env", "flag"), start=1)
    }


def config_file(orgs: dict[str, Path], name: str = "mvi-rules.toml") -> Path:
    # Relative to the config file: the form an organisation commits.
    path = Path.cwd() / name
    table = "[tool.mvi-rules]\n" if name == "pyproject.toml" else ""
    path.write_text(
        f'{table}rulesets = "../config/rulesets"\ntemplates = "../config/templates"\n',
        encoding="utf-8",
    )
    return path


def env_for(orgs: dict[str, Path]) -> dict[str, str]:
    return {
        "MVI_RULES_RULESETS": str(orgs["env"] / "rulesets"),
        "MVI_RULES_TEMPLATES": str(orgs["env"] / "templates"),
    }


def flags_for(orgs: dict[str, Path]) -> tuple[str, ...]:
    return (
        "--rulesets",
        str(orgs["flag"] / "rulesets"),
        "--templates",
        str(orgs["flag"] / "templates"),
    )


def paths(env: dict[str, str] | None = None) -> dict[str, Path | None]:
    settings = resolve({"rulesets": None, "templates": None}, env or {}, Path.cwd())
    return {key: setting.path for key, setting in settings.items()}


def test_default_is_the_shipped_catalogue(orgs: dict[str, Path]) -> None:
    assert paths() == {"rulesets": None, "templates": None}


def test_config_file_names_the_catalogue(orgs: dict[str, Path]) -> None:
    config_file(orgs)
    assert listed() == ["MVI-TST-001"]


def test_pyproject_table_names_the_catalogue(orgs: dict[str, Path]) -> None:
    config_file(orgs, "pyproject.toml")
    assert paths()["rulesets"] == orgs["config"] / "rulesets"
    assert paths()["templates"] == orgs["config"] / "templates"


def test_mvi_rules_toml_wins_over_pyproject(orgs: dict[str, Path]) -> None:
    config_file(orgs)
    (Path.cwd() / "pyproject.toml").write_text(
        '[tool.mvi-rules]\nrulesets = "nowhere"\ntemplates = "nowhere"\n', encoding="utf-8"
    )
    assert paths()["rulesets"] == orgs["config"] / "rulesets"


def test_a_pyproject_without_the_table_is_ignored(orgs: dict[str, Path]) -> None:
    (Path.cwd() / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert paths() == {"rulesets": None, "templates": None}


def test_environment_wins_over_config(orgs: dict[str, Path]) -> None:
    config_file(orgs)
    assert paths(env_for(orgs))["rulesets"] == orgs["env"] / "rulesets"
    assert listed(env=env_for(orgs)) == ["MVI-TST-002"]


def test_flag_wins_over_environment_and_config(orgs: dict[str, Path]) -> None:
    config_file(orgs)
    result = invoke("-v", "list", "--format", "json", *flags_for(orgs), env=env_for(orgs))
    assert [c["id"] for c in json.loads(result.stdout)["criteria"]] == ["MVI-TST-003"]
    assert f"rulesets: {orgs['flag'] / 'rulesets'} (from --rulesets)" in result.stderr


def test_each_directory_is_resolved_on_its_own(orgs: dict[str, Path]) -> None:
    # Rulesets from the environment, templates from the config file.
    config_file(orgs)
    env = {"MVI_RULES_RULESETS": str(orgs["env"] / "rulesets")}
    result = invoke("-v", "list", env=env)
    assert result.exit_code == 0, result.stderr
    assert f"rulesets: {orgs['env'] / 'rulesets'} (from MVI_RULES_RULESETS)" in result.stderr
    config = Path.cwd() / "mvi-rules.toml"
    assert f"templates: {orgs['config'] / 'templates'} (from {config})" in result.stderr


def test_a_mistyped_config_setting_is_an_error_naming_file_and_key(orgs: dict[str, Path]) -> None:
    (Path.cwd() / "mvi-rules.toml").write_text('ruleset = "x"\n', encoding="utf-8")
    result = invoke("list")
    assert result.exit_code == 1
    assert "mvi-rules.toml: ruleset: unknown setting; valid settings: rulesets, templates" in (
        result.stderr
    )


def test_invalid_toml_is_an_error_naming_the_file(orgs: dict[str, Path]) -> None:
    (Path.cwd() / "pyproject.toml").write_text("[tool.mvi-rules\n", encoding="utf-8")
    result = invoke("list")
    assert result.exit_code == 1
    assert "pyproject.toml: not valid TOML" in result.stderr
    assert "Traceback" not in result.output


def test_list_filters_by_theme(catalogue: Catalogue) -> None:
    result = invoke("list", "--theme", "social", "--format", "json")
    criteria = json.loads(result.stdout)["criteria"]
    assert criteria and all("social" in c["themes"] for c in criteria)
    social = [e for e in catalogue if "social" in {t.value for t in e.criterion.themes}]
    assert len(criteria) == len(social) < len(catalogue)


def test_list_fits_the_terminal_and_loses_no_product_group() -> None:
    columns = 80
    result = invoke("list", env={"COLUMNS": str(columns)})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    # Every product group of a criterion is still shown, on continuation lines if need be.
    shown = " ".join(lines)
    assert "data_centre_service" in shown and "network_equipment" in shown


def test_shell_completion_offers_the_themes() -> None:
    # The completion the README documents: Click's, keyed on the program name.
    done = subprocess.run(
        [sys.executable, "-m", "mvi_rules"],
        env={
            **os.environ,
            "_MVI_RULES_COMPLETE": "bash_complete",
            "COMP_WORDS": "mvi-rules list --theme ",
            "COMP_CWORD": "3",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [
        "plain,climate",
        "plain,circularity",
        "plain,social",
        "plain,environment",
    ]


def _run_generate(tmp_path: Path, *flags: str) -> Result:
    runner = CliRunner()
    out = tmp_path / "annex.json"
    return runner.invoke(
        main, [*flags, "generate", str(EXAMPLES / "gemeente-laptops.yaml"), "-o", str(out)]
    )


def test_progress_is_silent_when_not_a_terminal(tmp_path: Path) -> None:
    result = _run_generate(tmp_path)
    assert result.exit_code == 0, result.output
    assert "\r" not in result.output
    assert "selecting criteria" not in result.output


def test_progress_shows_steps_on_a_terminal_and_quiet_silences_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mvi_rules.cli import _common

    monkeypatch.setattr(_common, "_on_terminal", lambda: True)
    shown = _run_generate(tmp_path)
    assert shown.exit_code == 0, shown.output
    assert "selecting criteria ..." in shown.output
    assert shown.output.count("\r") >= 4
    (tmp_path / "annex.json").unlink()
    quiet = _run_generate(tmp_path, "--quiet")
    assert quiet.exit_code == 0, quiet.output
    assert "selecting criteria" not in quiet.output


def test_a_closed_pipe_ends_quietly() -> None:
    # `mvi-rules explain ... | head -1`: the reader stops after one line of an output larger
    # than a pipe's buffer; no "Broken pipe" error.
    proc = subprocess.Popen(
        [sys.executable, "-m", "mvi_rules", "explain", str(EXAMPLES / "hogeschool-infra.yaml")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert "Broken pipe" not in err
    assert "Traceback" not in err


def test_help_lists_every_command_with_its_own_short_help() -> None:
    import click

    from mvi_rules.cli import COMMANDS

    ctx = click.Context(main)
    for name, (_module, _function, short) in COMMANDS.items():
        command = main.get_command(ctx, name)
        assert command is not None, name
        assert command.get_short_help_str(limit=200) == short, name
    listed = CliRunner().invoke(main, ["--help"]).output
    for name in COMMANDS:
        assert f"  {name} " in listed


def test_help_and_version_do_not_load_the_catalogue() -> None:
    # `mvi-rules --help` and `--version` answer without importing the catalogue, the engine,
    # python-docx or Pillow (issue 13: their cost is a few times `import click`).
    code = (
        "import sys\n"
        "from mvi_rules.cli import main\n"
        "for args in (['--help'], ['--version']):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = [m for m in ('mvi_rules.catalogue', 'docx', 'durable', 'mvi_rules.selection',"
        " 'PIL') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "HEAVY []" in out, out
