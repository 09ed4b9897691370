"""The law the change checker applies, read from ``rulesets/changes/grounds.yaml``.

A legal adviser reviews the names, conditions, questions and article numbers of each ground in
that file, next to the criteria rulesets; the checker's modules hold only the arithmetic. The
file is validated on loading: a mistake is a :class:`~mvi_rules.errors.CatalogueError` naming
the file, the field and the line, and every ground needs its Dutch and English text.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .._resources import rulesets_dir
from .._validation import field_path, validate_located
from .._yaml import Located, load_located
from ..catalogue.model import LocalText, SourceRegistry
from ..errors import CatalogueError, Problem
from ..profile.model import Jurisdiction
from .ledger import ContractKind, Ground, Regime

#: Where the law lives inside a rulesets directory.
LAW_FILE = Path("changes") / "grounds.yaml"

_Strict = ConfigDict(extra="forbid", frozen=True)

#: How a jurisdiction's modification rules bind a contract in a regime: they bind it, they are
#: applied by analogy, or whether they apply is not confirmed (the checker applies them by
#: analogy and says so).
Binding = Literal["binding", "by_analogy", "unconfirmed"]

#: The placeholders a text may use; anything else in braces is a typo.
PLACEHOLDERS = ("substantial", "option", "description")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class Citation(BaseModel):
    """A document of ``rulesets/sources.yaml`` the text of a ground rests on."""

    model_config = _Strict

    key: str = Field(description="Key in rulesets/sources.yaml")
    pinpoint: str | None = Field(default=None, description="Article or section")


class DefaultClause(BaseModel):
    """A review clause the Belgian AUR lays down itself (mandatory or applying by default)."""

    model_config = _Strict

    article: str
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)


class NlLaw(BaseModel):
    """Dutch law: chapter 2.5 of the Aanbestedingswet 2012."""

    model_config = _Strict

    statute: LocalText
    chapter_25_via: dict[ContractKind, str] = Field(
        description="The article applying chapter 2.5 to a kind of contract outside the "
        "classic sector (concession: 2a.53, utilities: 3.80d)"
    )
    regimes: dict[Regime, Binding]
    sources: list[Citation] = Field(min_length=1)


class BeLaw(BaseModel):
    """Belgian law: KB 14 januari 2013 (AUR), art. 38-38/12."""

    model_config = _Strict

    statute: LocalText
    regimes: dict[Regime, Binding]
    numbering_note: LocalText = Field(description="Where the article number per ground is from")
    default_clauses: list[DefaultClause]
    sources: list[Citation] = Field(min_length=1)


class JurisdictionLaw(BaseModel):
    """The modification rules per jurisdiction."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    nl: NlLaw = Field(alias="NL")
    be: BeLaw = Field(alias="BE")


class NoticeSubtypes(BaseModel):
    """The eForms contract modification notice subtype per directive."""

    model_config = _Strict

    classic: int
    utilities: int
    concession: int


class GroundLaw(BaseModel):
    """One ground ("drawer") for changing a running contract without a new procedure."""

    model_config = _Strict

    nl_article: str = Field(description="Article of the Aw 2012, e.g. 2.163b")
    be_article: str = Field(description="Article of the AUR, e.g. 38/4")
    directive_2014_24: LocalText = Field(description="Paragraph of Directive 2014/24/EU art. 72")
    eforms_bt200: str = Field(description="eForms BT-200 modification reason code")
    names: dict[Jurisdiction, LocalText]
    short: dict[Jurisdiction, LocalText] = Field(
        default_factory=dict, description="Short label where the article is not the label"
    )
    conditions: dict[str, LocalText] = Field(default_factory=dict)
    questions: dict[str, LocalText] = Field(default_factory=dict)
    sources: list[Citation] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_jurisdiction_named(self) -> GroundLaw:
        missing = [j.value for j in Jurisdiction if j not in self.names]
        if missing:
            raise ValueError(f"names needs an entry for {', '.join(missing)}")
        if Jurisdiction.BE not in self.short:
            raise ValueError("short needs a BE entry (the Belgian label of the ground)")
        return self


