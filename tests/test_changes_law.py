"""The change checker's law file, its language-neutral findings and its rendering (issue 15)."""

from __future__ import annotations

import io
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx import Document
from pydantic import BaseModel

from mvi_rules._resources import rulesets_dir
from mvi_rules.changes import (
    Assessment,
    Ground,
    Msg,
    assess_change,
    check_change,
    load_ledger,
    render_check,
    render_memo,
)
from mvi_rules.changes.grounds import REGISTRY
from mvi_rules.changes.law import LAW_FILE, change_law, load_change_law, texts_of
from mvi_rules.changes.render.wording import PHRASES
from mvi_rules.cli.change import change_command
from mvi_rules.errors import CatalogueError
from mvi_rules.rendering.formatting import format_amount, format_money, round_cents

REPO = Path(__file__).resolve().parent.parent
LEDGERS = sorted((REPO / "examples" / "ledgers").glob("*.yaml"))


# --- the law file ---------------------------------------------------------------------------


def test_every_ground_has_its_law_in_dutch_and_english() -> None:
    law = change_law()
    assert set(law.grounds) == set(Ground)
    texts = texts_of(law)
    assert len(texts) > 40
    for loc, text in texts:
        assert text.nl.strip() and text.en.strip(), loc
    for ground, item in law.grounds.items():
        assert item.sources, ground
        assert ground.nl_article == item.nl_article and ground.bt200 == item.eforms_bt200


def test_the_law_file_ships_with_the_rulesets() -> None:
    # pyproject.toml force-includes the whole rulesets/ directory in the wheel.
    assert (rulesets_dir() / LAW_FILE).is_file()
    assert '"rulesets" = "mvi_rules/_data/rulesets"' in (REPO / "pyproject.toml").read_text()


def _law_copy(tmp_path: Path, old: str, new: str) -> Path:
    shutil.copy(rulesets_dir() / "sources.yaml", tmp_path / "sources.yaml")
    (tmp_path / "changes").mkdir()
    text = (rulesets_dir() / LAW_FILE).read_text(encoding="utf-8")
    assert old in text
    (tmp_path / LAW_FILE).write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def test_a_question_without_english_is_refused_with_its_line(tmp_path: Path) -> None:
    root = _law_copy(
        tmp_path,
        "        en: Does the change extend the scope of the contract considerably?\n",
        "",
    )
    with pytest.raises(CatalogueError) as info:
        load_change_law(root)
    (problem,) = info.value.problems
    assert problem.field == "grounds.non_substantial.questions.scope.en"
    assert problem.line == _line_of(root / LAW_FILE, "scope:")
    assert "grounds.yaml" in problem.file


