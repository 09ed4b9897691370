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
from .advice import recommend
from .check import assess_change, check_change, ensure_appendable
from .grounds import REGISTRY, Context, GroundRule
from .law import ChangeLaw, change_law, load_change_law
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
from .limits import DeMinimisLimit, de_minimis_limit
from .message import Msg
from .problems import ledger_problems
from .render import build_memo, render_check, render_memo, render_text, write_memo
from .render.law_text import references
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

__all__ = [
    "PRACTITIONER_ORDER",
    "REGISTRY",
    "Advice",
    "AppendRefusedError",
    "Assessment",
    "ChangeCheck",
    "ChangeLaw",
    "Context",
    "Contract",
    "ContractKind",
    "ContractOption",
    "DeMinimisLimit",
    "DrawerFinding",
    "DrawerResult",
    "Ground",
    "GroundRule",
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
    "build_memo",
    "change_law",
    "check_change",
    "de_minimis_limit",
    "ensure_appendable",
    "ground_choices",
    "ledger_problems",
    "load_change_law",
    "load_ledger",
    "recommend",
    "references",
    "render_check",
    "render_memo",
    "render_text",
    "write_memo",
]
