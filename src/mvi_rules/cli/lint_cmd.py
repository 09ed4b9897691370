"""``mvi-rules lint``: check the rulesets and clause templates beyond what loading checks."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from ..lint import RULES, Finding, lint
from ._common import format_option, info
from ._config import resolve


def _shown(path: str) -> str:
    """A path relative to the current directory where it lies below it (as linters print)."""
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd()) else path
    except ValueError:
        return path


def _github(value: str) -> str:
    # GitHub workflow commands escape %, CR and LF in the message, and also , and : in values.
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _emit(findings: list[Finding], fmt: str) -> None:
    if fmt == "json":
        data = [
            {**f.model_dump(mode="json", exclude={"file"}), "file": _shown(f.file)}
            for f in findings
        ]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    for f in findings:
        file = _shown(f.file)
        if fmt == "github":
            location = _github(file).replace(",", "%2C").replace(":", "%3A")
            click.echo(
                f"::error file={location},line={f.line},col={f.col},title={f.code}::"
                + _github(f.message)
            )
        else:
            click.echo(f"{file}:{f.line}:{f.col}: {f.code} {f.message}")


def _list_rules() -> None:
    for code, registered in sorted(RULES.items()):
        click.echo(f"{code} {registered.name}\n")
        click.echo("    " + registered.doc.replace("\n", "\n    ").rstrip() + "\n")


@click.command("lint")
@click.argument("rulesets_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--templates",
    type=click.Path(file_okay=False, path_type=Path),
    help="Clause templates directory (default: clause_templates beside RULESETS_DIR, else "
    "$MVI_RULES_TEMPLATES, the config file or the shipped templates).",
)
@click.option(
    "--select", multiple=True, metavar="CODES", help="Run only these rules (e.g. MVI002,MVI004)."
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules.")
@click.option(
    "--base",
    metavar="REF",
    help="Git ref to compare with: a criterion changed since REF needs a higher version (MVI008).",
)
@format_option(
    "text",
    "json",
    "github",
    help="text: file:line:col: CODE message; json; github: workflow annotations.",
)
@click.option("--list-rules", is_flag=True, help="Describe every rule, with examples, and exit.")
def lint_command(
    rulesets_dir: Path | None,
    templates: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    base: str | None,
    fmt: str,
    list_rules: bool,
) -> None:
    """Check the rulesets in RULESETS_DIR (default: the configured or shipped rulesets).

    Exit status 0: no findings; 1: findings (or an error). Silence a deliberate finding with a
    comment on the criterion: '# mvi-lint: disable=MVI004 reason'.
    """
    if list_rules:
        _list_rules()
        return
    if rulesets_dir is not None and templates is None:
        beside = rulesets_dir.parent / "clause_templates"
        templates = beside if beside.is_dir() else None
    settings = resolve({"rulesets": rulesets_dir, "templates": templates})
    findings = lint(
        settings["rulesets"].path,
        settings["templates"].path,
        select=select,
        ignore=ignore,
        base=base,
    )
    _emit(findings, fmt)
    if findings:
        info(f"{len(findings)} finding{'s' if len(findings) != 1 else ''}")
        raise SystemExit(1)
    info("no findings")
