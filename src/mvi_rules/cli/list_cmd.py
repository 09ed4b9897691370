"""``mvi-rules list``: the catalogue as a table or as JSON."""

from __future__ import annotations

import json
import shutil
import textwrap
from collections.abc import Sequence
from pathlib import Path

import click

from ..catalogue import CriterionType
from ..profile.model import ProductGroup, Theme
from ._common import catalogue_options, format_option, open_catalogue


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
@click.option(
    "--theme",
    "themes",
    multiple=True,
    type=click.Choice([t.value for t in Theme]),
    help="Only criteria of this theme (repeatable).",
)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@format_option("table", "json")
@catalogue_options
def list_command(
    product_groups: tuple[str, ...],
    types: tuple[str, ...],
    levels: tuple[int, ...],
    themes: tuple[str, ...],
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
        if themes and not {t.value for t in c.themes} & set(themes):
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
    for line in _fit(header, table, shutil.get_terminal_size().columns):
        click.echo(line)
    click.echo(f"\n{len(table)} of {len(catalogue)} criteria, rulesets {catalogue.version}")


# Product groups and titles are wrapped onto continuation lines rather than cut off: a buyer
# reading the list must see every group a criterion is for.
_MAX_GROUPS_WIDTH = 30
_MIN_TITLE_WIDTH = 15


def _fit(header: tuple[str, ...], table: Sequence[tuple[str, ...]], columns: int) -> list[str]:
    """The table as lines no wider than ``columns`` (where the fixed columns allow it)."""
    rows = [header, *table]
    fixed = [max(len(r[i]) for r in rows) for i in range(len(header) - 2)]
    # Room for product groups and title, less the separators and one column for the cursor.
    room = columns - 1 - sum(fixed) - 2 * (len(header) - 1)
    longest_group = max(len(g) for r in rows for g in r[-2].split(","))
    groups_width = min(
        max(len(r[-2]) for r in rows),
        _MAX_GROUPS_WIDTH,
        max(room - _MIN_TITLE_WIDTH, longest_group),
    )
    title_width = max(room - groups_width, _MIN_TITLE_WIDTH)
    lines = []
    for row in rows:
        # Groups break after a comma; ids never contain spaces, so nothing else breaks.
        groups = textwrap.wrap(row[-2].replace(",", ", "), groups_width) or [""]
        groups = [g.replace(", ", ",") for g in groups]
        title = textwrap.wrap(row[-1], title_width) or [""]
        for i in range(max(len(groups), len(title))):
            cells = [
                cell.ljust(fixed[j]) if i == 0 else " " * fixed[j]
                for j, cell in enumerate(row[:-2])
            ]
            cells.append((groups[i] if i < len(groups) else "").ljust(groups_width))
            cells.append(title[i] if i < len(title) else "")
            lines.append("  ".join(cells).rstrip())
    return lines
