"""``mvi-rules init``: an interview in the terminal that writes a valid, commented profile.

Every question has a default (Enter takes it) and a one-line explanation. Each answer is checked
as it is given: a wrong one is asked again, with "did you mean" for a near miss. The profile is
validated as a whole before anything is written, and an existing file is never overwritten
without ``--force``. ``--answers FILE`` (YAML or JSON, question key -> answer) answers without
a terminal, for scripts and tests; a question it leaves out gets its default.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from .._atomic import write_atomic
from .._yaml import load_located
from ..errors import InputError, ProfileError
from ..profile import parse_profile
from ..profile.write import profile_yaml
from ._init_questions import run_interview
from ._interview import Interview


def _load_answers(path: Path) -> dict[str, Any]:
    located = load_located(path, ProfileError)
    if not isinstance(located.data, dict):
        raise click.ClickException(f"{path}: an answers file is a mapping of question keys")
    return {str(k): v for k, v in located.data.items()}


@click.command("init")
@click.option(
    "-o",
    "--output",
    default="profile.yaml",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The profile file to write.",
)
@click.option(
    "--answers",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Take the answers from this YAML or JSON file (question key -> answer) instead of asking.",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def init_command(output: Path, answers: Path | None, force: bool) -> None:
    """Write a procurement profile by answering questions (Enter takes the default).

    Example: mvi-rules init -o profile.yaml
    """
    # Refuse before the questions, so nobody answers them for nothing.
    if output.exists() and not force:
        raise click.ClickException(f"{output} already exists; use --force to overwrite it")
    interview = Interview(_load_answers(answers) if answers else None, str(answers))
    if answers is None:
        click.echo("A few questions about your procurement; Enter takes the [default].")
    data = run_interview(interview, date.today())
    unused = interview.unused()
    if unused:
        raise click.ClickException(
            f"{answers}: no question has the key(s) {', '.join(unused)}; nothing written"
        )
    try:
        profile = parse_profile(data, str(output))
    except InputError as exc:
        raise click.ClickException(
            f"the answers do not make a valid profile; nothing written\n{exc}"
        ) from None
    header = (
        f"Procurement profile written by 'mvi-rules init' for {profile.buyer.name}.\n"
        f"Check it with: mvi-rules validate {output.name}\n"
        f"Generate the annex with: mvi-rules generate {output.name} -o annex.docx"
    )
    text = profile_yaml(profile, header, notes=interview.explained)
    write_atomic(output, text.encode("utf-8"), force=force)
    click.echo(f"{output}: profile written ({len(profile.lots)} lot(s))", err=True)
