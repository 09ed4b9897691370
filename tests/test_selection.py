"""Selection on a small catalogue: which criteria apply to which lots; how parameters resolve."""

from __future__ import annotations

import pytest

from mvi_rules import EngineError, ProfileError, evaluate, load_catalogue, parse_profile
from mvi_rules.engine import PlainBackend

from .conftest import make_rulesets

RULES = """\
topic: test
title: {nl: Test, en: Test}
criteria:
  - id: MVI-TST-001
    version: 1
    title: {nl: Batterij, en: Battery}
    type: minimum_requirement
    set: core
    level: 1
    themes: [circularity]
    product_groups: [laptop, tablet]
    parameters:
      cycles:
        default: 800
        min: 500
        max: 2000
        unit: cycles
        description: {nl: Laadcycli, en: Charge cycles}
        confidence: unconfirmed
    verification:
      other: {nl: Testrapport, en: Test report}
    sources:
      - key: eu_gpp_computers_2021
        supports: {nl: Steun, en: Support}
        confidence: secondary
    template: test/clause
  - id: MVI-TST-002
    version: 1
    title: {nl: Sociaal, en: Social}
    type: contract_clause
    set: core
    level: 3
    themes: [social]
    product_groups: [laptop, monitor]
    when:
      any:
        - buyer.authority_type is state
        - commitments.isv_policy is true
    verification:
      other: {nl: Rapportage, en: Report}
    legal_basis:
      BE: ["Verordening (EU) 2016/679 (AVG), art. 28 (verwerker)"]
    sources:
      - key: eu_gpp_computers_2021
        supports: {nl: Steun, en: Support}
        confidence: confirmed
    template: test/clause
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("catalogue")
    return load_catalogue(make_rulesets(root, RULES, "{{ p }}\n"), root / "templates")


def profile(**changes: object):
    data: dict = {
        "buyer": {"name": "Gemeente X", "authority_type": "municipality", "jurisdiction": "NL"},
        "procurement": {
            "title": "ICT",
            "reference_date": "2026-05-01",
            "estimated_value_eur": 300000,
            "contract_term_years": 4,
        },
        "lots": [
            {"id": "1", "name": "Laptops", "product_group": "laptop", "quantity": 10},
            {"id": "2", "name": "Schermen", "product_group": "monitor", "quantity": 10},
        ],
        "ambition": {"level": 3},
    }
    for key, value in changes.items():
        section, _, field = key.partition("__")
        if field:
            data[section][field] = value
        else:
            data[section] = value
    return parse_profile(data)


def test_a_criterion_applies_only_to_lots_of_its_product_groups(small) -> None:
    result = evaluate(profile(), small, backend="plain")
    battery = result.outcome("MVI-TST-001")
    assert battery is not None and battery.lots == ["1"]
    laptop, monitor = battery.decisions
    assert laptop.selected and not monitor.selected
    assert "lot.product_groups includes any of [laptop, tablet] (profile: [monitor])" in (
        monitor.reason.children[0].text
    )


def test_the_ambition_level_of_the_theme_decides(small) -> None:
    low_social = evaluate(profile(ambition={"level": 3, "social": 2}), small, backend="plain")
    assert "MVI-TST-002" not in low_social.selected_ids()
    assert "MVI-TST-002" in [c.id for c in low_social.not_selected]


def test_a_profile_dependent_condition(small) -> None:
    assert "MVI-TST-002" not in evaluate(profile(), small, backend="plain").selected_ids()
    state = profile(buyer={"name": "Min", "authority_type": "state", "jurisdiction": "NL"})
    assert "MVI-TST-002" in evaluate(state, small, backend="plain").selected_ids()
    isv = profile(commitments={"isv_policy": True})
    assert evaluate(isv, small, backend="plain").outcome("MVI-TST-002").lots == ["1", "2"]


def test_legal_basis_follows_the_jurisdiction(small) -> None:
    be = profile(buyer={"name": "Stad", "authority_type": "be_non_federal", "jurisdiction": "BE"})
    (battery,) = [c for c in evaluate(be, small, backend="plain").selected if c.id == "MVI-TST-001"]
    # No legal_basis of its own: the default of a minimum requirement (rulesets/legal_bases.yaml).
    assert battery.legal_basis == [
        "Wet van 17 juni 2016 inzake overheidsopdrachten, art. 53 (technische specificaties)"
    ]
    be_isv = profile(
        buyer={"name": "Stad", "authority_type": "be_non_federal", "jurisdiction": "BE"},
        commitments={"isv_policy": True},
    )
    selected = evaluate(be_isv, small, backend="plain").selected
    (social,) = [c for c in selected if c.id == "MVI-TST-002"]
    # Its own line comes after the default of a contract clause.
    assert social.legal_basis == [
        "Wet van 17 juni 2016 inzake overheidsopdrachten, art. 87 (uitvoeringsvoorwaarden)",
        "Verordening (EU) 2016/679 (AVG), art. 28 (verwerker)",
    ]


def test_an_unconfirmed_default_is_flagged_and_a_profile_value_is_not(small) -> None:
    result = evaluate(profile(), small, backend="plain")
    (param,) = result.selected[0].parameters
    assert (param.value, param.origin, param.to_verify) == (800, "catalogue", True)
    assert [n.code for n in result.notices] == ["parameter-unconfirmed"]
    chosen = evaluate(profile(parameters={"MVI-TST-001": {"cycles": 1000}}), small, backend="plain")
    (param,) = chosen.selected[0].parameters
    assert (param.value, param.origin, param.to_verify) == (1000, "profile", False)


def test_bad_parameter_overrides_are_all_reported(small) -> None:
    bad = profile(
        parameters={
            "MVI-TST-001": {"cycles": 100, "colour": "red"},
            "MVI-XXX-999": {"a": 1},
        }
    )
    with pytest.raises(ProfileError) as info:
        evaluate(bad, small, backend="plain")
    messages = [str(p) for p in info.value.problems]
    assert (
        "<profile>: parameters.MVI-TST-001.colour: MVI-TST-001 has no parameter 'colour'"
        in (messages[0])
    )
    assert "parameters.MVI-TST-001.cycles: must be at least 500 (got 100)" in messages[1]
    assert "parameters.MVI-XXX-999: no criterion MVI-XXX-999" in messages[2]


def test_an_override_for_a_criterion_not_selected_is_noticed(small) -> None:
    result = evaluate(
        profile(
            lots=[{"id": "1", "name": "S", "product_group": "monitor", "quantity": 1}],
            parameters={"MVI-TST-001": {"cycles": 900}},
        ),
        small,
        backend="plain",
    )
    assert "override-unused" in [n.code for n in result.notices]


def test_the_eu_threshold_follows_the_reference_date_and_authority(small) -> None:
    assert evaluate(profile(), small, backend="plain").eu_threshold_eur == 216000
    old = profile(
        procurement={
            "title": "T",
            "reference_date": "2025-05-01",
            "estimated_value_eur": 1,
            "contract_term_years": 1,
        }
    )
    assert evaluate(old, small, backend="plain").eu_threshold_eur == 221000
    state = profile(buyer={"name": "Min", "authority_type": "state", "jurisdiction": "NL"})
    assert evaluate(state, small, backend="plain").eu_threshold_eur == 140000


def test_a_backend_that_disagrees_with_the_reference_is_an_error(small, monkeypatch) -> None:
    class Wrong(PlainBackend):
        name = "wrong"

        def match(self, catalogue, lots):
            return super().match(catalogue, lots) | {("MVI-TST-002", "2")}

    monkeypatch.setattr("mvi_rules.selection.select.get_backend", lambda name: Wrong())
    with pytest.raises(EngineError, match=r"only by engine \[\('MVI-TST-002', '2'\)\]"):
        evaluate(profile(), small)


def test_a_failing_engine_is_retried_then_the_plain_evaluator_decides(small, monkeypatch) -> None:
    calls: list[int] = []

    class Flaky(PlainBackend):
        name = "durable"

        def match(self, catalogue, lots):
            calls.append(1)
            if len(calls) == 1:
                raise EngineError("Could not create ruleset, error code: 102")
            return super().match(catalogue, lots)

    monkeypatch.setattr("mvi_rules.selection.select.get_backend", lambda name: Flaky())
    once = evaluate(profile(), small)
    assert len(calls) == 2 and once.backend == "durable"
    assert not [n for n in once.notices if n.code == "engine-fallback"]

    class Broken(PlainBackend):
        name = "durable"

        def match(self, catalogue, lots):
            raise EngineError("Could not create ruleset, error code: 102")

    monkeypatch.setattr("mvi_rules.selection.select.get_backend", lambda name: Broken())
    result = evaluate(profile(), small)
    plain = evaluate(profile(), small, backend="plain")
    assert result.backend == "plain"
    assert [s.id for s in result.selected] == [s.id for s in plain.selected]
    (notice,) = [n for n in result.notices if n.code == "engine-fallback"]
    assert "durable backend failed 2 times (Could not create ruleset, error code: 102)" in (
        notice.message
    )
    assert "selected by the plain evaluator" in notice.message


def test_the_result_is_json_and_stable(small) -> None:
    first = evaluate(profile(), small, backend="plain").to_json()
    assert first == evaluate(profile(), small, backend="plain").to_json()
    assert '"id": "MVI-TST-001"' in first and '"not_selected"' in first
