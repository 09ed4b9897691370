"""The catalogue's C-speed loader reads YAML 1.2 exactly as the round-trip loader does.

The catalogue moved from ruamel.yaml (YAML 1.2) to libyaml through PyYAML, whose own resolver is
YAML 1.1 (``no`` would be ``False``, ``010`` eight). These tests hold the two loaders to the same
data, on every shipped file and on generated scalars, and to the same lines for every field.
"""

from __future__ import annotations

import datetime
import math
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mvi_rules._cyaml import load_fast, load_value
from mvi_rules._resources import rulesets_dir
from mvi_rules._yaml import load_located, plain
from mvi_rules.errors import CatalogueError

SHIPPED = sorted(Path(rulesets_dir()).glob("*.yaml"))


def _typed(value: Any) -> Any:
    """The value with its type spelled out, so that ``True`` and ``1`` (or 1 and 1.0) differ."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int):
        return ("int", int(value))
    if isinstance(value, float):
        return ("float", "nan" if math.isnan(value) else float(value))
    if isinstance(value, datetime.datetime):
        return ("datetime", value.isoformat())
    if isinstance(value, datetime.date):
        return ("date", value.isoformat())
    if isinstance(value, str):
        return ("str", str(value))
    if isinstance(value, dict):
        return {str(k): _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    assert value is None, f"unexpected type {type(value)}"
    return None


def _both(text: str) -> tuple[Any, Any]:
    """What each loader makes of ``text``: typed data, or the error message."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "file.yaml"
        path.write_text(text, encoding="utf-8")
        out = []
        for load in (
            lambda: plain(load_located(path, CatalogueError).data),
            lambda: load_fast(path, CatalogueError).data,
        ):
            try:
                out.append(_typed(load()))
            except CatalogueError as exc:
                out.append(("error", exc.problems[0].line))
        return out[0], out[1]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_file_loads_to_the_same_data(path: Path) -> None:
    expected = _typed(plain(load_located(path, CatalogueError).data))
    assert _typed(load_fast(path, CatalogueError).data) == expected


def _paths(value: Any, loc: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [loc]
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        found += _paths(item, (*loc, key))
    return found


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_field_of_a_shipped_file_has_the_same_line(path: Path) -> None:
    old = load_located(path, CatalogueError)
    new = load_fast(path, CatalogueError)
    for loc in _paths(new.data):
        assert new.line_of(loc) == old.line_of(loc), loc
    assert new.line_of(("no such field", 3)) == old.line_of(("no such field", 3)) == 1


TRICKY = [
    # YAML 1.1 booleans are strings in 1.2
    *[
        "yes",
        "Yes",
        "YES",
        "no",
        "No",
        "NO",
        "y",
        "Y",
        "n",
        "N",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
    ],
    *["true", "True", "TRUE", "false", "False", "FALSE", "tRue"],
    # 1.1 octal and sexagesimal; 1.2 octal, hex, binary; underscores as ruamel.yaml reads them
    *[
        "010",
        "08",
        "0o10",
        "0o",
        "0x1F",
        "0x",
        "0b101",
        "0b",
        "1:30",
        "1:30:00",
        "190:20:30",
        "1_000",
        "1__2",
        "0_1",
        "-_1",
        "+5",
        "-0",
    ],
    *[
        "1.5",
        ".5",
        "1.",
        "0.",
        "+.5",
        "-1.5e3",
        "1e3",
        "1E3",
        "1e",
        "1.0e+3",
        ".inf",
        "-.inf",
        "+.INF",
        ".nan",
        ".NaN",
        "NaN",
        "inf",
        "1_0.5",
    ],
    *["~", "null", "Null", "NULL", "nULL"],
    "2026-01-02",
    "2026-1-2",
    "2026-01-02 03:04:05",
    "2026-01-02T03:04:05Z",
    "2026-01-02 03:04:05.123456789 +01:00",
    "2026-02-30",
    "2026-13-01",
    "9" * 5000,
    '"010"',
    "'yes'",
    "!!int '12'",
    "!!float 1",
    "!!bool true",
    "[yes, no, 010, 1_000, ~]",
    "{a: on, b: 0x10}",
    "",
    "- a\n- b",
]


@pytest.mark.parametrize("scalar", TRICKY)
def test_tricky_scalars_read_as_yaml_1_2_like_the_round_trip_loader(scalar: str) -> None:
    old, new = _both(f"key: {scalar}\n")
    assert new == old


def test_yaml_1_1_forms_are_strings_or_decimal() -> None:
    # Spelled out, so the tests do not only compare two loaders that might share a mistake.
    assert load_value("[yes, no, on, off, y, n]") == ["yes", "no", "on", "off", "y", "n"]
    assert load_value("[010, 1:30, 1_000, 0o17, 0x1f, true]") == [10, "1:30", 1000, 15, 31, True]


_NUMBERISH = st.from_regex(
    r"\A[-+]?[0-9_]{0,4}[.:eEoxb_]?[0-9a-fA-F_]{0,4}([eE][-+]?[0-9]{1,2})?\Z"
)
_WORDISH = st.text(
    alphabet="yesnoYESNOtrufalTRUFALn~.INFinfa_:0123456789-+ ", min_size=0, max_size=8
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_NUMBERISH, _WORDISH))
def test_generated_scalars_read_the_same(scalar: str) -> None:
    # libyaml refuses a plain scalar starting with ':' in a flow list ([:0]), which ruamel.yaml
    # reads as a string: a difference of syntax, not of how scalars resolve.
    scalar = scalar.strip().lstrip(":")
    old, new = _both(f"a: {scalar}\nb: [{scalar}]\n")
    assert new == old


