"""``mvi-rules change``: text and JSON reports, the Word memo, and recording a change."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx import Document

from mvi_rules.changes import check_change, load_ledger, render_memo
from mvi_rules.cli.change import change_command

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "ledgers" / "gemeente-laptops.yaml"


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    """A copy of the example ledger (60,000 de-minimis already; +50,000 proposed)."""
    target = tmp_path / "ledger.yaml"
    shutil.copyfile(EXAMPLE, target)
    return target


def _run(*args: str) -> Any:
    return CliRunner().invoke(change_command, [str(a) for a in args])


def _memo_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_text_report_in_dutch(ledger: Path) -> None:
    result = _run(ledger)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "5. 2.163b: de-minimiswijziging (het kleine laatje): PAST NIET" in out
    assert "Met deze wijziging: € 60.000,00 + € 50.000,00 = € 110.000,00." in out
    assert "Resterend budget vóór deze wijziging: € 40.000,00" in out
    assert "2. 2.163d: aanvullende leveringen, diensten of werken: PAST, als de voorwaarden" in out
    assert "€ 50.000,00 ≤ € 500.000,00" in out
    assert "subtype 38, BT-200 (reden van de wijziging) = add-wss" in out
    assert "Aanbevolen: 2.163d (aanvullende leveringen, diensten of werken)" in out
    assert out.index("2.163c:") < out.index("2.163f:") < out.index("2.163b:") < out.index("2.163g:")


def test_text_report_in_english(ledger: Path) -> None:
    result = _run(ledger, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "2.163b: de-minimis change (the small drawer): DOES NOT FIT" in result.output
    assert "Remaining budget before this change: €40,000.00" in result.output


def test_json_report(ledger: Path) -> None:
    result = _run(ledger, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    drawers = {d["ground"]: d for d in data["drawers"]}
    assert drawers["de_minimis"]["verdict"] == "does_not_fit"
    assert drawers["de_minimis"]["figures"]["remaining_before"] == "40000.00"
    assert drawers["de_minimis"]["figures"]["net_cumulative_after"] == "110000.00"
    assert drawers["additional"]["verdict"] == "conditional"
    assert drawers["additional"]["figures"]["cap"] == "500000.00"
    assert drawers["additional"]["notice"] == {
        "required": True,
        "eforms_notice_subtype": 38,
        "bt200_code": "add-wss",
        # BT-202, the modification's description, is the proposed change's own.
        "bt202_description": data["proposed_change"]["description"] or None,
        "text": drawers["additional"]["notice"]["text"],
    }
    assert data["recommendation"]["ground"] == "additional"
    assert data["proposed_change"]["amount_eur"] == "50000.00"
    assert data["by_analogy"] is False


def test_change_given_on_the_command_line(ledger: Path) -> None:
    # 60,000 already used; +39,999.99 -> 99,999.99 < 100,000 -> fits, 0.01 left.
    result = _run(ledger, "--amount", "39999.99", "--date", "2026-06-01", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    drawers = {d["ground"]: d for d in data["drawers"]}
    assert drawers["de_minimis"]["verdict"] == "fits"
    assert drawers["de_minimis"]["figures"]["remaining_after"] == "0.01"
    assert "not " in result.stderr and "proposed_change" in result.stderr


def test_option_on_the_command_line(ledger: Path) -> None:
    result = _run(
        ledger,
        "--amount",
        "90000",
        "--date",
        "2026-06-01",
        "--option",
        "docking-stations",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["recommendation"]["ground"] == "review_clause"


def test_decrease_on_the_command_line(ledger: Path) -> None:
    result = _run(ledger, "--amount=-12500", "--date", "2026-06-01", "--format", "json")
    assert result.exit_code == 0, result.output
    drawers = {d["ground"]: d for d in json.loads(result.stdout)["drawers"]}
    assert drawers["de_minimis"]["figures"]["net_cumulative_after"] == "47500.00"


def test_bad_ledger_exits_1_with_file_field_and_line(write: Any) -> None:
    path = write(
        "bad.yaml",
        EXAMPLE.read_text(encoding="utf-8").replace(
            "original_value_eur: 1000000.00", "original_value_eur: -1000000.00"
        ),
    )
    result = _run(path)
    assert result.exit_code == 1
    assert f"{path}:13: contract.original_value_eur: the original value must be a positive" in (
        result.stderr
    )
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--amount", "1.000,00", "--date", "2026-06-01"], "dot for cents"),
        (["--date", "2026-06-01"], "give its --amount too"),
        (["--append", "2.163z"], "unknown ground '2.163z'"),
        (["--date", "06/01/2026", "--amount", "1"], "--date"),
    ],
)
def test_usage_errors(ledger: Path, args: list[str], fragment: str) -> None:
    result = _run(ledger, *args)
    assert result.exit_code == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.output


def test_unknown_option_on_the_command_line(ledger: Path) -> None:
    result = _run(ledger, "--amount", "1", "--date", "2026-06-01", "--option", "nope")
    assert result.exit_code == 1
    assert "proposed change (command line).option: unknown option 'nope'" in result.stderr


def test_missing_ledger(tmp_path: Path) -> None:
    result = _run(tmp_path / "nope.yaml")
    assert result.exit_code == 1
    assert "file not found" in result.stderr


# --- the memo -------------------------------------------------------------------------------


def test_memo_has_the_figures_and_references(ledger: Path, tmp_path: Path) -> None:
    memo = tmp_path / "memo.docx"
    result = _run(ledger, "--docx", memo)
    assert result.exit_code == 0, result.output
    text = _memo_text(memo)
    assert "Memo: wijziging van een lopende opdracht" in text
    assert "Met deze wijziging: € 60.000,00 + € 50.000,00 = € 110.000,00." in text
    assert "50%-grens per wijziging: € 50.000,00 ≤ € 500.000,00" in text
    assert "art. 2.163d Aw 2012; Richtlijn 2014/24/EU, art. 72, lid 1, onder b" in text
    assert "BT-200 (reden van de wijziging) = add-wss" in text
    assert "Vragen voor de jurist" in text
    assert "Aanbevolen: 2.163d" in text
    props = Document(str(memo)).core_properties
    assert props.author == "mvi-rules" and props.revision == 1
    assert props.created.date().isoformat() == "2026-05-04"


def test_memo_in_english(ledger: Path, tmp_path: Path) -> None:
    memo = tmp_path / "memo.docx"
    assert _run(ledger, "--docx", memo, "--lang", "en").exit_code == 0
    text = _memo_text(memo)
    assert "Memo: change to a running contract" in text
    assert "Aw 2012 art. 2.163b" in text


def test_memo_is_not_overwritten_without_force(ledger: Path, tmp_path: Path) -> None:
    memo = tmp_path / "memo.docx"
    memo.write_bytes(b"keep me")
    result = _run(ledger, "--docx", memo)
    assert result.exit_code == 1
    assert "already exists; use --force" in result.stderr
    assert memo.read_bytes() == b"keep me"
    # Nothing else happened either: no report, no ledger change.
    assert result.stdout == ""
    assert _run(ledger, "--docx", memo, "--force").exit_code == 0
    assert memo.read_bytes() != b"keep me"


def test_memo_is_byte_identical_for_the_same_input(ledger: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    assert _run(ledger, "--docx", first).exit_code == 0
    assert _run(ledger, "--docx", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    result = check_change(load_ledger(ledger), source=ledger)
    assert render_memo(result) == first.read_bytes()
    # It is still a Word document python-docx can read.
    Document(io.BytesIO(first.read_bytes()))


# --- recording a change ---------------------------------------------------------------------


def test_append_keeps_earlier_entries_and_comments(ledger: Path) -> None:
    before = ledger.read_text(encoding="utf-8")
    result = _run(ledger, "--append", "2.163d")
    assert result.exit_code == 0, result.output
    assert "recorded in" in result.stderr and "proposed_change entry was removed" in result.stderr
    after = ledger.read_text(encoding="utf-8")
    # Everything up to the end of the earlier change is byte for byte the same.
    head = before.split("# De wijziging die nu wordt overwogen.")[0].rstrip("\n")
    assert after.startswith(head)
    assert "# Wijzigingen die al zijn doorgevoerd, met de gebruikte grond." in after
    loaded = load_ledger(ledger)
    assert [c.description for c in loaded.changes] == [
        "Extra laptops voor de nieuwe afdeling Wijkzaken (50 stuks)",
        "Extra laptops voor de buitendienst (40 stuks, robuuste uitvoering)",
    ]
    assert [c.ground.nl_article for c in loaded.changes] == ["2.163b", "2.163d"]
    assert loaded.proposed_change is None
    # The next check on the same ledger sees both changes; the 2.163d one does not count for
    # de-minimis: still 60,000 used, so +39,000 fits (99,000 < 100,000).
    follow = _run(ledger, "--amount", "39000", "--date", "2026-07-01", "--format", "json")
    drawers = {d["ground"]: d for d in json.loads(follow.stdout)["drawers"]}
    assert drawers["de_minimis"]["figures"]["net_cumulative_before"] == "60000.00"
    assert drawers["de_minimis"]["verdict"] == "fits"


def test_append_refuses_a_drawer_that_does_not_fit(ledger: Path) -> None:
    before = ledger.read_bytes()
    result = _run(ledger, "--append", "2.163b")
    assert result.exit_code == 1
    assert "cannot record the change under 2.163b (de_minimis)" in result.stderr
    assert "€ 110.000,00" in result.stderr
    assert ledger.read_bytes() == before


def test_append_from_the_command_line_keeps_the_files_proposed_change(ledger: Path) -> None:
    result = _run(
        ledger,
        "--amount",
        "30000",
        "--date",
        "2026-06-01",
        "--description",
        "Tassen",
        "--append",
        "de_minimis",
    )
    assert result.exit_code == 0, result.output
    loaded = load_ledger(ledger)
    assert [str(c.amount_eur) for c in loaded.changes] == ["60000", "30000"]
    assert loaded.proposed_change is not None  # untouched: it was not the change recorded
    # Recording the same change twice is refused.
    again = _run(
        ledger,
        "--amount",
        "30000",
        "--date",
        "2026-06-01",
        "--description",
        "Tassen",
        "--append",
        "de_minimis",
    )
    assert again.exit_code == 1
    assert "already recorded" in again.stderr


def test_append_needs_a_description(ledger: Path) -> None:
    result = _run(ledger, "--amount", "1000", "--date", "2026-06-01", "--append", "2.163b")
    assert result.exit_code == 1
    assert "without a description" in result.stderr


def test_append_to_a_ledger_without_changes(write: Any) -> None:
    path = write(
        "ledger.yaml",
        """# my contract