def test_an_unknown_placeholder_and_an_unknown_source_are_refused(tmp_path: Path) -> None:
    root = _law_copy(tmp_path, '{description}."\n        en:', '{descripton}."\n        en:')
    text = (root / LAW_FILE).read_text(encoding="utf-8")
    text = text.replace('key: kb_aur_2013, pinpoint: "art. 38/4"', "key: kb_aur, pinpoint: x")
    (root / LAW_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load_change_law(root)
    messages = [str(p) for p in info.value.problems]
    assert any("unknown placeholder {descripton}" in m for m in messages), messages
    assert any("the nl and en texts must use the same placeholders" in m for m in messages)
    assert any("unknown source 'kb_aur'" in m for m in messages), messages


def test_a_ground_missing_from_the_law_is_refused(tmp_path: Path) -> None:
    root = _law_copy(tmp_path, "  de_minimis:\n    nl_article:", "  de_minimus:\n    nl_article:")
    with pytest.raises(CatalogueError, match="de_minimus"):
        load_change_law(root)


# --- one module per ground ------------------------------------------------------------------


def test_every_ground_has_one_rule_with_a_check_and_a_history_check() -> None:
    assert set(REGISTRY) == set(Ground)
    for ground, rule in REGISTRY.items():
        assert rule.ground is ground
        assert rule.check.__module__.endswith("grounds." + ground.value) or ground in (
            Ground.ADDITIONAL,
            Ground.UNFORESEEABLE,
        )
        assert callable(rule.history)


def test_history_and_proposal_use_the_same_de_minimis_arithmetic(write: Any) -> None:
    # 60,000 + 39,999.99 stays below 100,000 as a proposal; recorded, it is valid history too.
    head = (
        "contract:\n  title: T\n  jurisdiction: NL\n  authority_type: municipality\n"
        "  kind: supplies\n  original_value_eur: 1000000\n  award_date: 2026-01-15\n"
        "changes:\n  - {date: 2026-02-16, amount_eur: 60000, description: a, ground: 2.163b}\n"
    )
    proposed = "proposed_change: {date: 2026-06-01, amount_eur: 39999.99, description: b}\n"
    check = check_change(load_ledger(write("a.yaml", head + proposed)))
    assert check.drawer(Ground.DE_MINIMIS).figures["remaining_after"] == Decimal("0.01")
    recorded = "  - {date: 2026-06-01, amount_eur: 39999.99, description: b, ground: 2.163b}\n"
    assert load_ledger(write("b.yaml", head + recorded)).changes[-1].amount_eur == Decimal(
        "39999.99"
    )


# --- language-neutral findings --------------------------------------------------------------


def _messages(node: Any) -> list[Msg]:
    if isinstance(node, Msg):
        return [node, *(m for v in node.params.values() for m in _messages(v))]
    if isinstance(node, (list, tuple)):
        return [m for v in node for m in _messages(v)]
    if isinstance(node, BaseModel):
        return [m for name in type(node).model_fields for m in _messages(getattr(node, name))]
    return []


@pytest.mark.parametrize("path", LEDGERS, ids=lambda p: p.stem)
def test_the_assessment_is_codes_every_language_can_word(path: Path) -> None:
    assessment = assess_change(load_ledger(path), source=path)
    assert isinstance(assessment, Assessment)
    messages = _messages(assessment)
    assert messages
    for message in messages:
        kind = message.code.partition(".")[0]
        assert message.code in PHRASES or kind in ("condition", "question", "ground"), message
    for lang in ("nl", "en"):
        worded = render_check(assessment, lang)  # type: ignore[arg-type]
        assert worded.assessment == assessment
        assert all(d.reason for d in worded.drawers)


def test_the_json_report_carries_codes_next_to_the_texts(tmp_path: Path) -> None:
    result = CliRunner().invoke(change_command, [str(LEDGERS[1]), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["lang"] == "nl"
    drawers = {d["ground"]: d for d in data["assessment"]["drawers"]}
    reason = drawers["de_minimis"]["reason"]
    assert reason["code"] == "de_minimis.reason_full"
    assert reason["params"] == {"amount": "110000", "limit": "100000"}
    assert drawers["additional"]["notice"]["text"]["code"] == "notice.mandatory"
    assert data["assessment"]["advice"]["ground"] == "additional"
    # The contract is given once, at the top.
    assert "contract" not in data["assessment"] and "contract" in data


# --- rendering ------------------------------------------------------------------------------


def _memo_parts(data: bytes) -> list[str]:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    parts += [p.text for section in document.sections for p in section.footer.paragraphs]
    return parts


_DUTCH = re.compile(
    r"\b(de(?!-)|het|een|van|en|optie|opties|wijziging|lade|niet|voor|bij|past|ruimte)\b"
)


@pytest.mark.parametrize("path", LEDGERS, ids=lambda p: p.stem)
def test_the_english_memo_has_no_dutch_and_no_command_line_flags(path: Path) -> None:
    ledger = load_ledger(path)
    result = check_change(ledger, lang="en", source=path)
    # What the ledger says is the buyer's own text; the citation of a Belgian decree is its name.
    own = [ledger.contract.title, ledger.contract.contractor or "", ledger.contract.reference or ""]
    own += [c.description for c in ledger.changes] + [o.description for o in ledger.options]
    own += [ledger.proposed_change.description if ledger.proposed_change else ""]
    own += [ledger.contract.indexation.clause if ledger.contract.indexation else ""]
    for part in _memo_parts(render_memo(result)):
        for text in sorted(own, key=len, reverse=True):
            part = part.replace(text, "") if text else part
        part = re.sub(r"KB \d+ \w+ \d{4}|'Modifier le marché'", "", part)
        assert not _DUTCH.search(part), part
        assert "--" not in part, part


def test_dutch_sentences_write_dates_out() -> None:
    result = check_change(load_ledger(LEDGERS[1]), lang="nl")
    out = " ".join([result.regime_text, *(line for d in result.drawers for line in d.arithmetic)])
    assert "op de gunningsdatum 3 november 2025" in out
    assert "op 4 mei 2026, de datum van de wijziging" in out
    assert not re.search(r"\d{4}-\d{2}-\d{2}", out)


def test_the_memo_uses_the_annex_word_house() -> None:
    result = check_change(load_ledger(LEDGERS[0]), lang="nl")
    document = Document(io.BytesIO(render_memo(result)))
    styles = {
        p.style.name
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
    }
    assert styles == {"Table Text"}
    assert document.tables[0].style.name == "Table Grid"  # the one table style of the annex
    assert document.core_properties.language == "nl-BE"  # a Belgian contract
    assert document.styles["Normal"].font.name != "Calibri"


def test_one_money_rounding_rule() -> None:
    assert round_cents(Decimal("0.125")) == Decimal("0.13")
    assert round_cents(2.675) == Decimal("2.68")
    assert format_money(Decimal("1234.565"), "nl") == "€ 1.234,57"
    assert format_money(1234.565, "en") == "€1,234.57"
    assert format_amount(Decimal("-12500"), "en") == "-€12,500.00"
    assert format_amount(Decimal("-12500"), "nl") == "€ -12.500,00"
    assert format_amount(Decimal("50000"), "nl", plus=True) == "€ +50.000,00"
    assert format_amount(Decimal("-0.004"), "en", plus=True) == "€0.00"


def test_lint_reports_a_broken_change_law_with_its_line(tmp_path: Path) -> None:
    from mvi_rules._resources import templates_dir
    from mvi_rules.lint import lint

    rules = tmp_path / "rulesets"
    shutil.copytree(rulesets_dir(), rules)
    law = rules / LAW_FILE
    text = law.read_text(encoding="utf-8")
    law.write_text(text.replace("en: Does the change extend the scope", "xx: Does", 1))
    findings = lint(rules, templates_dir(), select=["MVI009"])
    assert {f.code for f in findings} == {"MVI009"}
    assert all(f.file.endswith("grounds.yaml") for f in findings)
    messages = {f.message.split(":")[0]: f.line for f in findings}
    assert messages["grounds.non_substantial.questions.scope.en"] == _line_of(law, "scope:")
    assert messages["grounds.non_substantial.questions.scope.xx"] == _line_of(law, "xx: Does")
    assert lint(rulesets_dir(), templates_dir(), select=["MVI009"]) == []


# --- ledger scenarios (rulesets/tests/ledger_*.yaml) -------------------------------------------

FAILING_LEDGER = """\
scenario: Expectations of a change check that do not hold are reported one by one
ledger:
  contract: {title: T, jurisdiction: NL, authority_type: municipality, kind: supplies,
             original_value_eur: 1000000, award_date: 2026-01-15}
  proposed_change: {date: 2026-03-02, amount_eur: 60000, description: p}
expect:
  drawers:
    de_minimis:
      verdict: does_not_fit
      figures: {limit: 90000, remaining_after: null}
    additional:
      notice: {bt200_code: mod-minv}
  recommendation: de_minimis
  alternatives: []
  text:
    - lang: nl
      contains: ["een zin die er niet staat"]
"""


def test_a_failing_ledger_scenario_says_what_did_not_hold(write: Any, catalogue: Any) -> None:
    from mvi_rules.scenarios import LoadedChangeScenario, load_scenario, run_scenario

    loaded = load_scenario(write("s.yaml", FAILING_LEDGER))
    assert isinstance(loaded, LoadedChangeScenario)
    outcome = run_scenario(loaded, catalogue)
    assert outcome.failures == [
        "de_minimis should be does_not_fit, not fits",
        "de_minimis: figure limit should be 90000, not 100000.00",
        "de_minimis: figure remaining_after should be absent, but is 40000.00",
        "additional: notice bt200_code should be mod-minv, not add-wss",
        "de_minimis should be recommended, not additional",
        "the fallbacks should be [], not [unforeseeable, de_minimis]",
        "the nl report should contain 'een zin die er niet staat'",
    ]


def test_a_bad_ledger_in_a_scenario_names_its_line(write: Any) -> None:
    from mvi_rules.errors import ScenarioError
    from mvi_rules.scenarios import load_scenario

    path = write("s.yaml", FAILING_LEDGER.replace("kind: supplies", "kind: suplies"))
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    (problem,) = info.value.problems
    assert problem.field == "ledger.contract.kind" and problem.line == 3


def test_the_ledger_worked_examples_are_scenarios() -> None:
    from mvi_rules.scenarios import default_scenarios_dir, discover

    ledgers = [p for p in discover([default_scenarios_dir()]) if p.name.startswith("ledger_")]
    assert len(ledgers) >= 10
