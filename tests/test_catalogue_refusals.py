"""Rulesets and templates the loader used to accept silently are refused with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from mvi_rules import CatalogueError, evaluate, load_catalogue, parse_profile
from mvi_rules.errors import TemplateError
from mvi_rules.rendering.templates import MAX_CLAUSE_CHARS

from .conftest import make_rulesets
from .test_catalogue_loader import CRITERION


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    return make_rulesets(tmp_path, CRITERION, "Ten minste {{ p.years }} jaar.\n")


def _problems(rules: Path, old: str, new: str) -> list[str]:
    assert old in CRITERION
    (rules / "test.yaml").write_text(CRITERION.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load_catalogue(rules, rules.parent / "templates")
    return [str(p) for p in info.value.problems]


WHEN = "      - lot.refurbished is not wanted\n"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (WHEN, "      - not: null\n", ":12: criteria[0].when[0].not: an empty condition"),
        (WHEN, "      - any: [null]\n", ":12: criteria[0].when[0].any[0]: an empty condition"),
        (
            WHEN,
            "      - lot.quantity is at least .nan\n",
            ":12: criteria[0].when[0]: lot.quantity: the number nan cannot be used in a condition",
        ),
        (
            WHEN,
            "      - lot.quantity is at least 1e22\n",
            ":12: criteria[0].when[0]: lot.quantity: the number 1e+22 cannot be used",
        ),
        (
            WHEN,
            "      - lot.quantity is at least 0.00001\n",
            ":12: criteria[0].when[0]: lot.quantity: the number 1e-05 cannot be used",
        ),
        (
            WHEN,
            "      - lot.quantity is at most 9223372036854775808\n",
            ":12: criteria[0].when[0]: lot.quantity: the number 9223372036854775808 cannot",
        ),
        (
            "default: 6",
            "default: .nan",
            ":15: criteria[0].parameters.years.default: nan is not a number a tender can state",
        ),
        ("min: 4", "min: -.inf", ":16: criteria[0].parameters.years.min: -inf is not a number"),
        ("max: 10", "max: 3", ":14: criteria[0].parameters.years: min 4 is above max 3"),
        (
            "    template: test/clause",
            "    conflicts_with: [MVI-TST-001]\n    template: test/clause",
            ":4: criteria[0]: conflicts_with names MVI-TST-001 itself",
        ),
    ],
)
def test_silently_accepted_rulesets_are_refused(
    rules: Path, old: str, new: str, expected: str
) -> None:
    found = _problems(rules, old, new)
    assert any(f"test.yaml{expected}" in p for p in found), found


def test_label_validity_dates_reversed(rules: Path) -> None:
    labels = rules / "labels.yaml"
    text = labels.read_text(encoding="utf-8")
    head, sep, tail = text.partition("valid_from: ")
    assert sep
    _, _, rest = tail.partition("\n")
    (rules / "labels.yaml").write_text(head + "valid_from: 2999-01-01\n" + rest, encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"labels\.yaml:\d+: .*valid_from 2999-01-01 is afte"):
        load_catalogue(rules, rules.parent / "templates")


def test_negative_thresholds(rules: Path) -> None:
    path = rules / "thresholds.yaml"
    text = path.read_text(encoding="utf-8")
    key = "supplies_services_central: "
    assert key in text
    path.write_text(text.replace(key, key + "-", 1), encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"thresholds\.yaml:\d+: .*must be positive"):
        load_catalogue(rules, rules.parent / "templates")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", r"clause\.j2: clause template is empty"),
        (b"  \n\n", r"clause\.j2: clause template is empty"),
        (b"Regel een.\nTwee \xff\n", r"clause\.j2:2: clause template is not UTF-8 text"),
        (b"Een.\nTwee\x0c\n", r"clause\.j2:2: clause template holds the control character U\+000C"),
    ],
)
def test_bad_templates_are_refused_at_load(rules: Path, content: bytes, expected: str) -> None:
    (rules.parent / "templates" / "nl" / "test" / "clause.j2").write_bytes(content)
    with pytest.raises(CatalogueError, match=expected):
        load_catalogue(rules, rules.parent / "templates")


PROFILE = {
    "buyer": {"name": "Gemeente", "authority_type": "municipality", "jurisdiction": "NL"},
    "procurement": {
        "title": "Laptops",
        "reference_date": "2026-06-01",
        "estimated_value_eur": 100000,
        "contract_term_years": 4,
    },
    "lots": [{"id": "1", "name": "Laptops", "product_group": "laptop", "quantity": 10}],
    "ambition": {"level": 1},
}


def test_template_output_is_bounded(rules: Path) -> None:
    from mvi_rules import render_docx

    template = "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}"
    (rules.parent / "templates" / "nl" / "test" / "clause.j2").write_text(template)
    catalogue = load_catalogue(rules, rules.parent / "templates")
    result = evaluate(parse_profile(PROFILE), catalogue, backend="plain")
    with pytest.raises(TemplateError, match=rf"writes more than {MAX_CLAUSE_CHARS} characters"):
        render_docx(result, catalogue)
