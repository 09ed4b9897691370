"""A profile error in a value merged in from an anchor (``<<: *name``) still gets its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from mvi_rules import load_profile
from mvi_rules.errors import ProfileError
from mvi_rules.examples import example_text


def test_a_bad_merged_value_is_reported_with_the_line_of_its_mapping(tmp_path: Path) -> None:
    text = example_text("gemeente-laptops")
    assert "    quantity: 1400\n" in text
    path = tmp_path / "profile.yaml"
    path.write_text(text.replace("    quantity: 1400\n", "    <<: {quantity: -5}\n", 1))
    with pytest.raises(ProfileError, match=r"profile\.yaml:\d+: lots\[0\]\.quantity: Input should"):
        load_profile(path)
