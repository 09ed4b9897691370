"""Many profiles at once: the same results as one by one, in order, errors as evaluate gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from mvi_rules import Catalogue, ProfileError, evaluate, evaluate_many, load_profile, parse_profile

from .conftest import EXAMPLES

PROFILES = sorted(EXAMPLES.glob("*.yaml")) + sorted(
    (Path(__file__).parent / "profiles").glob("*.yaml")
)


def _same(a: object, b: object) -> bool:
    return a.model_dump() == b.model_dump()  # type: ignore[attr-defined]


def test_a_pool_gives_the_results_of_one_by_one_in_order(catalogue: Catalogue) -> None:
    profiles = [load_profile(p) for p in PROFILES[:4]]
    pooled = evaluate_many(profiles, catalogue, backend="plain", workers=2)
    single = [evaluate(p, catalogue, backend="plain") for p in profiles]
    assert [r.profile.procurement.title for r in pooled] == [p.procurement.title for p in profiles]
    assert all(_same(a, b) for a, b in zip(pooled, single, strict=True))


def test_few_profiles_start_no_pool(catalogue: Catalogue) -> None:
    profiles = [load_profile(p) for p in PROFILES[:3]]
    results = evaluate_many(profiles, catalogue, backend="plain")
    assert len(results) == 3


def test_an_error_in_one_profile_is_raised(catalogue: Catalogue) -> None:
    good = load_profile(PROFILES[0])
    bad = parse_profile(
        {
            **good.model_dump(mode="json", exclude_none=True),
            "parameters": {"MVI-LIF-005": {"warranty_years": 99}},
        }
    )
    with pytest.raises(ProfileError):
        evaluate_many([good, bad], catalogue, backend="plain", workers=2)
