"""``mvi-rules list``: the catalogue as a table or as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..catalogue import CriterionType
from ..profile.model import ProductGroup
from ._common import catalogue_options, open_catalogue


@click.command("list")
@click.option(
    "--product-group",
    "product_groups",
    multiple=True,
    type=click.Choice([g.value for g in ProductGroup]),
    help="Only criteria for this product group (repeatable).",
)
@click.option(
    "--type",
    "types",
    multiple=True,
    type=click.Choice([t.value for t in CriterionType]),
    help="Only criteria of this type (repeatable).",
)
@click.option(
    "--level",
    "levels",
    multiple=True,
    type=click.IntRange(1, 3),
    help="Only criteria of this ambition level (repeatable).",
)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@catalogue_options
def list_command(
    product_groups: tuple[str, ...],
    types: tuple[str, ...],
    levels: tuple[int, ...],
    lang: str,
    fmt: str,
    rulesets: Path | None,
    templates: Path | None,
) -> None:
    """List the criteria in the catalogue, optionally filtered."""
    catalogue = open_catalogue(rulesets, templates)
    rows = []
    for entry in catalogue:
        c = entry.criterion
        groups = [g.value for g in c.product_groups]
        if product_groups and not set(groups) & set(product_groups):
            continue
        if types and c.type.value not in types:
            continue
        if levels and c.level not in levels:
            continue
        rows.append((entry, groups))
    if fmt == "json":
        data = {
            "catalogue_version": catalogue.version,
            "criteria": [
                {
                    "topic": entry.topic,
                    "file": entry.file.name,
                    **entry.criterion.model_dump(mode="json", exclude_none=True),
                }
                for entry, _ in rows
            ],
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True))
        return
    header = ("id", "v", "type", "lvl", "product groups", "title")
    table = [
        (
            e.criterion.id,
            str(e.criterion.version),
            e.criterion.type.value,
            str(e.criterion.level),
            ",".join(groups),
            e.criterion.title.get(lang),
        )
        for e, groups in rows
    ]
    widths = [max(len(r[i]) for r in [header, *table]) for i in range(len(header) - 1)]
    for row in [header, *table]:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        click.echo("  ".join([*cells, row[-1]]))
    click.echo(f"\n{len(table)} of {len(catalogue)} criteria, rulesets {catalogue.version}")
