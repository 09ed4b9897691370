"""An evaluation explains criteria left out, and every decision, only when that is read.

Whatever a caller does with a result (read a field, serialise it, compare, copy or pickle it,
from one thread or many), it sees the same complete result as one validated from its JSON.
"""

from __future__ import annotations

import copy
import pickle
import threading

import pytest
from pydantic import TypeAdapter

from mvi_rules import Catalogue, EvaluationResult, evaluate, load_catalogue, load_profile
from mvi_rules.selection.result import LotDecision, SelectedCriterion
from mvi_rules.selection.traces import LotTraces

from .conftest import EXAMPLES

PROFILE = EXAMPLES / "hogeschool-infra.yaml"


@pytest.fixture
def fresh(catalogue: Catalogue) -> EvaluationResult:
    """A result nothing has read yet."""
    return evaluate(load_profile(PROFILE), catalogue, backend="plain")


@pytest.fixture
def complete(catalogue: Catalogue) -> EvaluationResult:
    """The same result, serialised once: every field made."""
    made = evaluate(load_profile(PROFILE), catalogue, backend="plain")
    made.to_json()
    return made


def test_a_result_explains_nothing_until_asked(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    explained: list[object] = []
    explain = LotTraces._explain

    def counted(self: LotTraces) -> object:
        explained.append(self)
        return explain(self)

    monkeypatch.setattr(LotTraces, "_explain", counted)
    result = evaluate(load_profile(PROFILE), catalogue, backend="plain")
    assert result.selected_ids() and result.notices
    assert explained == []
    assert result.not_selected
    # One pass per lot explains every criterion for that lot.
    assert len(explained) == len(result.profile.lots)


def test_a_fresh_result_serialises_as_a_complete_one(
    fresh: EvaluationResult, complete: EvaluationResult
) -> None:
    text = fresh.to_json()
    assert text == complete.to_json()
    assert EvaluationResult.model_validate_json(text).to_json() == text
    # Key order too: the JSON is the same, byte for byte.
    assert list(fresh.model_dump()) == list(EvaluationResult.model_fields)


def test_a_decision_alone_serialises_with_its_reason_in_field_order(
    fresh: EvaluationResult, complete: EvaluationResult
) -> None:
    decision = fresh.selected[0].decisions[0]
    dumped = decision.model_dump()
    assert list(dumped) == list(LotDecision.model_fields)
    assert dumped == complete.selected[0].decisions[0].model_dump()
    assert dumped["reason"]["text"]
    # Inside any pydantic schema too, e.g. a system's own response model.
    adapter = TypeAdapter(list[SelectedCriterion])
    fresh_again = evaluate(load_profile(PROFILE), load_catalogue(), backend="plain")
    assert adapter.dump_json(fresh_again.selected) == adapter.dump_json(complete.selected)


def test_fields_read_one_at_a_time_give_the_complete_result(
    fresh: EvaluationResult, complete: EvaluationResult
) -> None:
    assert fresh.left_out == complete.left_out
    assert fresh.outcome("MVI-LAB-001") == complete.outcome("MVI-LAB-001")
    assert [d.reason for d in fresh.selected[0].decisions] == [
        d.reason for d in complete.selected[0].decisions
    ]
    assert fresh == complete


def test_fresh_results_compare_copy_and_pickle_as_complete_ones(
    catalogue: Catalogue, complete: EvaluationResult
) -> None:
    def made() -> EvaluationResult:
        return evaluate(load_profile(PROFILE), catalogue, backend="plain")

    assert made() == made() == complete
    assert pickle.loads(pickle.dumps(made())) == complete
    assert copy.deepcopy(made()) == complete
    assert made().model_copy() == complete
    assert "not_selected=[CriterionOutcome(" in repr(made())


def test_threads_reading_one_fresh_result_see_the_same_explanations(
    fresh: EvaluationResult, complete: EvaluationResult
) -> None:
    start = threading.Barrier(8)
    seen: list[str] = []

    def read(i: int) -> None:
        start.wait()
        # Half read one field first, half another: fills of different fields race.
        _ = fresh.not_selected[0].decisions[0].reason if i % 2 else fresh.left_out
        seen.append(fresh.to_json())

    threads = [threading.Thread(target=read, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [complete.to_json()] * 8
