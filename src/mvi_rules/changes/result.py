"""The result of checking a proposed change: one verdict per drawer, and a recommendation.

Two layers. The *assessment* (:class:`Assessment`) is language-neutral: verdicts, figures and
findings as codes with parameters (:class:`~mvi_rules.changes.message.Msg`), which is what the
checks produce. The *check* (:class:`ChangeCheck`) is that assessment rendered in one language
(:func:`mvi_rules.changes.render.report.render_check`): the same data plus the sentences a
reader reads, with the assessment kept inside it, so systems read codes and people read text.
"""

from __future__ import annotations

import json
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, ClassVar, Generic, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    SerializerFunctionWrapHandler,
    model_serializer,
)

from .ledger import Contract, Ground, ProposedChange, RecordedChange, Regime
from .message import Msg
from .texts import Lang, cents

#: Money in a result: exact in Python, two decimals as a string in JSON.
MoneyOut = Annotated[Decimal, PlainSerializer(cents, return_type=str, when_used="json")]
#: A fraction (0.10 for 10 %), exact, as a string in JSON.
RateOut = Annotated[Decimal, PlainSerializer(str, return_type=str, when_used="json")]

_Frozen = ConfigDict(frozen=True, extra="forbid")


class Verdict(str, Enum):
    """How a proposed change relates to one drawer."""

    #: The numbers pass; only routine conditions (e.g. general nature unchanged) to confirm.
    FITS = "fits"
    #: The numbers pass; the change fits only if the buyer confirms the listed conditions.
    CONDITIONAL = "conditional"
    #: No numeric test exists; a legal adviser must answer the listed questions.
    LEGAL_REVIEW = "legal_review"
    #: The drawer is not meant for this kind of change (e.g. 2.163f without a new contractor).
    NOT_APPLICABLE = "not_applicable"
    #: The numbers (or a hard precondition) rule the drawer out.
    DOES_NOT_FIT = "does_not_fit"
    #: A figure needed for the test is unknown (e.g. no EU threshold for the date).
    UNDETERMINED = "undetermined"

    def __str__(self) -> str:
        return self.value

    @property
    def numeric_pass(self) -> bool:
        """Whether the arithmetic allows the drawer."""
        return self in (Verdict.FITS, Verdict.CONDITIONAL)


# --- one shape, twice: in codes (the assessment) and in words (the check) -------------------
#
# Each pair below has one generic base: ``_TextT`` is a ``Msg`` (code and parameters) in the
# assessment and a ``str`` once worded. The worded models add what a reader needs beside the
# codes (labels, names, titles); ``_KEYS`` keeps those beside the codes they word in the JSON.

_TextT = TypeVar("_TextT")
_NoticeT = TypeVar("_NoticeT")


