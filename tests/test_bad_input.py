"""Bad input gets a clear error naming the file (and line), never an internal error."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from mvi_rules import load_profile
from mvi_rules._yaml import MAX_DEPTH
from mvi_rules.changes import load_ledger
from mvi_rules.cli import main
from mvi_rules.errors import LedgerError, ProfileError
from mvi_rules.examples import example_text

# The examples as a buyer gets them (without the editor's schema line): the lines below count
# from their first line.
PROFILE = example_text("gemeente-laptops")
LEDGER = example_text("ledgers/gemeente-laptops")


def _profile(tmp_path: Path, old: str, new: str) -> Path:
    assert old in PROFILE
    path = tmp_path / "profile.yaml"
    path.write_text(PROFILE.replace(old, new, 1), encoding="utf-8")
    return path


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr


PROFILE_CASES = [
    # (old, new, expected "file:line: field: message" fragment)
    (
        "reference_date: 2026-11-23",
        "reference_date: 2026-02-30",
        ":8: not valid YAML/JSON: cannot read '2026-02-30': day is out of range for month",
    ),
    (
        "reference_date: 2026-11-23",
        "reference_date: 2026-13-01",
        ":8: not valid YAML/JSON: cannot read '2026-13-01': month must be in 1..12",
    ),
    (
        "quantity: 1400",
        "quantity: " + "9" * 5000,
        ":20: not valid YAML/JSON: cannot read "
        "'99999999999999999999...9999999999 (5000 chars)': Exceeds the limit",
    ),
    (
        "quantity: 1400",
        "quantity: " + "9" * 40,
        ":20: lots[0].quantity: Input should be less than or equal to 1000000000",
    ),
    (
        "estimated_value_eur: 1250000",
        "estimated_value_eur: .inf",
        ":11: procurement.estimated_value_eur: Input should be a finite number (got inf)",
    ),
    (
        "estimated_value_eur: 1250000",
        "estimated_value_eur: .nan",
        ":11: procurement.estimated_value_eur: Input should be a finite number (got nan)",
    ),
    (
        "estimated_value_eur: 1250000",
        "estimated_value_eur: 1e300",
        ":11: procurement.estimated_value_eur: must be a number of euros up to 1e+15",
    ),
    (
        "title: Levering laptops en beeldschermen 2027-2031",
        'title: "Levering\\nlaptops"',
        ":7: procurement.title: must be a single line (no line breaks)",
    ),
    (
        "name: Gemeente Zuiderwaard",
        'name: "Gemeente\\x01Zuiderwaard"',
        ":3: buyer.name: contains the control character U+0001, which a Word document cannot hold",
    ),
    (
        "name: Laptops medewerkers",
        'name: "Laptops\\rmedewerkers"',
        ":18: lots[0].name: must be a single line",
    ),
    (
        "name: Laptops medewerkers",
        'name: "Laptops\\x0cmedewerkers"',
        ":18: lots[0].name: contains the control character U+000C",
    ),
    (
        "extension_years: [1, 1]",
        "extension_years: [1, 9223372036854775807]",
        ":13: procurement.extension_years: each extension period can be at most 30 years",
    ),
    (
        '    - "Circulair',
        '    - "Twee\\nregels"\n    - "Circulair',
        ":35: commitments.csr_targets[0]: must be a single line",
    ),
    (
        "output_language: nl",
        "output_language: nl\nparameters: {MVI-LIF-001: {years: .nan}}",
        ":37: parameters: MVI-LIF-001.years: nan is not a number a tender can state",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), PROFILE_CASES)
def test_bad_profile_values_name_file_line_and_field(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    path = _profile(tmp_path, old, new)
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert f"{path}{expected}" in str(info.value)
    code, err = _cli("generate", str(path), "-o", str(tmp_path / "annex.docx"))
    assert code == 1 and f"{path}{expected}" in err
    assert "internal error" not in err and not (tmp_path / "annex.docx").exists()


def test_a_long_title_is_kept_whole_and_only_the_core_property_is_shortened(
    tmp_path: Path,
) -> None:
    title = "Levering laptops " + "en beeldschermen " * 30
    path = _profile(tmp_path, "Levering laptops en beeldschermen 2027-2031", title.strip())
    out = tmp_path / "annex.docx"
    code, err = _cli("generate", str(path), "-o", str(out))
    assert code == 0, err
    document = docx.Document(str(out))
    assert title.strip() in document.paragraphs[0].text
    assert len(document.core_properties.title) == 255
    assert document.core_properties.title.endswith("…")


def test_input_files_that_are_not_regular_files_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "profile.yaml"
    os.mkfifo(fifo)  # reading it would block forever
    with pytest.raises(ProfileError, match=r"profile\.yaml: is not a regular file"):
        load_profile(fifo)
    with pytest.raises(ProfileError, match="is a directory"):
        load_profile(tmp_path)


def test_input_size_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import mvi_rules._yaml as yaml_module

    monkeypatch.setattr(yaml_module, "MAX_INPUT_BYTES", 1000)
    path = tmp_path / "profile.yaml"
    path.write_text("# comment\n" * 200, encoding="utf-8")
    with pytest.raises(ProfileError, match=r"profile\.yaml: file is too large \(2000 bytes; at mo"):
        load_profile(path)


def test_alias_expansion_is_bounded(tmp_path: Path) -> None:
    # "Billion laughs": ten aliases of ten aliases of ... would expand to 10^12 values.
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    path = tmp_path / "profile.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"profile\.yaml: too many values"):
        load_profile(path)


@pytest.mark.parametrize("depth", [MAX_DEPTH + 5, 400, 5000])
def test_deep_nesting_is_refused(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text("buyer: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"profile\.yaml(:1)?: nested too deeply"):
        load_profile(path)


def test_non_utf8_and_reader_errors_give_a_line(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_bytes(b"buyer:\n  name: Gemeente\n  city: \xff\xfe\n")
    with pytest.raises(ProfileError, match=r"profile\.yaml:3: not UTF-8 text"):
        load_profile(path)
    path.write_text("buyer:\n  name: Gemeente\x01\n", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"profile\.yaml:2: not valid YAML/JSON: .*#x0001"):
        load_profile(path)


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("1234567890123456789012345678", "amounts are at most 999999999999999.99 euro"),
        ("1e30", "amounts are at most"),
        ("'1E40'", "amounts are at most"),
        (".nan", "expected a finite amount in euro"),
        ("-.inf", "expected a finite amount in euro"),
    ],
)
def test_huge_or_odd_ledger_amounts(tmp_path: Path, amount: str, message: str) -> None:
    path = tmp_path / "ledger.yaml"
    path.write_text(LEDGER.replace("  amount_eur: 50000", f"  amount_eur: {amount}"), "utf-8")
    with pytest.raises(LedgerError) as info:
        load_ledger(path)
    assert f"{path}:33: proposed_change.amount_eur: {message}" in str(info.value)
    code, err = _cli("change", str(path))
    assert code == 1 and f"{path}:33: proposed_change.amount_eur: {message}" in err


def test_parameter_override_problems_give_the_line(tmp_path: Path) -> None:
    path = _profile(
        tmp_path,
        "output_language: nl",
        "output_language: nl\nparameters:\n  MVI-XXX-999:\n    years: 3\n"
        "  MVI-LIF-001:\n    no_such_parameter: 3\n",
    )
    code, err = _cli("generate", str(path), "-o", str(tmp_path / "annex.docx"))
    assert code == 1
    assert f"{path}:38: parameters.MVI-XXX-999: no criterion MVI-XXX-999" in err
    assert f"{path}:41: parameters.MVI-LIF-001.no_such_parameter: MVI-LIF-001 has no " in err


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  title: Levering laptops en beeldschermen 2026-2029",
            "  title: " + "Lange titel " * 30,
            ":6: contract.title: String should have at most 160 characters",
        ),
        (
            "  title: Levering laptops en beeldschermen 2026-2029",
            '  title: "Levering\\x01laptops"',
            ":6: contract.title: contains the control character U+0001",
        ),
        (
            "  description: Extra laptops voor de buitendienst (40 stuks, robuuste uitvoering)",
            '  description: "Extra\\x02laptops"',
            ":34: proposed_change.description: contains the control character U+0002",
        ),
    ],
)
def test_ledger_texts_the_memo_cannot_hold(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    # These used to print the report, then fail writing the memo with an internal error.
    assert old in LEDGER
    path = tmp_path / "ledger.yaml"
    path.write_text(LEDGER.replace(old, new, 1), encoding="utf-8")
    code, err = _cli("change", str(path), "--docx", str(tmp_path / "memo.docx"))
    assert code == 1 and f"{path}{expected}" in err
    assert not (tmp_path / "memo.docx").exists()
