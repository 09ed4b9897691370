"""Fixed wording of the tender annex in Dutch and English, with Belgian terms where they differ.

Every text the document writes itself (headings, labels, the note on use) comes from here, so
that a language or a jurisdiction never gets half-translated. Placeholders use ``str.format``.
The table is kept by part of the document: the opening (:mod:`.wording_front`), the body
(:mod:`.wording_sections`), the words for coded values (:mod:`.wording_codes`) and the Belgian
terms (:mod:`.wording_be`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..catalogue.model import Confidence, CriterionType
from ..profile.model import AuthorityType, Jurisdiction, ProductGroup, Theme
from .wording_be import BE_EN as _BE_EN
from .wording_be import BE_NL as _BE_NL
from .wording_codes import CODES
from .wording_front import FRONT
from .wording_sections import SECTIONS

#: key -> (nl, en)
_TEXTS: dict[str, tuple[str, str]] = {**FRONT, **SECTIONS, **CODES}

__all__ = ["LANGUAGES", "NL_ONLY", "Wording", "all_keys"]

LANGUAGES = ("nl", "en")

#: Keys only a Dutch (NL) document uses; they name Dutch law.
NL_ONLY = frozenset(
    {
        "consequence_NL_above",
        "consequence_NL_below",
        "law_NL_below",
        "label_law_NL_below",
        "section_option_below",
        "options_below",
        "notice_framework-over-four-years",
        "isv_mandatory",
        "isv_voluntary_state_below",
        "isv_voluntary_state_category",
        "isv_voluntary_other",
    }
)


@dataclass(frozen=True)
class Wording:
    """The fixed texts for one language and jurisdiction."""

    lang: str
    jurisdiction: Jurisdiction

    def __call__(self, key: str, **values: object) -> str:
        """The text for ``key`` with ``values`` filled in."""
        nl, en = _TEXTS[key]
        if self.jurisdiction is Jurisdiction.BE:
            nl = _BE_NL.get(key, nl)
            en = _BE_EN.get(key, en)
        text = nl if self.lang == "nl" else en
        return text.format(**values) if values else text

    def criterion_type(self, value: CriterionType) -> str:
        """The criterion type in words, e.g. ``minimumeis``."""
        return self(f"type_{value.value}")

    def listing(self, items: Sequence[str]) -> str:
        """Items as a sentence lists them: ``a, b en c`` (``a, b and c``)."""
        if len(items) < 2:
            return "".join(items)
        return ", ".join(items[:-1]) + f" {self('and')} {items[-1]}"

    def criterion_type_short(self, value: CriterionType) -> str:
        """The criterion type in one short word, for a narrow table column (``gunning``)."""
        return self(f"type_short_{value.value}")

    def section(self, value: CriterionType) -> str:
        """The heading of the section for a criterion type."""
        return self(f"section_{value.value}")

    def confidence(self, value: Confidence) -> str:
        """A source's confidence in words."""
        return self(f"confidence_{value.value}")

    def level(self, value: int) -> str:
        """An ambition level with its name, e.g. ``2 (significant)``."""
        return self(f"level_{value}")

    def theme(self, value: Theme) -> str:
        """A theme in words."""
        return self(f"theme_{value.value}")

    def authority(self, value: AuthorityType) -> str:
        """The kind of contracting authority in words."""
        return self(f"authority_{value.value}")

    def product_group(self, value: ProductGroup) -> str:
        """A product group in words (plural, lower case)."""
        return self(f"group_{value.value}")

    def procedure(self, value: str) -> str:
        """A procurement procedure in words."""
        return self(f"procedure_{value}")


def all_keys() -> list[str]:
    """Every wording key (used by tests to check both languages are complete)."""
    return sorted(_TEXTS)
