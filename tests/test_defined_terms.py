"""The buyer is named once, under the title; the clauses use the defined term."""

from __future__ import annotations

import re

import pytest

from mvi_rules import Catalogue, evaluate, load_profile, render_docx, render_parts
from mvi_rules.catalogue.model import CriterionType
from mvi_rules.rendering import template_context

from .conftest import EXAMPLES, REPO
from .test_rendering_fixtures import belgian_profile_data, body_lines, make_result, open_docx

CONTRACT = (CriterionType.CONTRACT_CLAUSE, CriterionType.OPTION)


def test_no_clause_template_names_the_buyer() -> None:
    offenders = [
        str(path.relative_to(REPO))
        for path in sorted((REPO / "clause_templates").rglob("*.j2"))
        if re.search(r"buyer\.name\b", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("data", "lang", "tender", "contract"),
    [
        (None, "nl", "de aanbestedende dienst", "de opdrachtgever"),
        (None, "en", "the contracting authority", "the contracting authority"),
        (belgian_profile_data(), "nl", "de aanbestedende overheid", "de aanbestedende overheid"),
    ],
    ids=["nl", "en", "be"],
)
def test_the_term_follows_the_clause_type_language_and_jurisdiction(
    data: dict | None, lang: str, tender: str, contract: str
) -> None:
    result = make_result(data)
    for criterion in result.selected:
        term = template_context(criterion, result.profile, lang)["buyer"].term
        assert term == (contract if criterion.type in CONTRACT else tender), criterion.id


def _lines(data: bytes) -> list[str]:
    return body_lines(open_docx(data))


def test_the_annex_names_the_buyer_only_in_the_definition_and_details(
    catalogue: Catalogue,
) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    name = result.profile.buyer.name
    lines = _lines(render_docx(result, catalogue, lang="nl", final=True))
    definition = f"Hierna heet {name} ‘de aanbestedende dienst’, in de contractbepalingen en"
    assert lines[2].startswith(definition)  # under the title and subtitle
    assert "‘de opdrachtgever’" in lines[2]
    assert [line for line in lines if name in line] == [lines[2], name]  # definition, details
    text = "\n".join(lines)
    assert "de aanbestedende dienst" in text.split("Gunningscriteria", 1)[1]
    assert "de opdrachtgever" in text.split("Contractbepalingen", 1)[1]


def test_each_part_defines_the_term_its_clauses_use(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    parts = render_parts(result, catalogue, lang="nl", final=True)
    name = result.profile.buyer.name
    assert _lines(parts["overeenkomst"])[2] == f"Hierna heet {name} ‘de opdrachtgever’."
    assert _lines(parts["programma-van-eisen"])[2] == (
        f"Hierna heet {name} ‘de aanbestedende dienst’."
    )
