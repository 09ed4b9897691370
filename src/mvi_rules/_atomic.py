"""Atomic file writes: a reader never sees a half-written file, and nothing is overwritten unasked.

The data goes to a temporary file in the target's directory, named ``.<target>.<pid>-<random>.tmp``
so that a later write can recognise the leftovers of a process that was killed mid-write (its
pid no longer runs) and remove them. Without ``force`` the temporary file is hard-linked to the
target, which the operating system refuses if the target exists: "never overwrite without
--force" holds even when two processes write the same file at once. With ``force`` it replaces
the target by a rename. Symbolic links (dangling or not), device nodes, directories and other
non-regular files are never written through or replaced.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from pathlib import Path

from .errors import MviRulesError, OutputExistsError

#: Our temporary files: ``.<target name>.<pid>-<16 hex digits>.tmp``.
_TEMP_PATTERN = re.compile(r"\..+\.(?P<pid>[0-9]+)-[0-9a-f]{16}\.tmp\Z")
#: Temporary files of mvi-rules 0.x before the pid was in the name: ``.<target>.<16 hex>.tmp``.
_OLD_TEMP_PATTERN = re.compile(r"\..+\.[0-9a-f]{16}\.tmp\Z")
#: An old-style temporary file this old (seconds) is a leftover, whatever wrote it.
_OLD_TEMP_AGE = 3600.0


def check_writable_target(path: Path, *, force: bool) -> None:
    """Refuse ``path`` before any work is done: not a regular file, or existing without ``force``.

    Raises :class:`MviRulesError` for a symbolic link (also a dangling one), a directory, a
    device node, a FIFO or a socket, and :class:`OutputExistsError` for an existing regular
    file when ``force`` is false.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise MviRulesError(f"cannot write {path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise MviRulesError(
            f"refusing to write {path}: it is {_kind(info.st_mode)}, not a regular file "
            "(mvi-rules never writes through or replaces one, not even with --force); "
            "choose another output path"
        )
    if not force:
        raise OutputExistsError(path)


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory.

    Raises :class:`OutputExistsError` when ``path`` exists and ``force`` is false (also when
    another process creates it meanwhile), and :class:`MviRulesError` naming ``path`` when it is
    not a regular file or the write fails (no space, no permission, ...); the target is then
    unchanged and no temporary file is left.
    """
    path = Path(path)
    check_writable_target(path, force=force)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise MviRulesError(f"cannot write {path}: directory {directory} does not exist")
    clean_stale_temp_files(directory)
    # Not tempfile.mkstemp: it creates files readable by the owner only, and a tender document
    # should get the permissions any other new file gets (0666 less the umask).
    tmp_name = str(directory / f".{path.name}.{os.getpid()}-{secrets.token_hex(8)}.tmp")
    try:
        fd = os.open(tmp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        # The error would name the hidden temporary file; the user knows the target.
        raise MviRulesError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:  # ENOSPC, EFBIG, EIO, ...
            raise MviRulesError(f"cannot write {path}: {exc.strerror or exc}") from None
        if force:
            # Checked again just before: a symlink or device put there meanwhile is refused.
            check_writable_target(path, force=True)
            os.replace(tmp_name, path)
        else:
            _create_exclusively(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def _create_exclusively(tmp_name: str, path: Path) -> None:
    """Give the temporary file the name ``path``, failing if ``path`` exists by then."""
    try:
        os.link(tmp_name, path)
    except FileExistsError:
        check_writable_target(path, force=True)  # a symlink put there says so, not "exists"
        raise OutputExistsError(path) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV):
            raise MviRulesError(f"cannot write {path}: {exc.strerror or exc}") from None
        # A file system without hard links: claim the name with an exclusive create, then
        # move the finished file over the (still empty) claimed file.
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            raise OutputExistsError(path) from None
        os.replace(tmp_name, path)
        return
    os.unlink(tmp_name)


def clean_stale_temp_files(directory: Path) -> list[Path]:
    """Remove temporary files of ours in ``directory`` left by a process that no longer runs.

    A write killed half-way (SIGKILL, power loss) leaves its hidden temporary file behind; the
    next write to the same directory removes it. Files of processes still running are kept.
    Returns the files removed; errors (no permission, already gone) are ignored.
    """
    removed: list[Path] = []
    try:
        names = os.listdir(directory)
    except OSError:
        return removed
    now = time.time()
    for name in names:
        if not name.endswith(".tmp") or not name.startswith("."):
            continue
        candidate = directory / name
        match = _TEMP_PATTERN.match(name)
        try:
            info = os.lstat(candidate)
            if not stat.S_ISREG(info.st_mode):
                continue
            if match is not None:
                if _running(int(match["pid"])):
                    continue
            elif not (_OLD_TEMP_PATTERN.match(name) and now - info.st_mtime > _OLD_TEMP_AGE):
                continue
            os.unlink(candidate)
        except OSError:
            continue
        removed.append(candidate)
    return removed


def _running(pid: int) -> bool:
    # On Windows os.kill(pid, 0) would terminate the process: never remove anything there.
    if pid == os.getpid() or os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # it exists (another user's), or the number is not a pid: leave it alone
    return True
