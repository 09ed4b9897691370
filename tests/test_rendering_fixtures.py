"""Builders for the rendering tests: a small profile, four criteria (one per type), templates.

The result is built directly from the models, so these tests do not depend on the catalogue's
contents or the selection step. No tests live here.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx

from mvi_rules.catalogue.model import Confidence, CriterionType, LocalText, ScoringStep, Source
from mvi_rules.profile import ProcurementProfile, parse_profile
from mvi_rules.selection.award import weighting
from mvi_rules.selection.result import (
    EvaluationResult,
    IsvStatus,
    Notice,
    Proof,
    ProofLabel,
    ResolvedParameter,
    SelectedCriterion,
)
from mvi_rules.selection.value import estimate_value

SPECIAL_NAME = 'Gemeente "A&B" <Test> {{ x }}'
SPECIAL_TITLE = "Laptops {% if x %}&amp; co{% endif %} 'quoted'"

TEMPLATES: dict[str, str] = {
    "nl/test/selection.j2": (
        "De inschrijver beschikt over een milieumanagementsysteem volgens ISO 14001 of"
        " gelijkwaardig\nvoor de uitvoering van {{ procurement.title }}.\n"
    ),
    "en/test/selection.j2": (
        "The tenderer has an environmental management system to ISO 14001 or equivalent\n"
        "for performing {{ procurement.title }}.\n"
    ),
    "nl/test/min_lifetime.j2": (
        "De aangeboden apparaten blijven ten minste {{ p.min_lifetime_years }} jaar na levering"
        " in gebruik.\n\nDit geldt voor:\n{% for lot in lots %}\n"
        "- perceel {{ lot.id }}: {{ lot.quantity | number }} {{ lot.product_group_text }}\n"
        "{% endfor %}\n"
    ),
    "en/test/min_lifetime.j2": (
        "The devices offered stay in use for at least {{ p.min_lifetime_years }} years after"
        " delivery.\n\nThis applies to:\n{% for lot in lots %}\n"
        "- lot {{ lot.id }}: {{ lot.quantity | number }} {{ lot.product_group_text }}\n"
        "{% endfor %}\n"
    ),
    "nl/test/warranty_award.j2": (
        "{{ buyer.name }} waardeert extra garantiejaren (voorgesteld gewicht {{ p.weight }} %).\n"
    ),
    "en/test/warranty_award.j2": (
        "{{ buyer.name }} rewards extra years of warranty (suggested weight {{ p.weight }}%).\n"
    ),
    "nl/test/review.j2": (
        "{{ buyer.name }} beslist binnen {{ p.decision_weeks }} weken over een voorstel.\n"
    ),
    "en/test/review.j2": (
        "{{ buyer.name }} decides on a proposal within {{ p.decision_weeks }} weeks.\n"
    ),
}


def profile_data(**changes: Any) -> dict[str, Any]:
    """A Dutch municipality buying laptops and monitors; ``changes`` replace top-level keys."""
    data: dict[str, Any] = {
        "buyer": {
            "name": "Gemeente Teststad",
            "authority_type": "municipality",
            "jurisdiction": "NL",
        },
        "procurement": {
            "title": "Laptops en beeldschermen 2027",
            "reference_date": "2026-11-23",
            "estimated_value_eur": 1250000,
            "contract_term_years": 4,
            "extension_years": [1, 1],
            "price_indexation": True,
            "procedure": "open",
        },
        "lots": [
            {"id": "1", "name": "Laptops", "product_group": "laptop", "quantity": 1400},
            {"id": "2", "name": "Beeldschermen", "product_group": "monitor", "quantity": 900},
        ],
        "ambition": {"level": 2, "circularity": 3},
        "output_language": "nl",
    }
    data.update(changes)
    return data


def belgian_profile_data() -> dict[str, Any]:
    """The same procurement for a Flemish (non-federal) authority."""
    data = profile_data()
    data["buyer"] = {
        "name": "Stad Teststad",
        "authority_type": "be_non_federal",
        "jurisdiction": "BE",
    }
    return data


def _text(nl: str, en: str) -> LocalText:
    return LocalText(nl=nl, en=en)


def _source(confidence: Confidence = Confidence.CONFIRMED) -> Source:
    return Source(
        key="rws_leernetwerk_ict_2018",
        pinpoint="Levensduur verlengen",
        supports=LocalText(nl="Zes jaar levensduur", en="Six years of lifetime"),
        confidence=confidence,
    )


def criteria(profile: ProcurementProfile) -> list[SelectedCriterion]:
    """One selected criterion of each type, legal basis for the profile's jurisdiction."""
    be = profile.buyer.jurisdiction.value == "BE"
    law = "Wet van 17 juni 2016, art. 53" if be else "Aanbestedingswet 2012, art. 2.75"
    common: dict[str, Any] = {
        "topic": "test",
        "themes": ["circularity"],
        "decisions": [],
        "sources": [_source()],
        "legal_basis": [law],
    }
    return [
        SelectedCriterion(
            id="MVI-SEL-001",
            version=1,
            title=_text("Milieumanagementsysteem", "Environmental management system"),
            type=CriterionType.SELECTION,
            level=2,
            lots=["1", "2"],
            parameters=[],
            proof=Proof(other=_text("ISO 14001-certificaat", "ISO 14001 certificate")),
            template="test/selection",
            **common,
        ),
        SelectedCriterion(
            id="MVI-LIF-001",
            version=2,
            title=_text("Minimale technische levensduur", "Minimum technical lifetime"),
            type=CriterionType.MINIMUM_REQUIREMENT,
            level=1,
            lots=["1"],
            parameters=[
                ResolvedParameter(
                    name="min_lifetime_years",
                    value=6,
                    unit="years",
                    origin="catalogue",
                    confidence=Confidence.CONFIRMED,
                    description=_text("Levensduur in jaren", "Lifetime in years"),
                )
            ],
            proof=Proof(
                labels=[
                    ProofLabel(
                        key="tco_certified",
                        name="TCO Certified",
                        version=LocalText(nl="generatie 10", en="generation 10"),
                    ),
                    ProofLabel(key="epeat", name="EPEAT", level="silver"),
                ],
                other=_text("Verklaring van de fabrikant", "Manufacturer's declaration"),
            ),
            template="test/min_lifetime",
            **common,
        ),
        SelectedCriterion(
            id="MVI-LIF-006",
            version=1,
            title=_text("Verlengde garantie", "Extended warranty"),
            type=CriterionType.AWARD,
            level=2,
            lots=["1", "2"],
            parameters=[
                ResolvedParameter(
                    name="weight",
                    value=10,
                    unit="percent",
                    origin="catalogue",
                    confidence=Confidence.CONFIRMED,
                    description=_text("Gewicht", "Weight"),
                )
            ],
            proof=Proof(other=_text("Garantievoorwaarden", "Warranty terms")),
            template="test/warranty_award",
            scoring=[
                ScoringStep(points=0, nl="Geen extra jaren", en="No extra years"),
                ScoringStep(points=0.25, nl="1 jaar extra", en="1 extra year"),
                ScoringStep(points=1, nl="4 jaar of meer extra", en="4 or more extra years"),
            ],
            **common,
        ),
        SelectedCriterion(
            id="MVI-LIF-007",
            version=1,
            title=_text("Herzieningsclausule", "Review clause"),
            type=CriterionType.CONTRACT_CLAUSE,
            level=2,
            lots=["2"],
            parameters=[
                ResolvedParameter(
                    name="decision_weeks",
                    value=4,
                    unit="weeks",
                    origin="catalogue",
                    confidence=Confidence.UNCONFIRMED,
                    description=_text(
                        "Weken waarbinnen de opdrachtgever beslist",
                        "Weeks within which the buyer decides",
                    ),
                )
            ],
            proof=Proof(other=_text("Verslag van het gesprek", "Minutes of the meeting")),
            template="test/review",
            **common,
        ),
    ]


