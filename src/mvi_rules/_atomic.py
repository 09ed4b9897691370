"""Atomic file writes: a reader never sees a half-written file."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from .errors import MviRulesError, OutputExistsError


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory and a rename.

    Raises :class:`OutputExistsError` when ``path`` exists and ``force`` is false.
    """
    path = Path(path)
    if path.exists() and not force:
        raise OutputExistsError(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise MviRulesError(f"cannot write {path}: directory {directory} does not exist")
    # Not tempfile.mkstemp: it creates files readable by the owner only, and a tender document
    # should get the permissions any other new file gets (0666 less the umask).
    tmp_name = str(directory / f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if not force and path.exists():
            raise OutputExistsError(path)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
