"""Rules that depend on the profile: legal limits, label validity, thin markets, conflicts, ISV."""

from __future__ import annotations

import pytest

from mvi_rules import Catalogue, evaluate, load_catalogue, parse_profile, render_docx

from .conftest import make_rulesets
from .test_rendering_fixtures import all_text

RULES = """\
topic: test
title: {nl: Test, en: Test}
criteria:
  - id: MVI-TST-001
    version: 1
    title: {nl: Accu, en: Battery}
    type: minimum_requirement
    set: core
    level: 1
    themes: [circularity]
    product_groups: [laptop, smartphone]
    parameters:
      cycles:
        default: 800
        min: 300
        max: 2000
        unit: cycles
        description: {nl: Laadcycli, en: Charge cycles}
        legal_limits:
          - product_groups: [smartphone, tablet]
            at_least: 800
            law: Regulation (EU) 2023/1670, Annex II
            in_force_from: 2025-06-20
      delivery:
        default: 5
        min: 1
        max: 20
        unit: working days
        description: {nl: Levertijd onderdelen, en: Parts delivery time}
        legal_limits:
          - product_groups: [smartphone]
            at_most: 10
            law: Regulation (EU) 2023/1670, Annex II
            in_force_from: 2025-06-20
    verification:
      labels:
        - {label: tco_certified, version: gen10}
        - {label: tco_certified_edge}
    legal_basis:
      NL: ["Aanbestedingswet 2012, art. 2.75"]
      BE: ["Wet van 17 juni 2016 inzake overheidsopdrachten, art. 53"]
    sources: [{key: eu_gpp_computers_2021, supports: {nl: S, en: S}, confidence: confirmed}]
    template: test/clause
  - id: MVI-TST-002
    version: 1
    title: {nl: Basis, en: Basic}
    type: contract_clause
    set: core
    level: 1
    themes: [social]
    product_groups: [laptop]
    conflicts_with: [MVI-TST-003]
    verification: {other: {nl: Verklaring, en: Declaration}}
    legal_basis: {NL: ["Aw 2012, art. 2.80"], BE: ["Wet 17 juni 2016, art. 87"]}
    sources: [{key: eu_gpp_computers_2021, supports: {nl: S, en: S}, confidence: confirmed}]
    template: test/clause
  - id: MVI-TST-003
    version: 1
    title: {nl: Ambitieus, en: Ambitious}
    type: contract_clause
    set: core
    level: 2
    themes: [social]
    product_groups: [laptop]
    verification: {other: {nl: Verklaring, en: Declaration}}
    legal_basis: {NL: ["Aw 2012, art. 2.80"], BE: ["Wet 17 juni 2016, art. 87"]}
    sources: [{key: eu_gpp_computers_2021, supports: {nl: S, en: S}, confidence: confirmed}]
    template: test/clause
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    root = tmp_path_factory.mktemp("catalogue")
    template = "Ten minste {{ p.cycles|default('-') }} cycli.\n"
    return load_catalogue(make_rulesets(root, RULES, template), root / "templates")


def profile(group: str = "smartphone", day: str = "2026-03-01", **extra: object):
    data: dict = {
        "buyer": {"name": "Gemeente X", "authority_type": "municipality", "jurisdiction": "NL"},
        "procurement": {
            "title": "ICT",
            "reference_date": day,
            "estimated_value_eur": 300000,
            "contract_term_years": 4,
        },
        "lots": [{"id": "1", "name": "Toestellen", "product_group": group, "quantity": 10}],
        "ambition": {"level": 2},
    }
    data.update(extra)
    return parse_profile(data)


def param(result, criterion_id: str, name: str):
    (criterion,) = [c for c in result.selected if c.id == criterion_id]
    return next(p for p in criterion.parameters if p.name == name)


def test_a_weaker_profile_value_is_raised_to_the_legal_floor(small: Catalogue) -> None:
    weak = profile(parameters={"MVI-TST-001": {"cycles": 500, "delivery": 15}})
    result = evaluate(weak, small)
    cycles, delivery = (
        param(result, "MVI-TST-001", "cycles"),
        param(result, "MVI-TST-001", "delivery"),
    )
    assert (cycles.value, cycles.origin) == (800, "law")
    assert (delivery.value, delivery.origin) == (10, "law")  # at_most: lowered
    messages = [n.message for n in result.notices if n.code == "legal-limit"]
    assert messages == [
        "MVI-TST-001: the chosen value 500 for ‘Charge cycles’ is weaker than the law already"
        " requires for smartphone "
        "(Regulation (EU) 2023/1670, Annex II); raised to 800.",
        "MVI-TST-001: the chosen value 15 for ‘Parts delivery time’ is weaker than the law"
        " already requires for smartphone "
        "(Regulation (EU) 2023/1670, Annex II); lowered to 10.",
    ]
    assert "Ten minste 800 cycli." in all_text(render_docx(result, small))


def test_the_floor_applies_only_to_its_product_groups_and_from_its_date(small: Catalogue) -> None:
    laptops = evaluate(profile("laptop", parameters={"MVI-TST-001": {"cycles": 500}}), small)
    assert param(laptops, "MVI-TST-001", "cycles").value == 500
    before = evaluate(profile(day="2025-06-19", parameters={"MVI-TST-001": {"cycles": 500}}), small)
    assert param(before, "MVI-TST-001", "cycles").value == 500
    assert "legal-limit" not in [n.code for n in before.notices]


def test_a_stricter_profile_value_is_kept(small: Catalogue) -> None:
    strict = evaluate(profile(parameters={"MVI-TST-001": {"cycles": 1200}}), small)
    cycles = param(strict, "MVI-TST-001", "cycles")
    assert (cycles.value, cycles.origin) == (1200, "profile")
    assert "legal-limit" not in [n.code for n in strict.notices]


def test_an_expired_label_version_is_replaced_by_the_valid_one(small: Catalogue) -> None:
    # TCO Certified generation 10 is valid from 1 December 2024; before that, generation 9.
    result = evaluate(profile(day="2024-06-01"), small)
    (criterion,) = [c for c in result.selected if c.id == "MVI-TST-001"]
    tco = next(label for label in criterion.proof.labels if label.key == "tco_certified")
    assert tco.version is not None and tco.version.en == "generation 9"
    (replaced,) = [n for n in result.notices if n.code == "label-version-replaced"]
    assert "TCO Certified generation 10 is not yet valid" in replaced.message


def test_a_label_version_without_a_valid_successor_is_flagged(small: Catalogue) -> None:
    # Generation 10 certificates lapse by 30 November 2029 (two years after the end of new
    # certification); the registry knows no later generation.
    result = evaluate(profile(day="2030-01-10"), small)
    (criterion,) = [c for c in result.selected if c.id == "MVI-TST-001"]
    tco = next(label for label in criterion.proof.labels if label.key == "tco_certified")
    assert tco.note is not None and "expired on 30 November 2029" in tco.note.en
    assert "label-version-expired" in [n.code for n in result.notices]
    text = all_text(render_docx(result, small))
    assert "TCO Certified generatie 10 (versie verlopen op 30 november 2029" in text


def test_a_label_with_a_thin_market_is_noticed(small: Catalogue) -> None:
    result = evaluate(profile(), small)
    (thin,) = [n for n in result.notices if n.code == "label-thin-market"]
    assert "few smartphones carry TCO Certified Edge" in thin.message


def test_declared_conflicts_keep_the_more_ambitious_criterion(small: Catalogue) -> None:
    result = evaluate(profile("laptop"), small)
    assert "MVI-TST-003" in result.selected_ids()
    assert "MVI-TST-002" not in result.selected_ids()
    outcome = result.outcome("MVI-TST-002")
    assert outcome is not None and outcome.decisions[0].reason.holds
    assert outcome.decisions[0].conflict is not None
    assert "MVI-TST-003" in outcome.decisions[0].conflict.en
    (conflict,) = [n for n in result.notices if n.code == "conflict"]
    assert conflict.criterion_id == "MVI-TST-002"
    # At ambition level 1 the level-2 criterion is not selected, so nothing conflicts.
    basic = evaluate(profile("laptop", ambition={"level": 1}), small)
    assert "MVI-TST-002" in basic.selected_ids()
    assert "conflict" not in [n.code for n in basic.notices]


def test_new_product_labels_conflict_with_a_refurbished_only_lot(small: Catalogue) -> None:
    lots = [
        {
            "id": "1",
            "name": "Refurbished",
            "product_group": "laptop",
            "quantity": 5,
            "refurbished": "wanted",
        },
        {"id": "2", "name": "Nieuw", "product_group": "laptop", "quantity": 5},
    ]
    result = evaluate(profile(lots=lots), small)
    outcome = result.outcome("MVI-TST-001")
    assert outcome is not None and outcome.lots == ["2"]
    assert "buys refurbished devices only" in outcome.decisions[0].conflict.en
    text = all_text(render_docx(result, small))
    # The left-out table names the criterion, the lot and the reason.
    assert "Niet opgenomen criteria" in text
    assert "MVI-TST-001 Accu\n1\nVraagt keurmerken die alleen nieuwe producten dragen" in text
    assert ("MVI-TST-001", ["1"]) in [(r.criterion_id, r.lot_ids) for r in result.left_out]


def isv(authority: str, value: float, day: str = "2026-03-01", group: str = "laptop", **amb):
    data = {
        "buyer": {"name": "B", "authority_type": authority, "jurisdiction": "NL"},
        "procurement": {
            "title": "T",
            "reference_date": day,
            "estimated_value_eur": value,
            # The value already includes every option, so it is the threshold test's value.
            "estimated_value_includes": ["extensions", "options", "incentives"],
            "contract_term_years": 4,
        },
        "lots": [{"id": "1", "name": "L", "product_group": group, "quantity": 10}],
        "ambition": {"level": 1, **amb},
    }
    return evaluate(parse_profile(data), load_catalogue()).selected_ids()


def test_isv_is_mandatory_for_the_state_at_or_above_the_threshold() -> None:
    assert "MVI-SOC-001" in isv("state", 140_000)  # 2026 central threshold: €140,000
    assert "MVI-SOC-001" not in isv("state", 139_999)
    assert "MVI-SOC-001" not in isv("municipality", 5_000_000)  # only the State


def test_the_threshold_follows_the_reference_date() -> None:
    assert "MVI-SOC-001" not in isv("state", 141_000, day="2025-06-01")  # 2024-25: €143,000
    assert "MVI-SOC-001" in isv("state", 141_000, day="2026-06-01")  # 2026-27: €140,000


def test_isv_are_voluntary_otherwise_at_the_highest_social_ambition() -> None:
    assert "MVI-SOC-009" not in isv("municipality", 500_000)
    assert "MVI-SOC-009" in isv("municipality", 500_000, social=3)
    assert "MVI-SOC-009" in isv("state", 100_000, social=3)  # the State below the threshold
    assert "MVI-SOC-009" not in isv("state", 200_000, social=3)  # mandatory there instead
