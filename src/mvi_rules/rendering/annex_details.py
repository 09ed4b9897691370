"""The annex's facts about the procurement: the details table (buyer, law, value, threshold,
term, ambition) and the lots."""

from __future__ import annotations

from ..profile.model import (
    Jurisdiction,
    Lot,
    ProcurementProfile,
    ProductGroup,
    Theme,
)
from ..selection.result import (
    EvaluationResult,
)
from .docx_parts import (
    TEXT_WIDTH_CM,
    DocumentObj,
    add_heading,
    add_table,
)
from .formatting import (
    format_date,
    format_money,
    format_number,
    format_unit,
    yes_no,
)
from .law import below_threshold_nl
from .wording import Wording


def add_details(doc: DocumentObj, result: EvaluationResult, words: Wording) -> None:
    profile, lang = result.profile, words.lang
    proc = profile.procurement
    add_heading(doc, words("details"), 1)
    rows: list[tuple[str, str]] = [
        (words("buyer"), profile.buyer.name),
        (words("authority_type"), words.authority(profile.buyer.authority_type)),
        (words("law"), _law(result, words)),
        (
            words("procedure"),
            words.procedure(proc.procedure.value) if proc.procedure else words("not_set"),
        ),
        (words("reference_date"), _reference_date(profile, words)),
        (words("stated_value"), _stated(result, words)),
        (words("total_value"), _total(result, words)),
        (words("threshold"), _threshold(result, words)),
        (words("consequence"), _consequence(result, words)),
        (words("term"), _term(profile, words)),
        (words("indexation"), yes_no(proc.price_indexation, lang)),
        (words("ambition"), _ambition(profile, words)),
        (words("selection_set"), words(f"selection_set_{proc.criteria_set.value}")),
    ]
    if result.isv.applies:
        rows.append((words("isv"), _isv(result, words)))
    commitments = _commitments(profile, words)
    if commitments:
        rows.append((words("commitments"), commitments))
    rows.append(
        (
            words("ruleset"),
            words(
                "ruleset_value",
                catalogue=result.catalogue_version,
                library=result.library_version,
            ),
        )
    )
    add_table(doc, None, rows, (5.5, TEXT_WIDTH_CM - 5.5), bold_first_column=True)


def _law(result: EvaluationResult, words: Wording) -> str:
    if below_threshold_nl(result):
        return words("law_NL_below")
    return words(f"law_{result.profile.buyer.jurisdiction.value}")


def _stated(result: EvaluationResult, words: Wording) -> str:
    parts = [words("covers_initial")] + [words(f"covers_{c}") for c in result.value.includes]
    joined = ", ".join(parts[:-1]) + f" {words('and')} {parts[-1]}" if len(parts) > 1 else parts[0]
    return words(
        "stated_covers", amount=format_money(result.value.stated_eur, words.lang), parts=joined
    )


def _total(result: EvaluationResult, words: Wording) -> str:
    value, lang = result.value, words.lang
    parts = "".join(
        words(f"part_{kind}", amount=format_money(value.amount(kind), lang))
        for kind in ("extension", "option", "incentive")
        if any(line.kind == kind for line in value.lines)
    )
    return words(
        "total_value_text",
        total=format_money(value.total_eur, lang),
        initial=format_money(value.initial_eur, lang),
        parts=parts,
        law=words(f"raming_law_{result.profile.buyer.jurisdiction.value}"),
    )


def _threshold(result: EvaluationResult, words: Wording) -> str:
    if result.value.threshold_eur is None:
        return words("unknown")
    amount = format_money(result.value.threshold_eur, words.lang)
    return words("threshold_above" if result.value.above else "threshold_below", amount=amount)


#: Below this value a Belgian contract may be concluded by accepted invoice (Wet 2016 art. 92).
BE_LOW_VALUE_EUR = 30_000


def _consequence(result: EvaluationResult, words: Wording) -> str:
    if result.value.above is None:
        return words("unknown")
    jurisdiction = result.profile.buyer.jurisdiction
    if jurisdiction is Jurisdiction.NL:
        if result.value.above:
            article = "2.2" if result.profile.buyer.authority_type.is_central else "2.3"
            return words("consequence_NL_above", article=article)
        return words("consequence_NL_below")
    if result.value.above:
        return words("consequence_BE_above")
    text = words("consequence_BE_below")
    if result.value.total_eur < BE_LOW_VALUE_EUR:
        text += words("consequence_BE_low_value")
    return text


def _isv(result: EvaluationResult, words: Wording) -> str:
    text = _isv_status(result, words)
    isv, profile = result.isv, result.profile
    # Only for the State above the threshold does the category decide mandatory or voluntary.
    if isv.unconfirmed_lots and profile.buyer.authority_type.is_central and result.value.above:
        text += " " + words("isv_unconfirmed", lots=lot_refs(profile, isv.unconfirmed_lots, words))
    return text


