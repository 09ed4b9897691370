"""A catalogue loaded twice in one process is read once; an edited file is always read again."""

from __future__ import annotations

from pathlib import Path

import pytest

from mvi_rules import load_catalogue
from mvi_rules.catalogue import cache
from mvi_rules.errors import CatalogueError

from .conftest import make_rulesets
from .test_catalogue_loader import CRITERION


@pytest.fixture
def rulesets(tmp_path: Path) -> Path:
    return make_rulesets(tmp_path, CRITERION, "Tekst met {{ p.years }} jaar.")


def test_a_second_load_is_the_same_catalogue(rulesets: Path) -> None:
    first = load_catalogue(rulesets, rulesets.parent / "templates")
    assert load_catalogue(rulesets, rulesets.parent / "templates") is first


def test_an_edited_ruleset_is_read_again(rulesets: Path) -> None:
    templates = rulesets.parent / "templates"
    first = load_catalogue(rulesets, templates)
    topic = rulesets / "test.yaml"
    topic.write_text(topic.read_text(encoding="utf-8").replace("version: 1", "version: 2"))
    second = load_catalogue(rulesets, templates)
    assert second is not first
    assert second.entries[0].criterion.version == 2


def test_an_edited_template_is_read_again(rulesets: Path) -> None:
    templates = rulesets.parent / "templates"
    first = load_catalogue(rulesets, templates)
    (templates / "nl" / "test" / "clause.j2").write_text("Andere tekst.", encoding="utf-8")
    assert load_catalogue(rulesets, templates) is not first


def test_a_broken_catalogue_is_never_cached(rulesets: Path) -> None:
    templates = rulesets.parent / "templates"
    topic = rulesets / "test.yaml"
    good = topic.read_text(encoding="utf-8")
    topic.write_text(good.replace("version: 1", "version: zero"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(CatalogueError, match="version"):
            load_catalogue(rulesets, templates)


def test_the_cache_keeps_a_few_catalogues_only(tmp_path: Path) -> None:
    cache.clear()
    loaded = []
    for n in range(cache.MAX_CACHED + 2):
        root = tmp_path / str(n)
        root.mkdir()
        rules = make_rulesets(root, CRITERION, f"Tekst {n} met {{{{ p.years }}}} jaar.")
        loaded.append(load_catalogue(rules, root / "templates"))
    assert len(cache._cache) == cache.MAX_CACHED
    first_rules = tmp_path / "0" / "rulesets"
    assert load_catalogue(first_rules, tmp_path / "0" / "templates") is not loaded[0]


def test_renderers_share_compiled_templates_until_a_file_changes(rulesets: Path) -> None:
    from mvi_rules.rendering.templates import ClauseRenderer

    templates = rulesets.parent / "templates"
    first, second = ClauseRenderer(templates, "nl"), ClauseRenderer(templates, "nl")
    assert first._env is second._env
    (templates / "nl" / "test" / "clause.j2").write_text("Nieuwe tekst, langer.", encoding="utf-8")
    assert ClauseRenderer(templates, "nl")._env is not first._env


def test_an_edited_figures_file_is_read_again(rulesets: Path) -> None:
    templates = rulesets.parent / "templates"
    shipped = load_catalogue()
    assert shipped.figures is not None
    (rulesets / "figures").mkdir(exist_ok=True)
    figures = rulesets / "figures" / "device_years.yaml"
    figures.write_bytes((shipped.rulesets_dir / "figures" / "device_years.yaml").read_bytes())
    first = load_catalogue(rulesets, templates)
    assert first.figures is not None
    share = first.figures.production_shares[0].percent
    text = figures.read_text(encoding="utf-8")
    figures.write_text(text.replace(f"percent: {share:g}", "percent: 55", 1), encoding="utf-8")
    second = load_catalogue(rulesets, templates)
    assert second is not first
    assert second.figures is not None
    assert second.figures.production_shares[0].percent == 55
