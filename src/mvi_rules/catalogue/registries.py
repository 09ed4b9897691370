"""The catalogue's registries next to the criteria: labels and their versions, the aspects
award criteria reward, retired ids, and the catalogue's own version."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field, field_validator, model_validator

from ..profile.model import ProductGroup
from .sourcing import Source
from .vocabulary import CRITERION_ID, PRICE_ASPECT, Confidence, LocalText, _Strict


class LabelVersion(BaseModel):
    """A version (generation, edition) of a label with its validity."""

    model_config = _Strict

    name: LocalText
    valid_from: date | None = None
    certification_until: date | None = Field(
        default=None,
        description="Last day products can be newly certified to this version; certificates"
        " issued by then stay valid until valid_until",
    )
    valid_until: date | None = Field(
        default=None, description="Last day a certificate of this version is valid"
    )
    confidence: Confidence = Confidence.CONFIRMED

    @model_validator(mode="after")
    def _dates_in_order(self) -> LabelVersion:
        if self.valid_from and self.valid_until and self.valid_from > self.valid_until:
            raise ValueError(
                f"valid_from {self.valid_from} is after valid_until {self.valid_until}"
            )
        return self

    def certifying(self, day: date) -> bool:
        """Whether products can be newly certified to this version on ``day``."""
        end = self.certification_until or self.valid_until
        return (self.valid_from is None or self.valid_from <= day) and (end is None or day <= end)


class LabelConditions(BaseModel):
    """Whether a label meets the five conditions for requiring it (Aw 2012 art. 2.78a; BE: Wet
    17 juni 2016 art. 54; Directive 2014/24/EU art. 43): requirements linked to the subject
    matter, objective and non-discriminatory criteria, an open and transparent procedure,
    accessible to all, set by a third party."""

    model_config = _Strict

    met: bool = Field(description="All five conditions hold, as far as the sources show")
    reason: LocalText = Field(description="Why (or why not), condition by condition")
    subject_matter: LocalText = Field(
        description="Which of the label's requirements relate to the subject matter of an ICT"
        " supply; where not all do, a label criterion names those requirements"
    )


class Label(BaseModel):
    """A label that can serve as means of proof."""

    model_config = _Strict

    name: str
    owner: str
    covers: LocalText
    legal_conditions: LabelConditions
    not_confirmed: LocalText | None = Field(
        default=None,
        description="What about the label's current version or validity we could not confirm;"
        " a document naming the label then carries a point of attention",
    )
    product_groups: list[ProductGroup] = Field(min_length=1)
    levels: list[str] = Field(default_factory=list)
    versions: dict[str, LabelVersion] = Field(default_factory=dict)
    sources: list[Source] = Field(min_length=1)
    new_products_only: bool = Field(
        default=False,
        description="Only new products carry it: asking for it on a refurbished-only lot conflicts",
    )
    thin_market: list[ProductGroup] = Field(
        default_factory=list,
        description="Product groups for which few labelled products are on the market",
    )

    def current_version(self, day: date) -> str | None:
        """Key of the version valid on ``day`` (the latest to start, if several), or ``None``."""
        valid = [
            (v.valid_from or date.min, key)
            for key, v in self.versions.items()
            if (v.valid_from is None or v.valid_from <= day)
            and (v.valid_until is None or day <= v.valid_until)
        ]
        return max(valid)[1] if valid else None

    def legacy_versions(self, day: date, current: str) -> list[str]:
        """Keys of earlier versions whose certificates are still valid on ``day`` although new
        certification to them has ended (e.g. TCO Certified generation 9 in 2025)."""
        now = self.versions[current]
        return sorted(
            key
            for key, v in self.versions.items()
            if key != current
            and (v.valid_from or date.min) < (now.valid_from or date.min)
            and not v.certifying(day)
            and (v.valid_from is None or v.valid_from <= day)
            and (v.valid_until is None or day <= v.valid_until)
        )


class LabelRegistry(BaseModel):
    """``rulesets/labels.yaml``."""

    model_config = _Strict

    labels: dict[str, Label]


class Aspect(BaseModel):
    """Something an award criterion rewards, such as energy use or warranty."""

    model_config = _Strict

    name: LocalText
    description: LocalText
    overlaps: list[str] = Field(
        default_factory=list,
        description="Other aspects that reward the same thing (the relation is symmetric)",
    )


class AspectRegistry(BaseModel):
    """``rulesets/aspects.yaml``."""

    model_config = _Strict

    aspects: dict[str, Aspect] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_overlaps(self) -> AspectRegistry:
        if PRICE_ASPECT not in self.aspects:
            raise ValueError(f"the registry must define the aspect {PRICE_ASPECT!r}")
        for key, aspect in self.aspects.items():
            unknown = [o for o in aspect.overlaps if o not in self.aspects]
            if unknown:
                raise ValueError(
                    f"aspect {key} overlaps unknown aspects {', '.join(unknown)}; known: "
                    + ", ".join(sorted(self.aspects))
                )
        return self

    def related(self, key: str) -> set[str]:
        """``key`` and every aspect that overlaps it, in either direction."""
        out = {key, *self.aspects[key].overlaps}
        out |= {k for k, a in self.aspects.items() if key in a.overlaps}
        return out


class RetiredId(BaseModel):
    """A criterion id that left the catalogue; it is never reused for another meaning."""

    model_config = _Strict

    id: str = Field(pattern=CRITERION_ID)
    title: LocalText = Field(description="The title the criterion had")
    retired_in: str = Field(
        pattern=r"^\d{4}\.\d+\.\d+$", description="The catalogue version that withdrew it"
    )
    reason: LocalText
    replaced_by: list[str] = Field(
        default_factory=list, description="Ids of the criteria that now cover it, if any"
    )


class RetiredRegistry(BaseModel):
    """``rulesets/retired.yaml``: every retired criterion id."""

    model_config = _Strict

    retired: list[RetiredId] = Field(default_factory=list)

    @field_validator("retired")
    @classmethod
    def _each_once(cls, value: list[RetiredId]) -> list[RetiredId]:
        ids = [r.id for r in value]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"retired lists {', '.join(twice)} more than once")
        return value

    def get(self, criterion_id: str) -> RetiredId | None:
        """The retirement record of an id, or ``None``."""
        return next((r for r in self.retired if r.id == criterion_id), None)


class CatalogueMeta(BaseModel):
    """``rulesets/catalogue.yaml``: the ruleset version as a whole."""

    model_config = _Strict

    version: str = Field(pattern=r"^\d{4}\.\d+\.\d+$")
    released: date
    title: LocalText
