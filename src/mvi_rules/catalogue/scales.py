"""An award criterion's scoring scale: its rows, and the bands as the clause states them.

The scale is stated once, in the ruleset: each row's share of X (``points``), its description
for the weighting and the JSON result (``nl``/``en``), and, for the clause, the band's wording
(``clause``) with its threshold (``at``). One shared template per language
(``clause_templates/<lang>/_shared/scale.j2``) writes the bands, so no clause template restates
a figure of its scale.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence

from pydantic import BaseModel, Field, field_validator, model_validator

from .vocabulary import LocalText, _finite, _Strict

#: What a band's clause wording may fill in: its own threshold, the next row's threshold (for
#: the band below the first one, "less than {next}%"), a parameter of the criterion, or the
#: defined term for the buyer.
PLACEHOLDER = re.compile(r"\{(at|next|p\.[a-z][a-z0-9_]*|buyer\.term)\}")


def placeholders(text: str) -> list[str]:
    """The placeholders ``text`` uses, in order (``at``, ``next``, ``p.<name>``, ...)."""
    return PLACEHOLDER.findall(text)


def _written(figure: float, lang: str) -> str:
    # How a plain number appears in a clause (rendering.formatting writes it the same way:
    # whole numbers without decimals, a decimal comma in Dutch).
    text = f"{figure:g}"
    return text.replace(".", ",") if lang == "nl" else text


class ScoringStep(BaseModel):
    """One row of an award criterion's scoring scale."""

    model_config = _Strict

    points: float = Field(ge=0)
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)
    # Rendering-only data: the clause text shows it, so the JSON result (which carries the
    # rendered texts on request) keeps the row as it always was.
    at: float | None = Field(
        default=None,
        exclude=True,
        description="The band's threshold (10 for 'at least 10%'), written where the clause"
        " wording says {at}, and where the row before says {next}",
    )
    clause: LocalText | None = Field(
        default=None,
        exclude=True,
        description="The band as the clause's scale states it, e.g. {nl: 'ten minste {at}%',"
        " en: 'at least {at}%'}; may use {at}, {next}, {p.<parameter>} and {buyer.term}",
    )

    @field_validator("at")
    @classmethod
    def _finite_threshold(cls, value: float | None) -> float | None:
        return _finite(value)

    @model_validator(mode="after")
    def _only_known_placeholders(self) -> ScoringStep:
        if self.clause is None:
            return self
        for lang in ("nl", "en"):
            text = self.clause.get(lang)
            rest = PLACEHOLDER.sub("", text)
            if "{" in rest or "}" in rest:
                raise ValueError(
                    f"clause.{lang} {text!r}: only {{at}}, {{next}}, {{p.<parameter>}} and"
                    " {buyer.term} may stand between braces"
                )
        if self.at is not None and self.clause is not None:
            for lang in ("nl", "en"):
                if "at" not in placeholders(self.clause.get(lang)):
                    raise ValueError(
                        f"clause.{lang} does not write the threshold at: {self.at:g} ({{at}})"
                    )
        return self


def check_scale(scoring: Sequence[ScoringStep], parameters: Collection[str]) -> None:
    """Raise ``ValueError`` when the scale's clause bands do not fit together.

    Either every row has its clause wording or none has (the shared scale template writes all
    rows or the clause template states the scale itself); a band uses ``{at}`` only with a
    threshold and ``{next}`` only when the next row has one; ``{p.<name>}`` names a parameter of
    the criterion; the thresholds run one way (rising, or falling as for "at most"); and each
    threshold appears in its row's description in both languages, so the weighting and the
    clause cannot state different figures.
    """
    with_clause = [step.clause is not None for step in scoring]
    if any(with_clause) and not all(with_clause):
        missing = ", ".join(str(i + 1) for i, has in enumerate(with_clause) if not has)
        raise ValueError(f"scoring: give every row a clause wording or none (row {missing})")
    if any(step.at is not None and step.clause is None for step in scoring):
        raise ValueError("scoring: a threshold (at) is written by a clause wording (clause)")
    for index, step in enumerate(scoring):
        following = scoring[index + 1] if index + 1 < len(scoring) else None
        texts = [step.clause.nl, step.clause.en] if step.clause is not None else []
        for name in itertools.chain.from_iterable(placeholders(t) for t in texts):
            if name == "at" and step.at is None:
                raise ValueError(f"scoring row {index + 1}: {{at}} needs the row's threshold (at)")
            if name == "next" and (following is None or following.at is None):
                raise ValueError(
                    f"scoring row {index + 1}: {{next}} needs a threshold (at) on the next row"
                )
            if name.startswith("p.") and name[2:] not in parameters:
                raise ValueError(
                    f"scoring row {index + 1}: {{{name}}} is not a parameter of the criterion"
                )
        if step.at is not None:
            for lang in ("nl", "en"):
                if not re.search(
                    rf"(?<![\d.,]){re.escape(_written(step.at, lang))}(?![\d]|[.,]\d)",
                    step.nl if lang == "nl" else step.en,
                ):
                    raise ValueError(
                        f"scoring row {index + 1}: the {lang} description does not state the"
                        f" threshold {_written(step.at, lang)} (at)"
                    )
    thresholds = [step.at for step in scoring if step.at is not None]
    pairs = list(itertools.pairwise(thresholds))
    if not (all(a < b for a, b in pairs) or all(a > b for a, b in pairs)):
        shown = ", ".join(f"{t:g}" for t in thresholds)
        raise ValueError(f"scoring: the thresholds (at) do not run one way ({shown})")
