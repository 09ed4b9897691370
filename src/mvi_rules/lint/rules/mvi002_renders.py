"""MVI002: every clause template renders in every language, jurisdiction and parameter range."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...errors import TemplateError
from ...rendering.templates import ClauseRenderer
from ..context import LintContext
from ..finding import Finding
from ..registry import rule
from ..samples import JURISDICTIONS, sample_profile, selected, variants

_LINE = re.compile(r"\.j2, line (\d+)")


@rule("MVI002", "template-renders")
def check(context: LintContext) -> Iterator[Finding]:
    """Every clause template renders in nl and en, for NL and BE, at the edges of its values.

    Each criterion's template is rendered with its defaults, and with each parameter in turn at
    the ``min`` and ``max`` of its range, at each ``allowed`` value and (for true/false) at
    both values, for a Dutch and a Belgian buyer, in both languages. A variable the template
    uses that does not exist (a misspelt parameter) is an error, as is a filter that does not
    fit the value: a buyer would otherwise meet it in a tender.

    Bad (the parameter is ``warranty_years``)::

        De garantie bedraagt ten minste {{ p.warranty_year }} jaar.

    Good::

        De garantie bedraagt ten minste {{ p.warranty_years }} jaar.
    """
    catalogue = context.catalogue
    if catalogue is None:
        return
    renderers = {lang: ClauseRenderer(catalogue.templates_dir, lang) for lang in ("nl", "en")}
    for entry in catalogue:
        seen: set[tuple[str, str]] = set()
        for jurisdiction in JURISDICTIONS:
            profile = sample_profile(jurisdiction)
            for what, values in variants(entry):
                criterion = selected(entry, profile, values)
                for lang, renderer in renderers.items():
                    try:
                        text = renderer.render(criterion, profile)
                    except TemplateError as exc:
                        message = str(exc)
                        problem = message
                    else:
                        if text.strip():
                            continue
                        message = problem = f"{entry.criterion.id}: the clause is empty"
                    if (lang, problem) in seen:
                        continue
                    seen.add((lang, problem))
                    match = _LINE.search(message)
                    yield Finding(
                        file=str(context.template_file(entry, lang)),
                        line=int(match.group(1)) if match else 1,
                        code="MVI002",
                        message=f"{message} (rendered for {jurisdiction} with {what})",
                        criterion=entry.criterion.id,
                    )
