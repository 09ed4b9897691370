"""What is wrong with a ledger that its schema cannot see, as (field path, message) pairs.

Cross-field rules (dates before award, unknown options, authority type against jurisdiction)
and the history arithmetic, which each ground's module re-checks with its own step.
"""

from __future__ import annotations

from ..catalogue.thresholds import ThresholdTable
from .grounds import History, history_problems
from .ledger import ContractKind, Ground, Ledger, ProposedChange

Loc = tuple[str | int, ...]


def ledger_problems(ledger: Ledger, thresholds: ThresholdTable) -> list[tuple[Loc, str]]:
    """Everything wrong with a ledger that its schema cannot see, as (field path, message).

    Cross-field rules (dates before award, unknown options, authority type against
    jurisdiction) and the history arithmetic: a de-minimis change that overflowed the small
    drawer, an option used beyond its maximum, or a 2.163d/e change above the 50 % cap.
    """
    contract = ledger.contract
    problems: list[tuple[Loc, str]] = []
    award = contract.award_date

    if contract.authority_type.jurisdiction is not contract.jurisdiction:
        valid = sorted(
            t.value
            for t in type(contract.authority_type)
            if t.jurisdiction is contract.jurisdiction
        )
        problems.append(
            (
                ("contract", "authority_type"),
                f"{contract.authority_type.value!r} is not a {contract.jurisdiction.value} "
                f"authority; use one of: {', '.join(valid)}",
            )
        )
    if contract.kind is ContractKind.UTILITIES and contract.utilities_subject is None:
        problems.append(
            (
                ("contract", "kind"),
                "a utilities contract needs contract.utilities_subject: "
                "supplies, services or works",
            )
        )
    if contract.kind is not ContractKind.UTILITIES and contract.utilities_subject is not None:
        problems.append(
            (("contract", "utilities_subject"), "only allowed when contract.kind is utilities")
        )
    if contract.regime is None and thresholds.period_on(award) is None:
        problems.append(
            (
                ("contract", "award_date"),
                f"no EU threshold is known for the award date {award}, so the regime cannot be "
                "derived; state contract.regime: european or below_threshold",
            )
        )
    if contract.indexation and contract.indexation.as_of and contract.indexation.as_of < award:
        problems.append(
            (
                ("contract", "indexation", "as_of"),
                f"date {contract.indexation.as_of} is before the award date {award}",
            )
        )

    ids: dict[str, int] = {}
    for i, opt in enumerate(ledger.options):
        if opt.id in ids:
            problems.append(
                (
                    ("options", i, "id"),
                    f"duplicate option id {opt.id!r} (also options[{ids[opt.id]}])",
                )
            )
        ids.setdefault(opt.id, i)
    known = ", ".join(ids) or "none"

    for i, change in enumerate(ledger.changes):
        if change.date < award:
            problems.append(
                (("changes", i, "date"), f"date {change.date} is before the award date {award}")
            )
        if change.ground is Ground.REVIEW_CLAUSE:
            if change.option is None:
                problems.append(
                    (
                        ("changes", i, "option"),
                        "a change on ground review_clause (2.163c) must name the option it used "
                        f"(options[].id; known: {known})",
                    )
                )
            elif change.option not in ids:
                problems.append(
                    (("changes", i, "option"), f"unknown option {change.option!r} (known: {known})")
                )
        elif change.option is not None:
            problems.append(
                (
                    ("changes", i, "option"),
                    "an option is only recorded for ground review_clause (2.163c), "
                    f"not for {change.ground.value} ({change.ground.nl_article})",
                )
            )

    if ledger.proposed_change is not None:
        problems.extend(
            (("proposed_change", *loc), msg)
            for loc, msg in proposed_problems(ledger, ledger.proposed_change)
        )

    problems.extend(history_problems(History(ledger, thresholds)))
    return problems


def proposed_problems(ledger: Ledger, proposed: ProposedChange) -> list[tuple[Loc, str]]:
    """What is wrong with a proposed change given the ledger (field paths relative to it)."""
    problems: list[tuple[Loc, str]] = []
    award = ledger.contract.award_date
    if proposed.date < award:
        problems.append((("date",), f"date {proposed.date} is before the award date {award}"))
    if proposed.option is not None and ledger.option(proposed.option) is None:
        known = ", ".join(o.id for o in ledger.options) or "none"
        problems.append((("option",), f"unknown option {proposed.option!r} (known: {known})"))
    return problems
