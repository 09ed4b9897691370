"""The loader refuses a ruleset a legal adviser could not rely on, and says where it is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from mvi_rules import CatalogueError, load_catalogue

from .conftest import REPO, make_rulesets

CRITERION = """\
topic: test
title: {nl: Test, en: Test}
criteria:
  - id: MVI-TST-001
    version: 1
    title: {nl: Levensduur, en: Lifetime}
    type: minimum_requirement
    level: 1
    themes: [circularity]
    product_groups: [laptop]
    when:
      - lot.refurbished is not wanted
    parameters:
      years:
        default: 6
        min: 4
        max: 10
        unit: years
        description: {nl: Jaren, en: Years}
    verification:
      labels:
        - label: tco_certified
          version: gen10
    legal_basis:
      NL: ["Aanbestedingswet 2012, art. 2.75"]
      BE: ["Wet van 17 juni 2016, art. 53"]
    sources:
      - key: eu_gpp_computers_2021
        supports: {nl: Steun, en: Support}
        confidence: confirmed
    template: test/clause
    set: core
"""


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    """A rulesets dir with the shipped registry files and one valid criterion with templates."""
    return make_rulesets(tmp_path, CRITERION, "Ten minste {{ p.years }} jaar.\n")


def load(rules: Path):
    return load_catalogue(rules, rules.parent / "templates")


def problems(rules: Path, text: str) -> list[str]:
    (rules / "test.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load(rules)
    return [str(p) for p in info.value.problems]


def test_the_shipped_catalogue_loads(catalogue) -> None:
    assert len(catalogue) >= 30
    assert catalogue.version == load_catalogue().version


def test_a_valid_ruleset_loads_with_its_full_condition(rules: Path) -> None:
    catalogue = load(rules)
    (entry,) = catalogue.entries
    assert entry.criterion.id == "MVI-TST-001"
    assert entry.line == 4


def test_the_fingerprint_changes_when_a_template_changes(rules: Path) -> None:
    before = load(rules).fingerprint
    (rules.parent / "templates" / "nl" / "test" / "clause.j2").write_text("Anders.\n")
    assert load(rules).fingerprint != before


def test_a_bad_condition_is_reported_with_its_line(rules: Path) -> None:
    (message,) = problems(rules, CRITERION.replace("is not wanted", "is not desired"))
    assert message.startswith(
        f"{rules / 'test.yaml'}:12: criteria[0].when[0]: lot.refurbished has no value 'desired'"
    )


def test_an_unknown_label_is_an_error(rules: Path) -> None:
    (message,) = problems(rules, CRITERION.replace("label: tco_certified", "label: tco_certifed"))
    assert "criteria[0].verification.labels[0].label: unknown label 'tco_certifed'" in message


def test_an_unknown_label_version_is_an_error(rules: Path) -> None:
    (message,) = problems(rules, CRITERION.replace("version: gen10", "version: gen11"))
    assert "TCO Certified has no version 'gen11'" in message


def test_a_missing_template_is_an_error_per_language(rules: Path) -> None:
    found = problems(rules, CRITERION.replace("template: test/clause", "template: test/other"))
    assert len(found) == 2
    assert "no nl clause template nl/test/other.j2" in found[0]
    assert "no en clause template en/test/other.j2" in found[1]


def test_every_criterion_needs_a_legal_basis_for_both_jurisdictions(rules: Path) -> None:
    (message,) = problems(
        rules, CRITERION.replace('      BE: ["Wet van 17 juni 2016, art. 53"]\n', "")
    )
    assert "legal_basis needs at least one reference for BE" in message


def test_every_criterion_needs_a_source(rules: Path) -> None:
    text = CRITERION.replace(
        "    sources:\n      - key: eu_gpp_computers_2021\n"
        "        supports: {nl: Steun, en: Support}\n        confidence: confirmed\n",
        "    sources: []\n",
    )
    (message,) = problems(rules, text)
    assert "criteria[0].sources" in message


def test_an_english_text_is_required(rules: Path) -> None:
    (message,) = problems(
        rules, CRITERION.replace("title: {nl: Levensduur, en: Lifetime}", "title: {nl: Levensduur}")
    )
    assert "criteria[0].title.en: required field is missing" in message


def test_a_default_outside_its_own_range_is_an_error(rules: Path) -> None:
    (message,) = problems(rules, CRITERION.replace("default: 6", "default: 12"))
    assert "default 12: must be at most 10" in message


def test_an_award_criterion_needs_a_scoring_scale_and_a_weight(rules: Path) -> None:
    (message,) = problems(rules, CRITERION.replace("type: minimum_requirement", "type: award"))
    assert "needs a scoring scale" in message


def test_duplicate_ids_across_files_are_an_error(rules: Path) -> None:
    (rules / "copy.yaml").write_text(
        CRITERION.replace("topic: test", "topic: copy"), encoding="utf-8"
    )
    with pytest.raises(CatalogueError) as info:
        load(rules)
    (problem,) = info.value.problems
    assert "id MVI-TST-001 is already used in copy.yaml:4" in str(problem)


def test_all_problems_in_all_files_are_reported_together(rules: Path) -> None:
    (rules / "other.yaml").write_text("topic: other\ncriteria: []\n", encoding="utf-8")
    found = problems(rules, CRITERION.replace("level: 1", "level: 5"))
    assert any("other.yaml" in m and "title" in m for m in found)
    assert any("test.yaml:8: criteria[0].level" in m for m in found)


def test_the_label_registry_may_be_split_over_files(rules: Path) -> None:
    extra = (
        "labels:\n  {key}:\n    name: Printer label\n    owner: Somebody\n"
        "    covers: {{nl: Printers, en: Printers}}\n    product_groups: [printer]\n"
        "    legal_conditions: {{met: true, reason: {{nl: R, en: R}},"
        " subject_matter: {{nl: S, en: S}}}}\n"
        "    sources: [{{key: epeat_gec, supports: {{nl: S, en: S}}, confidence: secondary}}]\n"
    )
    (rules / "labels_printing.yaml").write_text(extra.format(key="printer_label"))
    assert "printer_label" in load(rules).labels.labels
    (rules / "labels_printing.yaml").write_text(extra.format(key="tco_certified"))
    with pytest.raises(CatalogueError, match="label tco_certified is already defined in labels"):
        load(rules)


def test_the_rulesets_readme_lists_every_topic_file_and_criterion(catalogue) -> None:
    """Legal advisers read rulesets/README.md; it must not fall behind the catalogue."""
    readme = (REPO / "rulesets" / "README.md").read_text(encoding="utf-8")
    missing_ids = [e.criterion.id for e in catalogue if f"| {e.criterion.id} |" not in readme]
    assert missing_ids == []
    missing_files = sorted({e.file.name for e in catalogue} - set(readme.split("`")))
    assert missing_files == []
