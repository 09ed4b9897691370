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
    render_text,
)
from mvi_rules.errors import LedgerError

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
    assert d.references[0] == (
        "KB 14 januari 2013 (AUR), art. 38/1: bijkomende werken, leveringen of diensten "
        "(nummering volgens het Waalse portaal 'Modifier le marché')"
    )
    # No Dutch article numbers and no "unconfirmed" tails in a Belgian drawer.
    for drawer in result.drawers:
        assert not any("2.163" in r or "onbevestigd" in r for r in drawer.references)
    # The numbers are attributed to the Walloon portal, not presented as checked.
    assert any("marchespublics.wallonie.be" in n and "niet" in n for n in result.notes)
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
    assert "1 February 2028" in b.reason


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


# --- decreases: netted in the small drawer, measured by their size against the 50 % cap ------


def test_a_decrease_is_recommended_in_the_de_minimis_drawer_where_it_frees_budget(
    write: Any,
) -> None:
    # Sub-central supplies 1,000,000; earlier de-minimis +60,000; now -10,000 on 2026-05-04.
    # De-minimis limit: lower of 10% x 1,000,000 = 100,000 and the threshold 216,000 = 100,000.
    # Net cumulative 60,000 - 10,000 = 50,000; |50,000| < 100,000 -> fits.
    # Budget for later increases: before 100,000 - 60,000 = 40,000; after 100,000 - 50,000 =
    # 50,000, so the decrease frees 50,000 - 40,000 = 10,000.
    # 2.163e: the size 10,000 <= 50% x 1,000,000 = 500,000 -> would also fit, but it frees nothing.
    text = _yaml(
        changes=_change("2026-02-16", "60000", "2.163b"),
        proposed=_proposed("2026-05-04", "-10000"),
    )
    result = _check(write, text)
    b = result.drawer(Ground.DE_MINIMIS)
    assert b.verdict is Verdict.FITS
    assert b.figures["net_cumulative_before"] == D("60000")
    assert b.figures["net_cumulative_after"] == D("50000")
    assert b.figures["remaining_before"] == D("40000")
    assert b.figures["remaining_after"] == D("50000")
    assert b.figures["budget_freed"] == D("10000")
    assert "With this change: €60,000.00 - €10,000.00 = €50,000.00 (the decrease is netted)." in (
        b.arithmetic
    )
    assert "frees €10,000.00" in b.reason

    assert result.drawer(Ground.ADDITIONAL).verdict is Verdict.NOT_APPLICABLE
    e = result.drawer(Ground.UNFORESEEABLE)
    assert e.verdict is Verdict.CONDITIONAL
    assert e.figures["cap"] == D("500000")
    assert (
        "50% cap per change, measured by the size of the decrease: €10,000.00 ≤ €500,000.00 "
        "(50% of the original value €1,000,000.00)." in e.arithmetic
    )
    assert "The change is a decrease of 1.00% of the original value €1,000,000.00." in (
        e.arithmetic
    )

    rec = result.recommendation
    assert rec.ground is Ground.DE_MINIMIS
    assert rec.alternatives == [Ground.UNFORESEEABLE]
    assert "from €60,000.00 to €50,000.00 and frees €10,000.00 for later increases" in rec.text
    assert "does not eat the de-minimis budget" not in rec.text
    # No negative amount is ever compared with a limit or a cap.
    for drawer in result.drawers:
        for line in drawer.arithmetic:
            assert not ("-€" in line and ("≤" in line or "below" in line)), line


def test_a_decrease_in_dutch_reads_as_a_decrease(write: Any) -> None:
    text = _yaml(
        changes=_change("2026-02-16", "60000", "2.163b"),
        proposed=_proposed("2026-05-04", "-10000"),
    )
    result = _check(write, text, lang="nl")
    out = render_text(result)
    assert "€ -10.000,00 ≤" not in out
    assert "-1,00%" not in out
    assert "gemeten aan de omvang van de verlaging: € 10.000,00 ≤ € 500.000,00" in out
    assert "Met deze wijziging: € 60.000,00 - € 10.000,00 = € 50.000,00" in out
    assert result.recommendation.text.startswith(
        "Aanbevolen: 2.163b (de-minimiswijziging (het kleine laatje)). Een verlaging past het "
        "best in het kleine laatje"
    )
    assert "maakt € 10.000,00 vrij voor latere verhogingen" in result.recommendation.text


