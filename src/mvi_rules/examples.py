"""The example profiles and contract ledgers shipped with mvi-rules.

A buyer who installs the wheel starts from one of these rather than from an empty file::

    from mvi_rules.examples import example_text, list_examples

    for example in list_examples():
        print(example.name, example.kind, example.summary)
    text = example_text("gemeente-laptops")            # a profile, as YAML with comments

Profiles are named by their file name (``gemeente-laptops``); contract ledgers for the change
checker by ``ledgers/`` and their file name (``ledgers/gemeente-laptops``).

In the repository each example starts with a line ``# yaml-language-server: $schema=...`` that
points editors at the JSON Schema by a path relative to the repository. That path is wrong
anywhere else, so :func:`example_text` leaves the line out (``mvi-rules schema profile -o
FILE`` writes a schema to point at instead).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ._resources import examples_dir
from .errors import MviRulesError

LEDGERS = "ledgers"
#: How the editor's schema line starts (yaml-language-server's modeline).
SCHEMA_LINE = "# yaml-language-server:"


@dataclass(frozen=True)
class Example:
    """One shipped example."""

    name: str
    kind: Literal["profile", "ledger"]
    path: Path
    summary: str = ""


def _summary(path: Path) -> str:
    """The first sentence of the file's opening comment."""
    words: list[str] = []
    for line in _without_schema_line(path.read_text(encoding="utf-8")).splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        words.append(stripped.lstrip("#").strip())
        if words[-1].endswith("."):
            break
    return " ".join(words)


def list_examples() -> list[Example]:
    """Every shipped example: the profiles first, then the ledgers, each sorted by name."""
    root = examples_dir()
    profiles = [
        Example(path.stem, "profile", path, _summary(path)) for path in sorted(root.glob("*.yaml"))
    ]
    ledgers = [
        Example(f"{LEDGERS}/{path.stem}", "ledger", path, _summary(path))
        for path in sorted((root / LEDGERS).glob("*.yaml"))
    ]
    return profiles + ledgers


def find_example(name: str) -> Example:
    """The example called ``name`` (``.yaml`` may be added).

    Raises :class:`~mvi_rules.errors.MviRulesError` naming the examples there are, and the
    nearest one when the name looks like a typo.
    """
    wanted = name.removesuffix(".yaml").removesuffix(".yml")
    examples = list_examples()
    for example in examples:
        if example.name == wanted:
            return example
    names = [e.name for e in examples]
    close = difflib.get_close_matches(wanted, names, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise MviRulesError(
        f"no example called {name!r}{hint}"
        if close
        else f"no example called {name!r}; use one of: {', '.join(names)}"
    )


def _without_schema_line(text: str) -> str:
    first, _, rest = text.partition("\n")
    return rest if first.startswith(SCHEMA_LINE) else text


def example_text(name: str) -> str:
    """The text of the example called ``name`` as shipped, without the editor's schema line.

    The schema line names the schema by a path inside the repository, which would point
    nowhere in the buyer's copy; every other line, comments included, is as shipped.
    """
    return _without_schema_line(find_example(name).path.read_text(encoding="utf-8"))
