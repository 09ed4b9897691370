"""``mvi-rules change``: does a change to a running contract fit a drawer of the "ladekast"?"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from ..changes import (
    AppendRefusedError,
    Ground,
    ProposedChange,
    append_change,
    check_change,
    load_ledger,
    render_text,
    write_memo,
)
from ..changes.check import ensure_appendable
from ..errors import MviRulesError
from ._common import check_output, format_option

_CLI_FIELDS = {
    "amount_eur": "--amount",
    "date": "--date",
    "description": "--description",
    "option": "--option",
}


def _proposed_from_options(
    amount: str | None,
    date: dt.datetime | None,
    description: str | None,
    option: str | None,
    replaces_contractor: bool,
) -> ProposedChange | None:
    """The proposed change given on the command line, or ``None`` when none was given."""
    if amount is None:
        if date is not None or description is not None or option is not None or replaces_contractor:
            raise click.UsageError(
                "--date, --description, --option and --replaces-contractor describe a proposed "
                "change; give its --amount too (0 for a change without a price effect)"
            )
        return None
    data: dict[str, Any] = {
        "amount_eur": amount,
        "date": (date.date() if date is not None else dt.date.today()),
        "description": description or "",
        "option": option,
        "replaces_contractor": replaces_contractor,
    }
    try:
        return ProposedChange.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        name = _CLI_FIELDS.get(str(err["loc"][0]), str(err["loc"][0])) if err["loc"] else ""
        message = str(err["msg"]).removeprefix("Value error, ")
        raise click.BadParameter(message, param_hint=name) from None


def _parse_ground(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Ground | None:
    if value is None:
        return None
    try:
        return Ground.parse(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command("change")
@click.argument("ledger", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--amount",
    metavar="EUR",
    help="Amount of the proposed change in euro excl. VAT: 50000 or 1234.56; a decrease as "
    "--amount=-12500. Without it, the ledger's proposed_change is checked.",
)
@click.option(
    "--date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date of the proposed change, YYYY-MM-DD (default: today).",
)
@click.option("--description", help="What the change is (needed for --append).")
@click.option(
    "--option", "option_id", metavar="ID", help="The contract option (options[].id) it uses."
)
@click.option(
    "--replaces-contractor",
    is_flag=True,
    help="The change puts another contractor in place of the current one (2.163f).",
)
@format_option("text", "json", help="Report format on standard output.")
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default="nl",
    show_default=True,
    help="Language of the report and the memo.",
)
@click.option(
    "--docx",
    "docx_path",
    type=click.Path(path_type=Path),
    help="Also write a memo for the legal adviser to this .docx file.",
)
@click.option("--force", is_flag=True, help="Overwrite the --docx memo if it exists.")
@click.option(
    "--append",
    "append_ground",
    metavar="GROUND",
    callback=_parse_ground,
    help="Record the proposed change in the ledger under GROUND: 2.163b-2.163g, a neutral name "
    "(de_minimis, review_clause, additional, unforeseeable, new_contractor, non_substantial) or "
    "an eForms BT-200 code. Refused unless that drawer fits; earlier entries are kept and the "
    "file is replaced atomically.",
)
@click.option(
    "--rulesets",
    type=click.Path(file_okay=False, path_type=Path),
    help="Rulesets directory with thresholds.yaml (default: the one shipped with mvi-rules).",
)
def change_command(
    ledger: Path,
    amount: str | None,
    date: dt.datetime | None,
    description: str | None,
    option_id: str | None,
    replaces_contractor: bool,
    fmt: str,
    lang: str,
    docx_path: Path | None,
    force: bool,
    append_ground: Ground | None,
    rulesets: Path | None,
) -> None:
    """Check whether a change to a running contract fits a drawer of the "ladekast".

    LEDGER is a YAML file with the contract, its options and the changes made so far (see
    examples/ledgers/gemeente-laptops.yaml). The proposed change comes from --amount/--date or
    from the ledger's proposed_change entry. Every drawer (Aw 2012 art. 2.163b-g, or the
    Belgian AUR equivalents) is tested in the practitioner's order, with the arithmetic, and
    the largest drawer that fits is recommended.

    \b
    Examples:
      mvi-rules change examples/ledgers/gemeente-laptops.yaml
      mvi-rules change ledger.yaml --amount 50000 --date 2026-05-04 --description "Extra laptops"
      mvi-rules change ledger.yaml --docx memo.docx --append 2.163d
    """
    try:
        _run(
            ledger,
            _proposed_from_options(amount, date, description, option_id, replaces_contractor),
            fmt,
            "en" if lang == "en" else "nl",
            docx_path,
            force,
            append_ground,
            rulesets,
        )
    except MviRulesError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        name = f" {exc.filename}" if exc.filename else ""
        raise click.ClickException(f"cannot access{name}: {exc.strerror or exc}") from None


def _run(
    path: Path,
    proposed: ProposedChange | None,
    fmt: str,
    lang: Any,
    docx_path: Path | None,
    force: bool,
    ground: Ground | None,
    rulesets: Path | None,
) -> None:
    from ..catalogue import load_thresholds

    # Refuse before doing any work, so nothing is half done.
    if docx_path is not None:
        check_output(docx_path, force)
    thresholds = load_thresholds(rulesets)
    ledger = load_ledger(path, thresholds=thresholds)
    if proposed is not None and ledger.proposed_change is not None:
        click.echo(
            f"note: checking the change given on the command line, not {path}'s proposed_change",
            err=True,
        )
    result = check_change(
        ledger,
        proposed,
        lang=lang,
        thresholds=thresholds,
        source=path,
        proposed_label="proposed change (command line)"
        if proposed is not None
        else "proposed_change",
    )
    if ground is not None:
        try:
            ensure_appendable(result, ground)
        except AppendRefusedError as exc:
            raise AppendRefusedError(f"{path}: {exc}") from None

    if fmt == "json":
        click.echo(result.to_json(), nl=False)
    else:
        click.echo(render_text(result), nl=False)
    if docx_path is not None:
        write_memo(result, docx_path, force=force)
        click.echo(f"memo written to {docx_path}", err=True)
    if ground is not None:
        _, recorded = append_change(path, ground, proposed, thresholds=thresholds, lang=lang)
        click.echo(
            f"recorded in {path}: {recorded.date}, {recorded.amount_eur} EUR, ground "
            f"{recorded.ground.value}"
            + (
                f" ({recorded.ground.nl_article})"
                if ledger.contract.jurisdiction.value == "NL"
                else ""
            )
            + ("; its proposed_change entry was removed" if proposed is None else ""),
            err=True,
        )
