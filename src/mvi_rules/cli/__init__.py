"""The ``mvi-rules`` command line. Nothing in the library imports this package."""

from __future__ import annotations

from pathlib import Path

import click

from .._version import __version__
from ._common import FriendlyGroup, set_verbosity

__all__ = ["main"]

#: The rulesets' catalogue file (catalogue.files.META_FILE; importing it would load the catalogue).
_CATALOGUE_FILE = "catalogue.yaml"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    # The ruleset version matters as much as the code version: it decides the document. It is
    # read from catalogue.yaml alone (the rulesets the other commands would use), not by
    # loading the whole catalogue.
    from .._resources import rulesets_dir
    from ._config import resolve

    try:
        where = resolve({"rulesets": None, "templates": None})["rulesets"].path or rulesets_dir()
        ruleset = _ruleset_version(where / _CATALOGUE_FILE)
    except Exception as exc:  # the version must print even when the catalogue is broken
        ruleset = f"unavailable ({type(exc).__name__})"
    click.echo(f"mvi-rules {__version__}\nrulesets {ruleset}")
    ctx.exit()


#: A top-level ``version: 2026.2.0`` line (optionally quoted, optionally with a comment).
_VERSION_LINE = r"""^version:[ \t]*(["']?)(\d+\.\d+\.\d+[0-9A-Za-z.+-]*)\1[ \t]*(?:#.*)?$"""


def _ruleset_version(path: Path) -> str:
    """The ``version`` of catalogue.yaml: from its one line when it is written as usual (the
    YAML library's import would be most of ``--version``'s time), else by parsing the file."""
    import re

    from .._located import MAX_INPUT_BYTES, read_text
    from ..errors import CatalogueError, Problem

    def fail(message: str, line: int | None = None) -> CatalogueError:
        return CatalogueError([Problem(str(path), "", message, line)])

    lines = re.findall(_VERSION_LINE, read_text(path, fail, MAX_INPUT_BYTES), re.MULTILINE)
    if len(lines) == 1:
        return str(lines[0][1])
    from .._cyaml import load_fast

    return str(load_fast(path, CatalogueError).data["version"])


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


#: The commands: name -> (module in this package, function, the short help ``--help`` lists).
#: A command's module is imported only when that command runs, so ``mvi-rules --help`` does
#: not load the catalogue, the engine or python-docx; a test keeps the short help equal to
#: each command's own.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "change": (
        "change",
        "change_command",
        'Check whether a change to a running contract fits a drawer of the "ladekast".',
    ),
    "diff": (
        "diff_cmd",
        "diff_command",
        "Compare catalogue versions OLD and NEW: each a git ref (v2026.1.0, HEAD, main) or a"
        " directory (a rulesets directory, or a checkout holding rulesets/ and"
        " clause_templates/).",
    ),
    "examples": (
        "examples_cmd",
        "examples_command",
        "List the example profiles and contract ledgers, or write the one called NAME.",
    ),
    "explain": (
        "explain",
        "explain_command",
        "Explain, per lot, why each criterion is selected or not (or only CRITERION_ID).",
    ),
    "generate": (
        "generate",
        "generate_command",
        "Generate the tender annex with the MVI criteria selected for PROFILE ('-': stdin).",
    ),
    "init": (
        "init_cmd",
        "init_command",
        "Write a procurement profile by answering questions (Enter takes the default).",
    ),
    "lint": (
        "lint_cmd",
        "lint_command",
        "Check the rulesets in RULESETS_DIR (default: the configured or shipped rulesets).",
    ),
    "list": (
        "list_cmd",
        "list_command",
        "List the criteria in the catalogue, optionally filtered.",
    ),
    "schema": (
        "schema_cmd",
        "schema_command",
        "Print the JSON Schema of KIND: profile, ruleset (a topic file), ledger or result.",
    ),
    "test": (
        "test_cmd",
        "test_command",
        "Run scenario tests (default: the rulesets' own tests/ folder).",
    ),
    "validate": (
        "validate",
        "validate_command",
        "Check one or more PROFILES ('-': stdin); list every problem with file, line and field.",
    ),
}
main.lazy_commands = COMMANDS
