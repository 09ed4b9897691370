"""Review comments in the concept annex, read back from the .docx as Word would show them."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from mvi_rules import Catalogue, EvaluationResult, evaluate, load_profile, render_docx
from mvi_rules.rendering.law import legal_basis
from mvi_rules.rendering.review_comments import AUTHOR, _deciding
from mvi_rules.selection.result import ConditionTrace

from .conftest import EXAMPLES, REPO

# Selected for lot 1 (laptops, which hold data) and not for lot 2 (monitors, which do not).
CRITERION = "MVI-CIR-001"


@pytest.fixture(scope="module")
def result(catalogue: Catalogue) -> EvaluationResult:
    return evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)


def comments_by_heading(data: bytes) -> dict[str, Any]:
    """Each comment, keyed by the text of the paragraph it is anchored to."""
    document = docx.Document(io.BytesIO(data))
    comments = {c.comment_id: c for c in document.comments}
    out = {}
    for para in document.paragraphs:
        for start in para._p.iter(qn("w:commentRangeStart")):
            out[para.text] = comments[int(start.get(qn("w:id")))]
    assert len(out) == len(comments), "every comment is anchored to a paragraph"
    return out


def clause_comment(data: bytes, criterion_id: str) -> Any:
    matches = [c for text, c in comments_by_heading(data).items() if text.startswith(criterion_id)]
    assert len(matches) == 1
    return matches[0]


def test_every_clause_heading_carries_one_comment(
    catalogue: Catalogue, result: EvaluationResult
) -> None:
    data = render_docx(result, catalogue, lang="nl")
    comments = comments_by_heading(data)
    headings = {f"{c.id} {c.title.get('nl')}" for c in result.selected}
    assert set(comments) == headings
    for heading, comment in comments.items():
        assert comment.author == AUTHOR
        assert comment.text.startswith(heading.split(" ")[0] + ", versie ")
        # The profile's reference date, not the time of writing.
        assert comment.timestamp == dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc)


def test_the_comment_gives_id_version_reasons_legal_basis_and_sources_in_dutch(
    catalogue: Catalogue, result: EvaluationResult
) -> None:
    criterion = next(c for c in result.selected if c.id == CRITERION)
    assert criterion.lots == ["1"]
    text = clause_comment(render_docx(result, catalogue, lang="nl"), CRITERION).text
    lines = text.split("\n")
    assert lines[0] == f"{CRITERION}, versie {criterion.version}"
    assert lines[1].startswith("Geselecteerd voor perceel 1 (Laptops medewerkers), omdat: ")
    assert "het perceel koopt laptops" in lines[1]
    assert "lot.holds_data is true (profiel: true)" in lines[1]
    assert "perceel 2" not in text
    refs = legal_basis(result, list(criterion.legal_basis), "nl")
    assert "Aanbestedingswet 2012, art. 2.80 (bijzondere uitvoeringsvoorwaarden)" in refs
    assert lines[2] == "Juridische grondslag: " + "; ".join(refs)
    assert lines[3] == "Bronnen:"
    sources = [line.removeprefix("- ") for line in lines[4:]]
    assert len(sources) == len(criterion.sources)
    assert any("https://" in s and "(bevestigd)" in s for s in sources)


def test_the_comment_is_in_english_in_an_english_annex(
    catalogue: Catalogue, result: EvaluationResult
) -> None:
    criterion = next(c for c in result.selected if c.id == CRITERION)
    text = clause_comment(render_docx(result, catalogue, lang="en"), CRITERION).text
    lines = text.split("\n")
    assert lines[0] == f"{CRITERION}, version {criterion.version}"
    assert lines[1].startswith("Selected for lot 1 (Laptops medewerkers) because: ")
    assert "the lot buys laptops" in lines[1] and "(profile: true)" in lines[1]
    assert lines[2] == "Legal basis: " + "; ".join(
        legal_basis(result, list(criterion.legal_basis), "en")
    )
    assert lines[3] == "Sources:"
    assert "(confirmed)" in text and "versie" not in text


def test_sources_in_the_comment_are_those_of_the_trace_table(
    catalogue: Catalogue, result: EvaluationResult
) -> None:
    """The comment writes each source out in full; the trace names the same documents, by
    their number in the list of documents cited, with the same place, and marks what is not
    confirmed."""
    data = render_docx(result, catalogue, lang="nl")
    document = docx.Document(io.BytesIO(data))
    listed = {r.cells[0].text: r.cells[1].text for r in document.tables[-2].rows}
    row = next(r for r in document.tables[-1].rows if r.cells[0].text == CRITERION)
    cited = [p.text for p in row.cells[4].paragraphs]
    text = clause_comment(data, CRITERION).text
    sources = [s.removeprefix("- ") for s in text.split("Bronnen:\n", 1)[1].split("\n")]
    assert len(sources) == len(cited) > 1
    for full, short in zip(sources, cited, strict=True):
        number, place, mark = re.fullmatch(r"(\[\d+\])(.*?)(?: \(([^()]+)\))?", short).groups()
        document_name = listed[number].split(". http")[0]
        assert full.startswith(document_name + (f",{place}" if place else ":"))
        if mark is None:
            assert full.endswith("(bevestigd)")
        else:
            assert full.endswith(f"({mark})") and mark != "bevestigd"
    assert any(line.endswith("(bevestigd)") for line in sources)


def test_a_belgian_annex_comments_with_belgian_law(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "school-refurbished.yaml"), catalogue)
    comments = comments_by_heading(render_docx(result, catalogue, lang="nl"))
    assert comments
    texts = [c.text for c in comments.values()]
    assert any("Wet van 17 juni 2016" in t for t in texts)
    assert not any("Aanbestedingswet 2012" in t for t in texts)


def test_the_final_annex_has_no_comments(catalogue: Catalogue, result: EvaluationResult) -> None:
    data = render_docx(result, catalogue, lang="nl", final=True)
    assert len(docx.Document(io.BytesIO(data)).comments) == 0
    assert "word/comments.xml" not in zipfile.ZipFile(io.BytesIO(data)).namelist()
    concept = render_docx(result, catalogue, lang="nl")
    assert "word/comments.xml" in zipfile.ZipFile(io.BytesIO(concept)).namelist()


@pytest.mark.parametrize("profile", ["gemeente-laptops.yaml", "university-en.yaml"])
def test_an_annex_with_comments_is_byte_identical_each_time(
    catalogue: Catalogue, profile: str
) -> None:
    result = evaluate(load_profile(EXAMPLES / profile), catalogue)
    assert render_docx(result, catalogue) == render_docx(result, catalogue)


def test_a_profile_without_a_reference_date_dates_its_comments_today(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    text = (REPO / "examples" / "gemeente-laptops.yaml").read_text(encoding="utf-8")
    path = tmp_path / "profile.yaml"
    path.write_text(
        "\n".join(line for line in text.splitlines() if "reference_date" not in line),
        encoding="utf-8",
    )
    result = evaluate(load_profile(path), catalogue)
    comment = clause_comment(render_docx(result, catalogue, lang="nl"), CRITERION)
    assert comment.timestamp.date() == result.profile.procurement.reference_date


def trace(holds: bool, text: str, *children: ConditionTrace) -> ConditionTrace:
    return ConditionTrace(holds=holds, text=text, children=list(children))


def test_only_the_parts_that_decided_a_condition_are_given() -> None:
    reason = trace(
        True,
        "all of",
        trace(
            True,
            "lot.product_groups includes any of [laptop, monitor] (profile: [werkplek, laptop])",
        ),
        trace(
            True,
            "any of",
            trace(False, "ambition.social is at least 3 (profile: 2)"),
            trace(True, "commitments.fira_participant is true (profile: true)"),
        ),
        trace(
            True,
            "not",
            trace(
                False,
                "all of",
                trace(True, "buyer.authority_type is state (profile: state)"),
                trace(False, "lot.isv_risk_category is set (profile: not set)"),
            ),
        ),
    )
    assert _deciding(reason, "nl") == [
        "het perceel koopt laptops",
        "commitments.fira_participant is true (profiel: true)",
        "niet (buyer.authority_type is state (profiel: state) en"
        " lot.isv_risk_category is set (profiel: niet ingevuld))",
    ]
    assert _deciding(reason, "en")[2] == (
        "not (buyer.authority_type is state (profile: state) and"
        " lot.isv_risk_category is set (profile: not set))"
    )
