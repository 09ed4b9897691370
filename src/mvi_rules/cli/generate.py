"""``mvi-rules generate``: profile in, Word document (or JSON) out."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..rendering import render_json, write_docx, write_json
from ..selection import evaluate
from ._common import catalogue_options, info, open_catalogue, read_profile


@click.command("generate")
@click.argument("profile", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (.docx or .json); '-' writes JSON to standard output.",
)
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    help="Language of the document (default: the profile's output_language).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "json"]),
    default=None,
    help="Output format (default: from the output file's extension, else docx).",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option(
    "--backend",
    type=click.Choice(["auto", "durable", "plain"]),
    default="auto",
    show_default=True,
    help="Evaluation backend; the result is the same, auto prefers durable-rules.",
)
@catalogue_options
def generate_command(
    profile: Path,
    output: Path,
    lang: str | None,
    fmt: str | None,
    force: bool,
    backend: str,
    rulesets: Path | None,
    templates: Path | None,
) -> None:
    """Generate the tender annex with the MVI criteria selected for PROFILE ('-': stdin).

    Example: mvi-rules generate examples/gemeente-laptops.yaml -o annex.docx
    """
    if fmt is None:
        fmt = "json" if output.suffix.lower() == ".json" or str(output) == "-" else "docx"
    if str(output) == "-" and fmt != "json":
        raise click.UsageError("only JSON can be written to standard output ('-o -')")
    # Refuse before doing any work, so the buyer is not kept waiting for a refusal.
    if str(output) != "-" and output.exists() and not force:
        raise click.ClickException(f"{output} already exists; use --force to overwrite it")
    catalogue = open_catalogue(rulesets, templates)
    result = evaluate(read_profile(profile), catalogue, backend=backend)  # type: ignore[arg-type]
    if fmt == "json":
        if str(output) == "-":
            sys.stdout.write(render_json(result))
            return
        write_json(result, output, force=force)
    else:
        write_docx(result, catalogue, output, lang=lang, force=force)
    info(
        f"{output}: {len(result.selected)} criteria for {len(result.profile.lots)} lot(s), "
        f"rulesets {result.catalogue_version}"
    )
