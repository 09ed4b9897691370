"""MVI008: a criterion whose meaning changed since the base ref has a higher version."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...rendering.templates import included_templates
from ..context import LintContext
from ..finding import Finding
from ..registry import rule

#: The fields whose change changes what a criterion asks (a title or source fix does not).
MEANING_FIELDS = ("when", "parameters", "level", "type", "scoring")


def _meaning(criterion: dict[str, Any], name: str) -> Any:
    value = criterion.get(name)
    if name == "parameters" and isinstance(value, dict):
        # A parameter's description explains the value; rewording it changes nothing asked.
        return {
            key: {k: v for k, v in spec.items() if k != "description"}
            if isinstance(spec, dict)
            else spec
            for key, spec in value.items()
        }
    if name == "scoring" and isinstance(value, list):
        # The scale's points, thresholds and clause wording are clause text (the shared scale
        # template writes them); a row's description for the weighting is not.
        return [
            {k: v for k, v in row.items() if k in ("points", "at", "clause")}
            if isinstance(row, dict)
            else row
            for row in value
        ]
    return value


def changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The fields of :data:`MEANING_FIELDS` that differ between two raw criteria (a parameter's
    description apart)."""
    return [name for name in MEANING_FIELDS if _meaning(old, name) != _meaning(new, name)]


@rule("MVI008", "version-bump", needs_base=True)
def check(context: LintContext) -> Iterator[Finding]:
    """A criterion whose condition, parameters, level, type, scale or clause text changed since the
    base ref (``--base REF``) has a higher ``version``.

    The version tells a buyer that a criterion now means something else; a document made with
    the old version and one made with the new must not carry the same number for different
    texts. Only runs with ``--base``. A typo fix in a template is a change too: raise the
    version or silence the finding for that criterion with a reason.

    Bad (the default went from 4 to 5 years; version stays 2)::

        - id: MVI-LIF-005
          version: 2
          parameters: {warranty_years: {default: 5, ...}}

    Good::

        - id: MVI-LIF-005
          version: 3
          parameters: {warranty_years: {default: 5, ...}}
    """
    catalogue, base = context.catalogue, context.base
    if catalogue is None or base is None:
        return
    for entry in catalogue:
        c = entry.criterion
        old = base.criteria.get(c.id)
        if old is None:
            continue
        new = context.raw(entry)
        changes = changed_fields(old, new)
        for lang in ("nl", "en"):
            old_template = old.get("template")
            old_text = base.templates.get(f"{lang}/{old_template}")
            try:
                new_text = context.template_file(entry, lang).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if old_text != new_text:
                changes.append(f"{lang} clause text")
            # A shared piece (the award scale) is text of every clause that includes it.
            for shared, now in included_templates(context.templates_dir / lang, new_text).items():
                if base.templates.get(f"{lang}/{shared}") != now:
                    changes.append(f"{lang} shared text {shared}")
        old_version = old.get("version")
        if not changes or not isinstance(old_version, int) or c.version > old_version:
            continue
        yield context.finding(
            entry,
            "MVI008",
            f"{c.id}: {', '.join(changes)} changed since {base.ref}, but the version is still"
            f" {c.version} (was {old_version}); raise it to {old_version + 1}",
            "version",
        )
