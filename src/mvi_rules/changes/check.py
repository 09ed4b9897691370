"""Checking a proposed change against every drawer, in the practitioner's order, and choosing one.

:func:`assess_change` produces the language-neutral :class:`~mvi_rules.changes.result.Assessment`;
:func:`check_change` renders it in one language (the :class:`~mvi_rules.changes.result.ChangeCheck`
the text report, the JSON and the memo are made from).
"""

from __future__ import annotations

from pathlib import Path

from .._validation import field_path
from ..catalogue import ThresholdTable, load_thresholds
from ..errors import AppendRefusedError, LedgerError, Problem
from .advice import notes, recommend
from .grounds import REGISTRY, Context
from .ledger import PRACTITIONER_ORDER, Ground, Ledger, ProposedChange, Regime
from .limits import find_regime
from .message import msg
from .problems import Loc, ledger_problems, proposed_problems
from .render.report import render_check
from .result import Assessment, ChangeCheck, DrawerResult, Verdict
from .texts import Lang


def _field(loc: Loc) -> str:
    return field_path(loc)


def check_change(
    ledger: Ledger,
    proposed: ProposedChange | None = None,
    *,
    lang: Lang = "nl",
    thresholds: ThresholdTable | None = None,
    source: str | Path = "<ledger>",
    proposed_label: str = "proposed_change",
) -> ChangeCheck:
    """Check a proposed change against every drawer, worded in ``lang`` (``nl`` or ``en``).

    The same as :func:`assess_change` followed by rendering; the result keeps the
    language-neutral assessment in ``assessment``. Arguments and errors as for
    :func:`assess_change`.
    """
    assessment = assess_change(
        ledger, proposed, thresholds=thresholds, source=source, proposed_label=proposed_label
    )
    return render_check(assessment, lang)


def assess_change(
    ledger: Ledger,
    proposed: ProposedChange | None = None,
    *,
    thresholds: ThresholdTable | None = None,
    source: str | Path = "<ledger>",
    proposed_label: str = "proposed_change",
) -> Assessment:
    """Check a proposed change against every drawer of the ledger's contract, in no language.

    ``proposed`` defaults to the ledger's ``proposed_change``. ``thresholds`` defaults to the
    EU threshold table shipped with mvi-rules. ``source`` and ``proposed_label`` only name
    things in error messages (e.g. the ledger file, and ``--amount/--date`` for a change given
    on the command line).

    Raises :class:`~mvi_rules.errors.LedgerError` when the ledger is inconsistent (dates before
    the award, an overflowed de-minimis drawer, unknown options, ...) or names no change.
    """
    table = thresholds if thresholds is not None else load_thresholds()
    source = str(source)
    problems = [Problem(source, _field(loc), msg) for loc, msg in ledger_problems(ledger, table)]
    change = proposed if proposed is not None else ledger.proposed_change
    if change is None:
        problems.append(
            Problem(
                source,
                "proposed_change",
                "no proposed change: add a proposed_change entry to the ledger, or give one on "
                "the command line (--amount and --date)",
            )
        )
    elif proposed is not None:
        problems.extend(
            Problem(source, f"{proposed_label}.{_field(loc)}", msg)
            for loc, msg in proposed_problems(ledger, proposed)
        )
    if problems:
        raise LedgerError(problems)
    assert change is not None  # for mypy: a missing change was reported above
    finding = find_regime(ledger, table)
    assert finding is not None  # ledger_problems reports a regime that cannot be derived

    ctx = Context(ledger=ledger, proposed=change, thresholds=table, regime=finding.regime)
    drawers = [REGISTRY[g].check(ctx) for g in PRACTITIONER_ORDER]
    contract = ledger.contract
    if finding.derived:
        assert finding.estimated_value is not None and finding.threshold is not None
        regime_basis = msg(
            "regime.derived_european"
            if finding.regime is Regime.EUROPEAN
            else "regime.derived_below",
            value=finding.estimated_value,
            threshold=finding.threshold,
            date=contract.award_date,
        )
    else:
        regime_basis = msg(
            "regime.stated_european" if finding.regime is Regime.EUROPEAN else "regime.stated_below"
        )
    return Assessment(
        source=source,
        contract=contract,
        proposed_change=change,
        history=list(ledger.changes),
        base_value_eur=contract.base_value_eur,
        base_is_indexed=contract.indexation is not None,
        regime=finding.regime,
        regime_basis=regime_basis,
        by_analogy=finding.regime is Regime.BELOW_THRESHOLD,
        drawers=drawers,
        advice=recommend(drawers, ctx),
        notes=notes(ctx, drawers),
    )


def ensure_appendable(result: ChangeCheck, ground: Ground) -> DrawerResult:
    """The drawer result for ``ground`` if the change may be recorded under it; else refuse.

    A change may be recorded under a drawer whose numbers pass (the buyer has confirmed the
    conditions by choosing it) or that only a legal adviser can judge; never under a drawer that
    does not fit, does not apply, or could not be checked, and never twice.
    """
    change = result.proposed_change
    for i, earlier in enumerate(result.history):
        if (earlier.date, earlier.amount_eur, earlier.description) == (
            change.date,
            change.amount_eur,
            change.description,
        ):
            raise AppendRefusedError(
                f"this change (same date, amount and description) is already recorded as "
                f"changes[{i}]; not recording it twice"
            )
    drawer = result.drawer(ground)
    if drawer.verdict in (Verdict.FITS, Verdict.CONDITIONAL, Verdict.LEGAL_REVIEW):
        if not result.proposed_change.description:
            raise AppendRefusedError(
                "cannot record the change without a description; give --description (or "
                "proposed_change.description) so the ledger says what changed"
            )
        return drawer
    raise AppendRefusedError(
        f"cannot record the change under {drawer.label} ({ground.value}): "
        f"{drawer.verdict_text.lower()}: {drawer.reason}"
    )
