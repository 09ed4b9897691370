"""The change check's JSON keeps its layout: each worded field beside the code it words.

The worded and the neutral models share one generic shape (mvi_rules.changes.result), so the
order of the keys is stated there rather than following from the declarations; systems that
read the JSON, and people who diff two reports, rely on it staying put.
"""

from __future__ import annotations

import json

from mvi_rules.changes import check_change, load_ledger

from .conftest import EXAMPLES


def test_the_json_of_a_check_names_its_keys_in_reading_order() -> None:
    check = check_change(load_ledger(EXAMPLES / "ledgers" / "gemeente-laptops.yaml"), lang="en")
    data = json.loads(check.to_json())
    assert list(data) == [
        "lang",
        "source",
        "contract",
        "proposed_change",
        "history",
        "base_value_eur",
        "base_is_indexed",
        "regime",
        "regime_text",
        "by_analogy",
        "drawers",
        "recommendation",
        "notes",
        "heading_text",
        "assessment",
    ]
    drawer_keys = ["ground", "order", "label", "name", "title", "references", "verdict"]
    finding_keys = ["reason", "arithmetic", "conditions", "questions", "notice", "figures"]
    for drawer in data["drawers"]:
        assert list(drawer) == [*drawer_keys, "verdict_text", *finding_keys, "rates", "notes"]
    assert list(data["recommendation"]) == [
        "ground",
        "label",
        "verdict",
        "alternatives",
        "for_legal_review",
        "text",
    ]
    # The assessment holds the same findings as codes, without restating the contract above.
    assessment = data["assessment"]
    assert list(assessment) == [
        "base_value_eur",
        "base_is_indexed",
        "regime",
        "regime_basis",
        "by_analogy",
        "drawers",
        "advice",
        "notes",
    ]
    for finding in assessment["drawers"]:
        assert list(finding) == ["ground", "order", "verdict", *finding_keys, "rates", "notes"]
    notices = [d["notice"] for d in data["drawers"] if d["notice"] is not None]
    assert notices
    for notice in notices:
        assert list(notice) == [
            "required",
            "eforms_notice_subtype",
            "bt200_code",
            "bt202_description",
            "text",
        ]
