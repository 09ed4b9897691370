"""Points of attention a buyer can act on, and no internal names in front of the buyer.

The annex opens with the decisions the buyer must take (at most about ten, ranked); defaults to
confirm go into one checklist in the catalogue's words, only for the product groups a lot buys;
documents the clauses refer to but mvi-rules does not supply are named; ``explain`` for one
criterion shows that criterion's notices only.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mvi_rules import (
    Catalogue,
    EvaluationResult,
    evaluate,
    load_profile,
    parse_profile,
    render_docx,
)
from mvi_rules.cli import main
from mvi_rules.rendering.notices import attention_points
from mvi_rules.rendering.wording import Wording

from .conftest import EXAMPLES, comprehensive
from .test_rendering_fixtures import all_text

PROFILES = Path(__file__).parent / "profiles"
ALL = sorted(EXAMPLES.glob("*.yaml")) + sorted(PROFILES.glob("*.yaml"))

#: A parameter key as the catalogue spells it (``tablet_min_ip``, ``os_update_years``).
RAW_KEY = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


def _result(path: Path, catalogue: Catalogue) -> EvaluationResult:
    return evaluate(load_profile(path), catalogue, backend="plain")


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_at_most_ten_ranked_points_of_attention(catalogue: Catalogue, path: Path) -> None:
    result = _result(path, catalogue)
    for lang in ("nl", "en"):
        points = attention_points(result, Wording(lang, result.profile.buyer.jurisdiction))
        assert len(points) <= 10, (lang, points)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_no_parameter_key_or_code_reaches_the_buyer(catalogue: Catalogue, path: Path) -> None:
    result = _result(path, catalogue)
    keys = {name for entry in catalogue for name in entry.criterion.parameters}
    for lang in ("nl", "en"):
        text = all_text(render_docx(result, catalogue, lang=lang))
        leaked = sorted(k for k in set(RAW_KEY.findall(text)) if k in keys)
        assert not leaked, (lang, leaked)
        assert "none" not in text.splitlines()
        points = attention_points(result, Wording(lang, result.profile.buyer.jurisdiction))
        assert not [p for p in points if "_" in p.split(":")[0]], points


def test_a_coded_value_is_named_in_the_checklist(catalogue: Catalogue) -> None:
    result = _result(EXAMPLES / "school-refurbished.yaml", catalogue)
    tablet_ip = next(
        p
        for c in result.selected
        if c.id == "MVI-ROB-001"
        for p in c.parameters
        if p.name == "tablet_min_ip"
    )
    assert tablet_ip.value == "none"
    lots = {lot.id: lot for lot in result.profile.lots}
    buys_tablets = any(
        "tablet" in {g.value for g in lots[lot_id].product_groups}
        for c in result.selected
        if c.id == "MVI-ROB-001"
        for lot_id in c.lots
    )
    text = all_text(render_docx(result, catalogue, lang="nl"))
    if buys_tablets:
        assert "geen eis" in text
    assert "; none:" not in text


def test_defaults_for_groups_a_lot_does_not_buy_are_not_asked(catalogue: Catalogue) -> None:
    # Laptops only: the drop-test clause also has values for smartphones and tablets, which
    # the buyer of laptops is never asked to confirm.
    profile = parse_profile(
        {
            "buyer": {
                "name": "Gemeente Laptopstad",
                "authority_type": "municipality",
                "jurisdiction": "NL",
            },
            "procurement": {
                "title": "Laptops",
                "estimated_value_eur": 400000,
                "contract_term_years": 4,
                "reference_date": "2026-11-23",
            },
            "lots": [
                {
                    "id": "1",
                    "name": "Laptops",
                    "product_group": "laptop",
                    "quantity": 400,
                    "use": "education",
                }
            ],
            "ambition": {"level": 2},
        }
    )
    result = evaluate(profile, catalogue, backend="plain")
    rob = next((c for c in result.selected if c.id == "MVI-ROB-001"), None)
    if rob is None:
        pytest.skip("the drop-test clause is not selected for this profile")
    shown = {p.name for p in rob.parameters if p.to_verify}
    assert not shown & {"tablet_min_ip", "smartphone_min_ip", "min_free_fall_class"}
    text = all_text(render_docx(result, catalogue, lang="nl"))
    assert "voor tablets" not in text.split("Te bevestigen standaardwaarden")[-1]


def test_attachments_are_points_of_attention_with_who_makes_them(catalogue: Catalogue) -> None:
    # The LCC sheet mvi-rules writes itself; the Electronics Watch conditions come from
    # Electronics Watch, and the point says where.
    result = evaluate(comprehensive(EXAMPLES / "gemeente-laptops.yaml"), catalogue)
    assert any(c.id == "MVI-LCC-001" for c in result.selected)
    points = attention_points(result, Wording("nl", result.profile.buyer.jurisdiction))
    assert any("LCC-rekenblad" in p and "mvi-rules stelt het op" in p for p in points), points
    text = all_text(render_docx(result, catalogue, lang="en"))
    assert "refers to the LCC calculation sheet in the tender documents" in text
    ministry = _result(EXAMPLES / "ministerie-werkplek.yaml", catalogue)
    if not any(c.id == "MVI-SOC-002" for c in ministry.selected):
        pytest.skip("no Electronics Watch clause for this profile")
    points = attention_points(ministry, Wording("nl", ministry.profile.buyer.jurisdiction))
    watch = [p for p in points if "Electronics Watch" in p]
    assert watch and "te verkrijgen via http" in watch[0] and "levert die niet mee" in watch[0]


def test_thin_market_points_name_product_groups_in_words(catalogue: Catalogue) -> None:
    result = _result(EXAMPLES / "gemeente-laptops.yaml", catalogue)
    thin = [n for n in result.notices if n.code == "label-thin-market"]
    assert thin
    for notice in thin:
        assert notice.text is not None
        assert re.search(r"weinig (laptops|beeldschermen)", notice.text.nl), notice.text.nl
        assert "laptop," not in notice.text.nl


def test_explain_one_criterion_shows_its_notices_only() -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["explain", str(EXAMPLES / "gemeente-laptops.yaml"), "MVI-LAB-001"])
    assert out.exit_code == 0, out.output
    notes = [line for line in out.output.splitlines() if line.startswith("note:")]
    assert notes, out.output
    assert all("MVI-LAB-001" in line for line in notes), notes
    assert not any("MVI-CIR-001" in line for line in notes)


ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_dates_are_written_out_in_the_clauses_and_notes(catalogue: Catalogue, path: Path) -> None:
    # The trace annex cites publication dates as its sources give them; everything the buyer
    # reads before it writes a date as words ("30 november 2026").
    result = _result(path, catalogue)
    for lang, trace in (("nl", "Verantwoording: herkomst"), ("en", "Traceability: source")):
        text = all_text(render_docx(result, catalogue, lang=lang))
        body = text.split(trace)[0]
        assert not ISO_DATE.findall(body), (lang, ISO_DATE.findall(body))


def test_an_attachment_naming_an_unknown_source_is_refused(tmp_path: Path) -> None:
    from mvi_rules import CatalogueError, load_catalogue

    from .conftest import make_rulesets
    from .test_catalogue_loader import CRITERION

    topic = CRITERION.replace(
        "    template: test/clause\n",
        "    attachments:\n"
        "      - {nl: het model, en: the model, source: nowhere}\n"
        "    template: test/clause\n",
    )
    rules = make_rulesets(tmp_path, topic, "Tekst met {{ p.years }} jaar.")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(rules, tmp_path / "templates")
    (problem,) = [p for p in caught.value.problems if "attachments" in p.field]
    assert problem.field == "criteria[0].attachments[0].source"
    assert problem.line == 32
    assert "unknown source 'nowhere'" in problem.message


def test_a_werkplek_bundle_gets_the_text_for_its_components_only(catalogue: Catalogue) -> None:
    profile = parse_profile(
        {
            "buyer": {
                "name": "Stichting Scholen",
                "authority_type": "school_board",
                "jurisdiction": "NL",
            },
            "procurement": {
                "title": "Werkplekken",
                "estimated_value_eur": 400000,
                "contract_term_years": 4,
                "reference_date": "2026-11-23",
            },
            "lots": [
                {
                    "id": "1",
                    "name": "Werkplekken",
                    "product_group": "werkplek",
                    "components": ["laptop", "monitor"],
                    "quantity": 300,
                }
            ],
            "ambition": {"level": 2},
        }
    )
    result = evaluate(profile, catalogue, backend="plain")
    assert "MVI-ROB-001" in result.selected_ids()
    text = all_text(render_docx(result, catalogue, lang="nl"))
    clause = text.split("MVI-ROB-001 Valtest")[-1].split("Bewijsmiddelen")[0]
    assert "laptops hebben een valtest doorstaan" in clause
    assert "smartphones" not in clause and "tablets" not in clause
