"""Worked examples of the change checker ("ladekast"), each with the arithmetic done by hand.

Thresholds used (rulesets/thresholds.yaml, excl. VAT):
  2024-2025: sub-central supplies/services 221,000
  2026-2027: works 5,404,000; central supplies/services 140,000; sub-central 216,000;
             utilities supplies/services 432,000; concessions 5,404,000
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from mvi_rules.changes import (
    ChangeCheck,
    Ground,
    Regime,
    Verdict,
    check_change,
    load_ledger,
)

D = Decimal


def _yaml(
    *,
    jurisdiction: str = "NL",
    authority: str = "municipality",
    kind: str = "supplies",
    value: str = "1000000",
    award: str = "2026-01-15",
    extra_contract: str = "",
    options: str = "",
    changes: str = "",
    proposed: str = "",
) -> str:
    text = f"""contract:
  title: Test contract
  jurisdiction: {jurisdiction}
  authority_type: {authority}
  kind: {kind}
  original_value_eur: {value}
  award_date: {award}
{extra_contract}"""
    if options:
        text += "options:\n" + options
    if changes:
        text += "changes:\n" + changes
    if proposed:
        text += "proposed_change:\n" + proposed
    return text


def _check(write: Any, text: str, lang: str = "en") -> ChangeCheck:
    path: Path = write("ledger.yaml", text)
    return check_change(load_ledger(path), lang=lang, source=path)  # type: ignore[arg-type]


def _change(
    date: str, amount: str, ground: str, description: str = "change", option: str = ""
) -> str:
    text = (
        f"  - date: {date}\n    amount_eur: {amount}\n    description: {description}\n"
        f"    ground: {ground}\n"
    )
    if option:
        text += f"    option: {option}\n"
    return text


def _proposed(date: str, amount: str, extra: str = "") -> str:
    return f"  date: {date}\n  amount_eur: {amount}\n  description: proposed\n{extra}"


# --- the example from the issue -------------------------------------------------------------


def test_first_change_of_60k_fits_the_de_minimis_drawer(write: Any) -> None:
    # Sub-central supplies contract of 1,000,000 in 2026, no earlier changes, +60,000.
    # De-minimis: 10% of 1,000,000 = 100,000; EU threshold 216,000; limit = lower = 100,000.
    # Net cumulative 0 + 60,000 = 60,000 < 100,000 -> fits; remaining after 100,000 - 60,000.
    result = _check(write, _yaml(proposed=_proposed("2026-03-02", "60000")))
    b = result.drawer(Ground.DE_MINIMIS)
    assert b.verdict is Verdict.FITS
    assert b.figures["percent_limit"] == D("100000")
    assert b.figures["eu_threshold"] == D("216000")
    assert b.figures["limit"] == D("100000")
    assert b.figures["net_cumulative_after"] == D("60000")
    assert b.figures["remaining_before"] == D("100000")
    assert b.figures["remaining_after"] == D("40000")
    # 2.163d also allows it on the figures (60,000 <= 50% of 1,000,000 = 500,000), so the
    # larger drawer is recommended first and de-minimis stays as a fallback.
    assert result.drawer(Ground.ADDITIONAL).verdict is Verdict.CONDITIONAL
    assert result.recommendation.ground is Ground.ADDITIONAL
    assert result.recommendation.alternatives == [Ground.UNFORESEEABLE, Ground.DE_MINIMIS]
    assert "small de-minimis drawer" in result.recommendation.text


def test_second_change_of_50k_overflows_de_minimis_but_fits_2163d_with_a_notice(
    write: Any,
) -> None:
    # Earlier de-minimis change +60,000; now +50,000.
    # Net cumulative 60,000 + 50,000 = 110,000, not below 100,000 -> not 2.163b.
    # Remaining budget before this change: 100,000 - 60,000 = 40,000.
    # 2.163d: 50,000 <= 50% x 1,000,000 = 500,000 -> possible, with a modification notice.
    text = _yaml(
        changes=_change("2026-02-16", "60000", "2.163b"),
        proposed=_proposed("2026-05-04", "50000"),
    )
    result = _check(write, text)
    b = result.drawer(Ground.DE_MINIMIS)
    assert b.verdict is Verdict.DOES_NOT_FIT
    assert b.figures["net_cumulative_before"] == D("60000")
    assert b.figures["net_cumulative_after"] == D("110000")
    assert b.figures["remaining_before"] == D("40000")
    assert "remaining_after" not in b.figures
    assert any("€110,000.00 is not below €100,000.00" in line for line in b.arithmetic)

    d = result.drawer(Ground.ADDITIONAL)
    assert d.verdict is Verdict.CONDITIONAL
    assert d.figures["cap"] == D("500000")
    assert d.notice is not None and d.notice.required
    assert (d.notice.eforms_notice_subtype, d.notice.bt200_code) == (38, "add-wss")
    assert len(d.conditions) == 4

    assert result.recommendation.ground is Ground.ADDITIONAL
    assert result.recommendation.alternatives == [Ground.UNFORESEEABLE]
    assert "add-wss" in result.recommendation.text


def test_the_drawers_come_in_the_practitioners_order(write: Any) -> None:
    result = _check(write, _yaml(proposed=_proposed("2026-03-02", "1000")))
    assert [d.ground.nl_article for d in result.drawers] == [
        "2.163c",
        "2.163d",
        "2.163e",
        "2.163f",
        "2.163b",
        "2.163g",
    ]
    assert [d.order for d in result.drawers] == [1, 2, 3, 4, 5, 6]


def test_2163f_and_2163g_give_questions_not_a_numeric_pass(write: Any) -> None:
    result = _check(write, _yaml(proposed=_proposed("2026-03-02", "1000")))
    g = result.drawer(Ground.NON_SUBSTANTIAL)
    assert g.verdict is Verdict.LEGAL_REVIEW
    assert len(g.questions) == 4
    assert any("C-282/24" in q for q in g.questions)
    # 2.163f only matters when another contractor takes over.
    assert result.drawer(Ground.NEW_CONTRACTOR).verdict is Verdict.NOT_APPLICABLE


def test_a_new_contractor_can_only_use_2163f(write: Any) -> None:
    text = _yaml(proposed=_proposed("2026-03-02", "0", "  replaces_contractor: true\n"))
    result = _check(write, text)
    f = result.drawer(Ground.NEW_CONTRACTOR)
    assert f.verdict is Verdict.LEGAL_REVIEW
    assert any("restructuring" in q for q in f.questions)
    others = [d.verdict for d in result.drawers if d.ground is not Ground.NEW_CONTRACTOR]
    assert others == [Verdict.NOT_APPLICABLE] * 5
    assert result.recommendation.ground is None
    assert result.recommendation.for_legal_review == [Ground.NEW_CONTRACTOR]
    assert "2.163a" in result.recommendation.text


# --- works at 15 % --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "verdict", "remaining_after"),
    [
        # 15% of 2,000,000 = 300,000; works threshold 5,404,000; limit 300,000.
        # 250,000 < 300,000 -> fits, 50,000 left (at 10% it would have failed: 250,000 > 200,000).
        ("250000", Verdict.FITS, D("50000")),
        # Exactly 300,000 is not *below* 300,000.
        ("300000", Verdict.DOES_NOT_FIT, None),
    ],
)
def test_works_contract_uses_15_percent(
    write: Any, amount: str, verdict: Verdict, remaining_after: Decimal | None
) -> None:
    text = _yaml(kind="works", value="2000000", proposed=_proposed("2026-06-01", amount))
    b = _check(write, text).drawer(Ground.DE_MINIMIS)
    assert b.rates["de_minimis_rate"] == D("0.15")
    assert b.figures["percent_limit"] == D("300000")
    assert b.figures["eu_threshold"] == D("5404000")
    assert b.figures["limit"] == D("300000")
    assert b.verdict is verdict
    assert b.figures.get("remaining_after") == remaining_after


# --- indexation -----------------------------------------------------------------------------


def test_indexed_value_is_the_base(write: Any) -> None:
    # The State (central), services, 800,000 indexed to 880,000.
    # 10% of 880,000 = 88,000 (of the unindexed 800,000 it would be 80,000); central threshold
    # 140,000; limit 88,000. +85,000 < 88,000 -> fits; 3,000 left.
    # 50% cap: 50% x 880,000 = 440,000.
    indexation = (
        "  indexation:\n    clause: CBS index, art. 7\n    indexed_value_eur: 880000\n"
        "    as_of: 2026-01-01\n"
    )
    text = _yaml(
        authority="state",
        kind="services",
        value="800000",
        award="2024-03-01",
        extra_contract=indexation,
        proposed=_proposed("2026-04-01", "85000"),
    )
    result = _check(write, text)
    assert result.base_is_indexed and result.base_value_eur == D("880000")
    b = result.drawer(Ground.DE_MINIMIS)
    assert b.figures["percent_limit"] == D("88000")
    assert b.figures["eu_threshold"] == D("140000")
    assert b.verdict is Verdict.FITS
    assert b.figures["remaining_after"] == D("3000")
    assert result.drawer(Ground.ADDITIONAL).figures["cap"] == D("440000")
    assert any("indexed value" in n for n in result.notes)


def test_threshold_binds_when_lower_than_the_percentage(write: Any) -> None:
    # The State, supplies, 2,000,000: 10% = 200,000 but the central threshold is 140,000.
    # Limit 140,000; +150,000 is not below it -> not de-minimis.
    text = _yaml(authority="state", value="2000000", proposed=_proposed("2026-04-01", "150000"))
    b = _check(write, text).drawer(Ground.DE_MINIMIS)
    assert b.figures["limit"] == D("140000")
    assert b.verdict is Verdict.DOES_NOT_FIT
    assert b.figures["remaining_before"] == D("140000")


def test_net_cumulative_counts_decreases(write: Any) -> None:
    # Earlier de-minimis: +60,000 and -30,000 -> net 30,000. Now +60,000 -> net 90,000 < 100,000.
    text = _yaml(
        changes=_change("2026-02-01", "60000", "de_minimis")
        + _change("2026-03-01", "-30000", "mod-minv"),
        proposed=_proposed("2026-04-01", "60000"),
    )
    b = _check(write, text).drawer(Ground.DE_MINIMIS)
    assert b.figures["net_cumulative_before"] == D("30000")
    assert b.figures["net_cumulative_after"] == D("90000")
    assert b.verdict is Verdict.FITS
    assert b.figures["remaining_after"] == D("10000")


def test_changes_in_larger_drawers_do_not_eat_the_de_minimis_budget(write: Any) -> None:
    # +400,000 under 2.163d does not count; the de-minimis total stays 0.
    text = _yaml(
        changes=_change("2026-02-01", "400000", "2.163d"),
        proposed=_proposed("2026-04-01", "90000"),
    )
    b = _check(write, text).drawer(Ground.DE_MINIMIS)
    assert b.figures["net_cumulative_before"] == D("0")
    assert b.verdict is Verdict.FITS


def test_cents_are_exact(write: Any) -> None:
    # 10% of 1,234,567.89 = 123,456.789 (exact); 0.10 + 0.20 must be 0.30, not float noise.
    text = _yaml(
        value="1234567.89",
        changes=_change("2026-02-01", "0.10", "2.163b"),
        proposed=_proposed("2026-04-01", "0.20"),
    )
    b = _check(write, text).drawer(Ground.DE_MINIMIS)
    assert b.figures["percent_limit"] == D("123456.789")
    assert b.figures["net_cumulative_after"] == D("0.30")
    assert b.figures["remaining_after"] == D("123456.489")


# --- options (2.163c) -----------------------------------------------------------------------


_OPTION = "  - id: docking\n    description: Up to 600 docking stations\n    max_value_eur: 90000\n"


@pytest.mark.parametrize(
    ("amount", "verdict"),
    [
        # Earlier use 40,000; +45,000 -> 85,000 <= 90,000 -> fits, 5,000 left.
        ("45000", Verdict.FITS),
        # +50,000 -> exactly 90,000: within the stated maximum.
        ("50000", Verdict.FITS),
        # +55,000 -> 95,000 > 90,000 -> beyond the option.
        ("55000", Verdict.DOES_NOT_FIT),
    ],
)
def test_option_within_its_maximum(write: Any, amount: str, verdict: Verdict) -> None:
    text = _yaml(
        options=_OPTION,
        changes=_change("2026-02-01", "40000", "2.163c", option="docking"),
        proposed=_proposed("2026-04-01", amount, "  option: docking\n"),
    )
    result = _check(write, text)
    c = result.drawer(Ground.REVIEW_CLAUSE)
    assert c.verdict is verdict
    assert c.figures["option_used_before"] == D("40000")
    assert c.figures["remaining_before"] == D("50000")
    if verdict is Verdict.FITS:
        assert result.recommendation.ground is Ground.REVIEW_CLAUSE


def test_no_option_named_means_2163c_does_not_apply(write: Any) -> None:
    text = _yaml(options=_OPTION, proposed=_proposed("2026-04-01", "1000"))
    c = _check(write, text).drawer(Ground.REVIEW_CLAUSE)
    assert c.verdict is Verdict.NOT_APPLICABLE
    assert "docking" in c.reason and "€90,000.00" in c.reason


def test_option_past_its_date_does_not_fit(write: Any) -> None:
    option = _OPTION + "    exercisable_until: 2026-03-31\n"
    text = _yaml(options=option, proposed=_proposed("2026-04-01", "1000", "  option: docking\n"))
    assert _check(write, text).drawer(Ground.REVIEW_CLAUSE).verdict is Verdict.DOES_NOT_FIT


# --- utilities, concessions, below threshold, Belgium ----------------------------------------


def test_utilities_have_no_fifty_percent_cap(write: Any) -> None:
    # Utilities supplies 3,000,000; +2,000,000 is 66.67% -> no cap, so 2.163d stays possible.
    # De-minimis: 10% = 300,000; utilities threshold 432,000; limit 300,000 -> does not fit.
    text = _yaml(
        authority="public_law_body",
        kind="utilities",
        value="3000000",
        extra_contract="  utilities_subject: supplies\n",
        proposed=_proposed("2026-04-01", "2000000"),
    )
    result = _check(write, text)
    d = result.drawer(Ground.ADDITIONAL)
    assert d.verdict is Verdict.CONDITIONAL
    assert "cap" not in d.figures
    assert any("no 50% cap" in line for line in d.arithmetic)
    assert any("2014/25/EU" in r for r in d.references)
    assert d.notice is not None and d.notice.eforms_notice_subtype == 39
    b = result.drawer(Ground.DE_MINIMIS)
    assert b.figures["eu_threshold"] == D("432000")
    assert b.figures["limit"] == D("300000")
    assert b.verdict is Verdict.DOES_NOT_FIT


def test_fifty_percent_cap_rejects_a_larger_change(write: Any) -> None:
    # Classic supplies 1,000,000; +500,000.01 > 500,000 -> neither 2.163d nor 2.163e.
    result = _check(write, _yaml(proposed=_proposed("2026-04-01", "500000.01")))
    assert result.drawer(Ground.ADDITIONAL).verdict is Verdict.DOES_NOT_FIT
    assert result.drawer(Ground.UNFORESEEABLE).verdict is Verdict.DOES_NOT_FIT
    assert result.recommendation.ground is None
    assert result.recommendation.for_legal_review == [Ground.NON_SUBSTANTIAL]


def test_concession_uses_10_percent_even_for_works(write: Any) -> None:
    # Concession 10,000,000: 10% = 1,000,000; concessions threshold 5,404,000 -> limit 1,000,000.
    text = _yaml(kind="concession", value="10000000", proposed=_proposed("2026-04-01", "999999.99"))
    result = _check(write, text)
    b = result.drawer(Ground.DE_MINIMIS)
    assert b.figures["limit"] == D("1000000")
    assert b.verdict is Verdict.FITS
    assert b.references[0] == "Aw 2012 art. 2.163b jo. art. 2a.53"
    assert result.drawer(Ground.ADDITIONAL).notice.eforms_notice_subtype == 40  # type: ignore[union-attr]


def test_below_threshold_contract_is_checked_by_analogy(write: Any) -> None:
    # Services 150,000 awarded 2025 (sub-central threshold then 221,000) -> below threshold.
    # De-minimis by analogy: 10% = 15,000; +12,000 < 15,000 -> fits, 3,000 left.
    text = _yaml(
        kind="services",
        value="150000",
        award="2025-06-01",
        proposed=_proposed("2026-02-01", "12000"),
    )
    result = _check(write, text, lang="nl")
    assert result.regime is Regime.BELOW_THRESHOLD and result.by_analogy
    assert "€ 150.000,00 < EU-drempel € 221.000,00" in result.regime_text
    assert any("naar analogie" in n for n in result.notes)
    b = result.drawer(Ground.DE_MINIMIS)
    assert b.verdict is Verdict.FITS
    assert b.figures["remaining_after"] == D("3000")
    d = result.drawer(Ground.ADDITIONAL)
    assert d.notice is not None and not d.notice.required
    assert "naar analogie" in d.notice.text


def test_stated_regime_overrides_the_derivation(write: Any) -> None:
    text = _yaml(
        kind="services",
        value="150000",
        extra_contract="  regime: european\n",
        proposed=_proposed("2026-02-01", "1000"),
    )
    result = _check(write, text)
    assert result.regime is Regime.EUROPEAN and not result.by_analogy


def test_belgian_contract_uses_the_aur_equivalents(write: Any) -> None:
    # Non-federal supplies 500,000. Earlier de-minimis +30,000; now +25,000.
    # 10% = 50,000 (sub-central threshold 216,000): 30,000 + 25,000 = 55,000, not below 50,000.
    # Additional supplies: 25,000 <= 50% x 500,000 = 250,000 -> possible.
    text = _yaml(
        jurisdiction="BE",
        authority="be_non_federal",
        value="500000",
        award="2025-10-01",
        changes=_change("2026-01-20", "30000", "de_minimis"),
        proposed=_proposed("2026-04-01", "25000"),
    )
    result = _check(write, text, lang="nl")
    b = result.drawer(Ground.DE_MINIMIS)
    assert b.verdict is Verdict.DOES_NOT_FIT
    assert b.figures["remaining_before"] == D("20000")
    d = result.drawer(Ground.ADDITIONAL)
    assert d.verdict is Verdict.CONDITIONAL
    assert d.figures["cap"] == D("250000")
    assert d.label == "AUR bijkomende prestaties"
    assert d.references[0].startswith("KB 14 januari 2013 (AUR), art. 37-38/19")
    assert "onbevestigd" in d.references[0]
    # No Dutch article numbers and no guessed AUR article numbers in a Belgian drawer.
    for drawer in result.drawers:
        assert not any(
            "2.163" in r or "38/" in r.replace("37-38/19", "") for r in drawer.references
        )
    assert any("AUR" in n and "niet bevestigd" in n for n in result.notes)
    c = result.drawer(Ground.REVIEW_CLAUSE)
    assert any("van rechtswege" in n for n in c.notes)


def test_belgian_concession_is_not_labelled_aur(write: Any) -> None:
    text = _yaml(
        jurisdiction="BE",
        authority="be_non_federal",
        kind="concession",
        value="8000000",
        proposed=_proposed("2026-04-01", "100000"),
    )
    result = _check(write, text)
    # 10% of 8,000,000 = 800,000 (concessions threshold 5,404,000); 100,000 fits.
    b = result.drawer(Ground.DE_MINIMIS)
    assert b.verdict is Verdict.FITS and b.figures["limit"] == D("800000")
    assert all(d.label.startswith("BE ") for d in result.drawers)
    assert b.references == [
        "Belgian rules for concessions (not the AUR): de-minimis rule [source unconfirmed]",
        "Directive 2014/23/EU, Art. 43",
    ]
    assert any("2014/23/EU" in n and "unconfirmed" in n for n in result.notes)


def test_belgian_utilities_have_no_cap(write: Any) -> None:
    text = _yaml(
        jurisdiction="BE",
        authority="be_federal",
        kind="utilities",
        value="1000000",
        extra_contract="  utilities_subject: works\n",
        proposed=_proposed("2026-04-01", "900000"),
    )
    result = _check(write, text)
    assert "cap" not in result.drawer(Ground.ADDITIONAL).figures
    # Utilities works: 15% of 1,000,000 = 150,000; utilities works threshold 5,404,000.
    assert result.drawer(Ground.DE_MINIMIS).figures["limit"] == D("150000")


def test_unknown_threshold_makes_de_minimis_undetermined(write: Any) -> None:
    # The table ends on 2027-12-31; a change in 2028 cannot be tested against the threshold.
    text = _yaml(award="2027-06-01", proposed=_proposed("2028-02-01", "1000"))
    result = _check(write, text)
    b = result.drawer(Ground.DE_MINIMIS)
    assert b.verdict is Verdict.UNDETERMINED
    assert "2028-02-01" in b.reason


def test_a_decrease_is_not_an_additional_supply(write: Any) -> None:
    result = _check(write, _yaml(proposed=_proposed("2026-04-01", "-20000")))
    assert result.drawer(Ground.ADDITIONAL).verdict is Verdict.NOT_APPLICABLE
    assert result.drawer(Ground.UNFORESEEABLE).verdict is Verdict.CONDITIONAL
    assert result.drawer(Ground.DE_MINIMIS).verdict is Verdict.FITS


def test_threshold_date_assumption_is_stated(write: Any) -> None:
    result = _check(write, _yaml(proposed=_proposed("2026-04-01", "1000")))
    assert any("date of the change" in n and "unconfirmed" in n for n in result.notes)


def test_dutch_money_formatting(write: Any) -> None:
    text = _yaml(
        changes=_change("2026-02-16", "60000", "2.163b"),
        proposed=_proposed("2026-05-04", "50000"),
    )
    b = _check(write, text, lang="nl").drawer(Ground.DE_MINIMIS)
    assert "Met deze wijziging: € 60.000,00 + € 50.000,00 = € 110.000,00." in b.arithmetic
    assert any("Resterend budget vóór deze wijziging: € 40.000,00" in a for a in b.arithmetic)
