"""The result as JSON for other systems."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mvi_rules.errors import OutputExistsError
from mvi_rules.rendering import render_json, write_json

from .test_rendering_fixtures import SPECIAL_NAME, make_result, profile_data


def test_json_is_sorted_indented_and_complete() -> None:
    result = make_result()
    text = render_json(result)
    assert text.endswith("}\n")
    data = json.loads(text)
    assert data == json.loads(result.model_dump_json())
    assert list(data) == sorted(data)
    assert [c["id"] for c in data["selected"]] == result.selected_ids()
    assert text.startswith('{\n  "backend": "plain",')


def test_json_is_stable_and_keeps_unicode() -> None:
    data = profile_data()
    data["buyer"] = {**data["buyer"], "name": SPECIAL_NAME + " één"}
    assert render_json(make_result(data)) == render_json(make_result(data))
    assert SPECIAL_NAME.replace('"', '\\"') + " één" in render_json(make_result(data))


def test_write_json_refuses_overwrite_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "result.json"
    assert write_json(make_result(), target) == target
    assert json.loads(target.read_text(encoding="utf-8"))["catalogue_version"] == "2026.1.0"
    with pytest.raises(OutputExistsError):
        write_json(make_result(), target)
    write_json(make_result(), str(target), force=True)
    assert target.read_text(encoding="utf-8") == render_json(make_result())
