"""``mvi-rules generate``: profile in, Word document (or JSON) out."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from ..rendering import render_json, write_docx, write_json
from ..rendering.eforms import render_eforms
from ..rendering.json_writer import write_text
from ..rendering.ocds import render_ocds
from ..rendering.systems import render_systems_json, write_systems_json
from ..selection import evaluate
from ._common import (
    F,
    catalogue_options,
    check_output,
    info,
    open_catalogue,
    progress,
    progress_done,
    read_profile,
)


def _path_option(*names: str, help: str) -> Callable[[F], F]:
    """An option naming a further file to read or write; not given: ``None``."""
    return click.option(*names, type=click.Path(path_type=Path), default=None, help=help)


@click.command("generate")
@click.argument("profile", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    # Not dir_okay=False: click would exit with status 2; write_atomic refuses a directory
    # with the usual status 1 and a message saying why.
    type=click.Path(path_type=Path),
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
    type=click.Choice(["docx", "json", "eforms", "ocds"]),
    default=None,
    help="Output format: docx, json, eforms (eForms field values per lot) or ocds (OCDS"
    " sustainability); default: from the output file's extension, else docx.",
)
@click.option(
    "--texts",
    is_flag=True,
    help="JSON only: add the rendered clause texts (nl and en), see the README's 'JSON for"
    " systems'.",
)
@_path_option(
    "--lcc-sheet",
    "lcc_sheet",
    help="Also write the LCC calculation sheet (.xlsx) the LCC price criterion refers to"
    " (cost per page for printer lots).",
)
@click.option(
    "--final",
    is_flag=True,
    help="The annex as it goes to market: no concept banner, instructions, points of attention"
    " or trace annex; those go into the legal adviser's memo (--memo).",
)
@click.option(
    "--split",
    is_flag=True,
    help="One document per part of the tender (tender guide, Programma van Eisen, agreement;"
    " Belgian bestek parts), named OUTPUT-<part>.docx, plus the memo (--memo).",
)
@_path_option(
    "--memo",
    help="Where --final or --split writes the memo for the legal adviser (default: OUTPUT with"
    " '-memo.docx').",
)
@_path_option(
    "--reference-docx",
    "reference_docx",
    help="A Word document or template (.docx, .dotx) in the buyer's house style: the documents"
    " take its styles, page set-up, headers and footers.",
)
@click.option("--force", is_flag=True, help="Overwrite the output file(s) if they exist.")
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
    texts: bool,
    lcc_sheet: Path | None,
    final: bool,
    split: bool,
    memo: Path | None,
    reference_docx: Path | None,
    force: bool,
    backend: str,
    rulesets: Path | None,
    templates: Path | None,
) -> None:
    """Generate the tender annex with the MVI criteria selected for PROFILE ('-': stdin).

    PROFILE may be a folder: then every profile in it (.yaml, .yml, .json) gets its annex in
    the folder OUTPUT, rendered in parallel.

    Example: mvi-rules generate examples/gemeente-laptops.yaml -o annex.docx
    """
    folder = profile.is_dir()
    fmt = _checked_format(folder, output, fmt, texts, lcc_sheet, final, split, memo, reference_docx)
    if folder:
        _generate_folder(profile, output, lang, final, force, reference_docx)
        return
    # Refuse before doing any work, so the buyer is not kept waiting for a refusal.
    if str(output) != "-" and not split:
        check_output(output, force)
    if lcc_sheet is not None:
        check_output(lcc_sheet, force)
    if final or split:
        memo = memo or output.with_name(output.stem + "-memo.docx")
        check_output(memo, force)
    house = None
    if reference_docx is not None:
        from ..rendering.house_style import load_house_style

        # Checked before anything is written: a template without a needed style leaves no file.
        house = load_house_style(reference_docx)
    # The profile first: a mistake in it is reported without waiting for the catalogue.
    progress("reading the profile ...")
    loaded = read_profile(profile)
    progress("loading the rulesets ...")
    catalogue = open_catalogue(rulesets, templates)
    progress("selecting criteria ...")
    result = evaluate(loaded, catalogue, backend=backend)  # type: ignore[arg-type]
    if lcc_sheet is not None:
        from ..rendering.lcc_sheet import write_lcc_sheet

        progress("writing the LCC sheet ...")
        write_lcc_sheet(result, lcc_sheet, lang=lang, force=force)
        info(f"{lcc_sheet}: LCC calculation sheet")
    progress(f"writing {fmt} ...")
    if fmt in ("eforms", "ocds"):
        text = render_eforms(result, catalogue) if fmt == "eforms" else render_ocds(result, lang)
        if str(output) == "-":
            sys.stdout.write(text)
            return
        write_text(output, text, force=force)
    elif fmt == "json":
        if str(output) == "-":
            sys.stdout.write(
                render_systems_json(result, catalogue) if texts else render_json(result)
            )
            return
        if texts:
            write_systems_json(result, catalogue, output, force=force)
        else:
            write_json(result, output, force=force)
    else:
        if split:
            from ..rendering import write_parts

            # The parts first: write_parts refuses before writing any of them.
            written = write_parts(
                result, catalogue, output, lang=lang, force=force, final=final, reference_docx=house
            )
        else:
            write_docx(
                result, catalogue, output, lang=lang, force=force, final=final, reference_docx=house
            )
            written = [output]
        if memo is not None:
            from ..rendering import write_memo

            write_memo(result, memo, lang=lang, force=force, reference_docx=house)
        progress_done()
        if memo is not None:
            info(f"{memo}: memo for the legal adviser")
        if split:
            for path in written:
                info(f"{path}: part of the tender")
    progress_done()
    info(
        f"{output.with_name(output.stem + '-*.docx') if split else output}:"
        f" {len(result.selected)} criteria for {len(result.profile.lots)} lot(s),"
        f" rulesets {result.catalogue_version}"
    )


def _checked_format(
    folder: bool,
    output: Path,
    fmt: str | None,
    texts: bool,
    lcc_sheet: Path | None,
    final: bool,
    split: bool,
    memo: Path | None,
    reference_docx: Path | None,
) -> str:
    """The output format, after refusing options that do not go together (for one profile or
    a folder of them), before any work is done."""
    if folder:
        if (fmt not in (None, "docx")) or texts or lcc_sheet or split or memo:
            raise click.UsageError(
                "a folder of profiles gives Word annexes only: --format, --texts, --lcc-sheet,"
                " --split and --memo take one profile"
            )
        return "docx"
    if fmt is None:
        fmt = "json" if output.suffix.lower() == ".json" or str(output) == "-" else "docx"
    if str(output) == "-" and fmt == "docx":
        raise click.UsageError("only JSON can be written to standard output ('-o -')")
    if texts and fmt != "json":
        raise click.UsageError("--texts applies to JSON output only (--format json)")
    if (final or split or memo is not None or reference_docx is not None) and fmt != "docx":
        raise click.UsageError(
            "--final, --split, --memo and --reference-docx apply to the Word annex only"
            " (--format docx)"
        )
    if memo is not None and not (final or split):
        raise click.UsageError(
            "--memo goes with --final or --split (a concept annex holds the memo's parts)"
        )
    return fmt


def _generate_folder(
    folder: Path,
    output: Path,
    lang: str | None,
    final: bool,
    force: bool,
    reference_docx: Path | None,
) -> None:
    """Every profile in ``folder`` to ``output/<name>.docx`` (see ``generate_many``)."""
    from ..documents_many import generate_many, profiles_in

    found = profiles_in(folder)
    if not found:
        raise click.ClickException(f"{folder}: no profiles (.yaml, .yml, .json) in this folder")
    if output.exists() and not output.is_dir():
        raise click.ClickException(f"{output}: not a folder; a folder of profiles needs one")
    output.mkdir(exist_ok=True)
    progress(f"writing {len(found)} annexes ...")
    written = generate_many(
        found, output, lang=lang, final=final, force=force, reference_docx=reference_docx
    )
    progress_done()
    for path in written:
        info(f"{path}")
    info(f"{len(written)} annexes in {output}")