contract:
    title: T   # four-space indentation is kept
    jurisdiction: NL
    authority_type: municipality
    kind: supplies
    original_value_eur: 1000000
    award_date: 2026-01-15
proposed_change:
    date: 2026-03-01
    amount_eur: 1234.56
    description: Cables
""",
    )
    result = _run(path, "--append", "2.163b")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "# my contract\ncontract:\n    title: T   # four-space indentation is kept\n"
    )
    loaded = load_ledger(path)
    assert str(loaded.changes[0].amount_eur) == "1234.56"
    assert loaded.proposed_change is None


def test_belgian_memo_uses_aur_labels(tmp_path: Path) -> None:
    memo = tmp_path / "be.docx"
    example = REPO / "examples" / "ledgers" / "be-school-laptops.yaml"
    assert _run(example, "--docx", memo).exit_code == 0
    text = _memo_text(memo)
    assert "AUR de-minimis" in text  # the earlier change's ground, in Belgian terms
    assert "KB 14 januari 2013 (AUR), art. 37-38/19" in text
    assert "2.163" not in text


#: The AUR article of each drawer (KB 14 januari 2013), numbered as the Walloon procurement
#: portal "Modifier le marché" numbers them.
BE_ARTICLES = {
    "review_clause": "art. 38: herzieningsclausule",
    "additional": "art. 38/1: bijkomende werken, leveringen of diensten",
    "unforeseeable": "art. 38/2: onvoorzienbare omstandigheden",
    "new_contractor": "art. 38/3: vervanging van de opdrachtnemer",
    "de_minimis": "art. 38/4: de-minimisregel",
    "non_substantial": "art. 38/5-38/6: niet-substantiële wijziging",
}


def test_belgian_article_numbers_per_drawer_in_text_json_and_memo(tmp_path: Path) -> None:
    example = REPO / "examples" / "ledgers" / "be-school-laptops.yaml"
    as_json = _run(example, "--format", "json")
    assert as_json.exit_code == 0, as_json.output
    drawers = {d["ground"]: d for d in json.loads(as_json.stdout)["drawers"]}
    assert set(drawers) == set(BE_ARTICLES)
    for ground, article in BE_ARTICLES.items():
        (reference,) = [r for r in drawers[ground]["references"] if "AUR" in r]
        assert reference == (
            f"KB 14 januari 2013 (AUR), {article} "
            "(nummering volgens het Waalse portaal 'Modifier le marché')"
        )
        assert "onbevestigd" not in reference
    # The default review clauses the decree lays down, named in the review-clause drawer.
    assert any(
        "38/12 (schadevergoeding na schorsingen)" in n for n in drawers["review_clause"]["notes"]
    )

    as_text = _run(example)
    assert as_text.exit_code == 0, as_text.output
    flat = " ".join(as_text.output.split())
    for article in BE_ARTICLES.values():
        assert f"KB 14 januari 2013 (AUR), {article} (nummering volgens" in flat
    assert "onbevestigd]" not in flat

    memo = tmp_path / "be.docx"
    assert _run(example, "--docx", memo).exit_code == 0
    text = " ".join(_memo_text(memo).split())
    # The memo details every drawer that applies (here all but 38 and 38/3), with its article.
    shown = [g for g, d in drawers.items() if d["verdict"] != "not_applicable"]
    assert set(shown) == set(BE_ARTICLES) - {"review_clause", "new_contractor"}
    for ground in shown:
        assert f"KB 14 januari 2013 (AUR), {BE_ARTICLES[ground]}" in text

    english = _run(example, "--format", "json", "--lang", "en")
    refs = {d["ground"]: d["references"][0] for d in json.loads(english.stdout)["drawers"]}
    assert refs["de_minimis"] == (
        "KB 14 januari 2013 (AUR), art. 38/4: de-minimis rule "
        "(numbering per the Walloon portal 'Modifier le marché')"
    )
    assert refs["non_substantial"].startswith("KB 14 januari 2013 (AUR), arts 38/5-38/6:")


def test_cli_is_registered_on_the_main_group() -> None:
    import click

    from mvi_rules.cli import main

    ctx = click.Context(main)
    assert "change" in main.list_commands(ctx)
    assert main.get_command(ctx, "change") is not None


EXAMPLE_LEDGERS = sorted((REPO / "examples" / "ledgers").glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLE_LEDGERS, ids=lambda p: p.name)
def test_every_example_ledger_runs_through_the_command(example: Path, tmp_path: Path) -> None:
    # Text in both languages, JSON, and the memo; the example file itself is left untouched.
    before = example.read_bytes()
    for lang in ("nl", "en"):
        text = _run(example, "--lang", lang)
        assert text.exit_code == 0, text.output
        assert pick_heading(lang) in text.stdout
    data = json.loads(_run(example, "--format", "json").stdout)
    assert data["recommendation"]["text"]
    memo = tmp_path / "memo.docx"
    result = _run(example, "--docx", memo)
    assert result.exit_code == 0, result.output
    assert "Memo" in _memo_text(memo)
    assert example.read_bytes() == before


def pick_heading(lang: str) -> str:
    return "Lades, in de volgorde van toetsing" if lang == "nl" else "Drawers, in testing order"


# A command-line flag in a sentence: "--option", "(--replaces-contractor)".
_FLAG = re.compile(r"(?<![\w-])--[a-z]")


@pytest.mark.parametrize(
    "args",
    [
        [],  # the example: options listed but none named, no new contractor, derived regime
        ["--amount=-10000", "--date", "2026-05-04"],
        ["--amount", "0", "--date", "2026-05-04", "--replaces-contractor"],
        ["--amount", "2000000", "--date", "2026-05-04"],  # no drawer fits
    ],
    ids=["example", "decrease", "new-contractor", "no-drawer"],
)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_command_line_flags_in_sentences_for_the_adviser(
    ledger: Path, tmp_path: Path, args: list[str], lang: str
) -> None:
    memo = tmp_path / "memo.docx"
    result = _run(ledger, *args, "--lang", lang, "--docx", memo)
    assert result.exit_code == 0, result.output
    for text in (result.stdout, _memo_text(memo)):
        assert not _FLAG.search(text), _FLAG.search(text)
        assert "contract.regime" not in text


def test_memo_history_names_the_option_in_the_memo_language(write: Any, tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "    ground: 2.163b\n",
        "    ground: 2.163b\n  - date: 2026-03-01\n    amount_eur: 20000\n"
        "    description: Docking stations\n    ground: 2.163c\n    option: docking-stations\n",
    )
    path = write("ledger.yaml", text)
    for lang, expected in (("en", "Docking stations (option docking-stations)"), ("nl", "(optie ")):
        memo = tmp_path / f"memo-{lang}.docx"
        assert _run(path, "--lang", lang, "--docx", memo).exit_code == 0
        assert expected in _memo_text(memo)
