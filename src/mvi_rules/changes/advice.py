"""Choosing a drawer, and the notes that go with every check, as language-neutral messages.

The order is 2.163c-f first (the big drawers), then 2.163b (the small drawer, whose budget runs
out), then 2.163g. When several drawers fit, the larger one is recommended: changes put in a
bigger drawer do not eat the de-minimis budget. A decrease is the exception: in the small drawer
it is netted against earlier de-minimis changes and frees budget, so there it comes before
2.163d/e.
"""

from __future__ import annotations

from .grounds import Context
from .law import change_law
from .ledger import PRACTITIONER_ORDER, ContractKind, Ground, Regime
from .limits import jurisdiction_is_be
from .message import Msg, msg
from .result import Advice, DrawerFinding, Verdict


def _decrease_first(passing: list[DrawerFinding]) -> list[DrawerFinding]:
    """For a decrease: the de-minimis drawer before the 50 % drawers (2.163d/e).

    In the de-minimis drawer a decrease is netted against earlier de-minimis changes and frees
    budget for later increases; in 2.163d/e it frees nothing and needs a notice. An option the
    change names (2.163c) stays first: the decrease then gives room back to that option.
    """
    small = [d for d in passing if d.ground is Ground.DE_MINIMIS]
    if not small:
        return passing
    head = [d for d in passing if d.ground is Ground.REVIEW_CLAUSE]
    rest = [d for d in passing if d.ground not in (Ground.REVIEW_CLAUSE, Ground.DE_MINIMIS)]
    return head + small + rest


def _recommended(best: DrawerFinding, rest: list[DrawerFinding], ctx: Context) -> list[Msg]:
    if best.ground is Ground.DE_MINIMIS and "budget_freed" in best.figures:
        # Below the threshold a notice is not mandatory, so a larger drawer only adds conditions.
        code = "advice.decrease" if ctx.regime is Regime.EUROPEAN else "advice.decrease_below"
        text = [
            msg(
                code,
                chosen=msg("ground.chosen", ground=best.ground),
                before=best.figures["net_cumulative_before"],
                after=best.figures["net_cumulative_after"],
                freed=best.figures["budget_freed"],
            )
        ]
    elif best.verdict is Verdict.FITS:
        text = [msg("advice.fits", chosen=msg("ground.chosen", ground=best.ground))]
    else:
        text = [msg("advice.conditional", chosen=msg("ground.chosen", ground=best.ground))]
    if (
        ctx.amount > 0
        and best.ground is not Ground.DE_MINIMIS
        and any(d.ground is Ground.DE_MINIMIS for d in rest)
    ):
        text.append(msg("advice.also_de_minimis"))
    if best.notice is not None and best.notice.required:
        text.append(msg("advice.publish", code=best.notice.bt200_code))
    if rest:
        text.append(msg("advice.fallbacks", grounds=[d.ground for d in rest]))
    return text


def recommend(drawers: list[DrawerFinding], ctx: Context) -> Advice:
    """The largest drawer whose numbers pass, with the others as fallbacks, largest first.

    A decrease that fits the de-minimis drawer is recommended there instead (before 2.163d/e):
    it lowers the net cumulative de-minimis total and so frees budget.
    """
    passing = [d for d in drawers if d.verdict.numeric_pass]
    if ctx.amount < 0:
        passing = _decrease_first(passing)
    review = [d.ground for d in drawers if d.verdict is Verdict.LEGAL_REVIEW]
    if passing:
        best, rest = passing[0], passing[1:]
        return Advice(
            ground=best.ground,
            verdict=best.verdict,
            alternatives=[d.ground for d in rest],
            for_legal_review=review,
            text=_recommended(best, rest, ctx),
        )
    new_procedure = msg(
        "advice.new_procedure_be" if jurisdiction_is_be(ctx.contract) else "advice.new_procedure"
    )
    if review:
        text = [msg("advice.none_review", grounds=review, then=new_procedure)]
    else:
        text = [msg("advice.none", then=new_procedure)]
    if any(d.verdict is Verdict.UNDETERMINED for d in drawers):
        text.append(msg("advice.undetermined"))
    return Advice(ground=None, verdict=None, for_legal_review=review, text=text)


def notes(ctx: Context, drawers: list[DrawerFinding]) -> list[Msg]:
    """What a reader should know about the whole check (regime, indexation, sources, order)."""
    contract = ctx.contract
    be = jurisdiction_is_be(contract)
    found: list[Msg] = []
    # Below the EU threshold the rules bind by analogy at most (rulesets/changes/grounds.yaml).
    if change_law().binding(contract.jurisdiction, ctx.regime) != "binding":
        found.append(msg("note.below_threshold_be" if be else "note.below_threshold_nl"))
    if contract.indexation is not None:
        found.append(
            msg(
                "note.indexed",
                clause=contract.indexation.clause,
                amount=contract.base_value_eur,
            )
        )
    de_minimis = next(d for d in drawers if d.ground is Ground.DE_MINIMIS)
    if "eu_threshold" in de_minimis.figures:
        found.append(msg("note.threshold_date"))
    if be and contract.kind is ContractKind.CONCESSION:
        found.append(msg("note.be_concession"))
    elif be:
        found.append(msg("note.be_articles"))
    code = "note.order_decrease" if ctx.amount < 0 else "note.order"
    found.append(msg(code, grounds=list(PRACTITIONER_ORDER)))
    found.append(msg("note.not_legal_advice"))
    return found
