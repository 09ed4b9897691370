"""Means of proof for a clause: labels that cover the lots' products, in a valid version."""

from __future__ import annotations

from datetime import date

from .._calendar import written_date
from ..catalogue import Catalogue
from ..catalogue.model import Criterion, Label, LocalText
from ..profile.model import ProductGroup
from .construct import light
from .notices import notice
from .result import Notice, Proof, ProofLabel


def resolve_proof(
    criterion: Criterion, catalogue: Catalogue, groups: set[ProductGroup], day: date
) -> tuple[Proof, list[Notice]]:
    """Labels offered as proof for ``groups`` on ``day``, and what the reader must know of them.

    A label that certifies none of the product groups is left out. A label version that is not
    valid on ``day`` is replaced by the version that is, when the registry knows one; otherwise
    it stays, marked as expired, and a notice asks the buyer to name a valid one. Labels with
    few certified products for a group carry a notice too.
    """
    labels: list[ProofLabel] = []
    notices: list[Notice] = []
    for ref in criterion.verification.labels:
        # The catalogue loader has already checked every reference against the registry.
        label = catalogue.labels.labels[ref.label]
        covered = groups & set(label.product_groups)
        if not covered:
            continue
        version_key, note, found = _valid_version(criterion, label, ref.version, day)
        notices.extend(found)
        version = label.versions[version_key].name if version_key else None
        if version is not None and version_key is not None and note is None:
            version = _with_legacy(label, version_key, version, day)
        if label.not_confirmed is not None:
            notices.append(
                notice(
                    "label-unconfirmed",
                    f"{criterion.id}: {label.name}: {label.not_confirmed.nl}.",
                    f"{criterion.id}: {label.name}: {label.not_confirmed.en}.",
                    criterion.id,
                )
            )
        labels.append(
            light(
                ProofLabel,
                key=ref.label,
                name=label.name,
                version=version,
                level=ref.level,
                note=note,
            )
        )
        thin = sorted(covered & set(label.thin_market), key=lambda g: g.value)
        if thin:
            thin_nl = ", ".join(g.plural("nl") for g in thin)
            thin_en = ", ".join(g.plural("en") for g in thin)
            notices.append(
                notice(
                    "label-thin-market",
                    f"{criterion.id}: weinig {thin_nl} dragen {label.name}; vraag het keurmerk"
                    " niet als enige bewijs en toets de beschikbaarheid in een"
                    " marktconsultatie.",
                    f"{criterion.id}: few {thin_en} carry {label.name}; do not ask for the label"
                    " as the only proof, and check availability in a market consultation.",
                    criterion.id,
                )
            )
    # Made without validating: registry names, catalogue texts and versions are valid.
    return light(Proof, labels=labels, other=criterion.verification.other), notices


def _valid_version(
    criterion: Criterion, label: Label, key: str | None, day: date
) -> tuple[str | None, LocalText | None, list[Notice]]:
    if key is None:
        return None, None, []
    asked = label.versions[key]
    expired = asked.valid_until is not None and asked.valid_until < day
    early = asked.valid_from is not None and day < asked.valid_from
    if not (expired or early):
        return key, None, []
    current = label.current_version(day)
    asked_name = f"{label.name} {asked.name.en}"
    moment = asked.valid_until if expired else asked.valid_from
    when, when_en = _written(moment, "nl"), _written(moment, "en")
    if current is not None:
        now = label.versions[current]
        return (
            current,
            None,
            [
                notice(
                    "label-version-replaced",
                    f"{criterion.id}: {label.name} {asked.name.nl} is op de peildatum "
                    f"{'niet meer' if expired else 'nog niet'} geldig ({when}); de bijlage vraagt "
                    f"daarom {label.name} {now.name.nl}.",
                    f"{criterion.id}: {asked_name} is {'no longer' if expired else 'not yet'} "
                    f"valid on the reference date ({when_en}); the annex asks for {label.name} "
                    f"{now.name.en} instead.",
                    criterion.id,
                )
            ],
        )
    note = LocalText(
        nl=f"versie {'verlopen op' if expired else 'geldig vanaf'} {when}; noem een geldige versie",
        en=f"version {'expired on' if expired else 'valid from'} {when_en}; name a valid version",
    )
    return (
        key,
        note,
        [
            notice(
                "label-version-expired",
                f"{criterion.id}: {label.name} {asked.name.nl} is op de peildatum niet geldig "
                f"({when}) en de criteriaset kent geen geldige versie; pas de eis aan voordat u "
                "publiceert.",
                f"{criterion.id}: {asked_name} is not valid on the reference date ({when_en}) and "
                "the catalogue knows no valid version; adjust the requirement before publishing.",
                criterion.id,
            )
        ],
    )


def _with_legacy(label: Label, key: str, name: LocalText, day: date) -> LocalText:
    """The version's name, plus the earlier versions whose certificates are still valid.

    A new generation ends new certification to the previous one, not the validity of the
    certificates already issued: those are accepted until they lapse.
    """
    legacy = [label.versions[k] for k in label.legacy_versions(day, key)]
    if not legacy:
        return name
    return LocalText(
        nl=name.nl
        + "".join(
            f" of een geldig certificaat van {v.name.nl} (geldig tot uiterlijk"
            f" {_written(v.valid_until, 'nl')})"
            for v in legacy
        ),
        en=name.en
        + "".join(
            f" or a valid certificate of {v.name.en} (valid until"
            f" {_written(v.valid_until, 'en')} at the latest)"
            for v in legacy
        ),
    )


def _written(day: date | None, lang: str) -> str:
    return written_date(day, lang) if day is not None else "?"
