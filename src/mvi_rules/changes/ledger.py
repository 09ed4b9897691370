"""The contract ledger: one running contract, its options and the changes already made.

A ledger is a YAML (or JSON) file a contract manager keeps next to the contract. Unknown fields
are rejected everywhere (``extra="forbid"``) so that a typo is an error, not a silently ignored
fact. Money is :class:`decimal.Decimal` in euro excluding VAT, with at most two decimals.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    field_validator,
)
from pydantic.json_schema import WithJsonSchema

if TYPE_CHECKING:
    from .law import GroundLaw

from ..profile.model import AuthorityType, Jurisdiction, document_text, single_line
from ..profile.vocabulary import TextEnum
from .texts import cents

_MAX_AMOUNT = Decimal("999999999999999.99")

#: Text that lands in the memo (a Word document): no control characters Word cannot hold.
Text = Annotated[str, AfterValidator(document_text)]
#: A name or title: one line, and short enough for the memo's title property (255 characters
#: with its heading and the reference).
OneLine = Annotated[str, AfterValidator(single_line)]


def _to_money(value: Any) -> Decimal:
    """Accept a YAML number or a plain decimal string; never binary float noise."""
    if isinstance(value, bool):
        raise ValueError("expected an amount in euro, not true/false")
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        # repr() is the shortest text that reads back as the same float, i.e. what was typed
        # (for amounts with at most 15 significant digits), so 1234.56 stays exactly 1234.56.
        amount = Decimal(repr(float(value)))
    elif isinstance(value, str):
        text = value.strip().replace("€", "").replace(" ", "")
        if "," in text:
            raise ValueError(
                "write amounts with a dot for cents and no thousands separators, e.g. 1250000.00"
            )
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"not an amount in euro: {value!r}") from None
    else:
        raise ValueError("expected an amount in euro")
    if not amount.is_finite():
        raise ValueError("expected a finite amount in euro")
    # Beyond this, quantize() below fails (decimal.InvalidOperation) and no contract is this big.
    if abs(amount) > _MAX_AMOUNT:
        raise ValueError("amounts are at most 999999999999999.99 euro")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError("amounts have at most two decimals (whole cents)")
    return amount


#: An amount in euro excluding VAT; exact, at most two decimals.
Money = Annotated[
    Decimal,
    BeforeValidator(_to_money),
    PlainSerializer(cents, return_type=str, when_used="json"),
]


class ContractKind(TextEnum):
    """Kind of contract; decides the de-minimis percentage, the threshold and the 50 % cap.

    It also decides the law that is cited: in the Netherlands chapter 2.5 of the Aw 2012 applies
    to concessions through art. 2a.53 (de-minimis 10 %, also for works) and to utilities through
    art. 3.80d (no 50 % cap, Dir. 2014/25/EU art. 89); the eForms modification notice is subtype
    38, 40 (concessions) or 39 (utilities).
    """

    SUPPLIES = "supplies"
    SERVICES = "services"
    WORKS = "works"
    CONCESSION = "concession"
    UTILITIES = "utilities"  # special sectors (water, energy, transport, postal services)


#: The kinds of contract in Dutch and English, as a report names them.
CONTRACT_KIND_NAMES: dict[ContractKind, tuple[str, str]] = {
    ContractKind.SUPPLIES: ("leveringen", "supplies"),
    ContractKind.SERVICES: ("diensten", "services"),
    ContractKind.WORKS: ("werken", "works"),
    ContractKind.CONCESSION: ("concessie", "concession"),
    ContractKind.UTILITIES: ("speciale sectoren", "utilities"),
}


class UtilitiesSubject(TextEnum):
    """What a utilities contract buys (the threshold and the 10 %/15 % follow it)."""

    SUPPLIES = "supplies"
    SERVICES = "services"
    WORKS = "works"


class Regime(TextEnum):
    """Whether the contract was awarded in a European procedure or below the EU threshold."""

    EUROPEAN = "european"
    BELOW_THRESHOLD = "below_threshold"


class Ground(TextEnum):
    """A drawer of the chest ("ladekast"): a legal ground for changing a running contract.

    The values are jurisdiction-neutral; :meth:`parse` also accepts the Dutch article numbers
    (``2.163b``) and the eForms BT-200 reason codes (``mod-minv``).
    """

    REVIEW_CLAUSE = "review_clause"
    ADDITIONAL = "additional"
    UNFORESEEABLE = "unforeseeable"
    NEW_CONTRACTOR = "new_contractor"
    DE_MINIMIS = "de_minimis"
    NON_SUBSTANTIAL = "non_substantial"

    @property
    def nl_article(self) -> str:
        """The article of the Dutch Aanbestedingswet 2012 (classic sector), e.g. ``2.163b``."""
        return _law_of(self).nl_article

    @property
    def bt200(self) -> str:
        """The eForms BT-200 modification reason code for this ground."""
        return _law_of(self).eforms_bt200

    @classmethod
    def parse(cls, text: str) -> Ground:
        """Read a ground from a neutral name, a Dutch article number or an eForms code."""
        key = str(text).strip().lower()
        for prefix in ("art. ", "art.", "artikel "):
            if key.startswith(prefix):
                key = key[len(prefix) :].strip()
        key = key.removesuffix(" aw 2012").removesuffix(" aw").replace("-", "_")
        for ground in cls:
            if key in (ground.value, ground.nl_article, ground.bt200.replace("-", "_")):
                return ground
        raise ValueError(f"unknown ground {text!r}; use one of: {ground_choices()}")


def _law_of(ground: Ground) -> GroundLaw:
    # The article and the eForms code are law, kept in rulesets/changes/grounds.yaml; the law
    # module reads this one's enums, so it is imported when first needed, not at the top.
    from .law import change_law

    return change_law().ground(ground)


#: The practitioner's testing order: the big drawers 2.163c-f first, then the small de-minimis
#: drawer (its budget runs out), then "non-substantial" last.
PRACTITIONER_ORDER: tuple[Ground, ...] = (
    Ground.REVIEW_CLAUSE,
    Ground.ADDITIONAL,
    Ground.UNFORESEEABLE,
    Ground.NEW_CONTRACTOR,
    Ground.DE_MINIMIS,
    Ground.NON_SUBSTANTIAL,
)


def ground_choices() -> str:
    """The accepted spellings of every ground, for error messages and help texts."""
    return "; ".join(
        f"{g.value} ({g.nl_article}, {g.bt200})" for g in sorted(Ground, key=lambda g: g.nl_article)
    )


def _parse_ground(value: Any) -> Any:
    if isinstance(value, Ground) or not isinstance(value, str):
        return value
    return Ground.parse(value)


def _ground_spellings() -> list[str]:
    return [spelling for g in Ground for spelling in (g.value, g.nl_article, g.bt200)]


#: A ground as a ledger may write it. The JSON Schema (mvi_rules.schema) lists every spelling
#: :meth:`Ground.parse` reads, so an editor completes and accepts ``2.163b`` as well.
GroundField = Annotated[
    Ground,
    BeforeValidator(_parse_ground),
    WithJsonSchema(
        {
            "enum": _ground_spellings(),
            "description": "The legal ground: a neutral name, the Dutch article (Aw 2012) or"
            " the eForms BT-200 code",
        },
        mode="validation",
    ),
]

_Strict = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

_ID_PATTERN = r"^[A-Za-z0-9._-]+$"


def _positive(value: Decimal, what: str) -> Decimal:
    if value <= 0:
        raise ValueError(f"{what} must be a positive amount in euro excl. VAT")
    return value


class Indexation(BaseModel):
    """The contract's indexation clause and the value it has brought the contract to.

    When the contract indexes prices, the indexed value is the base for the percentages
    (Dir. 2014/24/EU art. 72(3)).
    """

    model_config = _Strict

    clause: Text = Field(min_length=1, description="Where and how the contract indexes prices")
    indexed_value_eur: Money = Field(description="The original value after indexation")
    as_of: dt.date | None = Field(default=None, description="Date of the indexed value")

    @field_validator("indexed_value_eur")
    @classmethod
    def _indexed_positive(cls, value: Decimal) -> Decimal:
        return _positive(value, "the indexed value")


class Contract(BaseModel):
    """The contract as awarded."""

    model_config = _Strict

    title: OneLine = Field(min_length=1, max_length=160)
    reference: OneLine | None = Field(default=None, max_length=50)
    contractor: OneLine | None = None
    jurisdiction: Jurisdiction
    authority_type: AuthorityType
    kind: ContractKind
    utilities_subject: UtilitiesSubject | None = Field(
        default=None, description="For kind utilities: supplies, services or works"
    )
    original_value_eur: Money = Field(description="Value at award, euro excl. VAT")
    award_date: dt.date
    regime: Regime | None = Field(
        default=None,
        description="european or below_threshold; derived from value and threshold if absent",
    )
    indexation: Indexation | None = None

    @field_validator("original_value_eur")
    @classmethod
    def _original_positive(cls, value: Decimal) -> Decimal:
        return _positive(value, "the original value")

    @property
    def base_value_eur(self) -> Decimal:
        """The value the percentages are taken of: the indexed value when the contract indexes."""
        return self.indexation.indexed_value_eur if self.indexation else self.original_value_eur


class ContractOption(BaseModel):
    """An option or review clause written into the original contract (art. 2.163c)."""

    model_config = _Strict

    id: str = Field(min_length=1, pattern=_ID_PATTERN)
    description: Text = Field(min_length=1)
    max_value_eur: Money | None = Field(
        default=None, description="The maximum the contract states for this option"
    )
    exercisable_until: dt.date | None = None

    @field_validator("max_value_eur")
    @classmethod
    def _max_positive(cls, value: Decimal | None) -> Decimal | None:
        return None if value is None else _positive(value, "the option's maximum")


class RecordedChange(BaseModel):
    """A change already made to the contract, with the ground it used."""

    model_config = _Strict

    date: dt.date
    amount_eur: Money = Field(description="+ for an increase, - for a decrease")
    description: Text = Field(min_length=1)
    ground: GroundField
    option: str | None = Field(default=None, description="For 2.163c: the option's id")
    note: Text | None = Field(default=None, description="Free text, e.g. the notice number")


class ProposedChange(BaseModel):
    """The change the buyer is considering."""

    model_config = _Strict

    date: dt.date
    amount_eur: Money = Field(description="+ for an increase, - for a decrease")
    description: Text = ""
    option: str | None = Field(default=None, description="The option it would use, if any")
    replaces_contractor: bool = Field(
        default=False, description="Whether another contractor takes over the contract"
    )


class Ledger(BaseModel):
    """A running contract, its options, its change history and (optionally) a proposed change."""

    model_config = _Strict

    contract: Contract
    options: list[ContractOption] = Field(default_factory=list)
    changes: list[RecordedChange] = Field(default_factory=list)
    proposed_change: ProposedChange | None = None

    def option(self, option_id: str) -> ContractOption | None:
        """The option with ``option_id``, or ``None``."""
        return next((o for o in self.options if o.id == option_id), None)
