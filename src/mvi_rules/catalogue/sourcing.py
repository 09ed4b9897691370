"""Where a claim comes from and what makes it law: the source registry, citations, and the
legal basis per criterion type and per criterion."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from ..profile.model import Jurisdiction
from .vocabulary import Confidence, CriterionType, LocalText, _Strict

#: NL then BE; iterating the enum class each time is slow on the load path.
_JURISDICTIONS = tuple(Jurisdiction)


def _document_text(value: Any) -> Any:
    """A plain text, or ``{nl, en}`` made a :class:`LocalText` here.

    Checked before the union sees it, so that a mistake is one message at the field's line
    ("needs nl and en") rather than one per member of the union, under names no file has.
    """
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("the text is empty; write it, or leave the field out")
        return value
    if isinstance(value, LocalText):
        return value
    if isinstance(value, dict):
        unknown = sorted(str(k) for k in value if k not in ("nl", "en"))
        missing = [k for k in ("nl", "en") if k not in value]
        if unknown or missing:
            raise ValueError(
                "a text in two languages has exactly nl and en"
                + (f"; unknown: {', '.join(unknown)}" if unknown else "")
                + (f"; missing: {', '.join(missing)}" if missing else "")
            )
        try:
            return LocalText.model_validate(value)
        except ValidationError:
            raise ValueError(
                "a text in two languages needs a non-empty text for both nl and en"
            ) from None
    raise ValueError(
        f"give a text, or {{nl: ..., en: ...}} for one in two languages (got {value!r})"
    )


#: A publisher, title or pinpoint: one text where the document has one form in every language
#: (a proper name, the title of a document published in one language), or ``{nl, en}`` where
#: a Dutch document must read it in Dutch and an English one in English (the official titles
#: of an EU act, our own description of a publisher, "bijlage II" / "Annex II").
DocumentText = Annotated[
    Annotated[str, Field(min_length=1)] | LocalText, BeforeValidator(_document_text)
]


def text_in(text: str | LocalText, lang: str) -> str:
    """``text`` as a document in ``lang`` (``nl`` or ``en``) shows it: the one form of a plain
    text, the form in ``lang`` of a text in two languages.

    The one function a document, a review comment or a report calls for a source's publisher,
    title or pinpoint, so that every place shows the same form.
    """
    return text if isinstance(text, str) else text.get(lang)


class SourceKind(str, Enum):
    """What kind of document a source is: a reader weighs a statute and a market note apart."""

    STATUTE = "statute"
    REGULATION = "regulation"
    CASE_LAW = "case_law"
    OFFICIAL_GUIDANCE = "official_guidance"
    LABEL_STANDARD = "label_standard"
    TECHNICAL_STANDARD = "technical_standard"
    PRACTITIONER_GUIDANCE = "practitioner_guidance"
    MARKET_INFORMATION = "market_information"

    def __str__(self) -> str:
        return self.value


class SourceJurisdiction(str, Enum):
    """The legal order a source belongs to; a Belgian document shows no Dutch source."""

    NL = "NL"
    BE = "BE"
    EU = "EU"
    INTERNATIONAL = "international"

    def __str__(self) -> str:
        return self.value


_DESCRIBED_TITLE = "De Nederlandse titel is een beschrijving, niet de officiële titel."


class SourceRecord(BaseModel):
    """A published document in ``rulesets/sources.yaml``: what a reader opens to check a fact."""

    model_config = _Strict

    publisher: DocumentText = Field(description="Who publishes it; {nl, en} for our own wording")
    title: DocumentText = Field(
        description="Its title; {nl, en} where it has an official Dutch title"
    )
    date: str | None = Field(default=None, description="Publication date (YYYY, YYYY-MM or ISO)")
    version: str | None = Field(default=None, description="Edition or version, where it has one")
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    identifier: str | None = Field(
        default=None, description="Official identifier: CELEX, ECLI, BWBR, NUMAC, document number"
    )
    language: str = Field(pattern=r"^[a-z]{2}$", description="Language of the document (ISO 639-1)")
    kind: SourceKind
    jurisdiction: SourceJurisdiction
    not_confirmed: LocalText | None = Field(
        default=None,
        description="Publication details we could not confirm; said here rather than guessed",
    )
    nl_title_described: bool = Field(
        default=False,
        description="The Dutch title is our description, not the official Dutch title (a Dutch"
        " document says so; an English one, which shows the English title, need not)",
    )

    @model_validator(mode="after")
    def _findable(self) -> SourceRecord:
        if self.url is None and self.identifier is None:
            raise ValueError("a source needs a url or an official identifier (CELEX, BWBR, NUMAC)")
        return self

    def document(self, lang: str) -> str:
        """Publisher and title as a document in ``lang`` names the record: "Europees Parlement
        en Raad (EUR-Lex), Richtlijn 2014/24/EU ..." in Dutch, "... Directive 2014/24/EU ..."
        in English."""
        return f"{text_in(self.publisher, lang)}, {text_in(self.title, lang)}"

    def caveat(self, lang: str) -> str | None:
        """What a document in ``lang`` must say we could not confirm about this record."""
        notes = [self.not_confirmed.get(lang)] if self.not_confirmed is not None else []
        if self.nl_title_described and lang == "nl":
            notes.append(_DESCRIBED_TITLE)
        return " ".join(notes) or None

    def document_texts(self) -> str | LocalText:
        """:meth:`document` for a result that serves both languages: one text where Dutch and
        English read the same, so that a record of plain texts stays a plain text."""
        nl, en = self.document("nl"), self.document("en")
        return nl if nl == en else LocalText(nl=nl, en=en)


class SourceRegistry(BaseModel):
    """``rulesets/sources.yaml``: every document a criterion, label or threshold may cite."""

    model_config = _Strict

    sources: dict[str, SourceRecord] = Field(min_length=1)


class Source(BaseModel):
    """A claim of a criterion, label or threshold and the published document that supports it.

    Either it cites a ``key`` of ``rulesets/sources.yaml`` with a pinpoint (article, section,
    page) and a confidence, or it is a ``policy_choice``: a value the catalogue chose itself,
    with the reason in ``supports``, which a document presents as a choice the buyer can change.
    """

    model_config = _Strict

    key: str | None = Field(default=None, description="Key in rulesets/sources.yaml")
    pinpoint: DocumentText | None = Field(
        default=None, description="Article, section or page; {nl, en} where the words differ"
    )
    supports: LocalText = Field(description="What the source supports (or why we chose)")
    confidence: Confidence | None = None
    policy_choice: bool = False
    #: The cited record, filled in by the loader from ``rulesets/sources.yaml``; a ruleset
    #: never writes it.
    record: SourceRecord | None = None

    @model_validator(mode="after")
    def _cites_or_chooses(self) -> Source:
        if self.policy_choice:
            if self.key is not None or self.confidence is not None:
                raise ValueError(
                    "a policy choice cites no source and has no confidence; give its reason in"
                    " supports"
                )
        elif self.key is None or self.confidence is None:
            raise ValueError(
                "cite a source with key and confidence, or mark a catalogue policy choice"
                " (policy_choice: true)"
            )
        return self


class LegalBasis(BaseModel):
    """A criterion's legal basis per jurisdiction (``rulesets/README.md`` section 7).

    As written in a ruleset, the lines of a jurisdiction are **added** to the default legal
    basis of the criterion's type (``rulesets/legal_bases.yaml``); for a jurisdiction named in
    ``replace_default`` they are the whole basis instead. The loader resolves every criterion:
    on a loaded catalogue each jurisdiction holds the full list (default first, then the
    criterion's own lines) and ``replace_default`` names both jurisdictions.
    """

    model_config = _Strict

    NL: list[str] = Field(default_factory=list, description="Dutch references")
    BE: list[str] = Field(default_factory=list, description="Belgian references")
    replace_default: list[Jurisdiction] = Field(
        default_factory=list,
        description="Jurisdictions whose lines replace the type default instead of adding to it",
    )

    def __getitem__(self, jurisdiction: Jurisdiction | str) -> list[str]:
        """The references for a jurisdiction (``basis[Jurisdiction.NL]`` or ``basis["NL"]``)."""
        return list(self.NL if Jurisdiction(jurisdiction) is Jurisdiction.NL else self.BE)

    def items(self) -> list[tuple[Jurisdiction, list[str]]]:
        """``(jurisdiction, references)`` for NL and BE."""
        return [(j, self[j]) for j in _JURISDICTIONS]

    def values(self) -> list[list[str]]:
        """The references of NL and BE."""
        return [self[j] for j in _JURISDICTIONS]

    @model_validator(mode="after")
    def _replacement_is_complete(self) -> LegalBasis:
        for jurisdiction in self.replace_default:
            if not self[jurisdiction]:
                raise ValueError(
                    f"replace_default names {jurisdiction.value}, so legal_basis needs the full"
                    f" list of references for {jurisdiction.value}"
                )
        if len(set(self.replace_default)) != len(self.replace_default):
            raise ValueError("replace_default names a jurisdiction twice")
        for jurisdiction, lines in self.items():
            if len(set(lines)) != len(lines):
                raise ValueError(f"legal_basis lists a reference twice for {jurisdiction.value}")
        return self


class TypeLegalBasis(BaseModel):
    """The default legal basis of one criterion type, for both jurisdictions."""

    model_config = _Strict

    NL: list[str] = Field(min_length=1, description="Dutch references")
    BE: list[str] = Field(min_length=1, description="Belgian references")
    sources: list[Source] = Field(min_length=1)

    def __getitem__(self, jurisdiction: Jurisdiction) -> list[str]:
        return list(self.NL if jurisdiction is Jurisdiction.NL else self.BE)


class LegalBasisRegistry(BaseModel):
    """``rulesets/legal_bases.yaml``: the default legal basis per criterion type."""

    model_config = _Strict

    legal_bases: dict[CriterionType, TypeLegalBasis]

    @field_validator("legal_bases")
    @classmethod
    def _every_type(
        cls, value: dict[CriterionType, TypeLegalBasis]
    ) -> dict[CriterionType, TypeLegalBasis]:
        missing = [t.value for t in CriterionType if t not in value]
        if missing:
            raise ValueError(f"no default legal basis for type {', '.join(missing)}")
        return value

    def default(self, criterion_type: CriterionType, jurisdiction: Jurisdiction) -> list[str]:
        """The default references of a type in a jurisdiction."""
        return self.legal_bases[criterion_type][jurisdiction]

    def resolve(self, criterion_type: CriterionType, own: LegalBasis) -> LegalBasis:
        """The full legal basis: per jurisdiction the type default, then the criterion's own
        lines; or only the criterion's own lines where it replaces the default."""
        full = {
            j.value: own[j]
            if j in own.replace_default
            else self.default(criterion_type, j) + own[j]
            for j in Jurisdiction
        }
        return LegalBasis(NL=full["NL"], BE=full["BE"], replace_default=list(Jurisdiction))
