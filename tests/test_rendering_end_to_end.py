"""The shipped catalogue and example profiles, all the way to a Word annex."""

from __future__ import annotations

from pathlib import Path

import pytest

from mvi_rules import Catalogue, evaluate, load_profile, parse_profile
from mvi_rules.errors import TemplateError
from mvi_rules.rendering import ClauseRenderer, render_docx, write_docx
from mvi_rules.selection.result import (
    CriterionValue,
    EvaluationResult,
    Proof,
    ResolvedParameter,
    SelectedCriterion,
)

from .conftest import EXAMPLES, comprehensive
from .test_rendering_fixtures import all_text, headings, open_docx, profile_data

PROFILES = sorted(EXAMPLES.glob("*.yaml"))


def _evaluate(path: Path, catalogue: Catalogue) -> EvaluationResult:
    # The backend does not matter for rendering; plain needs no optional dependency.
    return evaluate(load_profile(path), catalogue, backend="plain")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_example_profiles_render(path: Path, lang: str, catalogue: Catalogue) -> None:
    result = _evaluate(path, catalogue)
    data = render_docx(result, catalogue, lang=lang)
    document = open_docx(data)
    clause_headings = [h.split(" ", 1)[0] for h in headings(document, 2) if h.startswith("MVI-")]
    assert clause_headings == [
        c.id
        for kind in ("selection", "minimum_requirement", "award", "contract_clause", "option")
        for c in result.selected
        if c.type.value == kind
    ]
    text = all_text(data)
    assert "{{" not in text and "{%" not in text
    assert "None" not in text
    law = (
        "Wet van 17 juni 2016"
        if result.profile.buyer.jurisdiction.value == "BE"
        else ("Aanbestedingswet 2012")
    )
    assert law in text
    assert render_docx(result, catalogue, lang=lang) == data


def test_belgian_example_legal_basis_is_belgian(catalogue: Catalogue) -> None:
    result = _evaluate(EXAMPLES / "school-refurbished.yaml", catalogue)
    document = open_docx(render_docx(result, catalogue))
    trace = document.tables[-1]
    legal = [row.cells[-1].text for row in trace.rows[1:]]
    assert legal and all("Aanbestedingswet" not in text for text in legal)


def test_every_shipped_template_renders_with_catalogue_defaults(catalogue: Catalogue) -> None:
    """A ruleset author's template must work with the criterion's own parameters."""
    groups = ["laptop", "desktop", "monitor", "tablet", "smartphone", "server"]
    data = profile_data(
        lots=[
            {"id": str(i), "name": g, "product_group": g, "quantity": 10}
            for i, g in enumerate(groups, 1)
        ]
    )
    profile = parse_profile(data)
    for lang in ("nl", "en"):
        renderer = ClauseRenderer(catalogue.templates_dir, lang)
        for entry in catalogue:
            c = entry.criterion
            criterion = SelectedCriterion(
                id=c.id,
                version=c.version,
                topic=entry.topic,
                title=c.title,
                type=c.type,
                level=c.level,
                themes=list(c.themes),
                lots=[lot.id for lot in profile.lots],
                decisions=[],
                parameters=[
                    ResolvedParameter(
                        name=name,
                        value=spec.default,
                        unit=spec.unit,
                        origin="catalogue",
                        confidence=spec.confidence,
                        description=spec.description,
                    )
                    for name, spec in c.parameters.items()
                ],
                proof=Proof(),
                value=CriterionValue(kind=str(c.value_share.kind), percent=10, max_eur=1000.0)
                if c.value_share
                else None,
                legal_basis=c.legal_basis[profile.buyer.jurisdiction],
                sources=list(c.sources),
                template=c.template,
                scoring=list(c.scoring),
            )
            assert renderer.render(criterion, profile).strip(), (lang, c.id)


def test_result_from_another_catalogue_is_refused(catalogue: Catalogue, tmp_path: Path) -> None:
    result = _evaluate(PROFILES[0], catalogue)
    stale = result.model_copy(update={"catalogue_fingerprint": "ffffffffffffffff"})
    with pytest.raises(TemplateError, match="evaluate again"):
        write_docx(stale, catalogue, tmp_path / "annex.docx")
    assert not (tmp_path / "annex.docx").exists()


def test_every_unit_in_the_catalogue_is_written_in_both_languages(catalogue: Catalogue) -> None:
    from mvi_rules.rendering.formatting import known_unit

    units = {p.unit for e in catalogue for p in e.criterion.parameters.values() if p.unit}
    assert sorted(u for u in units if not known_unit(u)) == []


def test_each_lot_gets_its_own_weighting_table(catalogue: Catalogue) -> None:
    # The comprehensive set, for the price criterion cost per page (not in the core set).
    result = evaluate(comprehensive(EXAMPLES / "hogeschool-infra.yaml"), catalogue, backend="plain")
    document = open_docx(render_docx(result, catalogue))
    assert "Perceel 1 (Servers en opslag)" in headings(document, 3)
    assert "Perceel 3 (Multifunctionals)" in headings(document, 3)
    weighting = [t for t in document.tables if t.rows[0].cells[1].text == "Gewicht"]
    assert len(weighting) == len(
        {lot for c in result.selected if c.type.value == "award" for lot in c.lots}
    )
    printers = weighting[2]  # lot 3: printers; its price criterion is cost per page
    names = [row.cells[0].text for row in printers.rows[1:-1]]
    assert names[0].startswith("Prijs: MVI-PRN-016")
    assert not any("MVI-NET-006" in name for name in names)
    for table in weighting:
        assert table.rows[-1].cells[1].text == "100 %"