class ChangeLaw(BaseModel):
    """``rulesets/changes/grounds.yaml``: the law of every ground."""

    model_config = _Strict

    law: JurisdictionLaw
    notice_subtypes: NoticeSubtypes
    conditions: dict[str, LocalText] = Field(description="Conditions several grounds share")
    grounds: dict[Ground, GroundLaw]

    @model_validator(mode="after")
    def _every_ground(self) -> ChangeLaw:
        missing = [g.value for g in Ground if g not in self.grounds]
        if missing:
            raise ValueError(f"grounds needs an entry for {', '.join(missing)}")
        return self

    def ground(self, ground: Ground) -> GroundLaw:
        """The law of one ground."""
        return self.grounds[ground]

    def condition(self, ground: Ground, code: str) -> LocalText:
        """A condition of ``ground``, or a shared one (``general_nature``, ``not_split``)."""
        own = self.grounds[ground].conditions.get(code)
        return own if own is not None else self.conditions[code]

    def binding(self, jurisdiction: Jurisdiction, regime: Regime) -> Binding:
        """How the modification rules of ``jurisdiction`` bind a contract in ``regime``."""
        rules = self.law.be if jurisdiction is Jurisdiction.BE else self.law.nl
        return rules.regimes.get(regime, "unconfirmed")

    def notice_subtype(self, kind: ContractKind) -> int:
        """The eForms modification notice subtype for a kind of contract."""
        if kind is ContractKind.UTILITIES:
            return self.notice_subtypes.utilities
        if kind is ContractKind.CONCESSION:
            return self.notice_subtypes.concession
        return self.notice_subtypes.classic


def texts_of(law: ChangeLaw) -> list[tuple[tuple[str | int, ...], LocalText]]:
    """Every bilingual text of the law with its field path (for checks and the linter)."""
    found: list[tuple[tuple[str | int, ...], LocalText]] = [
        (("law", "NL", "statute"), law.law.nl.statute),
        (("law", "BE", "statute"), law.law.be.statute),
        (("law", "BE", "numbering_note"), law.law.be.numbering_note),
    ]
    found += [(("conditions", code), text) for code, text in law.conditions.items()]
    for ground, item in law.grounds.items():
        at: tuple[str | int, ...] = ("grounds", ground.value)
        found.append(((*at, "directive_2014_24"), item.directive_2014_24))
        found += [((*at, "names", j.value), t) for j, t in item.names.items()]
        found += [((*at, "short", j.value), t) for j, t in item.short.items()]
        found += [((*at, "conditions", c), t) for c, t in item.conditions.items()]
        found += [((*at, "questions", q), t) for q, t in item.questions.items()]
    return found


def _citations(law: ChangeLaw) -> list[tuple[tuple[str | int, ...], Citation]]:
    found: list[tuple[tuple[str | int, ...], Citation]] = []
    found += [(("law", "NL", "sources", i), c) for i, c in enumerate(law.law.nl.sources)]
    found += [(("law", "BE", "sources", i), c) for i, c in enumerate(law.law.be.sources)]
    for ground, item in law.grounds.items():
        found += [(("grounds", ground.value, "sources", i), c) for i, c in enumerate(item.sources)]
    return found


def _problems(law: ChangeLaw, located: Located, registry: SourceRegistry) -> list[Problem]:
    """What the schema cannot see: unknown placeholders, Dutch and English that use different
    placeholders, and sources that ``rulesets/sources.yaml`` does not hold."""
    problems: list[Problem] = []

    def add(loc: tuple[str | int, ...], message: str) -> None:
        problems.append(Problem(str(located.path), field_path(loc), message, located.line_of(loc)))

    for loc, text in texts_of(law):
        used = {lang: set(_PLACEHOLDER.findall(text.get(lang))) for lang in ("nl", "en")}
        for lang, names in used.items():
            for name in sorted(names - set(PLACEHOLDERS)):
                add(
                    (*loc, lang),
                    f"unknown placeholder {{{name}}}; use one of: "
                    + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS),
                )
        # English has one word for "wezenlijk" and "substantieel", so only Dutch needs it.
        if used["nl"] - {"substantial"} != used["en"] - {"substantial"}:
            add(loc, "the nl and en texts must use the same placeholders")
    for loc, citation in _citations(law):
        if citation.key not in registry.sources:
            add((*loc, "key"), f"unknown source {citation.key!r}: add it to sources.yaml first")
    return problems


def load_change_law(rulesets: str | Path | None = None) -> ChangeLaw:
    """Load and check ``changes/grounds.yaml`` of a rulesets directory (default: the shipped one).

    Raises :class:`~mvi_rules.errors.CatalogueError` with file, field and line for every problem.
    """
    root = Path(rulesets) if rulesets is not None else rulesets_dir()
    located = load_located(root / LAW_FILE, CatalogueError)
    law = validate_located(ChangeLaw, located, CatalogueError)
    registry = validate_located(
        SourceRegistry, load_located(root / "sources.yaml", CatalogueError), CatalogueError
    )
    problems = _problems(law, located, registry)
    if problems:
        raise CatalogueError(problems)
    return law


@cache
def change_law() -> ChangeLaw:
    """The shipped law, loaded once per process."""
    return load_change_law()