def _isv_status(result: EvaluationResult, words: Wording) -> str:
    profile, lang = result.profile, words.lang
    isv = result.isv
    if isv.mandatory_lots:
        names = [
            f"‘{n}’" for n in sorted({isv.categories[i].get(lang) for i in isv.mandatory_lots})
        ]
        text = words(
            "isv_mandatory" if len(names) == 1 else "isv_mandatory_many",
            lots=lot_refs(profile, isv.mandatory_lots, words),
            categories=words.listing(names),
        )
        others = [lot.id for lot in profile.lots if lot.id not in isv.mandatory_lots]
        if others:
            text += " " + words(
                "isv_voluntary_state_category", lots=lot_refs(profile, others, words)
            )
        return text
    if profile.buyer.authority_type.is_central:
        if result.value.above:
            return words(
                "isv_voluntary_state_category",
                lots=lot_refs(profile, [lot.id for lot in profile.lots], words),
            )
        return words("isv_voluntary_state_below")
    return words("isv_voluntary_other")


def _years(value: int, words: Wording) -> str:
    return f"{format_number(value, words.lang)} {format_unit('years', value, words.lang)}"


def _term(profile: ProcurementProfile, words: Wording) -> str:
    proc = profile.procurement
    term = _years(proc.contract_term_years, words)
    if not proc.extension_years:
        return words("term_plain", term=term)
    extensions = " + ".join(format_number(y, words.lang) for y in proc.extension_years)
    unit = format_unit("years", proc.extension_years[-1], words.lang)
    return words(
        "term_extended",
        term=term,
        extensions=f"{extensions} {unit}",
        maximum=_years(proc.maximum_term_years, words),
    )


def _ambition(profile: ProcurementProfile, words: Wording) -> str:
    parts = [words("ambition_overall", level=words.level(profile.ambition.level))]
    for theme in Theme:
        own: int | None = getattr(profile.ambition, theme.value)
        if own is not None:
            parts.append(words("ambition_theme", theme=words.theme(theme), level=words.level(own)))
    return "; ".join(parts)


def _commitments(profile: ProcurementProfile, words: Wording) -> str:
    c = profile.commitments
    parts = [
        words(key)
        for key, on in (
            ("commit_isv", c.isv_policy),
            ("commit_ew", c.electronics_watch_affiliate),
            ("commit_fira", c.fira_participant),
        )
        if on
    ]
    parts.extend(c.csr_targets)
    return "; ".join(parts)


def _group_text(lot: Lot, words: Wording) -> str:
    text = words.product_group(lot.product_group)
    if lot.product_group is ProductGroup.WERKPLEK and lot.components:
        text += " (" + ", ".join(words.product_group(c) for c in lot.components) + ")"
    return text


def add_lots(doc: DocumentObj, profile: ProcurementProfile, words: Wording) -> None:
    add_heading(doc, words("lots"), 1)
    rows = [
        (
            lot.id,
            lot.name,
            _group_text(lot, words),
            format_number(lot.quantity, words.lang),
            _refurbished_text(lot, words),
        )
        for lot in profile.lots
    ]
    header = (
        words("lot"),
        words("lot_name"),
        words("product_group"),
        words("quantity"),
        words("refurbished"),
    )
    add_table(doc, header, rows, (2.0, 4.3, 3.6, 2.3, 3.8), keep_together=len(rows) < 15)


def _refurbished_text(lot: Lot, words: Wording) -> str:
    """The lot's choice on refurbished devices, marked when the profile left it to the default;
    for a service lot, which delivers no devices, not applicable."""
    if lot.product_group.is_service:
        return words("refurbished_service")
    text = words(f"refurbished_{lot.refurbished.value}")
    if "refurbished" not in lot.model_fields_set:
        text += " " + words("refurbished_default")
    return text


def _reference_date(profile: ProcurementProfile, words: Wording) -> str:
    """The reference date; when the profile gives none, say it is today and where."""
    day = format_date(profile.procurement.reference_date, words.lang)
    zone = profile.reference_date_zone
    if zone is None:
        return day
    if zone == "local":
        return words("reference_date_local", date=day)
    return words("reference_date_today", date=day, zone=zone)


def lot_refs(profile: ProcurementProfile, lot_ids: list[str], words: Wording) -> str:
    names = {lot.id: lot.name for lot in profile.lots}
    return ", ".join(
        words("lot_ref", id=lot_id, name=names[lot_id]) if lot_id in names else lot_id
        for lot_id in lot_ids
    )
