"""``mvi-rules schema``: the JSON Schema of a profile, ruleset, ledger or systems result."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .._atomic import write_atomic
from ..schema import KINDS, schema_text
from ._common import output_options


@click.command("schema")
@click.argument("kind", type=click.Choice(KINDS))
@output_options("schema")
def schema_command(kind: str, output: Path | None, force: bool) -> None:
    """Print the JSON Schema of KIND: profile, ruleset (a topic file), ledger or result.

    Editors complete and check a YAML file whose first line names the schema:

    \b
    # yaml-language-server: $schema=profile.schema.json

    Example: mvi-rules schema profile -o profile.schema.json
    """
    text = schema_text(kind)
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return
    write_atomic(output, text.encode("utf-8"), force=force)
    click.echo(f"{output}: {kind} schema written", err=True)
