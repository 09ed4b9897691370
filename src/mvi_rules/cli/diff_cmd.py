"""``mvi-rules diff OLD NEW``: what changed between two catalogue versions, for a reviewer."""

from __future__ import annotations

from pathlib import Path

import click

from .._resources import examples_dir
from ..diff import as_json, diff_catalogues, markdown, text
from ..profile import ProcurementProfile
from ._common import format_option, read_profile


@click.command("diff")
@click.argument("old")
@click.argument("new")
@format_option(
    "markdown",
    "text",
    "json",
    help="markdown: for a pull request description; text: for a terminal; json: for systems.",
)
@click.option(
    "--profile",
    "profile_paths",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Profile whose gained and lost criteria to show (repeatable; default: the example "
    "profiles and the profiles of the new version's rulesets/tests).",
)
@click.option(
    "--repo",
    type=click.Path(file_okay=False, path_type=Path),
    help="Git repository for OLD and NEW given as refs (default: the current directory's).",
)
def diff_command(
    old: str, new: str, fmt: str, profile_paths: tuple[Path, ...], repo: Path | None
) -> None:
    """Compare catalogue versions OLD and NEW: each a git ref (v2026.1.0, HEAD, main) or a
    directory (a rulesets directory, or a checkout holding rulesets/ and clause_templates/).

    Exit status 0: nothing changed; 1: something changed (or an error).
    """
    profiles: list[tuple[str, ProcurementProfile]] | None = None
    if profile_paths:
        profiles = [(str(path), read_profile(path)) for path in profile_paths]
    result = diff_catalogues(old, new, repo=repo, profiles=profiles, examples=examples_dir())
    render = {"markdown": markdown, "text": text, "json": as_json}[fmt]
    click.echo(render(result), nl=fmt == "json")
    if result.anything_changed:
        raise SystemExit(1)
