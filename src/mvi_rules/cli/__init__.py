"""The ``mvi-rules`` command line. Nothing in the library imports this package."""

from __future__ import annotations

import click

from .._version import __version__
from ._common import FriendlyGroup, set_verbosity


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    # The ruleset version matters as much as the code version: it decides the document.
    from ..catalogue import load_catalogue

    try:
        ruleset = load_catalogue().version
    except Exception as exc:  # the version must print even when the catalogue is broken
        ruleset = f"unavailable ({type(exc).__name__})"
    click.echo(f"mvi-rules {__version__}\nrulesets {ruleset}")
    ctx.exit()


@click.group(cls=FriendlyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the library and ruleset versions and exit.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only results and errors.")
@click.option(
    "-v", "--verbose", is_flag=True, help="Also say which catalogue is used and where from."
)
@click.pass_context
def main(ctx: click.Context, quiet: bool, verbose: bool) -> None:
    """mvi-rules: sustainable ICT procurement criteria (MVI) as tender clauses.

    Write a procurement profile (YAML or JSON; see examples/), check it with
    'validate', then 'generate' the Word annex for your tender. A profile
    argument of '-' reads the profile from standard input.
    """
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose cannot be used together")
    set_verbosity(ctx, -1 if quiet else 1 if verbose else 0)


# Commands are registered below, one module each.
from .change import change_command  # noqa: E402
from .diff_cmd import diff_command  # noqa: E402
from .examples_cmd import examples_command  # noqa: E402
from .explain import explain_command  # noqa: E402
from .generate import generate_command  # noqa: E402
from .init_cmd import init_command  # noqa: E402
from .lint_cmd import lint_command  # noqa: E402
from .list_cmd import list_command  # noqa: E402
from .test_cmd import test_command  # noqa: E402
from .validate import validate_command  # noqa: E402

main.add_command(generate_command)
main.add_command(validate_command)
main.add_command(list_command)
main.add_command(explain_command)
main.add_command(change_command)
main.add_command(test_command)
main.add_command(examples_command)
main.add_command(init_command)
main.add_command(lint_command)
main.add_command(diff_command)
