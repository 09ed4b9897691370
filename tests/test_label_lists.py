"""A clause that lists the labels it accepts takes them from the label registry, as its means
of proof do: the two lists cannot disagree, and none is empty."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from mvi_rules import Catalogue, evaluate, load_profile
from mvi_rules.catalogue.model import Criterion
from mvi_rules.rendering import render_clause
from mvi_rules.rendering.formatting import label_requirement
from mvi_rules.selection.proof import resolve_proof

from .conftest import EXAMPLES

LISTING = {
    "label_criteria/label_basic",
    "network/label_basic",
    "servers/label_basic",
    "printing/label_basic",
}


def _listing(catalogue: Catalogue) -> list[Criterion]:
    return [e.criterion for e in catalogue.entries if e.criterion.template in LISTING]


def test_every_listing_criterion_has_a_label_for_each_of_its_product_groups(
    catalogue: Catalogue,
) -> None:
    criteria = _listing(catalogue)
    assert {c.template for c in criteria} == LISTING
    for criterion in criteria:
        for group in criterion.product_groups:
            proof, _ = resolve_proof(criterion, catalogue, {group}, date(2026, 9, 1))
            assert proof.labels, (criterion.id, group.value)


@pytest.mark.parametrize(
    "path", [EXAMPLES / "gemeente-laptops.yaml", EXAMPLES / "hogeschool-infra.yaml"], ids=str
)
def test_the_clause_lists_the_labels_of_its_means_of_proof(
    catalogue: Catalogue, path: Path
) -> None:
    result = evaluate(load_profile(path), catalogue)
    templates = {e.criterion.id: e.criterion.template for e in catalogue.entries}
    checked = 0
    for criterion in result.selected:
        if templates[criterion.id] not in LISTING:
            continue
        for lang in ("nl", "en"):
            text = render_clause(criterion, result.profile, catalogue.templates_dir, lang)
            listed = re.findall(r"^- (.+)[;.]$", text, re.MULTILINE)
            assert listed == [label_requirement(label, lang) for label in criterion.proof.labels]
            checked += 1
    assert checked >= 2
