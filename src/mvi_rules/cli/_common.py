"""Pieces shared by the commands: catalogue options and error handling."""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from .._atomic import check_writable_target
from ..catalogue import Catalogue, load_catalogue
from ..errors import MviRulesError, OutputExistsError

F = TypeVar("F", bound=Callable[..., Any])


def catalogue_options(func: F) -> F:
    """Add ``--rulesets`` and ``--templates`` to a command."""
    func = click.option(
        "--templates",
        type=click.Path(file_okay=False, path_type=Path),
        help="Clause templates directory (default: the templates shipped with mvi-rules).",
    )(func)
    func = click.option(
        "--rulesets",
        type=click.Path(file_okay=False, path_type=Path),
        help="Rulesets directory (default: the rulesets shipped with mvi-rules).",
    )(func)
    return func


def check_output(path: Path, force: bool) -> None:
    """Refuse an output path before any work is done (exists without --force, not a file)."""
    try:
        check_writable_target(path, force=force)
    except OutputExistsError:
        raise click.ClickException(f"{path} already exists; use --force to overwrite it") from None


def open_catalogue(rulesets: Path | None, templates: Path | None) -> Catalogue:
    """Load the catalogue the options name."""
    return load_catalogue(rulesets, templates)


class FriendlyGroup(click.Group):
    """A group whose commands report errors as one message, never as a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MviRulesError as exc:
            raise click.ClickException(str(exc)) from None
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