@settings(max_examples=100, deadline=None)
@given(
    st.dates(min_value=datetime.date(1000, 1, 1)),
    st.times(),
    st.sampled_from(["", "Z", " +01:00", "-05"]),
)
def test_generated_dates_and_times_read_the_same(
    day: datetime.date, time: datetime.time, zone: str
) -> None:
    old, new = _both(f"a: {day.isoformat()}\nb: {day.isoformat()} {time.isoformat()}{zone}\n")
    assert new == old


def test_duplicate_keys_and_unknown_tags_are_refused_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "topic.yaml"
    path.write_text("topic: a\ncriteria: []\ntopic: b\n", encoding="utf-8")
    with pytest.raises(
        CatalogueError,
        match=r"topic\.yaml:3: not valid YAML/JSON: duplicate key 'topic' \(first at line 1\)",
    ):
        load_fast(path, CatalogueError)
    path.write_text("topic: a\ncriteria: !local x\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"topic\.yaml:2: .*tag '!local' is not supported"):
        load_fast(path, CatalogueError)


def test_bounds_hold_for_the_fast_loader(tmp_path: Path) -> None:
    path = tmp_path / "topic.yaml"
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"topic\.yaml: too many values"):
        load_fast(path, CatalogueError)
    for depth in (70, 5000):
        path.write_text("a: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
        with pytest.raises(CatalogueError, match=r"topic\.yaml(:1)?: nested too deeply"):
            load_fast(path, CatalogueError)


@pytest.mark.parametrize(
    "value",
    [
        "zie DOMAIN.md",
        "Seed 004",
        "zie 123_0123456789ABCDEF.txt",
        "a working\n  assumption",
        "ſeed 001",
    ],
)
def test_internal_names_are_found_in_a_file_whatever_their_spelling(
    tmp_path: Path, value: str
) -> None:
    from mvi_rules.catalogue.citations import check_citations

    path = tmp_path / "topic.yaml"
    path.write_text(f"topic: t\nnote: >-\n  {value}\n", encoding="utf-8")
    problems = check_citations(load_fast(path, CatalogueError), None)
    assert [(p.field, p.line) for p in problems] == [("note", 2)]


DOCUMENTS = [
    "base: &b {a: 1, b: yes}\nuse:\n  <<: *b\n  b: 2\n  c: on\n",
    "one: &o {a: 1}\ntwo: &t {b: 2, a: 3}\nuse:\n  <<: [*o, *t]\n  c: 4\n",
    "list: &l [a, 010, ~]\nagain: *l\n",
    "---\nkey: value\n...\n",
    "",
    "# only a comment\n",
    "- 1\n- [2, {3: three, true: t, null: n}]\n",
    "text: |\n  line one\n  line: two\nfolded: >-\n  a\n  b\n",
    "first: 1\n---\nsecond: 2\n",
    "key: [unclosed\n",
    "a: 1\na: 2\n",
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_documents_with_anchors_merges_and_odd_shapes_read_the_same(text: str) -> None:
    old, new = _both(text)
    assert new == old


#: Keys the first two documents merge in (<<), and the line of the mapping that defines them.
MERGED: list[dict[tuple[str | int, ...], int]] = [
    {("use", "a"): 1},
    {("use", "a"): 1, ("use", "b"): 2},
]


@pytest.mark.parametrize(
    ("text", "merged"),
    [(text, MERGED[i] if i < len(MERGED) else {}) for i, text in enumerate(DOCUMENTS[:8])],
)
def test_documents_with_anchors_and_merges_give_the_same_lines(
    tmp_path: Path, text: str, merged: dict[tuple[str | int, ...], int]
) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    old, new = load_located(path, CatalogueError), load_fast(path, CatalogueError)
    for loc in _paths(new.data):
        if loc in merged:
            # ruamel.yaml keeps no line for a merged key (the old loader names the mapping's
            # line); the new one names the line where the anchored mapping defines it.
            assert new.line_of(loc) == merged[loc], loc
            assert old.line_of(loc) == old.line_of(loc[:-1])
            continue
        assert new.line_of(loc) == old.line_of(loc), loc
