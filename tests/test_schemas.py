"""JSON Schemas for editors and systems: shipped, equal to the models, and every file passes.

The files are parsed as YAML (safe loader, plain Python values) and validated with
``jsonschema``. YAML reads ``2026-03-01`` as a date, JSON and an editor's YAML language server
(YAML 1.2 core schema) as a string; the schemas say ``type: string, format: date``, so dates are
written back as ISO strings before validating, and the format checker then checks that each is a
real date. That is what an editor or a procurement system sending JSON sees; a format-agnostic
check would let a date like ``2026-02-30`` pass.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from pydantic import ValidationError
from ruamel.yaml import YAML

import mvi_rules
from mvi_rules import ProcurementProfile, json_schema
from mvi_rules.catalogue.files import is_topic_file
from mvi_rules.changes.ledger import Ledger
from mvi_rules.cli import main
from mvi_rules.errors import MviRulesError
from mvi_rules.examples import SCHEMA_LINE, example_text
from mvi_rules.schema import KINDS, schema_path, schema_text

from .conftest import EXAMPLES, REPO

PROFILES = sorted(EXAMPLES.glob("*.yaml")) + sorted((REPO / "tests" / "profiles").glob("*.yaml"))
LEDGERS = sorted((EXAMPLES / "ledgers").glob("*.yaml"))
RULESETS = sorted(p for p in (REPO / "rulesets").glob("*.yaml") if is_topic_file(p))
#: The files that carry the editor's schema line, and the schema each names.
WITH_SCHEMA_LINE = (
    [(p, "profile") for p in sorted(EXAMPLES.glob("*.yaml"))]
    + [(p, "ledger") for p in LEDGERS]
    + [(p, "ruleset") for p in RULESETS]
)
REGENERATE = "regenerate with: .venv/bin/python -m mvi_rules.schema"


def as_json(value: Any) -> Any:
    """YAML data as JSON holds it: dates as ISO strings (see the module docstring)."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def read(path: Path) -> Any:
    return as_json(YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8")))


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_path(kind).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def errors(kind: str, data: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator(kind).iter_errors(data)
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_shipped_schema_is_what_the_models_generate(kind: str) -> None:
    shipped = schema_path(kind).read_text(encoding="utf-8")
    assert shipped == schema_text(kind), f"{schema_path(kind).name} is out of date; {REGENERATE}"
    jsonschema.Draft202012Validator.check_schema(json.loads(shipped))
    assert json_schema(kind)["$id"].startswith(f"urn:mvi-rules:{kind}")


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_every_example_profile_validates(path: Path) -> None:
    assert errors("profile", read(path)) == []


@pytest.mark.parametrize("path", LEDGERS, ids=lambda p: p.stem)
def test_every_example_ledger_validates(path: Path) -> None:
    assert errors("ledger", read(path)) == []


@pytest.mark.parametrize("path", RULESETS, ids=lambda p: p.stem)
def test_every_ruleset_topic_file_validates(path: Path) -> None:
    assert errors("ruleset", read(path)) == []


def test_the_files_checked_are_all_there_are() -> None:
    # An empty glob would make the tests above pass without checking anything.
    assert len(PROFILES) >= 10 and len(LEDGERS) >= 4 and len(RULESETS) >= 15


@pytest.mark.parametrize(("path", "kind"), WITH_SCHEMA_LINE, ids=lambda p: getattr(p, "stem", p))
def test_examples_and_rulesets_name_their_schema_on_the_first_line(path: Path, kind: str) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = f"{SCHEMA_LINE} $schema="
    assert first.startswith(prefix), f"{path.name}: first line should be {prefix}..."
    target = (path.parent / first.removeprefix(prefix)).resolve()
    assert target == schema_path(kind).resolve()


def gemeente() -> dict[str, Any]:
    data: dict[str, Any] = read(EXAMPLES / "gemeente-laptops.yaml")
    return data


def test_schema_and_model_agree_on_a_profile_and_its_mistakes() -> None:
    good = gemeente()
    assert errors("profile", good) == []
    ProcurementProfile.model_validate(good)
    typo = gemeente()
    typo["ambition"]["circulairity"] = 3
    wrong_value = gemeente()
    wrong_value["lots"][0]["product_group"] = "laptops"
    no_lots = gemeente()
    no_lots["lots"] = []
    bad_date = gemeente()
    bad_date["procurement"]["reference_date"] = "2026-02-30"
    for data in (typo, wrong_value, no_lots, bad_date):
        assert errors("profile", data), data
        with pytest.raises(ValidationError):
            ProcurementProfile.model_validate(data)
    assert any("circulairity" in e for e in errors("profile", typo))


def test_a_lot_id_may_be_a_number_as_yaml_reads_it() -> None:
    data = gemeente()
    data["lots"][0]["id"] = 1
    assert errors("profile", data) == []
    assert ProcurementProfile.model_validate(data).lots[0].id == "1"
    data["lots"][0]["id"] = "lot 1"  # a space: neither accepts it
    assert errors("profile", data)
    with pytest.raises(ValidationError):
        ProcurementProfile.model_validate(data)


def test_the_result_schema_keeps_lot_ids_as_text() -> None:
    # Only the input schema accepts numbers; the systems JSON always writes ids as text.
    lot = json_schema("result")["$defs"]["Lot"]["properties"]["id"]
    assert lot["type"] == "string"


def test_a_ground_may_be_written_in_every_spelling_the_ledger_reads() -> None:
    data = read(EXAMPLES / "ledgers" / "gemeente-laptops.yaml")
    for spelling in ("de_minimis", "2.163b", "mod-minv"):
        data["changes"][0]["ground"] = spelling
        assert errors("ledger", data) == []
        assert Ledger.model_validate(data).changes[0].ground.value == "de_minimis"
    data["changes"][0]["ground"] = "2.163z"
    assert errors("ledger", data)
    with pytest.raises(ValidationError):
        Ledger.model_validate(data)


def test_a_condition_may_be_anything_the_condition_language_writes() -> None:
    # The condition language is checked by the catalogue loader; the schema accepts any
    # shape it writes: a list of tests, all/any/not mappings, nested.
    data = read(RULESETS[0])
    for when in (
        ["lot.refurbished is not wanted"],
        {
            "all": [
                "buyer.authority_type is state",
                {"not": {"any": ["ambition.social is at least 3"]}},
            ]
        },
        "lot.holds_data is true",
    ):
        data["criteria"][0]["when"] = when
        assert errors("ruleset", data) == []
    data["criteria"][0]["levle"] = 2
    assert any("levle" in e for e in errors("ruleset", data))


def test_a_ledger_written_by_change_append_still_validates(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.yaml"
    shutil.copy(EXAMPLES / "ledgers" / "gemeente-laptops.yaml", ledger)
    result = CliRunner().invoke(main, ["change", str(ledger), "--append", "2.163d"])
    assert result.exit_code == 0, result.output
    assert len(read(ledger)["changes"]) == 2
    assert errors("ledger", read(ledger)) == []
    assert ledger.read_text(encoding="utf-8").startswith(SCHEMA_LINE)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("kind", KINDS)
def test_schema_command_prints_the_shipped_schema(kind: str) -> None:
    code, out, _ = run("schema", kind)
    assert code == 0
    assert out == schema_path(kind).read_text(encoding="utf-8")


def test_schema_command_writes_a_file_and_never_overwrites_it(tmp_path: Path) -> None:
    target = tmp_path / "profile.schema.json"
    code, _, err = run("schema", "profile", "-o", str(target))
    assert code == 0 and "written" in err
    assert json.loads(target.read_text(encoding="utf-8")) == json_schema("profile")
    code, _, err = run("schema", "profile", "-o", str(target))
    assert code == 1 and "already exists" in err
    assert run("schema", "profile", "-o", str(target), "--force")[0] == 0


def test_an_unknown_schema_is_a_clear_error() -> None:
    code, _, err = run("schema", "catalogue")
    assert code == 2 and "'profile', 'ruleset', 'ledger', 'result'" in err
    with pytest.raises(MviRulesError, match="use one of: profile, ruleset, ledger, result"):
        json_schema("catalogue")


def test_json_schema_is_public_and_returns_a_fresh_copy() -> None:
    assert "json_schema" in mvi_rules.__all__
    schema = mvi_rules.json_schema("profile")
    schema["$defs"].clear()
    assert mvi_rules.json_schema("profile")["$defs"]


def test_a_written_example_has_no_schema_line_that_points_nowhere(tmp_path: Path) -> None:
    for name, path in (
        ("gemeente-laptops", EXAMPLES / "gemeente-laptops.yaml"),
        ("ledgers/gemeente-laptops", EXAMPLES / "ledgers" / "gemeente-laptops.yaml"),
    ):
        shipped = path.read_text(encoding="utf-8")
        assert shipped.startswith(SCHEMA_LINE)
        assert example_text(name) == shipped.split("\n", 1)[1]
        target = tmp_path / (path.parent.name + path.name)
        assert run("examples", name, "-o", str(target))[0] == 0
        written = target.read_text(encoding="utf-8")
        assert SCHEMA_LINE not in written and written.startswith("# ")
