"""The final annex holds only what goes to market; the memo holds what the legal adviser needs."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from mvi_rules import Catalogue, evaluate, load_profile, render_docx, render_memo
from mvi_rules.cli import main

from .conftest import EXAMPLES
from .test_rendering_fixtures import all_text

INTERNAL_NL = (
    "CONCEPT",
    "Gebruik van deze bijlage",
    "Aandachtspunten",
    "Te bevestigen standaardwaarden",
    "Niet opgenomen criteria",
    "Verantwoording: herkomst en grondslag per clausule",
)


@pytest.mark.parametrize("name", ["gemeente-laptops", "school-refurbished"])
def test_the_final_annex_has_no_internal_material(catalogue: Catalogue, name: str) -> None:
    result = evaluate(load_profile(EXAMPLES / f"{name}.yaml"), catalogue)
    final = all_text(render_docx(result, catalogue, lang="nl", final=True))
    concept = all_text(render_docx(result, catalogue, lang="nl"))
    for heading in INTERNAL_NL:
        assert heading in concept
        assert heading not in final, heading
    assert "Concept — criteriaset" in concept  # the footer
    assert "Concept —" not in final
    # Every clause is still there.
    for criterion in result.selected:
        assert criterion.id in final


def test_the_memo_holds_what_the_final_annex_leaves_out(catalogue: Catalogue) -> None:
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    memo = all_text(render_memo(result, "nl"))
    assert "Notitie voor de juridisch adviseur" in memo
    for heading in INTERNAL_NL[2:]:
        assert heading in memo, heading
    assert render_memo(result, "nl") == render_memo(result, "nl")
    english = all_text(render_memo(result, "en"))
    assert "Memo for the legal adviser" in english


def test_the_memo_says_what_each_source_supports_and_the_concept_leaves_it_to_comments(
    catalogue: Catalogue,
) -> None:
    """The concept's trace names each source's document and place (the comment on the clause
    says what it supports); the memo, which has no comments, says it in the trace itself."""
    result = evaluate(load_profile(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    supports = "Vernietiging kost ca. 17,50 euro per apparaat"
    memo = all_text(render_memo(result, "nl"))
    data = render_docx(result, catalogue, lang="nl")
    assert supports in memo
    assert supports not in all_text(data)
    comments = "\n".join(c.text for c in docx.Document(io.BytesIO(data)).comments)
    assert supports in comments


def test_generate_final_writes_the_memo_next_to_the_annex(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["generate", str(EXAMPLES / "gemeente-laptops.yaml"), "-o", str(tmp_path / "a.docx")]
    done = runner.invoke(main, [*args, "--final"])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "a.docx").exists() and (tmp_path / "a-memo.docx").exists()
    (tmp_path / "a.docx").unlink()
    again = runner.invoke(main, [*args, "--final"])
    assert again.exit_code == 1
    assert "a-memo.docx already exists" in again.output
    assert not (tmp_path / "a.docx").exists()
    wrong = runner.invoke(main, [*args, "--memo", str(tmp_path / "m.docx")])
    assert wrong.exit_code == 2
    assert "--memo goes with --final" in wrong.output
