"""The ``mvi-rules`` command line. Nothing in the library imports this package."""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mvi-rules")
def main() -> None:
    """mvi-rules: sustainable ICT procurement criteria (MVI) as tender clauses."""


# Commands are registered below, one module each.
