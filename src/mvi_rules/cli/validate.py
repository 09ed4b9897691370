"""``mvi-rules validate``: check a profile and report every problem at once."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError, ProfileError
from ..selection import evaluate
from ._common import STDIN, STDIN_NAME, catalogue_options, info, open_catalogue, read_profile


@click.command("validate")
@click.argument(
    "profiles", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path)
)
@catalogue_options
def validate_command(
    profiles: tuple[Path, ...], rulesets: Path | None, templates: Path | None
) -> None:
    """Check one or more PROFILES ('-': stdin); list every problem with file, line and field."""
    catalogue = open_catalogue(rulesets, templates)
    problems = []
    for path in profiles:
        try:
            profile = read_profile(path)
            # Parameter overrides can only be checked against the catalogue.
            evaluate(profile, catalogue, backend="plain")
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        name = STDIN_NAME if str(path) == STDIN else path
        info(
            f"{name}: valid ({len(profile.lots)} lot(s), ambition {profile.ambition.level})",
            err=False,
        )
    if problems:
        raise ProfileError(problems)
