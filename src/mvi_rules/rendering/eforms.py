"""The selection as the eForms fields of a contract notice: strategic procurement and award.

Per lot, the output gives the values of BT-06 (strategic procurement) with its description
BT-777, BT-774 (green procurement), BT-775 (social procurement), BT-776 (innovation) and BT-805
(green procurement criteria), each code with the ids of the criteria that justify it, and the
award criteria as eForms asks for them: BT-539 type, BT-734 name, BT-540 description, BT-5421
weight kind and BT-541 weight. Keys are the eForms SDK field ids; texts are keyed by eForms
language id (``NLD``, ``ENG``). A notice tool copies these values into its own notice; this is
not a complete notice.

How the tags become codes (a choice of mvi-rules, documented in the README): a criterion with
theme climate gives ``clim-mitig``, circularity ``circ-econ``, environment ``pollu-prev``, each
also ``env-imp``; theme social gives ``hum-right`` and ``work-cond`` and ``soc-obj``; an
innovation partnership gives ``inn-pur`` with ``rd-act``. BT-805 says for the environmental
criteria whether they rest on the EU GPP criteria (``eu``), national criteria (``national``) or
other sources (``other``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..catalogue import Catalogue
from ..profile.model import Procedure, Theme
from ..selection.result import EvaluationResult, SelectedCriterion, WeightRow
from .eforms_codes import LANGUAGE_ID, SDK_VERSION
from .json_writer import json_text, write_text
from .strategic import counted, gpp_basis, is_environmental, with_theme
from .systems import SystemsCriterion, systems_result
from .wording import LANGUAGES, Wording

#: BT-774 code for each environmental theme.
GREEN_CODES = {
    Theme.CLIMATE: "clim-mitig",
    Theme.CIRCULARITY: "circ-econ",
    Theme.ENVIRONMENT: "pollu-prev",
}
#: BT-775 codes for the social theme: the catalogue's social criteria ask for due diligence in
#: the supply chain (human rights) and for the ILO labour standards (working conditions).
SOCIAL_CODES = ("hum-right", "work-cond")

_DESCRIPTION = {
    "nl": "Maatschappelijk verantwoord inkopen: {count} criteria voor dit perceel, over {themes}.",
    "en": "Sustainable public procurement: {count} criteria for this lot, on {themes}.",
}
_NONE = {
    "nl": "Geen criteria voor maatschappelijk verantwoord inkopen in dit perceel.",
    "en": "No sustainable public procurement criteria in this lot.",
}
_PRICE = {"nl": "De prijs van de inschrijving.", "en": "The price of the tender."}


def _coded(code: str, criteria: Sequence[str], **extra: str) -> dict[str, Any]:
    return {"code": code, "criteria": list(criteria), **extra}


def _texts(values: dict[str, str]) -> dict[str, str]:
    return {LANGUAGE_ID[lang]: text for lang, text in values.items()}


def _strategic(result: EvaluationResult, lot_id: str, langs: Sequence[str]) -> dict[str, Any]:
    criteria = counted(result, lot_id)
    environmental = [c for c in criteria if is_environmental(c)]
    social = with_theme(criteria, Theme.SOCIAL)
    innovation = result.profile.procurement.procedure is Procedure.INNOVATION_PARTNERSHIP
    bt06: list[dict[str, Any]] = []
    if environmental:
        bt06.append(_coded("env-imp", [c.id for c in environmental]))
    if social:
        bt06.append(_coded("soc-obj", social))
    if innovation:
        bt06.append(_coded("inn-pur", [], basis="procedure innovation_partnership"))
    if not bt06:
        bt06.append(_coded("none", []))
    green = [
        _coded(code, with_theme(criteria, theme))
        for theme, code in GREEN_CODES.items()
        if with_theme(criteria, theme)
    ]
    bases: dict[str, list[str]] = {}
    for criterion in environmental:
        bases.setdefault(gpp_basis(criterion), []).append(criterion.id)
    gpp = [_coded(code, bases[code]) for code in ("eu", "national", "other") if code in bases]
    return {
        "BT-06-Lot": bt06,
        "BT-777-Lot": _texts({lang: _description(result, criteria, lang) for lang in langs}),
        "BT-774-Lot": green,
        "BT-775-Lot": [_coded(code, social) for code in SOCIAL_CODES] if social else [],
        "BT-776-Lot": (
            [_coded("rd-act", [], basis="procedure innovation_partnership")] if innovation else []
        ),
        "BT-805-Lot": gpp or [_coded("none", [])],
    }


def _description(result: EvaluationResult, criteria: Sequence[SelectedCriterion], lang: str) -> str:
    if not criteria:
        return _NONE[lang]
    words = Wording(lang, result.profile.buyer.jurisdiction)
    parts = [
        f"{words.theme(theme)} ({len(with_theme(criteria, theme))})"
        for theme in Theme
        if with_theme(criteria, theme)
    ]
    themes = ", ".join(parts[:-1]) + f" {words('and')} {parts[-1]}" if len(parts) > 1 else parts[0]
    return _DESCRIPTION[lang].format(count=len(criteria), themes=themes)


def _award_row(
    row: WeightRow,
    clauses: dict[str, SystemsCriterion],
    result: EvaluationResult,
    langs: Sequence[str],
) -> dict[str, Any]:
    jurisdiction = result.profile.buyer.jurisdiction
    clause = clauses.get(row.criterion_id or "")
    if clause is not None:
        kind = "cost" if row.role == "price" else "quality"
        name = {lang: clause.texts[lang].title for lang in langs}
        description = {lang: clause.texts[lang].text for lang in langs}
    elif row.role == "price":
        kind = "price"
        name = {lang: Wording(lang, jurisdiction)("row_price") for lang in langs}
        description = {lang: _PRICE[lang] for lang in langs}
    else:
        kind = "quality"
        name = {lang: Wording(lang, jurisdiction)("row_own") for lang in langs}
        description = dict(name)
    return {
        "criterion_id": row.criterion_id,
        "role": row.role,
        "BT-539-Lot": kind,
        "BT-734-Lot": _texts(name),
        "BT-540-Lot": _texts(description),
        "BT-5421-Lot": "per-exa",
        "BT-541-Lot-WeightNumber": row.weight_percent,
    }


def eforms_fields(
    result: EvaluationResult,
    templates: Catalogue | str | Path,
    languages: Sequence[str] = LANGUAGES,
) -> dict[str, Any]:
    """The eForms field values for ``result``, per lot (see the module docstring).

    ``templates`` is the catalogue the result was evaluated against (or its clause templates
    directory): the award criteria's descriptions are their clause texts.
    """
    full = systems_result(result, templates, languages)
    langs = full.languages
    clauses = {c.id: c for c in full.selected}
    weighting = {table.lot_id: table for table in result.weighting}
    lots = []
    for lot in result.profile.lots:
        table = weighting.get(lot.id)
        rows = table.rows if table is not None else []
        lots.append(
            {
                "lot_id": lot.id,
                "name": lot.name,
                **_strategic(result, lot.id, langs),
                "award_criteria": [_award_row(r, clauses, result, langs) for r in rows],
            }
        )
    return {
        "format": "eforms",
        "sdk_version": SDK_VERSION,
        "library_version": result.library_version,
        "catalogue_version": result.catalogue_version,
        "languages": [LANGUAGE_ID[lang] for lang in langs],
        "lots": lots,
    }


def render_eforms(
    result: EvaluationResult,
    templates: Catalogue | str | Path,
    languages: Sequence[str] = LANGUAGES,
) -> str:
    """:func:`eforms_fields` as JSON (keys sorted, two-space indent, newline at the end)."""
    return json_text(eforms_fields(result, templates, languages))


def write_eforms(
    result: EvaluationResult,
    templates: Catalogue | str | Path,
    path: str | Path,
    languages: Sequence[str] = LANGUAGES,
    force: bool = False,
) -> Path:
    """Write :func:`render_eforms` to ``path`` atomically; refuses to overwrite unless forced."""
    return write_text(path, render_eforms(result, templates, languages), force=force)