def test_a_decrease_on_an_empty_small_drawer_becomes_a_net_decrease(write: Any) -> None:
    # No earlier de-minimis changes; -10,000. Net 0 - 10,000 = -10,000; |-10,000| < 100,000.
    # Room for later increases: 100,000 - (-10,000) = 110,000 (10,000 more than before);
    # room for further decreases: 100,000 - 10,000 = 90,000.
    result = _check(write, _yaml(proposed=_proposed("2026-05-04", "-10000")))
    b = result.drawer(Ground.DE_MINIMIS)
    assert b.verdict is Verdict.FITS
    assert b.figures["net_cumulative_after"] == D("-10000")
    assert b.figures["remaining_after"] == D("110000")
    assert b.figures["budget_freed"] == D("10000")
    assert b.reason.startswith("Net cumulative: a decrease of €10,000.00, in absolute value below")
    assert any(
        "further decreases in this drawer have €90,000.00 of room left" in n for n in b.notes
    )
    assert result.recommendation.ground is Ground.DE_MINIMIS


def test_a_decrease_too_big_for_the_small_drawer_goes_to_2163e(write: Any) -> None:
    # No earlier de-minimis; -120,000: |-120,000| is not below 100,000 -> not de-minimis.
    # 2.163e: 120,000 <= 500,000 -> fits if its conditions are confirmed.
    result = _check(write, _yaml(proposed=_proposed("2026-05-04", "-120000")))
    b = result.drawer(Ground.DE_MINIMIS)
    assert b.verdict is Verdict.DOES_NOT_FIT
    assert "in absolute value not below €100,000.00" in b.reason
    assert result.recommendation.ground is Ground.UNFORESEEABLE
    assert result.recommendation.alternatives == []


def test_a_decrease_of_more_than_half_the_value_fits_no_capped_drawer(write: Any) -> None:
    # -600,000 on 1,000,000: the size 600,000 > 500,000 = 50% -> not 2.163e; not de-minimis
    # either (600,000 >= 100,000); only 2.163g is left for the legal adviser.
    result = _check(write, _yaml(proposed=_proposed("2026-05-04", "-600000")))
    e = result.drawer(Ground.UNFORESEEABLE)
    assert e.verdict is Verdict.DOES_NOT_FIT
    assert e.reason == "The decrease exceeds the 50% cap of €500,000.00."
    assert result.recommendation.ground is None
    assert result.recommendation.for_legal_review == [Ground.NON_SUBSTANTIAL]


def test_a_recorded_decrease_beyond_the_cap_is_a_ledger_error(write: Any) -> None:
    # A recorded 2.163e decrease of 600,000 on 1,000,000 is over 50% (500,000) by its size.
    text = _yaml(changes=_change("2026-02-16", "-600000", "2.163e"))
    with pytest.raises(LedgerError, match=r"the size of this change, €600,000\.00, exceeds"):
        load_ledger(write("ledger.yaml", text))


def test_a_decrease_that_names_an_option_stays_with_the_option(write: Any) -> None:
    # Option docking (max 90,000) used for 40,000; -10,000 on that option -> used 30,000.
    # De-minimis would fit too (net 0 - 10,000), but the option the buyer named comes first.
    text = _yaml(
        options=_OPTION,
        changes=_change("2026-02-01", "40000", "2.163c", option="docking"),
        proposed=_proposed("2026-04-01", "-10000", "  option: docking\n"),
    )
    result = _check(write, text)
    assert result.drawer(Ground.REVIEW_CLAUSE).figures["option_used_after"] == D("30000")
    assert result.recommendation.ground is Ground.REVIEW_CLAUSE
    assert result.recommendation.alternatives == [Ground.DE_MINIMIS, Ground.UNFORESEEABLE]


# --- a concession: chapter 2.5 through art. 2a.53 --------------------------------------------


