"""Pieces shared by the commands: catalogue options, profiles from a file or standard input,
quiet/verbose output and error handling."""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .._atomic import check_writable_target
from ..errors import InputError, MviRulesError, OutputExistsError
from ._config import resolve

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..profile import ProcurementProfile

STDIN = "-"
STDIN_NAME = "<stdin>"
_VERBOSITY = "mvi_rules.verbosity"

F = TypeVar("F", bound=Callable[..., Any])


def catalogue_options(func: F) -> F:
    """Add ``--rulesets`` and ``--templates`` to a command."""
    func = click.option(
        "--templates",
        type=click.Path(file_okay=False, path_type=Path),
        help="Clause templates directory (default: $MVI_RULES_TEMPLATES, else the config file, "
        "else the templates shipped with mvi-rules).",
    )(func)
    func = click.option(
        "--rulesets",
        type=click.Path(file_okay=False, path_type=Path),
        help="Rulesets directory (default: $MVI_RULES_RULESETS, else the config file, "
        "else the rulesets shipped with mvi-rules).",
    )(func)
    return func


def format_option(*choices: str, help: str | None = None) -> Callable[[F], F]:
    """``--format`` (as ``fmt``): one of ``choices``, the first by default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help=help,
    )


def output_options(what: str) -> Callable[[F], F]:
    """``-o/--output`` (standard output without it) and ``--force``, for a command that prints
    ``what``."""

    def add(func: F) -> F:
        func = click.option(
            "--force", is_flag=True, help="Overwrite the output file if it exists."
        )(func)
        func = click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, path_type=Path),
            help=f"File to write the {what} to; without it the {what} goes to standard output.",
        )(func)
        return func

    return add


def check_output(path: Path, force: bool) -> None:
    """Refuse an output path before any work is done (exists without --force, not a file)."""
    try:
        check_writable_target(path, force=force)
    except OutputExistsError:
        raise click.ClickException(f"{path} already exists; use --force to overwrite it") from None


def open_catalogue(rulesets: Path | None, templates: Path | None) -> Catalogue:
    """Load the catalogue the options name, else the environment, config file or default."""
    settings = resolve({"rulesets": rulesets, "templates": templates})
    for key, setting in settings.items():
        detail(setting.describe(key))
    from ..catalogue import load_catalogue  # the catalogue's imports are heavy: on use only

    catalogue = load_catalogue(settings["rulesets"].path, settings["templates"].path)
    detail(f"rulesets version {catalogue.version}, {len(catalogue)} criteria")
    return catalogue


def read_profile(path: Path) -> ProcurementProfile:
    """Load the profile at ``path``, or from standard input when ``path`` is ``-``."""
    from ..profile import load_profile

    if str(path) != STDIN:
        return load_profile(path)
    text = sys.stdin.read()
    # The loader reads files (and reports lines); a private temporary file gives it one, and
    # every problem it reports is renamed to <stdin>, the only name the buyer knows.
    with tempfile.TemporaryDirectory(prefix="mvi-rules-") as tmp:
        file = Path(tmp) / "profile.yaml"
        file.write_text(text, encoding="utf-8")
        try:
            return load_profile(file).with_source(STDIN_NAME)
        except InputError as exc:
            problems = [
                dataclasses.replace(p, file=STDIN_NAME) if p.file == str(file) else p
                for p in exc.problems
            ]
            raise type(exc)(problems) from None


def set_verbosity(ctx: click.Context, level: int) -> None:
    """Remember -q (-1) or -v (1) for every command of this run."""
    ctx.meta[_VERBOSITY] = level


def _verbosity() -> int:
    ctx = click.get_current_context(silent=True)
    return int(ctx.meta.get(_VERBOSITY, 0)) if ctx is not None else 0


def info(message: str, *, err: bool = True) -> None:
    """A progress or summary line: shown unless ``--quiet``."""
    if _verbosity() >= 0:
        click.echo(message, err=err)


def _on_terminal() -> bool:
    return sys.stderr.isatty()


def progress(message: str) -> None:
    """A step of long work, on a terminal only: silent in pipes, logs and with ``--quiet``.

    The line is overwritten by the next step, so a finished run leaves no trace of it.
    """
    if _verbosity() < 0 or not _on_terminal():
        return
    click.echo(f"\r\033[K{message}", err=True, nl=False)


def progress_done() -> None:
    """Clear the last progress line (on a terminal)."""
    if _verbosity() >= 0 and _on_terminal():
        click.echo("\r\033[K", err=True, nl=False)


def detail(message: str) -> None:
    """A line only ``--verbose`` shows (on standard error, so output stays clean)."""
    if _verbosity() > 0:
        click.echo(message, err=True)


class FriendlyGroup(click.Group):
    """A group whose commands report errors as one message, never as a traceback.

    Commands named in ``lazy_commands`` (name -> module, function, short help) are imported
    when they run, not when the group is built.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands: dict[str, tuple[str, str, str]] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands or cmd_name not in self.lazy_commands:
            return super().get_command(ctx, cmd_name)
        module, name, _ = self.lazy_commands[cmd_name]
        command: click.Command = getattr(import_module(f".{module}", __package__), name)
        self.add_command(command, cmd_name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            if name in self.lazy_commands and name not in self.commands:
                rows.append((name, self.lazy_commands[name][2]))
            else:
                command = self.get_command(ctx, name)
                if command is not None and not command.hidden:
                    rows.append((name, command.get_short_help_str(formatter.width)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MviRulesError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            # The reader went away (`mvi-rules list | head`): stop quietly, as other command
            # line tools do. Python's advice: point stdout at devnull so the flush at exit
            # does not fail a second time.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise SystemExit(1) from None
        except OSError as exc:
            name = f" {exc.filename}" if exc.filename else ""
            raise click.ClickException(f"cannot access{name}: {exc.strerror or exc}") from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if os.environ.get("MVI_RULES_DEBUG"):
                traceback.print_exc()
            raise click.ClickException(
                f"internal error: {type(exc).__name__}: {exc} "
                "(this is a bug in mvi-rules; set MVI_RULES_DEBUG=1 for details and report it)"
            ) from None
