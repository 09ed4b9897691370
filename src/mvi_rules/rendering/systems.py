"""The full JSON result for procurement systems: the evaluation plus the rendered clause texts.

:func:`render_json` gives the evaluation alone. A system that builds its own tender document
also needs the clause texts, so :func:`render_systems_json` adds, for every selected criterion
and every requested language, the clause as plain text and as minimal structure (paragraphs and
bullet items), its means of proof and its legal basis as the document states them. The weighting
tables (``weighting``) and the options table (``value``) are the result's own data, unchanged.

The document carries ``schema_version``; its JSON Schema ships inside the package
(:func:`result_schema`, generated from :class:`SystemsResult` and checked by a test, so it
cannot drift from the models). The schema version changes when a field is removed or changes
meaning; new fields may appear within a version.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..catalogue import Catalogue
from ..errors import MviRulesError
from ..selection.result import EvaluationResult, SelectedCriterion
from .docx_writer import templates_dir_of
from .formatting import format_parameter, label_text
from .json_writer import json_text, write_text
from .law import legal_basis, localise
from .templates import ClauseRenderer
from .text import to_blocks
from .wording import LANGUAGES, Wording

#: The version of the systems JSON document and of the shipped schema.
SCHEMA_VERSION: Final = "1.0"
#: Where the shipped JSON Schema lives, inside the package.
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "result.schema.json"

_Frozen = ConfigDict(frozen=True)


class TextBlock(BaseModel):
    """One paragraph or bullet item of a clause."""

    model_config = _Frozen

    kind: Literal["paragraph", "bullet"]
    text: str


class ClauseText(BaseModel):
    """A clause in one language, as the Word annex states it."""

    model_config = _Frozen

    title: str
    text: str = Field(description="Plain text: paragraphs separated by a blank line, '- ' bullets")
    blocks: list[TextBlock] = Field(description="The same text as paragraphs and bullet items")
    proof: list[str] = Field(description="Means of proof, each a sentence ('or equivalent')")
    to_verify: list[str] = Field(
        default_factory=list,
        description="Catalogue defaults the buyer must confirm before publishing, as"
        " 'what it is: value'",
    )
    legal_basis: list[str] = Field(description="References as the regime reads them")


class SystemsCriterion(SelectedCriterion):
    """A selected criterion with its rendered clause per language."""

    texts: dict[str, ClauseText] = Field(description="Language code (nl, en) -> the clause")


class SystemsResult(EvaluationResult):
    """The evaluation result with clause texts: the document :func:`render_systems_json` writes.

    Every field of :class:`~mvi_rules.selection.EvaluationResult` is here with the same meaning,
    so a reader of :func:`render_json` output reads this too.
    """

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    languages: list[str] = Field(description="The languages of the clause texts")
    selected: list[SystemsCriterion]  # type: ignore[assignment]


def _clause_text(
    result: EvaluationResult, criterion: SelectedCriterion, raw: str, lang: str
) -> ClauseText:
    jurisdiction = result.profile.buyer.jurisdiction
    words = Wording(lang, jurisdiction)
    text = localise(raw, jurisdiction, lang)
    blocks = [TextBlock(kind=b.kind, text=b.text) for b in to_blocks(text)]
    plain = "\n\n".join(("- " if b.kind == "bullet" else "") + b.text for b in blocks)
    proof = [
        words("or_equivalent", label=label_text(label, lang)) for label in criterion.proof.labels
    ]
    if criterion.proof.other is not None:
        proof.append(localise(criterion.proof.other.get(lang), jurisdiction, lang))
    # The annex lists these in its "defaults to confirm" table: what the value is, and the value.
    to_verify = [
        f"{localise(p.description.get(lang), jurisdiction, lang)}: "
        f"{format_parameter(p.value, p.unit, p.value_labels, lang)}"
        for p in criterion.parameters
        if p.to_verify
    ]
    return ClauseText(
        title=criterion.title.get(lang),
        text=plain,
        blocks=blocks,
        proof=proof,
        to_verify=to_verify,
        legal_basis=legal_basis(result, list(criterion.legal_basis), lang),
    )


def systems_result(
    result: EvaluationResult,
    templates: Catalogue | str | Path,
    languages: Sequence[str] = LANGUAGES,
) -> SystemsResult:
    """``result`` with every selected clause rendered in ``languages`` (default: nl and en).

    ``templates`` is the catalogue the result was evaluated against, or a clause templates
    directory. Raises :class:`~mvi_rules.errors.TemplateError` when a clause template fails,
    and :class:`~mvi_rules.errors.MviRulesError` for an unknown language.
    """
    langs = list(dict.fromkeys(languages))
    unknown = [lang for lang in langs if lang not in LANGUAGES]
    if unknown or not langs:
        raise MviRulesError(
            f"unknown language(s) {', '.join(map(repr, unknown)) or '(none given)'};"
            f" use one or more of: {', '.join(LANGUAGES)}"
        )
    directory = templates_dir_of(result, templates)
    renderers = {lang: ClauseRenderer(directory, lang) for lang in langs}
    criteria = [
        SystemsCriterion(
            **dict(criterion),
            texts={
                lang: _clause_text(
                    result, criterion, renderers[lang].render(criterion, result.profile), lang
                )
                for lang in langs
            },
        )
        for criterion in result.selected
    ]
    fields = {name: getattr(result, name) for name in EvaluationResult.model_fields}
    fields["selected"] = criteria
    return SystemsResult(**fields, languages=langs)


def render_systems_json(
    result: EvaluationResult,
    templates: Catalogue | str | Path,
    languages: Sequence[str] = LANGUAGES,
) -> str:
    """:func:`systems_result` as JSON: keys sorted, two-space indent, ending in a newline.

    The same result always gives the same text; it validates against :func:`result_schema`.
    """
    return json_text(systems_result(result, templates, languages).model_dump(mode="json"))


def write_systems_json(
    result: EvaluationResult,
    templates: Catalogue | str | Path,
    path: str | Path,
    languages: Sequence[str] = LANGUAGES,
    force: bool = False,
) -> Path:
    """Write :func:`render_systems_json` to ``path`` atomically and return the path.

    Every clause renders before anything is written. Raises
    :class:`~mvi_rules.errors.OutputExistsError` when ``path`` exists and ``force`` is false.
    """
    return write_text(path, render_systems_json(result, templates, languages), force=force)


def generate_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`SystemsResult`, generated from the models."""
    schema = SystemsResult.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"urn:mvi-rules:result:{SCHEMA_VERSION}"
    return schema


def schema_text() -> str:
    """:func:`generate_schema` as the text of the shipped file (sorted keys, newline at end)."""
    return json_text(generate_schema())


@cache
def _shipped() -> str:
    return SCHEMA_PATH.read_text(encoding="utf-8")


def result_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) shipped with the package for the systems JSON document."""
    data: dict[str, Any] = json.loads(_shipped())
    return data
