"""A buyer's profile is checked before anything is generated, with errors that say where."""

from __future__ import annotations

from pathlib import Path

import pytest

from mvi_rules import ProfileError, load_profile, parse_profile

from .conftest import EXAMPLES

VALID = """\
buyer:
  name: Gemeente Test
  authority_type: municipality
  jurisdiction: NL
procurement:
  title: Laptops
  reference_date: 2026-03-01
  estimated_value_eur: 500000
  contract_term_years: 4
lots:
  - id: "1"
    name: Laptops
    product_group: laptop
    quantity: 100
ambition:
  level: 2
"""


def problems(path: Path) -> list[str]:
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_shipped_example_profile_is_valid(path: Path) -> None:
    profile = load_profile(path)
    assert profile.lots


def test_a_valid_profile_loads_with_defaults(write) -> None:
    profile = load_profile(write("p.yaml", VALID))
    assert profile.output_language == "nl"
    assert profile.lots[0].refurbished.value == "excluded"  # no refurbished criteria unasked
    assert profile.lots[0].effective_holds_data is True
    assert profile.commitments.electronics_watch_affiliate is False


def test_json_profiles_are_accepted(write) -> None:
    path = write(
        "p.json",
        '{"buyer": {"name": "X", "authority_type": "state", "jurisdiction": "NL"},'
        ' "procurement": {"title": "T", "estimated_value_eur": 1, "contract_term_years": 1},'
        ' "lots": [{"id": "1", "name": "L", "product_group": "tablet", "quantity": 1}],'
        ' "ambition": {"level": 1}}',
    )
    assert load_profile(path).lots[0].product_group.value == "tablet"


def test_a_typo_in_a_field_name_is_an_error_with_its_line(write) -> None:
    path = write("p.yaml", VALID.replace("  level: 2", "  level: 2\n  circulairity: 3"))
    (message,) = problems(path)
    assert message.startswith(f"{path}:17: ambition.circulairity: unknown field")
    assert "did you mean 'circularity'? Valid fields here: level, climate, circularity" in message


def test_a_near_miss_in_a_choice_gets_a_suggestion(write) -> None:
    path = write(
        "p.yaml",
        VALID.replace("authority_type: municipality", "authority_type: municipalty").replace(
            "product_group: laptop", "product_group: laptops"
        ),
    )
    messages = problems(path)
    assert any("did you mean 'municipality'?" in m for m in messages), messages
    assert any("(got 'laptops'); did you mean 'laptop'?" in m for m in messages), messages


def test_a_far_miss_gets_no_suggestion(write) -> None:
    path = write("p.yaml", VALID.replace("product_group: laptop", "product_group: koffie"))
    (message,) = problems(path)
    assert "(got 'koffie')" in message
    assert "did you mean" not in message


def test_impossible_values_are_all_reported_at_once(write) -> None:
    text = (
        VALID.replace("estimated_value_eur: 500000", "estimated_value_eur: -5")
        .replace("contract_term_years: 4", "contract_term_years: 0")
        .replace("level: 2", "level: 4")
    )
    found = problems(write("p.yaml", text))
    assert any(
        ":8: procurement.estimated_value_eur: " in m and "greater than 0" in m for m in found
    )
    assert any(":9: procurement.contract_term_years: " in m and "(got 0)" in m for m in found)
    assert any("ambition.level: " in m and "less than or equal to 3" in m for m in found)
    assert len(found) == 3


def test_an_unknown_product_group_lists_the_valid_ones(write) -> None:
    (message,) = problems(
        write("p.yaml", VALID.replace("product_group: laptop", "product_group: laptops"))
    )
    assert "lots[0].product_group" in message
    assert "'laptop'" in message and "'smartphone'" in message


def test_belgian_jurisdiction_with_a_dutch_authority_type_is_inconsistent(write) -> None:
    (message,) = problems(write("p.yaml", VALID.replace("jurisdiction: NL", "jurisdiction: BE")))
    assert "buyer" in message
    assert "not a BE authority" in message
    assert "be_federal, be_non_federal" in message


def test_a_werkplek_lot_must_name_its_components(write) -> None:
    (message,) = problems(
        write("p.yaml", VALID.replace("product_group: laptop", "product_group: werkplek"))
    )
    assert "lots[0]" in message and "components" in message


def test_duplicate_lot_ids_are_rejected() -> None:
    lot = {"id": "1", "name": "L", "product_group": "laptop", "quantity": 1}
    with pytest.raises(ProfileError, match="lot id '1' is used twice"):
        parse_profile(
            {
                "buyer": {"name": "X", "authority_type": "state", "jurisdiction": "NL"},
                "procurement": {"title": "T", "estimated_value_eur": 1, "contract_term_years": 1},
                "lots": [lot, lot],
                "ambition": {"level": 1},
            }
        )


def test_broken_yaml_names_the_line(write) -> None:
    (message,) = problems(write("p.yaml", "buyer:\n  name: [unclosed\n"))
    assert "not valid YAML/JSON" in message and "p.yaml:" in message


def test_a_duplicated_key_is_an_error(write) -> None:
    (message,) = problems(write("p.yaml", VALID + "ambition:\n  level: 1\n"))
    assert "not valid YAML/JSON" in message and "ambition" in message


def test_a_missing_file_is_reported_plainly(tmp_path: Path) -> None:
    (message,) = problems(tmp_path / "nope.yaml")
    assert message.endswith("nope.yaml: file not found")
