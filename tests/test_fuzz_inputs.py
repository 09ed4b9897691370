"""Fuzzed profiles, ledgers and rulesets, through the library and the command line.

Whatever the input, the outcome is a result or an error of ours that names the file: never an
internal error, never a traceback, exit status 0 or 1. The examples are derandomised so that CI
runs the same ones every time (a test that fails one run in a hundred is a defect); for a
larger, random run set ``MVI_FUZZ_EXAMPLES`` (e.g. ``MVI_FUZZ_EXAMPLES=2000``).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from mvi_rules import (
    CatalogueError,
    MviRulesError,
    ProfileError,
    evaluate,
    load_catalogue,
    load_profile,
    render_docx,
)
from mvi_rules.changes import check_change, load_ledger
from mvi_rules.cli import main
from mvi_rules.errors import LedgerError

from .conftest import EXAMPLES, make_rulesets
from .test_catalogue_loader import CRITERION

_ON_DEMAND = os.environ.get("MVI_FUZZ_EXAMPLES")
_EXAMPLES = int(_ON_DEMAND or "0")


def _settings(ci_examples: int) -> settings:
    return settings(
        max_examples=_EXAMPLES or ci_examples,
        deadline=None,
        derandomize=not _ON_DEMAND,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


# --- hostile values ---------------------------------------------------------------------------

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_VALUES = st.one_of(
    _TEXT,
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.lists(_TEXT, max_size=3),
    st.dictionaries(_TEXT, st.integers(), max_size=2),
    st.sampled_from(["a\nb", "x\x00y", "\x0b", "é" * 300, "9" * 30, "-1", "", " ", "∞"]),
)
#: Raw YAML text spliced in place of a value: what a buyer might really type.
_RAW = st.one_of(
    st.sampled_from(
        [
            "2026-02-30",
            "2026-13-01",
            "9" * 5000,
            "1e400",
            ".nan",
            "-.inf",
            "&a [*a]",
            "*missing",
            "{",
            "[" * 80 + "]" * 80,
            "!!python/object:os.system",
            '"\\x01"',
            "'unterminated",
            "!!binary AAAA",
            "? complex",
            "0x1F",
            "0o17",
            "1_000",
            "~",
        ]
    ),
    _TEXT.map(lambda t: t.replace("\n", " ")),
)


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in _leaves(v, (*path, k))] + [path]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _leaves(v, (*path, i))] + [path]
    return [path]


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {k: (_replace(v, rest, value) if k == head else v) for k, v in data.items()}
    return [(_replace(v, rest, value) if i == head else v) for i, v in enumerate(data)]


def _dump(data: Any) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


@st.composite
def _mutated(draw: st.DrawFn, source: str) -> str:
    """The source YAML with one to three values replaced, a key dropped, or raw text spliced."""
    if draw(st.booleans()):
        lines = source.splitlines()
        numbered = [i for i, line in enumerate(lines) if ": " in line and not line.startswith("#")]
        for _ in range(draw(st.integers(1, 3))):
            i = draw(st.sampled_from(numbered))
            key = lines[i].split(": ", 1)[0]
            lines[i] = f"{key}: {draw(_RAW)}"
        return "\n".join(lines) + "\n"
    data = YAML(typ="safe", pure=True).load(source)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_leaves(data)))
        data = _replace(data, path, draw(_VALUES))
    return _dump(data)


def _write(text: str, name: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="mvi-fuzz-"))
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    # Anything but a SystemExit of ours (click's exits) is an escaped exception.
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stderr


def _assert_clean_failure(code: int, err: str, path: Path) -> None:
    assert code in (0, 1), err
    if code == 1:
        assert str(path) in err, err
    assert "internal error" not in err and "Traceback" not in err, err


# --- profiles ---------------------------------------------------------------------------------

_PROFILE = (EXAMPLES / "gemeente-laptops.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def shipped() -> Any:
    return load_catalogue()


@_settings(60)
@given(text=_mutated(_PROFILE))
def test_fuzzed_profiles_through_the_library(shipped: Any, text: str) -> None:
    path = _write(text, "profile.yaml")
    try:
        profile = load_profile(path)
    except ProfileError as exc:
        assert exc.problems and all(p.file == str(path) for p in exc.problems), exc
        return
    try:
        result = evaluate(profile, shipped, backend="plain")
    except ProfileError as exc:
        assert all(p.file == str(path) for p in exc.problems), exc
        return
    assert render_docx(result, shipped).startswith(b"PK")


@_settings(15)
@given(text=_mutated(_PROFILE))
def test_fuzzed_profiles_through_the_cli(text: str) -> None:
    path = _write(text, "profile.yaml")
    out = path.with_name("annex.docx")
    code, err = _cli("generate", str(path), "-o", str(out))
    _assert_clean_failure(code, err, path)
    assert out.exists() == (code == 0)


@_settings(40)
@given(raw=st.binary(max_size=300))
def test_arbitrary_bytes_as_a_profile(raw: bytes) -> None:
    folder = Path(tempfile.mkdtemp(prefix="mvi-fuzz-"))
    path = folder / "profile.yaml"
    path.write_bytes(raw)
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    assert all(p.file == str(path) for p in info.value.problems)


# --- ledgers ----------------------------------------------------------------------------------

_LEDGER = (EXAMPLES / "ledgers" / "gemeente-laptops.yaml").read_text(encoding="utf-8")


@_settings(60)
@given(text=_mutated(_LEDGER))
def test_fuzzed_ledgers_through_the_library(text: str) -> None:
    path = _write(text, "ledger.yaml")
    try:
        ledger = load_ledger(path)
        check_change(ledger, source=path)
    except LedgerError as exc:
        assert exc.problems and all(p.file == str(path) for p in exc.problems), exc


@_settings(15)
@given(text=_mutated(_LEDGER))
def test_fuzzed_ledgers_through_the_cli(text: str) -> None:
    path = _write(text, "ledger.yaml")
    before = path.read_bytes()
    code, err = _cli("change", str(path), "--append", "2.163b")
    _assert_clean_failure(code, err, path)
    if code == 1:
        assert path.read_bytes() == before  # a refused or failed append writes nothing


# --- rulesets ---------------------------------------------------------------------------------


@_settings(40)
@given(text=_mutated(CRITERION))
def test_mutated_rulesets(text: str) -> None:
    root = Path(tempfile.mkdtemp(prefix="mvi-fuzz-"))
    rules = make_rulesets(root, CRITERION, "Ten minste {{ p.years }} jaar.\n")
    (rules / "test.yaml").write_text(text, encoding="utf-8")
    try:
        catalogue = load_catalogue(rules, root / "templates")
    except CatalogueError as exc:
        assert exc.problems and all(p.file for p in exc.problems), exc
        assert any(str(root) in p.file for p in exc.problems), exc
        return
    profile = load_profile(EXAMPLES / "gemeente-laptops.yaml")
    for backend in ("plain", "auto"):
        try:
            result = evaluate(profile, catalogue, backend=backend)  # type: ignore[arg-type]
        except ProfileError:
            continue  # the example's parameter overrides may not fit a mutated criterion
        try:
            render_docx(result, catalogue)
        except MviRulesError as exc:
            assert "MVI-TST-001" in str(exc) or "test/clause" in str(exc), exc
