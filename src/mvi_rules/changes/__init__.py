"""The change checker for running contracts: which drawer of the "ladekast" does a change fit?

A contract ledger (YAML) records a running contract, the options it contains and the changes
already made. :func:`check_change` tests a proposed change against every ground for modifying a
contract without a new procedure (Aw 2012 art. 2.163b-g; the Belgian AUR equivalents), in the
practitioner's order, with the arithmetic written out, and recommends the largest drawer that
fits::

    from mvi_rules.changes import append_change, check_change, load_ledger, render_text, write_memo

    ledger = load_ledger("examples/ledgers/gemeente-laptops.yaml")
    result = check_change(ledger)              # the ledger's proposed_change, in Dutch
    print(render_text(result))                 # or result.to_json()
    write_memo(result, "memo.docx")            # for the legal adviser
    append_change("examples/ledgers/gemeente-laptops.yaml", "2.163d")   # record it

:func:`assess_change` gives the same findings as codes and figures in no language
(:class:`Assessment`); :func:`render_check` words them in Dutch or English. The law applied
(names, conditions, questions, articles) is ``rulesets/changes/grounds.yaml``, and each ground's
arithmetic is one module of :mod:`mvi_rules.changes.grounds`.

Money is :class:`decimal.Decimal` (exact). Errors are :class:`~mvi_rules.errors.LedgerError`
(with file, field and line) or :class:`AppendRefusedError`.
"""

from __future__ import annotations

from ..errors import AppendRefusedError
from .check import assess_change, check_change
from .ledger import (
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
)
from .message import Msg
from .render import render_check, render_memo, render_text, write_memo
from .result import (
    Advice,
    Assessment,
    ChangeCheck,
    DrawerFinding,
    DrawerResult,
    Notice,
    Recommendation,
    Verdict,
)
from .store import append_change, load_ledger
from .texts import Lang

# What a user needs: load a ledger, check or assess a change, word and write the result, record
# it, and the models those take and give. The law file's loader, the grounds' registry and the
# checks' helpers are internals of their modules (mvi_rules.changes.law, .grounds, .check, ...).
__all__ = [
    "Advice",
    "AppendRefusedError",
    "Assessment",
    "ChangeCheck",
    "Contract",
    "ContractKind",
    "ContractOption",
    "DrawerFinding",
    "DrawerResult",
    "Ground",
    "Indexation",
    "Lang",
    "Ledger",
    "Msg",
    "Notice",
    "ProposedChange",
    "Recommendation",
    "RecordedChange",
    "Regime",
    "UtilitiesSubject",
    "Verdict",
    "append_change",
    "assess_change",
    "check_change",
    "load_ledger",
    "render_check",
    "render_memo",
    "render_text",
    "write_memo",
]
