"""Writing output files: never overwrite without --force (also under races), never write
through a symlink or device, never leave our temporary files behind."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mvi_rules._atomic import clean_stale_temp_files, write_atomic
from mvi_rules.errors import MviRulesError, OutputExistsError

from .race_workers import write_rounds


def test_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "annex.docx"
    target.write_bytes(b"mine")
    with pytest.raises(OutputExistsError, match="already exists"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"mine"
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["annex.docx"]


def test_new_file_gets_the_data(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, b"{}\n")
    assert target.read_bytes() == b"{}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_racing_writers_never_overwrite_without_force(tmp_path: Path) -> None:
    # Four processes create the same files at the same moment: for each file exactly one wins,
    # and the file holds the winner's bytes, whole.
    workers, rounds = 4, 60
    targets = [str(tmp_path / f"out{i}.txt") for i in range(rounds)]
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(workers)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=write_rounds, args=(barrier, targets, me, results))
        for me in range(workers)
    ]
    for proc in procs:
        proc.start()
    outcomes = [results.get(timeout=120) for _ in range(workers * rounds)]
    for proc in procs:
        proc.join(timeout=60)
        assert proc.exitcode == 0
    for target in targets:
        winners = [me for t, me, won in outcomes if t == target and won]
        assert len(winners) == 1, (target, winners)
        assert Path(target).read_bytes() == f"worker {winners[0]}\n".encode() * 64
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(Path(t).name for t in targets)


@pytest.mark.parametrize("force", [False, True])
def test_symlink_is_never_written_through_or_replaced(tmp_path: Path, force: bool) -> None:
    real = tmp_path / "real.docx"
    real.write_bytes(b"precious")
    link = tmp_path / "annex.docx"
    link.symlink_to(real)
    with pytest.raises(MviRulesError, match=r"annex\.docx: it is a symbolic link, not a regular"):
        write_atomic(link, b"new", force=force)
    assert link.is_symlink() and real.read_bytes() == b"precious"


def test_dangling_symlink_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "annex.docx"
    link.symlink_to(tmp_path / "nowhere.docx")
    with pytest.raises(MviRulesError, match="symbolic link"):
        write_atomic(link, b"new")
    assert link.is_symlink() and not (tmp_path / "nowhere.docx").exists()


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_device_is_refused_even_with_force() -> None:
    with pytest.raises(MviRulesError, match=r"/dev/null: it is a device"):
        write_atomic(Path("/dev/null"), b"new", force=True)
    assert Path("/dev/null").is_char_device()


def test_directory_and_fifo_are_refused(tmp_path: Path) -> None:
    with pytest.raises(MviRulesError, match="it is a directory"):
        write_atomic(tmp_path, b"x", force=True)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(MviRulesError, match="named pipe"):
        write_atomic(fifo, b"x", force=True)


def test_stale_temp_file_of_a_killed_writer_is_removed(tmp_path: Path) -> None:
    # A real writer killed mid-write: a child process with a pid that is gone afterwards.
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = int(child.stdout)
    stale = tmp_path / f".annex.docx.{dead}-0123456789abcdef.tmp"
    stale.write_bytes(b"half a document")
    mine = tmp_path / f".other.docx.{os.getpid()}-0123456789abcdef.tmp"
    mine.write_bytes(b"being written by a live process")
    unrelated = tmp_path / ".notes.tmp"
    unrelated.write_bytes(b"not ours")
    write_atomic(tmp_path / "annex.docx", b"doc")
    assert not stale.exists()
    assert mine.exists() and unrelated.exists()
    assert clean_stale_temp_files(tmp_path) == []


def test_killed_writer_leaves_nothing_after_the_next_write(tmp_path: Path) -> None:
    # SIGKILL a process while it writes a large file; the next write removes its temp file.
    script = (
        "import sys; from pathlib import Path; from mvi_rules._atomic import write_atomic\n"
        "import mvi_rules._atomic as a, os\n"
        "real = os.fsync\n"
        "def stall(fd):\n"
        "    print('writing', flush=True); sys.stdin.read()\n"
        "a.os.fsync = stall\n"
        "write_atomic(Path(sys.argv[1]), b'x' * 1_000_000)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path / "big.docx")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline() == "writing\n"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert len(list(tmp_path.glob(".big.docx.*.tmp"))) == 1
    write_atomic(tmp_path / "other.docx", b"doc")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.docx"]


def test_write_error_names_the_target_not_the_temp_file(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: permissions are not enforced")
        with pytest.raises(MviRulesError) as info:
            write_atomic(folder / "annex.docx", b"doc")
        message = str(info.value)
        assert message.startswith(f"cannot write {folder / 'annex.docx'}: Permission denied")
        assert ".tmp" not in message
    finally:
        folder.chmod(0o700)


def test_no_space_names_the_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # ENOSPC while the data is flushed to disk.
    import mvi_rules._atomic as atomic

    def full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(MviRulesError, match=r"cannot write .*annex\.docx: No space left on device"):
        write_atomic(tmp_path / "annex.docx", b"doc")
    assert list(tmp_path.iterdir()) == []


def _cli(*args: str) -> tuple[int, str]:
    from click.testing import CliRunner

    from mvi_rules.cli import main

    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr


PROFILE = str(Path(__file__).resolve().parent.parent / "examples" / "gemeente-laptops.yaml")


def test_cli_refuses_a_directory_or_symlink_as_output_with_status_1(tmp_path: Path) -> None:
    code, err = _cli("generate", PROFILE, "-o", str(tmp_path))
    assert code == 1 and f"refusing to write {tmp_path}: it is a directory" in err
    real = tmp_path / "real.docx"
    real.write_bytes(b"precious")
    link = tmp_path / "annex.docx"
    link.symlink_to(real)
    code, err = _cli("generate", PROFILE, "-o", str(link), "--force")
    assert code == 1 and "it is a symbolic link, not a regular file" in err
    assert real.read_bytes() == b"precious" and link.is_symlink()
