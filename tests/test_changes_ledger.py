"""Bad ledgers get clear errors naming the file, the field and the line; good ones load."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mvi_rules.changes import (
    Contract,
    Ground,
    Ledger,
    ProposedChange,
    check_change,
    load_ledger,
)
from mvi_rules.errors import LedgerError, MviRulesError

REPO = Path(__file__).resolve().parent.parent

_GOOD = """contract:
  title: Laptops
  jurisdiction: NL
  authority_type: municipality
  kind: supplies
  original_value_eur: 1000000
  award_date: 2026-01-15
options:
  - id: docking
    description: Docking stations
    max_value_eur: 90000
changes:
  - date: 2026-02-16
    amount_eur: 60000
    description: Extra laptops
    ground: 2.163b
proposed_change:
  date: 2026-05-04
  amount_eur: 50000
  description: More laptops
"""


def _problems(write: Any, text: str) -> list[tuple[str, str, int | None]]:
    path = write("ledger.yaml", text)
    with pytest.raises(LedgerError) as info:
        load_ledger(path)
    assert all(p.file == str(path) for p in info.value.problems)
    return [(p.field, p.message, p.line) for p in info.value.problems]


def test_a_good_ledger_loads(write: Any) -> None:
    ledger = load_ledger(write("ledger.yaml", _GOOD))
    assert ledger.changes[0].ground is Ground.DE_MINIMIS
    assert ledger.proposed_change is not None


def test_negative_original_value(write: Any) -> None:
    problems = _problems(
        write, _GOOD.replace("original_value_eur: 1000000", "original_value_eur: -5")
    )
    assert problems == [
        (
            "contract.original_value_eur",
            "the original value must be a positive amount in euro excl. VAT (got -5)",
            6,
        )
    ]


def test_overflowed_de_minimis_history_is_an_error(write: Any) -> None:
    # 60,000 + 50,000 = 110,000 recorded as de-minimis: not below 100,000 (10% of 1,000,000).
    text = _GOOD.replace(
        "proposed_change:",
        "  - date: 2026-03-01\n    amount_eur: 50000\n    description: Docks\n    ground: 2.163b\n"
        "proposed_change:",
    )
    [(field, message, line)] = _problems(write, text)
    assert field == "changes[1].amount_eur"
    assert line == 18
    assert "€110,000.00" in message and "€100,000.00" in message
    assert "could not use 2.163b" in message


def test_date_before_award(write: Any) -> None:
    text = _GOOD.replace("  - date: 2026-02-16", "  - date: 2025-12-01")
    assert _problems(write, text) == [
        ("changes[0].date", "date 2025-12-01 is before the award date 2026-01-15", 13)
    ]


def test_proposed_change_before_award(write: Any) -> None:
    text = _GOOD.replace("  date: 2026-05-04", "  date: 2026-01-01")
    [(field, message, line)] = _problems(write, text)
    assert (field, line) == ("proposed_change.date", 18)
    assert "before the award date" in message


def test_unknown_ground_lists_the_valid_ones(write: Any) -> None:
    [(field, message, line)] = _problems(write, _GOOD.replace("ground: 2.163b", "ground: 2.163z"))
    assert (field, line) == ("changes[0].ground", 16)
    assert message.startswith("unknown ground '2.163z'; use one of: de_minimis (2.163b, mod-minv)")
    assert "non_substantial (2.163g, mod-nons)" in message


def test_unknown_field_is_rejected(write: Any) -> None:
    problems = _problems(write, _GOOD.replace("  kind: supplies", "  kinds: supplies"))
    assert problems[0][0] == "contract.kind" and problems[0][1] == "required field is missing"
    assert problems[1][0] == "contract.kinds" and problems[1][2] == 5
    assert problems[1][1].startswith("unknown field")


def test_several_problems_are_reported_at_once(write: Any) -> None:
    text = _GOOD.replace("  - date: 2026-02-16", "  - date: 2025-12-01").replace(
        "ground: 2.163b", "ground: 2.163c"
    )
    fields = [f for f, _, _ in _problems(write, text)]
    assert fields == ["changes[0].date", "changes[0].option"]


@pytest.mark.parametrize(
    ("old", "new", "field", "fragment"),
    [
        ("amount_eur: 60000", "amount_eur: 60000.001", "changes[0].amount_eur", "two decimals"),
        ("amount_eur: 60000", "amount_eur: '60.000,00'", "changes[0].amount_eur", "dot for cents"),
        (
            "authority_type: municipality",
            "authority_type: be_federal",
            "contract.authority_type",
            "not a NL authority",
        ),
        ("kind: supplies", "kind: utilities", "contract.kind", "utilities_subject"),
        (
            "  description: More laptops",
            "  description: More laptops\n  option: nope",
            "proposed_change.option",
            "unknown option 'nope' (known: docking)",
        ),
        (
            "    ground: 2.163b",
            "    ground: 2.163b\n    option: docking",
            "changes[0].option",
            "only recorded for ground review_clause",
        ),
    ],
)
def test_field_problems(write: Any, old: str, new: str, field: str, fragment: str) -> None:
    problems = _problems(write, _GOOD.replace(old, new))
    assert any(f == field and fragment in m for f, m, _ in problems), problems


def test_option_used_beyond_its_maximum(write: Any) -> None:
    text = _GOOD.replace(
        "proposed_change:",
        "  - date: 2026-03-01\n    amount_eur: 95000\n    description: Docks\n    ground: 2.163c\n"
        "    option: docking\nproposed_change:",
    )
    [(field, message, _)] = _problems(write, text)
    assert field == "changes[1].amount_eur"
    assert "more than its stated maximum €90,000.00" in message


def test_missing_file_and_bad_yaml(write: Any, tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match="file not found"):
        load_ledger(tmp_path / "nope.yaml")
    path = write("broken.yaml", "contract: [\n")
    with pytest.raises(LedgerError, match="not valid YAML"):
        load_ledger(path)


def test_no_proposed_change(write: Any) -> None:
    ledger = load_ledger(write("ledger.yaml", _GOOD.split("proposed_change:")[0]))
    with pytest.raises(LedgerError, match="no proposed change"):
        check_change(ledger, source="ledger.yaml")


def test_in_memory_ledger_is_checked_too() -> None:
    contract = Contract.model_validate(
        {
            "title": "T",
            "jurisdiction": "NL",
            "authority_type": "municipality",
            "kind": "supplies",
            "original_value_eur": "1000000",
            "award_date": "2026-01-15",
        }
    )
    ledger = Ledger(contract=contract)
    proposed = ProposedChange.model_validate({"date": "2025-01-01", "amount_eur": 1})
    with pytest.raises(LedgerError) as info:
        check_change(ledger, proposed, proposed_label="--date")
    assert str(info.value.problems[0]) == (
        "<ledger>: --date.date: date 2025-01-01 is before the award date 2026-01-15"
    )


def test_ledger_error_is_an_mvi_rules_error() -> None:
    assert issubclass(LedgerError, MviRulesError)


def test_ground_spellings() -> None:
    assert Ground.parse("2.163d") is Ground.ADDITIONAL
    assert Ground.parse("art. 2.163d") is Ground.ADDITIONAL
    assert Ground.parse("add-wss") is Ground.ADDITIONAL
    assert Ground.parse("Additional") is Ground.ADDITIONAL
    with pytest.raises(ValueError, match="unknown ground"):
        Ground.parse("38/4")


@pytest.mark.parametrize(
    "example", sorted((REPO / "examples" / "ledgers").glob("*.yaml")), ids=lambda p: p.name
)
def test_example_ledgers_load_and_check(example: Path) -> None:
    result = check_change(load_ledger(example), source=example)
    assert result.recommendation.text
