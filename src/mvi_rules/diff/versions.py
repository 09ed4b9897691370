"""A catalogue version from a directory or a git ref, without checking anything out.

A git ref's ``rulesets/`` and ``clause_templates/`` are read with ``git ls-tree`` and
``git cat-file`` (the blobs ``git show REF:path`` prints) into a temporary directory, which
the caller's ``with`` block owns and removes.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import VersionError

RULESETS, TEMPLATES = "rulesets", "clause_templates"


@dataclass(frozen=True)
class VersionDirs:
    """Where a catalogue version's files are on disk, and how the user named it."""

    label: str
    rulesets: Path
    templates: Path
    #: The temporary directory a git ref was read into (``None`` for a directory).
    root: Path | None = None


def _git(repo: Path, *args: str, data: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), *args],
            input=data,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise VersionError("git is not installed; give directories instead of git refs") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise VersionError(f"git {args[0]} failed: {message[-1] if message else done.returncode}")
    return done.stdout


def repo_root(path: Path) -> Path:
    """The top of the git work tree holding ``path``."""
    start = path if path.is_dir() else path.parent
    try:
        return Path(_git(start, "rev-parse", "--show-toplevel").decode().strip())
    except VersionError:
        raise VersionError(
            f"{start} is not in a git repository; a git ref needs one (or give directories)"
        ) from None


def directory_version(path: Path, templates: Path | None = None) -> VersionDirs | None:
    """A catalogue in a directory: a rulesets dir (holding ``catalogue.yaml``) with its
    templates beside it in ``../clause_templates``, or a checkout holding both."""
    if not path.is_dir():
        return None
    if (path / RULESETS / "catalogue.yaml").is_file():
        return VersionDirs(str(path), path / RULESETS, templates or path / TEMPLATES)
    if (path / "catalogue.yaml").is_file():
        return VersionDirs(str(path), path, templates or path.parent / TEMPLATES)
    return None


def read_ref(repo: Path, ref: str, rulesets: str, templates: str, into: Path) -> VersionDirs:
    """Write ``rulesets`` and ``templates`` (paths in the repo) at ``ref`` under ``into``."""
    try:
        _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except VersionError:
        raise VersionError(
            f"{ref} is neither a catalogue directory nor a git ref in {repo}"
        ) from None
    listing = _git(repo, "ls-tree", "-r", "-z", ref, "--", rulesets, templates)
    blobs: list[tuple[str, str]] = []
    for item in listing.split(b"\0"):
        if not item:
            continue
        meta, name = item.decode("utf-8").split("\t", 1)
        _mode, kind, sha = meta.split()
        if kind == "blob":
            blobs.append((sha, name))
    if not any(PurePosixPath(n).parent == PurePosixPath(rulesets) for _, n in blobs):
        raise VersionError(f"{ref} has no {rulesets}/ directory in {repo}")
    batch = _git(repo, "cat-file", "--batch", data="".join(f"{s}\n" for s, _ in blobs).encode())
    pos = 0
    for _sha, name in blobs:
        header_end = batch.index(b"\n", pos)
        size = int(batch[pos:header_end].split()[2])
        content = batch[header_end + 1 : header_end + 1 + size]
        pos = header_end + 1 + size + 1
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return VersionDirs(ref, into / rulesets, into / templates, into)


@contextmanager
def open_version(
    spec: str, repo: Path | None = None, rulesets: str = RULESETS, templates: str = TEMPLATES
) -> Iterator[VersionDirs]:
    """The catalogue version ``spec`` names: a directory, else a git ref of ``repo`` (default:
    the git work tree of the current directory), read into a temporary directory."""
    found = directory_version(Path(spec))
    if found is not None:
        yield found
        return
    if Path(spec).exists():
        raise VersionError(
            f"{spec} is not a catalogue: expected a rulesets directory (with catalogue.yaml) or"
            " a directory holding rulesets/ and clause_templates/"
        )
    root = repo if repo is not None else repo_root(Path.cwd())
    tmp = Path(tempfile.mkdtemp(prefix="mvi-rules-version-"))
    try:
        yield read_ref(root, spec, rulesets, templates, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
