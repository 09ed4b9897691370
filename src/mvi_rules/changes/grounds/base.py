"""What every ground's check shares: the context, the finding it returns, and common phrases.

A check returns a :class:`~mvi_rules.changes.result.DrawerFinding` of codes and figures; the
names, article references and sentences are added when it is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...catalogue.thresholds import ThresholdTable
from ..law import change_law
from ..ledger import (
    PRACTITIONER_ORDER,
    Contract,
    ContractKind,
    Ground,
    Ledger,
    ProposedChange,
    Regime,
)
from ..limits import jurisdiction_is_be
from ..message import Msg, Percent, msg
from ..result import DrawerFinding, NoticeFinding, Verdict


@dataclass(frozen=True)
class Context:
    """What every drawer check needs."""

    ledger: Ledger
    proposed: ProposedChange
    thresholds: ThresholdTable
    regime: Regime

    @property
    def contract(self) -> Contract:
        """The contract as awarded."""
        return self.ledger.contract

    @property
    def base(self) -> Decimal:
        """The (indexed) original value the percentages are taken of."""
        return self.contract.base_value_eur

    @property
    def amount(self) -> Decimal:
        """The proposed change's amount (+ increase, - decrease)."""
        return self.proposed.amount_eur

    @property
    def be(self) -> bool:
        """Whether this is a Belgian contract."""
        return jurisdiction_is_be(self.contract)

    def base_text(self) -> Msg:
        """The base value with what it is: ``de (geïndexeerde) oorspronkelijke waarde € ...``."""
        code = "base.indexed" if self.contract.indexation is not None else "base.original"
        return msg(code, amount=self.base)

    def plus(self, total: Decimal, amount: Decimal) -> Msg:
        """``€ 60.000,00 + € 50.000,00`` or, for a decrease, ``€ 60.000,00 - € 12.500,00``."""
        if amount < 0:
            return msg("sum.minus", total=total, amount=-amount)
        return msg("sum.plus", total=total, amount=amount)

    def substantial(self) -> Msg:
        """The law's word for "substantial": Belgian law says "substantieel", the Aw
        "wezenlijk"."""
        return msg("word.substantial_be" if self.be else "word.substantial_nl")


def finding(ground: Ground, verdict: Verdict, reason: Msg, **fields: Any) -> DrawerFinding:
    """The finding of one drawer (its order follows the practitioner's testing order)."""
    return DrawerFinding(
        ground=ground,
        order=PRACTITIONER_ORDER.index(ground) + 1,
        verdict=verdict,
        reason=reason,
        **fields,
    )


def replacement_only(ctx: Context, ground: Ground) -> DrawerFinding:
    """Any drawer but the new-contractor one, when the change replaces the contractor."""
    reason = msg("replacement_only", substantial=ctx.substantial())
    return finding(ground, Verdict.NOT_APPLICABLE, reason)


def condition(ctx: Context, ground: Ground | None, code: str, **params: Any) -> Msg:
    """A condition the buyer must confirm, worded from ``rulesets/changes/grounds.yaml``."""
    key = f"condition.{code}" if ground is None else f"condition.{ground.value}.{code}"
    return msg(key, substantial=ctx.substantial(), **params)


def question(ctx: Context, ground: Ground, code: str) -> Msg:
    """A question for the legal adviser, worded from ``rulesets/changes/grounds.yaml``."""
    return msg(f"question.{ground.value}.{code}", substantial=ctx.substantial())


def general_nature(ctx: Context) -> Msg:
    """The change leaves the overall nature of the contract as it is (HvJ EU C-282/24)."""
    return condition(ctx, None, "general_nature")


def ratio_line(ctx: Context) -> Msg:
    """The change as a share of the base value (a decrease by its size)."""
    ratio = Percent(rate=abs(ctx.amount) / ctx.base, places=2)
    code = "ratio.decrease" if ctx.amount < 0 else "ratio.increase"
    return msg(code, ratio=ratio, base=ctx.base_text())


def notice(ctx: Context, ground: Ground, required: bool) -> NoticeFinding:
    """The modification notice for a drawer: required for 2.163d/e, optional otherwise.

    Below the EU threshold the duty applies by analogy at most, so it is not required.
    """
    subtype = change_law().notice_subtype(ctx.contract.kind)
    code = ground.bt200
    form = msg("notice.form", subtype=subtype, code=code)
    if not required:
        text = msg("notice.optional", form=form)
    elif change_law().binding(ctx.contract.jurisdiction, ctx.regime) != "binding":
        required, text = False, msg("notice.by_analogy", form=form)
    else:
        where = msg("notice.where_be" if ctx.be else "notice.where_nl")
        text = msg("notice.mandatory", where=where, form=form)
    return NoticeFinding(
        required=required,
        eforms_notice_subtype=subtype,
        bt200_code=code,
        bt202_description=ctx.proposed.description or None,
        text=text,
    )


def is_concession(ctx: Context) -> bool:
    """Whether the contract is a concession (10 % de-minimis, Dir. 2014/23/EU)."""
    return ctx.contract.kind is ContractKind.CONCESSION
