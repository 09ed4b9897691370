"""``mvi-rules explain``: why each criterion is, or is not, selected for a profile."""

from __future__ import annotations

from pathlib import Path

import click

from ..selection import evaluate
from ._common import catalogue_options, open_catalogue, read_profile


@click.command("explain")
@click.argument("profile", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("criterion_id", required=False)
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None)
@catalogue_options
def explain_command(
    profile: Path,
    criterion_id: str | None,
    lang: str | None,
    rulesets: Path | None,
    templates: Path | None,
) -> None:
    """Explain, per lot, why each criterion is selected or not (or only CRITERION_ID).

    With CRITERION_ID only that criterion's reasons and notices are shown.
    ✓ marks a part of the condition that held for the lot, ✗ one that did not.
    """
    catalogue = open_catalogue(rulesets, templates)
    result = evaluate(read_profile(profile), catalogue, backend="plain")
    lang = lang or result.profile.output_language
    outcomes = [*result.selected, *result.not_selected]
    if criterion_id is not None:
        outcomes = [o for o in outcomes if o.id == criterion_id]
        if not outcomes:
            raise click.ClickException(
                f"no criterion {criterion_id} in rulesets {result.catalogue_version} "
                "(see 'mvi-rules list')"
            )
    lot_names = {lot.id: lot.name for lot in result.profile.lots}
    for outcome in sorted(outcomes, key=lambda o: o.id):
        verdict = "SELECTED" if outcome.lots else "not selected"
        click.echo(f"{outcome.id} {outcome.title.get(lang)}: {verdict}")
        for decision in outcome.decisions:
            mark = "selected" if decision.selected else "not selected"
            click.echo(f"  lot {decision.lot_id} ({lot_names[decision.lot_id]}): {mark}")
            for line in decision.reason.lines(indent=2):
                click.echo(line)
            if decision.conflict is not None:
                lead = "niet opgenomen: het" if lang == "nl" else "left out: it"
                click.echo(f"    ✗ {lead} {decision.conflict.get(lang)}")
            if decision.included_by_buyer is not None:
                lead = (
                    "opgenomen op keuze van de inkoper" if lang == "nl" else "included by the buyer"
                )
                click.echo(f"    ✓ {lead}: {decision.included_by_buyer}")
        click.echo("")
    # Asked about one criterion, the buyer wants its notices, not the whole document's.
    notices = [n for n in result.notices if criterion_id is None or n.criterion_id == criterion_id]
    for notice in notices:
        text = notice.text.get(lang) if notice.text is not None else notice.message
        click.echo(f"note: {text}")
