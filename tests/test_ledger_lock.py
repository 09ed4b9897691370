"""Recording changes in a ledger: runs at the same time never lose an entry."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading
from decimal import Decimal
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from mvi_rules.changes import AppendRefusedError, Ground, ProposedChange, append_change
from mvi_rules.changes.lock import LedgerLockedError, ledger_lock, lock_path
from mvi_rules.errors import MviRulesError

from .race_workers import append_rounds

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "ledgers" / "gemeente-laptops.yaml"


def _ledger(path: Path) -> Path:
    """The example ledger without its proposed_change, at ``path``."""
    text = EXAMPLE.read_text(encoding="utf-8")
    path.write_text(text.split("\n# De wijziging die nu")[0] + "\n", encoding="utf-8")
    return path


def _descriptions(path: Path) -> list[str]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return [str(c["description"]) for c in data["changes"]]


def test_two_processes_appending_at_once_keep_both_entries(tmp_path: Path) -> None:
    rounds = 8
    ledgers = [str(_ledger(tmp_path / f"ledger{i}.yaml")) for i in range(rounds)]
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=append_rounds, args=(barrier, ledgers, me, results)) for me in (0, 1)
    ]
    for proc in procs:
        proc.start()
    outcomes = [results.get(timeout=300) for _ in range(2 * rounds)]
    for proc in procs:
        proc.join(timeout=60)
        assert proc.exitcode == 0
    assert [error for _, _, error in outcomes if error] == []
    for ledger in ledgers:
        recorded = _descriptions(Path(ledger))
        assert recorded[0].startswith("Extra laptops voor de nieuwe afdeling")
        assert sorted(recorded[1:]) == ["Change by worker 0", "Change by worker 1"]


def test_a_held_lock_makes_a_second_run_wait_then_fail_naming_the_ledger(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path / "ledger.yaml")
    before = ledger.read_bytes()
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        with ledger_lock(ledger):
            taken.set()
            release.wait(30)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert taken.wait(30)
        with pytest.raises(LedgerLockedError) as info, ledger_lock(ledger, timeout=0.2):
            pass
        assert f"cannot record the change in {ledger}: another run" in str(info.value)
    finally:
        release.set()
        holder.join()
    assert ledger.read_bytes() == before
    assert lock_path(ledger).name == ".ledger.yaml.lock"
    # Free again: the next run records its change.
    change = ProposedChange(date=dt.date(2026, 5, 4), amount_eur=Decimal(500), description="X")
    append_change(ledger, Ground.DE_MINIMIS, change)
    assert _descriptions(ledger)[-1] == "X"


def test_a_refused_append_names_the_ledger(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path / "ledger.yaml")
    change = ProposedChange(
        date=dt.date(2026, 5, 4), amount_eur=Decimal(5_000_000), description="Y"
    )
    with pytest.raises(AppendRefusedError, match=rf"^{ledger}: cannot record the change under"):
        append_change(ledger, Ground.DE_MINIMIS, change)


def test_a_symlinked_ledger_is_refused(tmp_path: Path) -> None:
    real = _ledger(tmp_path / "real.yaml")
    link = tmp_path / "ledger.yaml"
    link.symlink_to(real)
    before = real.read_bytes()
    change = ProposedChange(date=dt.date(2026, 5, 4), amount_eur=Decimal(500), description="Z")
    with pytest.raises(MviRulesError, match="symbolic link"):
        append_change(link, Ground.DE_MINIMIS, change)
    assert real.read_bytes() == before and link.is_symlink()