class _InReadingOrder(BaseModel):
    """A model whose JSON names its fields in reading order, not in declaration order.

    A generic base declares the shared fields first; a subclass's own fields would follow them
    all. ``_KEYS`` names the order the JSON (and ``model_dump``) gives; fields it leaves out
    follow in declaration order.
    """

    _KEYS: ClassVar[tuple[str, ...]] = ()

    @model_serializer(mode="wrap")
    def _in_reading_order(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        ordered = {key: data[key] for key in self._KEYS if key in data}
        ordered.update(data)
        return ordered


class _NoticeOf(BaseModel, Generic[_TextT]):
    model_config = _Frozen

    required: bool = Field(description="Whether the law requires a notice for this drawer")
    eforms_notice_subtype: int
    bt200_code: str = Field(description="eForms BT-200, reason for the modification")
    bt202_description: str | None = Field(
        default=None,
        description="eForms BT-202, description of the modification: the proposed change's"
        " description from the ledger (None when the ledger gives none)",
    )
    text: _TextT


class NoticeFinding(_NoticeOf[Msg]):
    """The modification notice that goes with a drawer (eForms), as codes."""


class Notice(_NoticeOf[str]):
    """The modification notice that goes with a drawer (eForms)."""


class _DrawerOf(BaseModel, Generic[_TextT, _NoticeT]):
    model_config = _Frozen

    ground: Ground
    order: int = Field(description="Position in the practitioner's testing order, from 1")
    verdict: Verdict
    reason: _TextT
    arithmetic: list[_TextT] = Field(default_factory=list)
    conditions: list[_TextT] = Field(
        default_factory=list, description="What the buyer must confirm for the drawer to hold"
    )
    questions: list[_TextT] = Field(
        default_factory=list, description="What a legal adviser must answer"
    )
    notice: _NoticeT | None = None
    figures: dict[str, MoneyOut] = Field(default_factory=dict)
    rates: dict[str, RateOut] = Field(default_factory=dict)
    notes: list[_TextT] = Field(default_factory=list)


class DrawerFinding(_DrawerOf[Msg, NoticeFinding]):
    """What one drawer's check found: the verdict, the figures and the findings as codes."""


class DrawerResult(_InReadingOrder, _DrawerOf[str, Notice]):
    """The verdict of one drawer, with the arithmetic and what must still be confirmed."""

    _KEYS = ("ground", "order", "label", "name", "title", "references", "verdict", "verdict_text")

    label: str = Field(description="Short name, e.g. '2.163b' or 'AUR de-minimis'")
    name: str = Field(description="The ground in words, e.g. 'de-minimiswijziging'")
    title: str
    references: list[str]
    verdict_text: str


class _AdviceOf(BaseModel, Generic[_TextT]):
    model_config = _Frozen

    ground: Ground | None = Field(description="The recommended drawer; None if none fits")
    verdict: Verdict | None
    alternatives: list[Ground] = Field(
        default_factory=list, description="Other drawers that fit, largest first"
    )
    for_legal_review: list[Ground] = Field(default_factory=list)
    text: _TextT


class Advice(_AdviceOf[list[Msg]]):
    """Which drawer to use, as codes: the largest that fits, with the fallbacks."""

    text: list[Msg] = Field(description="The advice, sentence by sentence")


class Recommendation(_InReadingOrder, _AdviceOf[str]):
    """Which drawer to use: the largest one that fits, with the fallbacks."""

    _KEYS = ("ground", "label")

    label: str | None


_DrawerT = TypeVar("_DrawerT", bound=_DrawerOf[Any, Any])


class _FindingsOf(_InReadingOrder, Generic[_DrawerT, _TextT]):
    model_config = _Frozen

    _KEYS = (
        "lang",
        "source",
        "contract",
        "proposed_change",
        "history",
        "base_value_eur",
        "base_is_indexed",
        "regime",
        "regime_basis",
        "regime_text",
        "by_analogy",
        "drawers",
        "advice",
        "recommendation",
        "notes",
    )

    source: str = Field(description="The ledger file (or '<ledger>' for an in-memory ledger)")
    contract: Contract
    proposed_change: ProposedChange
    history: list[RecordedChange] = Field(description="The changes already made")
    base_value_eur: MoneyOut = Field(description="The value percentages are taken of")
    base_is_indexed: bool
    regime: Regime
    by_analogy: bool = Field(
        description="True when the contract is below the EU threshold and the tests are "
        "applied by analogy"
    )
    drawers: list[_DrawerT]
    notes: list[_TextT]

    def drawer(self, ground: Ground) -> _DrawerT:
        """What was found for one drawer."""
        return next(d for d in self.drawers if d.ground is ground)


class Assessment(_FindingsOf[DrawerFinding, Msg]):
    """Everything the change checker found for one proposed change, in no language."""

    regime_basis: Msg = Field(description="How the regime was found (stated or derived)")
    advice: Advice


#: What the JSON of a check gives once, at the top, and not again inside its assessment.
_STATED_ABOVE = {"assessment": {"source", "contract", "proposed_change", "history"}}


class ChangeCheck(_FindingsOf[DrawerResult, str]):
    """Everything the change checker found for one proposed change, worded in ``lang``.

    ``assessment`` holds the same findings as codes and parameters (no language), for
    systems; the other fields are what a reader reads.
    """

    lang: Lang
    regime_text: str
    recommendation: Recommendation
    heading_text: str = Field(description="A one-line title for the check")
    assessment: Assessment = Field(description="The same findings as codes, in no language")

    @property
    def earlier_changes(self) -> int:
        """How many changes the ledger records already."""
        return len(self.history)

    def to_json(self) -> str:
        """The result as indented JSON (money as strings with two decimals).

        The texts are in ``lang``; ``assessment`` holds the same findings as codes and
        parameters (without restating the contract and the history given above it).
        """
        data = self.model_dump(mode="json", exclude=_STATED_ABOVE)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def heading(self) -> str:
        """A one-line title for the check."""
        return self.heading_text
