"""Points of attention that follow from the value, the term and the procedure.

These notices carry codes and figures only (their English ``message`` is for logs and JSON);
the document writes its own sentence for each code in its language and jurisdiction.
"""

from __future__ import annotations

from ..profile.model import Jurisdiction, ProcurementProfile
from .result import Notice, ValueEstimate

#: Codes a document shows at the top, before anything else: the buyer must decide first.
BLOCKING = ("value-threshold-crossing", "procedure-below-threshold-only")

#: Above this share of the initial value, options deserve a second look.
OPTIONS_ATTENTION_SHARE = 0.5

#: Belgium: the term including renewals is in general at most four years; the Netherlands:
#: a framework agreement runs at most four years unless there is a stated reason.
FOUR_YEARS = 4


def economics_notices(profile: ProcurementProfile, estimate: ValueEstimate) -> list[Notice]:
    """The value, term and procedure notices for ``profile``, blocking ones first."""
    proc = profile.procurement
    out: list[Notice] = []
    if estimate.readings_differ:
        out.append(
            Notice(
                code="value-threshold-crossing",
                message=f"the stated value {estimate.stated_eur:.2f} EUR is below the EU"
                f" threshold {estimate.threshold_eur:.2f} EUR, but the value including"
                f" extensions, options and incentive caps, {estimate.total_eur:.2f} EUR, is not;"
                " the total counts",
            )
        )
    if proc.procedure is not None and proc.procedure.is_national and estimate.above:
        out.append(
            Notice(
                code="procedure-below-threshold-only",
                message=f"procedure {proc.procedure} is for contracts below the EU threshold,"
                f" but the value including options, {estimate.total_eur:.2f} EUR, reaches it",
            )
        )
    added = estimate.amount("option") + estimate.amount("incentive")
    if estimate.initial_eur > 0 and added > OPTIONS_ATTENTION_SHARE * estimate.initial_eur:
        out.append(
            Notice(
                code="options-over-half",
                message=f"options and incentive caps add {added:.2f} EUR, more than half of"
                f" the initial value {estimate.initial_eur:.2f} EUR",
            )
        )
    included = [line for line in estimate.lines if line.included_in_stated]
    if any(line.kind != "extension" for line in included):
        out.append(
            Notice(
                code="options-in-stated-value",
                message="the stated value includes the options, so the options of the annex"
                f" come off the initial term, which keeps {estimate.initial_eur:.2f} EUR",
            )
        )
    if not estimate.per_lot and len(profile.lots) > 1:
        partial = sorted(
            {
                line.criterion_id
                for line in estimate.lines
                if line.criterion_id and len(line.lot_ids) < len(profile.lots)
            }
        )
        if partial:
            out.append(
                Notice(
                    code="lot-values-missing",
                    message="options that apply to some lots only are valued against the whole"
                    " estimated value, because the lots have no values of their own: "
                    + ", ".join(partial),
                )
            )
    maximum = proc.maximum_term_years
    if profile.buyer.jurisdiction is Jurisdiction.BE and maximum > FOUR_YEARS:
        out.append(
            Notice(
                code="be-term-over-four-years",
                message=f"the term including extensions is {maximum} years, more than four",
            )
        )
    if (
        profile.buyer.jurisdiction is Jurisdiction.NL
        and proc.framework_agreement
        and maximum > FOUR_YEARS
    ):
        out.append(
            Notice(
                code="framework-over-four-years",
                message=f"the framework agreement runs {maximum} years including extensions;"
                " more than four years needs a stated reason",
            )
        )
    return out
