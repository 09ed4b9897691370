"""``mvi-rules examples``: list the shipped example profiles and ledgers, or write one."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .._atomic import write_atomic
from ..examples import example_text, list_examples
from ._common import output_options


@click.command("examples")
@click.argument("name", required=False)
@output_options("example")
def examples_command(name: str | None, output: Path | None, force: bool) -> None:
    """List the example profiles and contract ledgers, or write the one called NAME.

    Example: mvi-rules examples gemeente-laptops -o profile.yaml
    """
    if name is None:
        if output is not None:
            raise click.UsageError("name the example to write, e.g. 'examples gemeente-laptops'")
        examples = list_examples()
        width = max(len(e.name) for e in examples)
        for example in examples:
            click.echo(f"{example.name:<{width}}  {example.kind:<7}  {example.summary}")
        return
    text = example_text(name)
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return
    write_atomic(output, text.encode("utf-8"), force=force)
    click.echo(f"{output}: example {name.removesuffix('.yaml')} written", err=True)
