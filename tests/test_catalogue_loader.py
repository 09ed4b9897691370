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


OWN_BASIS = """\
    legal_basis:
      NL: ["Aanbestedingswet 2012, art. 2.75"]
      BE: ["Wet van 17 juni 2016, art. 53"]
"""
MR_NL = [
    "Aanbestedingswet 2012, art. 2.75 (technische specificaties)",
    "Aanbestedingswet 2012, art. 2.76 (gelijkwaardigheid)",
]
MR_BE = ["Wet van 17 juni 2016 inzake overheidsopdrachten, art. 53 (technische specificaties)"]


def _with_basis(rules: Path, basis: str) -> Path:
    (rules / "test.yaml").write_text(CRITERION.replace(OWN_BASIS, basis), encoding="utf-8")
    return rules


def test_a_criterion_without_a_legal_basis_gets_the_default_of_its_type(rules: Path) -> None:
    (entry,) = load(_with_basis(rules, "")).entries
    assert entry.criterion.legal_basis["NL"] == MR_NL
    assert entry.criterion.legal_basis["BE"] == MR_BE


def test_own_lines_come_after_the_default_and_replace_default_replaces_it(rules: Path) -> None:
    basis = """\
    legal_basis:
      replace_default: [BE]
      NL: ["Aanbestedingswet 2012, art. 2.78a (keurmerken)"]
      BE: ["Wet van 17 juni 2016 inzake overheidsopdrachten, art. 54 (keurmerken)"]
"""
    (entry,) = load(_with_basis(rules, basis)).entries
    assert entry.criterion.legal_basis["NL"] == [
        *MR_NL,
        "Aanbestedingswet 2012, art. 2.78a (keurmerken)",
    ]
    assert entry.criterion.legal_basis["BE"] == [
        "Wet van 17 juni 2016 inzake overheidsopdrachten, art. 54 (keurmerken)"
    ]


def test_a_line_that_repeats_the_default_is_refused_with_file_and_line(rules: Path) -> None:
    basis = """\
    legal_basis:
      NL:
        - "Aanbestedingswet 2012, art. 2.78a (keurmerken)"
        - "Aanbestedingswet 2012, art. 2.76 (gelijkwaardigheid)"
"""
    (message,) = problems(rules, CRITERION.replace(OWN_BASIS, basis))
    assert message.startswith(f"{rules / 'test.yaml'}:27: criteria[0].legal_basis.NL[1]: ")
    assert "already in the default NL legal basis of a minimum_requirement" in message
    assert "replace_default" in message


def test_a_replacement_without_its_lines_is_refused(rules: Path) -> None:
    basis = """\
    legal_basis:
      replace_default: [BE]
      NL: ["Aanbestedingswet 2012, art. 2.78a (keurmerken)"]
"""
    (message,) = problems(rules, CRITERION.replace(OWN_BASIS, basis))
    assert "test.yaml" in message and "criteria[0].legal_basis" in message
    assert "replace_default names BE, so legal_basis needs the full list" in message


def test_a_replacement_equal_to_the_default_is_refused(rules: Path) -> None:
    basis = "    legal_basis:\n      replace_default: [BE]\n      BE:\n" + "".join(
        f'        - "{line}"\n' for line in MR_BE
    )
    (message,) = problems(rules, CRITERION.replace(OWN_BASIS, basis))
    assert "criteria[0].legal_basis.replace_default" in message
    assert "drop BE from replace_default" in message


def test_the_legal_basis_registry_needs_every_type(rules: Path) -> None:
    registry = rules / "legal_bases.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text[: text.index("  option:")], encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load(rules)
    (problem,) = info.value.problems
    assert str(problem).startswith(f"{registry}:")
    assert "no default legal basis for type option" in str(problem)


def test_no_shipped_criterion_repeats_a_default_line(catalogue) -> None:
    # The shipped rulesets as written: the loader would refuse a repeated default line, so every
    # criterion's resolved basis starts with its type default unless it replaces it.
    for entry in catalogue:
        c = entry.criterion
        for jurisdiction, lines in c.legal_basis.items():
            default = catalogue.legal_bases.default(c.type, jurisdiction)
            assert lines, c.id
            assert lines[: len(default)] == default or not set(default) <= set(lines), c.id


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


RETIRED = """\
retired:
  - id: MVI-TST-001
    title: {nl: Oude levensduur, en: Old lifetime}
    retired_in: 2026.1.0
    reason: {nl: Vervangen, en: Replaced}
    replaced_by: [MVI-TST-002]
"""


def test_a_retired_id_is_never_reused(rules: Path) -> None:
    (rules / "retired.yaml").write_text(RETIRED, encoding="utf-8")
    found = problems(rules, CRITERION)
    assert (
        f"{rules / 'test.yaml'}:4: criteria[0].id: id MVI-TST-001 was retired in catalogue"
        in (found[0])
    )
    assert "an id is never reused: give this criterion a new id" in found[0]
    # Its replacement is not in this catalogue either: the registry says where.
    assert found[1] == (
        f"{rules / 'retired.yaml'}:6: retired[0].replaced_by[0]: MVI-TST-001 is replaced by "
        "MVI-TST-002, but the catalogue has no MVI-TST-002"
    )


def test_a_retired_id_listed_twice_is_an_error(rules: Path) -> None:
    twice = RETIRED + RETIRED.removeprefix("retired:\n")
    (rules / "retired.yaml").write_text(twice, encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load(rules)
    assert any(
        str(p).startswith(f"{rules / 'retired.yaml'}:") and "MVI-TST-001 more than once" in str(p)
        for p in info.value.problems
    )


def test_the_shipped_retired_ids_are_not_in_the_catalogue(catalogue) -> None:
    retired = {r.id for r in catalogue.retired.retired}
    assert "MVI-LIF-007" in retired
    assert not retired & {e.criterion.id for e in catalogue}
    known = {e.criterion.id for e in catalogue}
    assert all(set(r.replaced_by) <= known for r in catalogue.retired.retired)
