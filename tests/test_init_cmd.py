"""mvi-rules init: the interview writes a valid, commented profile that generates."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from mvi_rules import load_profile, parse_profile
from mvi_rules.cli import main
from mvi_rules.profile.write import profile_yaml

from .conftest import EXAMPLES, REPO


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


NL_ANSWERS = {
    "buyer.jurisdiction": "NL",
    "buyer.name": "Gemeente Testdorp",
    "buyer.authority_type": "municipality",
    "procurement.title": "Werkplekken 2027",
    "procurement.reference_date": "2026-11-23",
    "procurement.estimated_value_eur": 900000,
    "procurement.extension_years": [1, 1],
    "procurement.procedure": "open",
    "award.price_weight_percent": 60,
    "lots": 2,
    "lot1.name": "Werkplekbundel",
    "lot1.product_group": "werkplek",
    "lot1.components": ["laptop", "monitor"],
    "lot1.quantity": 800,
    "lot2.name": "Smartphones",
    "lot2.product_group": "smartphone",
    "lot2.quantity": 300,
    "lot2.refurbished": "wanted",
    "ambition.level": 2,
    "ambition.circularity": 3,
    "commitments.isv_policy": True,
}

BE_ANSWERS = {
    "buyer.jurisdiction": "BE",
    "buyer.name": "Stad Voorbeeld",
    "buyer.authority_type": "be_non_federal",
    "procurement.reference_date": "2026-11-23",
    "procurement.estimated_value_eur": 120000,
    "procurement.procedure": "be_simplified_negotiated_with_publication",
    "award.method": "lowest_cost",
    "lot1.product_group": "laptop",
    "lot1.refurbished": "accepted",
    "output_language": "nl",
}


def _init(tmp_path: Path, answers: dict[str, object], name: str = "profile.yaml"):
    answers_file = tmp_path / f"answers-{name}.json"
    answers_file.write_text(json.dumps(answers), encoding="utf-8")
    target = tmp_path / name
    code, _, err = run("init", "-o", str(target), "--answers", str(answers_file))
    return code, err, target


def test_init_answers_writes_a_profile_that_validates_and_generates_nl(tmp_path: Path) -> None:
    code, err, target = _init(tmp_path, NL_ANSWERS)
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Procurement profile written by 'mvi-rules init'")
    assert "# Optional extension periods, in years each\n  extension_years: [1, 1]" in text
    profile = load_profile(target)
    assert profile.buyer.name == "Gemeente Testdorp"
    assert [lot.product_group.value for lot in profile.lots] == ["werkplek", "smartphone"]
    assert profile.procurement.award.price_weight_percent == 60
    assert run("validate", str(target))[0] == 0
    annex = tmp_path / "annex.docx"
    code, _, err = run("generate", str(target), "-o", str(annex))
    assert code == 0 and "for 2 lot(s)" in err


def test_init_answers_writes_a_belgian_profile_that_generates(tmp_path: Path) -> None:
    code, err, target = _init(tmp_path, BE_ANSWERS)
    assert code == 0, err
    profile = load_profile(target)
    assert profile.buyer.jurisdiction.value == "BE"
    assert profile.procurement.award.method.value == "lowest_cost"
    code, _, err = run("generate", str(target), "-o", str(tmp_path / "annex.docx"))
    assert code == 0, err


def test_every_question_has_a_default(tmp_path: Path) -> None:
    code, err, target = _init(tmp_path, {})
    assert code == 0, err
    assert load_profile(target).buyer.authority_type.value == "municipality"


def test_interactive_typo_gets_did_you_mean_and_is_asked_again(tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    # jurisdiction, name, then a mistyped authority type followed by the right one.
    answers = ["NL", "Gemeente Typo", "municipalty", "municipality"] + [""] * 40
    code, out, err = run("init", "-o", str(target), stdin="\n".join(answers) + "\n")
    assert code == 0, err + out
    assert "did you mean 'municipality'?" in out
    assert "Decides the EU threshold" in out
    assert load_profile(target).buyer.name == "Gemeente Typo"


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "profile.yaml"
    target.write_text("mine\n", encoding="utf-8")
    code, _, err = run("init", "-o", str(target), stdin="\n" * 40)
    assert code == 1 and "already exists" in err
    assert target.read_text(encoding="utf-8") == "mine\n"
    answers = tmp_path / "a.json"
    answers.write_text("{}", encoding="utf-8")
    assert run("init", "-o", str(target), "--answers", str(answers), "--force")[0] == 0
    assert load_profile(target).lots


def test_a_wrong_answer_in_a_file_names_the_key_and_writes_nothing(tmp_path: Path) -> None:
    code, err, target = _init(tmp_path, {"lot1.product_group": "laptops"})
    assert code == 1
    assert "answer 'lot1.product_group'" in err and "did you mean 'laptop'?" in err
    assert not target.exists()


def test_an_unknown_key_gets_did_you_mean_and_writes_nothing(tmp_path: Path) -> None:
    code, err, target = _init(tmp_path, {"buyer.nmae": "X"})
    assert code == 1 and "'buyer.nmae'; did you mean 'buyer.name'?" in err
    assert not target.exists()


def test_answers_that_make_an_invalid_profile_write_nothing(tmp_path: Path) -> None:
    code, err, target = _init(
        tmp_path, {"procurement.estimated_value_includes": "options, options"}
    )
    assert code == 1 and "nothing written" in err and "listed once" in err
    assert not target.exists()


def test_profile_yaml_loads_back_to_the_same_profile(tmp_path: Path) -> None:
    paths = sorted(EXAMPLES.glob("*.yaml")) + sorted((REPO / "tests/profiles").glob("*.yaml"))
    for path in paths:
        profile = load_profile(path)
        target = tmp_path / path.name
        target.write_text(profile_yaml(profile), encoding="utf-8")
        assert load_profile(target).model_dump() == profile.model_dump(), path.name


@settings(max_examples=60, deadline=None)
@given(
    name=st.text(
        st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=40
    ).filter(lambda s: s.strip()),
    target=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
)
def test_profile_yaml_keeps_any_text(name: str, target: str) -> None:
    raw = load_profile(EXAMPLES / "gemeente-laptops.yaml").model_dump(mode="json")
    raw["buyer"]["name"] = name
    raw["commitments"]["csr_targets"] = [target]
    changed = parse_profile(raw)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.yaml"
        path.write_text(profile_yaml(changed), encoding="utf-8")
        assert load_profile(path).model_dump() == changed.model_dump()


def test_the_written_profile_explains_its_fields(tmp_path: Path) -> None:
    code, err, target = _init(tmp_path, NL_ANSWERS)
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    assert "  # Kind of contracting authority; decides the EU threshold" in text
    assert "# What the lot buys; decides the criteria. One of: laptop, desktop," in text
    assert text.count("One of: laptop") == 1  # the first lot only


def test_init_asks_for_the_lots_use(tmp_path: Path) -> None:
    answers = {**BE_ANSWERS, "lot1.use": "field"}
    code, err, target = _init(tmp_path, answers)
    assert code == 0, err
    assert load_profile(target).lots[0].use is not None
    assert load_profile(target).lots[0].use.value == "field"
    code, err, target = _init(tmp_path, {**BE_ANSWERS, "lot1.use": "kantor"}, "typo.yaml")
    assert code != 0 and "'kantor' is not one of: office, education, field, shared" in err


def test_the_interview_asks_for_the_criteria_set(tmp_path: Path) -> None:
    code, err, target = _init(tmp_path, {**NL_ANSWERS, "procurement.criteria_set": "comprehensive"})
    assert code == 0, err
    assert load_profile(target).procurement.criteria_set.value == "comprehensive"
    code, err, target = _init(tmp_path, NL_ANSWERS, "default.yaml")
    assert code == 0, err
    assert load_profile(target).procurement.criteria_set.value == "core"
