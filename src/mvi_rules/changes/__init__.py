"""The change checker for running contracts: which drawer of the "ladekast" does a change fit?

A contract ledger (YAML) records a running contract, the options it contains and the changes
already made. :func:`check_change` tests a proposed change against every ground for modifying a
contract without a new procedure (Aw 2012 art. 2.163b-g; the Belgian AUR equivalents), in the
practitioner's order, with the arithmetic written out, and recommends the largest drawer that
fits::

    from mvi_rules.changes import append_change, check_change, load_ledger, render_text, write_memo

    ledger = load_ledger("examples/ledgers/gemeente-laptops.yaml")
    result = check_change(ledger)              # the ledger's proposed_change
    print(render_text(result))                 # or result.to_json()
    write_memo(result, "memo.docx")            # for the legal adviser
    append_change("examples/ledgers/gemeente-laptops.yaml", "2.163d")   # record it

Money is :class:`decimal.Decimal` (exact). Errors are :class:`~mvi_rules.errors.LedgerError`
(with file, field and line) or :class:`AppendRefusedError`.
"""

from __future__ import annotations

from .check import AppendRefusedError, check_change, ensure_appendable, recommend
from .drawers import (
    CHECKS,
    Context,
    check_additional,
    check_de_minimis,
    check_new_contractor,
    check_non_substantial,
    check_review_clause,
    check_unforeseeable,
    references,
)
from .ledger import (
    PRACTITIONER_ORDER,
    Contract,
    ContractKind,
    ContractOption,
    Ground,
    Indexation,
    Ledger,
    ProposedChange,
    RecordedChange,
    Regime,
    UtilitiesSubject,
    ground_choices,
)
from .limits import DeMinimisLimit, de_minimis_limit, ledger_problems
from .memo import build_memo, render_memo, write_memo
from .render import render_text
from .result import ChangeCheck, DrawerResult, Notice, Recommendation, Verdict
from .store import append_change, load_ledger
from .texts import Lang

__all__ = [
    "CHECKS",
    "PRACTITIONER_ORDER",
    "AppendRefusedError",
    "ChangeCheck",
    "Context",
    "Contract",
    "ContractKind",
    "ContractOption",
    "DeMinimisLimit",
    "DrawerResult",
    "Ground",
    "Indexation",
    "Lang",
    "Ledger",
    "Notice",
    "ProposedChange",
    "Recommendation",
    "RecordedChange",
    "Regime",
    "UtilitiesSubject",
    "Verdict",
    "append_change",
    "build_memo",
    "check_additional",
    "check_change",
    "check_de_minimis",
    "check_new_contractor",
    "check_non_substantial",
    "check_review_clause",
    "check_unforeseeable",
    "de_minimis_limit",
    "ensure_appendable",
    "ground_choices",
    "ledger_problems",
    "load_ledger",
    "recommend",
    "references",
    "render_memo",
    "render_text",
    "write_memo",
]
