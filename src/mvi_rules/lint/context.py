"""What a lint rule sees: the loaded catalogue, the ruleset files as parsed (for lines and
columns), the loader's own problems, and optionally the catalogue at a base git ref."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .._yaml import Located, load_located, plain
from ..catalogue import Catalogue, Entry
from ..errors import CatalogueError, InputError, Problem
from .finding import Finding


@dataclass(frozen=True)
class BaseVersion:
    """The catalogue at the base ref, as raw YAML: criterion id to its mapping and the clause
    template texts (``lang/template`` to text). Raw, so a base that no longer loads still
    compares."""

    ref: str
    criteria: dict[str, dict[str, Any]]
    templates: dict[str, str]


def position(located: Located, loc: Sequence[str | int]) -> tuple[int, int]:
    """1-based line and column of the value at ``loc`` (or its deepest existing parent)."""
    node: Any = located.data
    line, col = 1, 1
    for key in loc:
        if isinstance(node, CommentedMap) and key in node:
            pos = node.lc.key(key)
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            pos = node.lc.item(key)
        else:
            break
        line, col = pos[0] + 1, pos[1] + 1
        node = node[key]
    return line, col


@dataclass
class LintContext:
    """Everything the rules need; built once per lint run by :func:`build_context`."""

    rulesets_dir: Path
    templates_dir: Path
    catalogue: Catalogue | None
    problems: list[Problem]
    base: BaseVersion | None = None
    _files: dict[Path, Located] = field(default_factory=dict)

    def located(self, path: Path) -> Located | None:
        """The parsed ruleset file (cached), or ``None`` when it cannot be read."""
        if path not in self._files:
            try:
                self._files[path] = load_located(path, CatalogueError)
            except InputError:
                return None
        return self._files[path]

    @cached_property
    def criterion_index(self) -> dict[str, tuple[Path, int]]:
        """Criterion id to its ruleset file and index in that file's ``criteria`` list."""
        out: dict[str, tuple[Path, int]] = {}
        if self.catalogue is None:
            return out
        for path in sorted({e.file for e in self.catalogue}):
            located = self.located(path)
            data = plain(located.data) if located is not None else None
            if not isinstance(data, dict) or not isinstance(data.get("criteria"), list):
                continue
            for index, item in enumerate(data["criteria"]):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    out.setdefault(item["id"], (path, index))
        return out

    def raw(self, entry: Entry) -> dict[str, Any]:
        """The criterion's mapping as written in its file (plain dicts and lists)."""
        found = self.criterion_index.get(entry.criterion.id)
        located = self.located(found[0]) if found is not None else None
        if found is None or located is None:
            return {}
        item = plain(located.data)["criteria"][found[1]]
        return item if isinstance(item, dict) else {}

    def at(self, entry: Entry, *sub: str | int) -> tuple[str, int, int]:
        """File, line and column of field ``sub`` of a criterion (or of the criterion)."""
        found = self.criterion_index.get(entry.criterion.id)
        if found is None:
            return str(entry.file), entry.line or 1, 1
        path, index = found
        located = self.located(path)
        if located is None:
            return str(path), entry.line or 1, 1
        line, col = position(located, ("criteria", index, *sub))
        return str(path), line, col

    def finding(self, entry: Entry, code: str, message: str, *sub: str | int) -> Finding:
        """A finding about ``entry``, placed at field ``sub`` of the criterion."""
        file, line, col = self.at(entry, *sub)
        return Finding(
            file=file, line=line, col=col, code=code, message=message, criterion=entry.criterion.id
        )

    def template_file(self, entry: Entry, lang: str) -> Path:
        """The clause template of ``entry`` in ``lang``."""
        assert self.catalogue is not None
        return self.catalogue.template_path(entry.criterion.template, lang)
