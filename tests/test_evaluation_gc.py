"""An evaluation pauses the cyclic garbage collector and always leaves it as it found it."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest

from mvi_rules import evaluate, load_catalogue, load_profile
from mvi_rules.errors import ProfileError
from mvi_rules.selection.gc_pause import collector_paused

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "gemeente-laptops.yaml"


def test_the_collector_is_enabled_again_after_an_evaluation_and_after_a_failure() -> None:
    catalogue, profile = load_catalogue(), load_profile(EXAMPLE)
    assert gc.isenabled()
    evaluate(profile, catalogue, backend="plain")
    assert gc.isenabled()
    bad = profile.model_copy(update={"parameters": {"MVI-XXX-999": {"nothing": 1}}}, deep=True)
    with pytest.raises(ProfileError):
        evaluate(bad, catalogue, backend="plain")
    assert gc.isenabled()


def test_a_collector_the_application_disabled_stays_disabled() -> None:
    gc.disable()
    try:
        evaluate(load_profile(EXAMPLE), load_catalogue(), backend="plain")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_evaluations_in_threads_enable_it_once_the_last_one_ends() -> None:
    inside, release = threading.Event(), threading.Event()

    def long_evaluation() -> None:
        with collector_paused():
            inside.set()
            release.wait(10)

    worker = threading.Thread(target=long_evaluation)
    worker.start()
    inside.wait(10)
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other evaluation still runs
    release.set()
    worker.join(10)
    assert gc.isenabled()
