"""``mvi-rules test``: run the ruleset scenario tests."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError
from ..scenarios import default_scenarios_dir, discover, load_scenario, run_scenario
from ._common import catalogue_options, open_catalogue, progress, progress_done


@click.command("test")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@catalogue_options
def test_command(paths: tuple[Path, ...], rulesets: Path | None, templates: Path | None) -> None:
    """Run scenario tests (default: the rulesets' own tests/ folder).

    Each scenario file holds a profile and the criteria that must and must not be selected,
    notices that must appear and phrases the document must contain.
    """
    catalogue = open_catalogue(rulesets, templates)
    if paths:
        files = discover(paths)
    elif rulesets is not None:
        files = discover([rulesets / "tests"])
    else:
        files = discover([default_scenarios_dir()])
    if not files:
        raise click.ClickException("no scenario files found")
    passed = failed = 0
    for number, path in enumerate(files, start=1):
        progress(f"[{number}/{len(files)}] {path.name} ...")
        try:
            outcome = run_scenario(load_scenario(path), catalogue)
        except InputError as exc:
            progress_done()
            failed += 1
            click.echo(f"ERROR {path}\n" + "\n".join(f"  {p}" for p in exc.problems))
            continue
        progress_done()
        if outcome.passed:
            passed += 1
            click.echo(f"PASS  {path.name}: {outcome.name}")
        else:
            failed += 1
            click.echo(f"FAIL  {path.name}: {outcome.name}")
            for failure in outcome.failures:
                click.echo(f"      - {failure}")
    click.echo(f"\n{passed} passed, {failed} failed")
    if failed:
        click.get_current_context().exit(1)