def make_result(
    data: dict[str, Any] | None = None,
    selected: list[SelectedCriterion] | None = None,
    notices: list[Notice] | None = None,
) -> EvaluationResult:
    """An evaluation result for ``data`` (default :func:`profile_data`)."""
    profile = parse_profile(data if data is not None else profile_data())
    chosen = criteria(profile) if selected is None else selected
    if notices is None:
        notices = [
            Notice(
                code="parameter-unconfirmed",
                criterion_id="MVI-LIF-007",
                message="MVI-LIF-007: decision_weeks = 4 comes from a source marked unconfirmed",
            )
        ]
    tables, _ = weighting(profile, chosen)
    return EvaluationResult(
        library_version="0.1.0",
        catalogue_version="2026.1.0",
        catalogue_fingerprint="0123456789abcdef",
        backend="plain",
        profile=profile,
        eu_threshold_eur=216000.0,
        value=estimate_value(profile, [], 216000.0),
        isv=IsvStatus(applies=profile.buyer.jurisdiction.value == "NL"),
        weighting=tables,
        selected=chosen,
        not_selected=[],
        notices=notices,
    )


def write_templates(root: Path, extra: dict[str, str] | None = None) -> Path:
    """Write :data:`TEMPLATES` (and ``extra``) under ``root`` and return it."""
    for name, text in {**TEMPLATES, **(extra or {})}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def open_docx(data: bytes) -> Any:
    """The document python-docx reads from ``data``."""
    return docx.Document(io.BytesIO(data))


def body_lines(document: Any) -> list[str]:
    """Every paragraph and table cell paragraph, in document order."""
    lines: list[str] = []
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            for row in item.rows:
                for cell in row.cells:
                    lines.extend(p.text for p in cell.paragraphs)
        else:
            lines.append(item.text)
    return lines


def all_text(data: bytes) -> str:
    """The document's text, paragraphs and tables, one per line, plus footer and properties."""
    document = open_docx(data)
    parts = body_lines(document)
    for section in document.sections:
        parts.extend(p.text for p in section.footer.paragraphs)
    props = document.core_properties
    parts.extend([props.title or "", props.subject or ""])
    return "\n".join(parts)


def headings(document: Any, level: int) -> list[str]:
    """Texts of the paragraphs in style ``Heading <level>``, in order."""
    name = f"Heading {level}"
    return [p.text for p in document.paragraphs if p.style.name == name]
