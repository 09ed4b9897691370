"""The condition language legal advisers write: what it accepts, what it refuses, what it means."""

from __future__ import annotations

import pytest

from mvi_rules.conditions import (
    All,
    Any,
    ConditionSyntaxError,
    Not,
    Op,
    Test,
    holds,
    parse_condition,
    parse_test,
    trace,
)


def test_a_test_in_words_becomes_a_tree_node() -> None:
    assert parse_test("ambition.circularity is at least 2") == Test(
        "ambition.circularity", Op.AT_LEAST, 2
    )
    assert parse_test("buyer.authority_type is one of [state, province]") == Test(
        "buyer.authority_type", Op.ONE_OF, ("state", "province")
    )
    assert parse_test("lot.refurbished is not wanted") == Test(
        "lot.refurbished", Op.IS_NOT, "wanted"
    )
    assert parse_test("commitments.isv_policy is true") == Test(
        "commitments.isv_policy", Op.IS, True
    )
    assert parse_test("procurement.procedure is not set") == Test(
        "procurement.procedure", Op.IS_NOT_SET
    )
    assert parse_test("lot.product_groups includes monitor") == Test(
        "lot.product_groups", Op.INCLUDES, "monitor"
    )


def test_longer_operators_win_over_their_prefixes() -> None:
    assert parse_test("buyer.jurisdiction is not one of [BE]").op is Op.NOT_ONE_OF
    assert parse_test("lot.quantity is at most 10").op is Op.AT_MOST


def test_all_any_not_and_lists_nest() -> None:
    tree = parse_condition(
        {
            "all": [
                "lot.refurbished is not wanted",
                {"any": ["buyer.authority_type is state", "commitments.isv_policy is true"]},
                {"not": "lot.quantity is less than 10"},
            ]
        }
    )
    assert isinstance(tree, All)
    assert isinstance(tree.items[1], Any)
    assert isinstance(tree.items[2], Not)
    assert parse_condition(["lot.holds_data is true"]) == All(
        (Test("lot.holds_data", Op.IS, True),)
    )
    assert parse_condition(None) == All(())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lot.colour is red", "unknown field 'lot.colour'; known fields: ambition.circularity"),
        ("lot.product_group is laptops", "has no value 'laptops'; valid: laptop, desktop"),
        ("lot.quantity is many", "lot.quantity is a number, not 'many'"),
        ("commitments.isv_policy is yes please", "is true or false"),
        ("lot.quantity equals 3", "unknown operator in 'lot.quantity equals 3'; operators: is,"),
        ("lot.refurbished is at least 2", "lot.refurbished is a enum field; it takes is, is not"),
        ("lot.product_group is one of laptop", "'is one of' takes a list like [a, b]"),
        ("lot.refurbished is set", "'is set' cannot vary"),
        ("lot.holds_data is set", "lot.holds_data is a bool field; it takes is, is not"),
        ("lot.holds_data", "cannot read test 'lot.holds_data'"),
        ("ambition.level is", "'is' needs a value"),
    ],
)
def test_bad_tests_say_what_would_be_valid(text: str, expected: str) -> None:
    with pytest.raises(ConditionSyntaxError) as info:
        parse_test(text)
    assert expected in info.value.message


def test_errors_point_into_the_condition() -> None:
    with pytest.raises(ConditionSyntaxError) as info:
        parse_condition(
            {"all": ["lot.holds_data is true", {"any": ["lot.quantity is x"]}]}, ("when",)
        )
    assert info.value.path == ("when", "all", 1, "any", 0)


@pytest.mark.parametrize(
    "raw",
    [{"all": []}, {"any": "x"}, {"all": ["lot.holds_data is true"], "any": []}, {"either": []}, 3],
)
def test_malformed_structures_are_refused(raw: object) -> None:
    with pytest.raises(ConditionSyntaxError):
        parse_condition(raw)


FACTS = {
    "lot.quantity": 50,
    "lot.refurbished": "accepted",
    "lot.product_groups": ("werkplek", "laptop", "monitor"),
    "commitments.isv_policy": False,
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lot.quantity is at least 50", True),
        ("lot.quantity is more than 50", False),
        ("lot.quantity is one of [10, 50]", True),
        ("lot.refurbished is not wanted", True),
        ("lot.product_groups includes monitor", True),
        ("lot.product_groups does not include tablet", True),
        ("lot.product_groups includes any of [tablet, smartphone]", False),
        ("commitments.isv_policy is true", False),
        # An absent optional field is "not" anything and never compares.
        ("procurement.procedure is not set", True),
        ("procurement.procedure is open", False),
        ("procurement.procedure is not open", True),
        ("procurement.procedure is not one of [open]", True),
    ],
)
def test_meaning_of_each_operator(text: str, expected: bool) -> None:
    assert holds(parse_test(text), FACTS) is expected


def test_not_all_and_any_combine_as_in_logic() -> None:
    tree = parse_condition(
        {"any": [{"not": "lot.quantity is at least 10"}, "lot.refurbished is accepted"]}
    )
    assert holds(tree, FACTS)
    assert not holds(Not(tree), FACTS)


def test_a_trace_records_which_parts_held() -> None:
    outcome = trace(
        parse_condition(["lot.quantity is at least 100", "lot.refurbished is accepted"]), FACTS
    )
    assert not outcome.holds
    first, second = outcome.children
    assert (first.holds, first.text) == (False, "lot.quantity is at least 100 (profile: 50)")
    assert (second.holds, second.text) == (True, "lot.refurbished is accepted (profile: accepted)")