def test_concession_worked_example(write: Any) -> None:
    # Municipal services concession 6,500,000 awarded 2026-02-02 (concessions threshold
    # 5,404,000 -> European). Earlier de-minimis +400,000; now +300,000 on 2026-09-01.
    # De-minimis: 10% (also for works) x 6,500,000 = 650,000 < 5,404,000 -> limit 650,000;
    # net 400,000 + 300,000 = 700,000, not below 650,000 -> does not fit; 250,000 was left.
    # 2.163d: 300,000 <= 50% x 6,500,000 = 3,250,000 -> fits if confirmed; notice subtype 40.
    text = _yaml(
        kind="concession",
        value="6500000",
        award="2026-02-02",
        changes=_change("2026-04-15", "400000", "2.163b"),
        proposed=_proposed("2026-09-01", "300000"),
    )
    result = _check(write, text)
    assert result.regime is Regime.EUROPEAN
    b = result.drawer(Ground.DE_MINIMIS)
    assert b.rates["de_minimis_rate"] == D("0.10")
    assert b.figures["limit"] == D("650000")
    assert b.figures["net_cumulative_after"] == D("700000")
    assert b.figures["remaining_before"] == D("250000")
    assert b.verdict is Verdict.DOES_NOT_FIT
    assert any("(concession: 10%, also for works)" in line for line in b.arithmetic)
    d = result.drawer(Ground.ADDITIONAL)
    assert d.verdict is Verdict.CONDITIONAL
    assert d.figures["cap"] == D("3250000")
    assert d.notice is not None and d.notice.required
    assert (d.notice.eforms_notice_subtype, d.notice.bt200_code) == (40, "add-wss")
    assert result.recommendation.ground is Ground.ADDITIONAL
    for drawer in result.drawers:
        assert drawer.references[0] == f"Aw 2012 art. {drawer.ground.nl_article} jo. art. 2a.53"
        assert drawer.references[-1] == "Directive 2014/23/EU, Art. 43"
        assert "unconfirmed" not in " ".join(drawer.references)
        assert drawer.notice is None or "confirmed" not in drawer.notice.text
    dutch = _check(write, text, lang="nl")
    assert dutch.drawer(Ground.ADDITIONAL).references[0] == "art. 2.163d jo. art. 2a.53 Aw 2012"


def test_concession_below_the_threshold_and_a_new_procedure_cite_2a53(write: Any) -> None:
    # Concession 3,000,000 awarded 2026 (threshold 5,404,000) -> below the threshold.
    # +1,600,000 > 50% x 3,000,000 = 1,500,000 and > 10% = 300,000: no drawer on the figures.
    text = _yaml(kind="concession", value="3000000", proposed=_proposed("2026-04-01", "1600000"))
    result = _check(write, text)
    assert result.regime is Regime.BELOW_THRESHOLD
    assert any("(arts 2.163a-2.163g jo. art. 2a.53)" in n for n in result.notes)
    assert result.recommendation.ground is None
    assert "(Aw 2012 art. 2.163a jo. art. 2a.53)" in result.recommendation.text


# --- a utilities contract: chapter 2.5 through art. 3.80d, no 50 % cap -----------------------


def test_utilities_worked_example(write: Any) -> None:
    # Drinking-water company, utilities supplies 2,000,000 awarded 2026-01-12 (utilities
    # threshold 432,000 -> European). Earlier: 2.163b +150,000 and 2.163d +1,100,000 (55%: no
    # cap, so the history is valid). Now +1,200,000 on 2026-06-01 = 60% of 2,000,000.
    # De-minimis: 10% x 2,000,000 = 200,000 < 432,000 -> limit 200,000; net 150,000 +
    # 1,200,000 = 1,350,000 -> does not fit (50,000 was left).
    # 2.163d/e: no 50% cap -> the figures allow both; notice subtype 39.
    text = _yaml(
        authority="public_law_body",
        kind="utilities",
        value="2000000",
        award="2026-01-12",
        extra_contract="  utilities_subject: supplies\n",
        changes=_change("2026-03-02", "150000", "2.163b")
        + _change("2026-04-01", "1100000", "2.163d"),
        proposed=_proposed("2026-06-01", "1200000"),
    )
    result = _check(write, text)
    b = result.drawer(Ground.DE_MINIMIS)
    assert b.figures["eu_threshold"] == D("432000")
    assert b.figures["limit"] == D("200000")
    assert b.figures["remaining_before"] == D("50000")
    assert b.verdict is Verdict.DOES_NOT_FIT
    d = result.drawer(Ground.ADDITIONAL)
    e = result.drawer(Ground.UNFORESEEABLE)
    for drawer in (d, e):
        assert drawer.verdict is Verdict.CONDITIONAL
        assert "cap" not in drawer.figures
        assert "The change is 60.00% of the original value €2,000,000.00." in drawer.arithmetic
        assert drawer.notice is not None and drawer.notice.eforms_notice_subtype == 39
    assert len(d.conditions) == 3 and len(e.conditions) == 2
    assert d.notes == [
        "Earlier in this drawer: 1 change(s), together €1,100,000.00. They do not add up; "
        "utilities have no 50% cap."
    ]
    # Nothing asks about splitting a change to stay below a cap that does not apply.
    out = render_text(result)
    assert "split" not in out
    assert "Utilities: no 50% cap per change (Directive 2014/25/EU, Art. 89, has none" in out
    for drawer in result.drawers:
        assert drawer.references[0] == f"Aw 2012 art. {drawer.ground.nl_article} jo. art. 3.80d"
        assert "unconfirmed" not in " ".join(drawer.references)
    assert result.recommendation.ground is Ground.ADDITIONAL
    assert result.recommendation.alternatives == [Ground.UNFORESEEABLE]
