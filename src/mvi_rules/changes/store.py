"""Reading a ledger file, and recording an accepted change in it without losing anything.

Recording rewrites the file through :func:`~mvi_rules._atomic.write_atomic` (a reader never sees
half a ledger), keeps the user's comments, key order and indentation through ruamel.yaml's
round-trip mode, and refuses to write unless the new file reads back as the old one plus
exactly the new entry.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

from .._atomic import check_writable_target, write_atomic
from .._validation import field_path, problems_from, validate_located
from .._yaml import Located, load_located, plain
from ..catalogue import ThresholdTable, load_thresholds
from ..errors import AppendRefusedError, LedgerError, MviRulesError, Problem
from ..profile.model import Jurisdiction
from .check import check_change, ensure_appendable
from .ledger import Ground, Ledger, ProposedChange, RecordedChange
from .lock import ledger_lock
from .problems import ledger_problems
from .result import ChangeCheck
from .texts import Lang


def load_ledger(path: str | Path, *, thresholds: ThresholdTable | None = None) -> Ledger:
    """Load and check a ledger file (``.yaml``, ``.yml`` or ``.json``).

    Raises :class:`~mvi_rules.errors.LedgerError` listing every problem with file, field and
    line: schema errors, dates before the award, unknown grounds or options, and a history that
    does not add up (an overflowed de-minimis drawer, an option used beyond its maximum).
    """
    located = load_located(Path(path), LedgerError)
    ledger = validate_located(Ledger, located, LedgerError)
    table = thresholds if thresholds is not None else load_thresholds()
    problems = [
        Problem(str(located.path), field_path(loc), msg, located.line_of(loc))
        for loc, msg in ledger_problems(ledger, table)
    ]
    if problems:
        raise LedgerError(problems)
    return ledger


def _yaml_number(amount: Decimal) -> int | float:
    # Whole euros stay integers; cents go out as a float whose repr is the exact decimal text
    # (true for any amount with at most 15 significant digits), so the file reads back exactly.
    if amount == amount.to_integral_value():
        return int(amount)
    value = float(amount)
    if Decimal(repr(value)) != amount:
        raise MviRulesError(f"cannot write {amount} exactly as a YAML number")
    return value


def _entry(proposed: ProposedChange, ground: Ground, jurisdiction: Jurisdiction) -> CommentedMap:
    entry = CommentedMap()
    entry["date"] = proposed.date
    entry["amount_eur"] = _yaml_number(proposed.amount_eur)
    entry["description"] = proposed.description
    # Dutch ledgers speak in articles; Belgian ones in the neutral ground names.
    entry["ground"] = ground.nl_article if jurisdiction is Jurisdiction.NL else ground.value
    if proposed.option is not None and ground is Ground.REVIEW_CLAUSE:
        entry["option"] = proposed.option
    entry["note"] = f"recorded by mvi-rules on {dt.date.today().isoformat()}"
    return entry


def append_change(
    path: str | Path,
    ground: Ground | str,
    proposed: ProposedChange | None = None,
    *,
    thresholds: ThresholdTable | None = None,
    lang: Lang = "nl",
) -> tuple[ChangeCheck, RecordedChange]:
    """Record a proposed change in the ledger file under ``ground``; return the check and entry.

    ``proposed`` defaults to the ledger's ``proposed_change``, which is then removed from the file
    (it has become a recorded change, and checking it again would count it twice). The change is
    checked first and refused (:class:`~mvi_rules.errors.AppendRefusedError`, naming the
    ledger) unless the chosen drawer fits or is for the legal adviser to judge. Earlier entries
    are never dropped: the rewritten file must read back as the old one plus exactly one entry,
    or nothing is written. The whole read-check-write holds an advisory lock on the ledger
    (:func:`~mvi_rules.changes.lock.ledger_lock`), so runs recording changes at once never lose
    one; :class:`~mvi_rules.changes.lock.LedgerLockedError` names the ledger when the lock
    stays taken too long.
    """
    path = Path(path)
    chosen = ground if isinstance(ground, Ground) else Ground.parse(ground)
    table = thresholds if thresholds is not None else load_thresholds()
    # The ledger is replaced by a rename, so it must be a regular file (never a symlink).
    check_writable_target(path, force=True)
    # Locked from the first read to the rename: a second run waits, then reads our entry.
    with ledger_lock(path):
        return _append_locked(path, chosen, proposed, table, lang)


def _append_locked(
    path: Path,
    chosen: Ground,
    proposed: ProposedChange | None,
    table: ThresholdTable,
    lang: Lang,
) -> tuple[ChangeCheck, RecordedChange]:
    original = path.read_bytes()
    ledger = load_ledger(path, thresholds=table)
    from_file = proposed is None
    result = check_change(
        ledger,
        proposed,
        lang=lang,
        thresholds=table,
        source=path,
        proposed_label="proposed_change" if from_file else "proposed change",
    )
    try:
        ensure_appendable(result, chosen)
    except AppendRefusedError as exc:
        raise AppendRefusedError(f"{path}: {exc}") from None
    change = result.proposed_change

    text = original.decode("utf-8")
    data, indent, block_seq_indent = load_yaml_guess_indent(text)
    if not isinstance(data, CommentedMap):
        raise LedgerError.single(path, "", "cannot record a change in a JSON or flow-style ledger")
    before = plain(data)
    changes = data.get("changes")
    if changes is None:
        changes = CommentedSeq()
        position = list(data).index("proposed_change") if "proposed_change" in data else len(data)
        data.insert(position, "changes", changes)
    if not isinstance(changes, CommentedSeq):
        raise LedgerError.single(path, "changes", "expected a list of changes")
    # An empty "changes: []" would otherwise grow as one long flow-style line.
    changes.fa.set_block_style()
    # ruamel keeps the comment lines between the last change and the next key on the last
    # change; move them to the new entry so they stay where the user wrote them.
    between = _take_trailing(changes, len(changes) - 1) if len(changes) else None
    entry = _entry(change, chosen, ledger.contract.jurisdiction)
    changes.append(entry)
    _give_trailing(changes, len(changes) - 1, between)
    if from_file and "proposed_change" in data:
        keys = list(data)
        position = keys.index("proposed_change")
        after_proposed = _take_trailing(data, "proposed_change")
        del data["proposed_change"]
        if position > 0:
            _give_trailing(data, keys[position - 1], after_proposed)

    yaml = YAML(typ="rt")
    mapping_indent = _mapping_indent(text)
    if indent is None or block_seq_indent is None:
        # No block sequence in the file yet: use the common "  - key" style.
        indent, block_seq_indent = mapping_indent + 2, mapping_indent
    yaml.indent(mapping=mapping_indent, sequence=indent, offset=block_seq_indent)
    yaml.width = 4096  # never re-wrap the user's long descriptions
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    new_text = buffer.getvalue()

    recorded = _verify(path, new_text, before, from_file, table)
    # The lock only keeps out other mvi-rules runs; an editor may still have saved the file.
    if path.read_bytes() != original:
        raise MviRulesError(f"{path} changed while the change was being recorded; run again")
    mode = stat.S_IMODE(path.stat().st_mode)
    write_atomic(path, new_text.encode("utf-8"), force=True)
    # The new file gets the default mode of new files; give back the ledger's own mode.
    os.chmod(path, mode)
    return result, recorded


def _leaf(holder: Any, key: Any) -> tuple[CommentedMap, Any] | None:
    """The mapping and key of the last scalar under ``holder[key]`` (where ruamel hangs the
    comments that follow it), or ``None`` when the structure is unusual."""
    value = holder[key]
    if isinstance(value, CommentedMap) and len(value):
        return _leaf(value, list(value)[-1])
    if isinstance(value, CommentedSeq) and len(value):
        return _leaf(value, len(value) - 1)
    if isinstance(holder, CommentedMap) and not isinstance(value, (CommentedMap, CommentedSeq)):
        return holder, key
    return None


def _take_trailing(holder: Any, key: Any) -> str | None:
    """Detach the full comment lines after ``holder[key]``; keep an end-of-line comment."""
    found = _leaf(holder, key)
    if found is None:
        return None
    mapping, leaf = found
    slots = mapping.ca.items.get(leaf)
    token = slots[2] if slots and len(slots) > 2 else None
    if token is None:
        return None
    head, _, rest = str(token.value).partition("\n")
    if not rest.strip():
        return None
    if head.strip():
        slots[2] = CommentToken(head + "\n", token.start_mark, None)
    else:
        slots[2] = None
    return rest


def _give_trailing(holder: Any, key: Any, rest: str | None) -> None:
    """Attach comment lines taken by :func:`_take_trailing` after ``holder[key]``."""
    if not rest:
        return
    found = _leaf(holder, key)
    if found is None:
        return
    mapping, leaf = found
    slots = mapping.ca.items.setdefault(leaf, [None, None, None, None])
    while len(slots) < 4:
        slots.append(None)
    existing = slots[2]
    if existing is not None:
        text = str(existing.value)
        text = text if text.endswith("\n") else text + "\n"
        slots[2] = CommentToken(text + rest, existing.start_mark, None)
    else:
        slots[2] = CommentToken("\n" + rest, CommentMark(0), None)


def _mapping_indent(text: str) -> int:
    """How far the file indents a nested mapping (ruamel guesses only sequence indentation)."""
    lines = [
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    for parent, child in itertools.pairwise(lines):
        stripped = parent.split("#", 1)[0].rstrip()
        if not stripped.endswith(":") or stripped.lstrip().startswith("-"):
            continue
        outer = len(parent) - len(parent.lstrip())
        inner = len(child) - len(child.lstrip())
        if inner > outer and not child.lstrip().startswith("-"):
            return inner - outer
    return 2


def _verify(
    path: Path, new_text: str, before: Any, removed_proposed: bool, table: ThresholdTable
) -> RecordedChange:
    """Check the rewritten ledger: everything kept, one entry added, and still a valid ledger."""
    reread = YAML(typ="rt").load(new_text)
    after = plain(reread)
    expected = dict(before)
    if removed_proposed:
        expected.pop("proposed_change", None)
    old_changes = list(expected.pop("changes", None) or [])
    new_changes = list(after.pop("changes", None) or [])
    if (
        after != expected
        or new_changes[:-1] != old_changes
        or len(new_changes) != len(old_changes) + 1
    ):
        raise MviRulesError(
            f"refusing to write {path}: the rewritten ledger would not keep every earlier entry "
            "(this is a bug in mvi-rules; the file is unchanged)"
        )
    located = Located(path, reread)
    try:
        ledger = Ledger.model_validate(plain(reread))
    except ValidationError as exc:
        raise LedgerError(problems_from(exc, located, model=Ledger)) from None
    problems = [
        Problem(str(path), field_path(loc), msg, located.line_of(loc))
        for loc, msg in ledger_problems(ledger, table)
    ]
    if problems:
        raise LedgerError(problems)
    return ledger.changes[-1]
