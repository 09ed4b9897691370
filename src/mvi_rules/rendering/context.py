"""What a clause template can see: the criterion's parameters and read-only views of the profile.

Templates get small frozen views rather than the pydantic models, so the sandbox exposes only
plain data (no ``model_dump``/``model_copy``), and enum values arrive both as codes (for
``{% if %}`` tests) and in words (for the reader).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from ..catalogue.model import CriterionType, ParamValue, ScoringStep
from ..catalogue.scales import PLACEHOLDER
from ..profile.model import ProcurementProfile, ProductGroup
from ..selection.result import SelectedCriterion
from .formatting import format_plain, label_requirement
from .wording import Wording


class Params(dict[str, ParamValue]):
    """The criterion's parameters by name (``p`` in a template)."""

    var_name: ClassVar[str] = "p"


@dataclass(frozen=True)
class BuyerView:
    """``buyer`` in a template."""

    var_name: ClassVar[str] = "buyer"
    name: str
    #: The defined term a clause uses for the buyer ("de aanbestedende dienst"; in contract
    #: clauses and options "de opdrachtgever"), defined once under the document's title.
    term: str
    authority_type: str
    authority_type_text: str
    jurisdiction: str


@dataclass(frozen=True)
class ProcurementView:
    """``procurement`` in a template."""

    var_name: ClassVar[str] = "procurement"
    title: str
    reference_date: date
    estimated_value_eur: float
    contract_term_years: int
    extension_years: tuple[int, ...]
    maximum_term_years: int
    price_indexation: bool
    procedure: str | None
    procedure_text: str | None


@dataclass(frozen=True)
class LotView:
    """One entry of ``lots`` in a template (only the lots the criterion applies to)."""

    var_name: ClassVar[str] = "lot"
    id: str
    name: str
    product_group: str
    product_group_text: str
    #: The groups the clause addresses: a werkplek bundle's components when it names them
    #: (so a laptop-and-monitor bundle gets no smartphone text), else the product group.
    device_groups: list[str]
    quantity: int
    refurbished: str
    holds_data: bool


@dataclass(frozen=True)
class ValueView:
    """``value`` in a template: what an option or incentive cap may add, in euro."""

    var_name: ClassVar[str] = "value"
    kind: str
    percent: float
    max_eur: float
    whole_contract: bool


@dataclass(frozen=True)
class CriterionView:
    """``criterion`` in a template."""

    var_name: ClassVar[str] = "criterion"
    id: str
    version: int
    title: str
    type: str
    level: int


@dataclass(frozen=True)
class ScaleBand:
    """One entry of ``scale`` in a template: a band of the award scale as the clause states it.

    ``points`` is the band's share of X (``0``, ``0.25``, ``1``); the shared scale template
    (``_shared/scale.j2``) writes it as "0 punten", "0,25 X" or "X".
    """

    var_name: ClassVar[str] = "band"
    text: str
    points: float


def scale_bands(
    scoring: list[ScoringStep], params: dict[str, ParamValue], term: str, lang: str
) -> list[ScaleBand]:
    """The bands of a scale whose rows give their clause wording, placeholders filled in
    (numbers as a bare ``{{ value }}`` writes them); empty when the rows give none."""
    if any(step.clause is None for step in scoring):
        return []

    def band(index: int, step: ScoringStep) -> ScaleBand:
        following = scoring[index + 1] if index + 1 < len(scoring) else None

        def fill(match: re.Match[str]) -> str:
            name = match.group(1)
            # The catalogue checked that each placeholder has its value (catalogue.scales).
            if name == "buyer.term":
                return term
            value: ParamValue | None
            if name == "at":
                value = step.at
            elif name == "next":
                value = following.at if following is not None else None
            else:
                value = params[name.removeprefix("p.")]
            return str(format_plain(value, lang))

        assert step.clause is not None  # checked above
        return ScaleBand(text=PLACEHOLDER.sub(fill, step.clause.get(lang)), points=step.points)

    return [band(i, step) for i, step in enumerate(scoring)]


def buyer_term(words: Wording, kind: CriterionType) -> str:
    """The defined term for the buyer in a clause of type ``kind``: the party to the contract
    in contract clauses and options, the contracting authority elsewhere."""
    contract = kind in (CriterionType.CONTRACT_CLAUSE, CriterionType.OPTION)
    return words("term_client" if contract else "term_authority")


def template_context(
    criterion: SelectedCriterion, profile: ProcurementProfile, lang: str
) -> dict[str, Any]:
    """The variables a clause template is rendered with.

    ``p`` (parameter name → value), ``buyer``, ``procurement``, ``lots`` (only the lots the
    criterion was selected for, in profile order), ``jurisdiction`` (``"NL"``/``"BE"``),
    ``lang``, ``criterion`` (id, version, title in ``lang``, type, level) and ``value`` (for
    a criterion that adds to the contract value: ``kind``, ``percent``, ``max_eur``, the most
    it adds over all its lots, and ``whole_contract``, true when it is valued against the whole
    contract because the lots have no values of their own; ``None`` otherwise) and ``scale``
    (an award criterion's bands as its clause states them, each with ``text`` and ``points``,
    for ``{% include "_shared/scale.j2" %}``; empty when the ruleset gives no clause wording) and
    ``labels`` (the labels the clause accepts, as its means of proof list them: covering the
    lots' products, in the version valid on the reference date, "ten minste" a tier where the
    label has tiers; a clause that lists its labels takes them from here, not from its text).
    """
    words = Wording(lang, profile.buyer.jurisdiction)
    buyer, proc = profile.buyer, profile.procurement
    wanted = set(criterion.lots)
    params = criterion.parameter_values()
    term = buyer_term(words, criterion.type)
    lots = [
        LotView(
            id=lot.id,
            name=lot.name,
            product_group=lot.product_group.value,
            product_group_text=words.product_group(lot.product_group),
            device_groups=[g.value for g in lot.components]
            if lot.product_group is ProductGroup.WERKPLEK and lot.components
            else [lot.product_group.value],
            quantity=lot.quantity,
            refurbished=lot.refurbished.value,
            holds_data=lot.effective_holds_data,
        )
        for lot in profile.lots
        if lot.id in wanted
    ]
    return {
        "p": Params(params),
        "buyer": BuyerView(
            name=buyer.name,
            term=term,
            authority_type=buyer.authority_type.value,
            authority_type_text=words.authority(buyer.authority_type),
            jurisdiction=buyer.jurisdiction.value,
        ),
        "procurement": ProcurementView(
            title=proc.title,
            reference_date=proc.reference_date,
            estimated_value_eur=proc.estimated_value_eur,
            contract_term_years=proc.contract_term_years,
            extension_years=tuple(proc.extension_years),
            maximum_term_years=proc.maximum_term_years,
            price_indexation=proc.price_indexation,
            procedure=proc.procedure.value if proc.procedure else None,
            procedure_text=words.procedure(proc.procedure.value) if proc.procedure else None,
        ),
        "lots": lots,
        "labels": [label_requirement(label, lang) for label in criterion.proof.labels],
        "scale": scale_bands(criterion.scoring, params, term, lang),
        "jurisdiction": buyer.jurisdiction.value,
        "lang": lang,
        "value": (
            ValueView(
                kind=criterion.value.kind,
                percent=criterion.value.percent,
                max_eur=criterion.value.max_eur,
                whole_contract=criterion.value.whole_contract,
            )
            if criterion.value is not None
            else None
        ),
        "criterion": CriterionView(
            id=criterion.id,
            version=criterion.version,
            title=criterion.title.get(lang),
            type=criterion.type.value,
            level=criterion.level,
        ),
    }
