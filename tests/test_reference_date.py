"""Without reference_date the profile uses today where the buyer is, and the document says so."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest

from mvi_rules import evaluate, load_catalogue, parse_profile, render_docx
from mvi_rules.profile import dates

PROFILE = {
    "buyer": {"name": "Gemeente", "authority_type": "municipality", "jurisdiction": "NL"},
    "procurement": {"title": "Laptops", "estimated_value_eur": 100000, "contract_term_years": 4},
    "lots": [{"id": "1", "name": "Laptops", "product_group": "laptop", "quantity": 10}],
    "ambition": {"level": 1},
}
BELGIAN = {"name": "Stad", "authority_type": "be_non_federal", "jurisdiction": "BE"}


def _late_evening(zone: dt.tzinfo) -> dt.datetime:
    """23:30 UTC on 31 December 2026: already 1 January 2027 in Amsterdam and Brussels."""
    return dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.timezone.utc).astimezone(zone)


@pytest.mark.parametrize(
    ("buyer", "zone"), [(None, "Europe/Amsterdam"), (BELGIAN, "Europe/Brussels")]
)
def test_today_is_taken_in_the_jurisdictions_time_zone(
    monkeypatch: pytest.MonkeyPatch, buyer: dict[str, str] | None, zone: str
) -> None:
    monkeypatch.setattr(dates, "_now", _late_evening)
    profile = parse_profile({**PROFILE, **({"buyer": buyer} if buyer else {})})
    assert profile.procurement.reference_date == dt.date(2027, 1, 1)
    assert profile.reference_date_zone == zone


def test_a_given_reference_date_is_kept_and_not_annotated() -> None:
    data = {**PROFILE, "procurement": {**PROFILE["procurement"], "reference_date": "2026-03-02"}}
    profile = parse_profile(data)
    assert profile.procurement.reference_date == dt.date(2026, 3, 2)
    assert profile.reference_date_zone is None


def _details(profile_data: dict[str, object], lang: str) -> str:
    catalogue = load_catalogue()
    result = evaluate(parse_profile(profile_data), catalogue, backend="plain")
    document = docx.Document(io.BytesIO(render_docx(result, catalogue, lang)))
    return "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)


def test_the_document_says_which_date_and_time_zone_were_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dates, "_now", _late_evening)
    text = _details(PROFILE, "nl")
    assert (
        "1 januari 2027 (de datum van vandaag in tijdzone Europe/Amsterdam: het profiel noemt "
        "geen peildatum)" in text
    )
    text = _details({**PROFILE, "buyer": BELGIAN}, "en")
    assert "(today's date in time zone Europe/Brussels: the profile gives no reference date)" in (
        text
    )
    given = {**PROFILE, "procurement": {**PROFILE["procurement"], "reference_date": "2026-03-02"}}
    assert "peildatum)" not in _details(given, "nl")
