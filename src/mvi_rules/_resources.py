"""Where the shipped rulesets and clause templates are.

An installed wheel carries them inside the package (``mvi_rules/_data``); a source checkout
(editable install, tests) reads them from the top of the repository. Both are found through
:mod:`importlib.resources`, so the answer follows the package wherever the import system found
it, not a path computed from this file.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _on_disk(name: str) -> Path:
    package = files("mvi_rules")
    # The catalogue loader reads directories with pathlib (and reports file names and lines),
    # so the package must be on disk: a wheel installed by pip always is.
    if not isinstance(package, Path):
        raise FileNotFoundError(
            f"mvi-rules needs its {name} directory on disk, but the package was imported from "
            f"{package!r}; install mvi-rules with pip instead of importing it from an archive"
        )
    return package


def _find(name: str) -> Path:
    package = _on_disk(name)
    shipped = package / "_data" / name
    if shipped.is_dir():
        return shipped
    checkout = package.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"mvi-rules cannot find its {name} directory (looked in {shipped})")


def rulesets_dir() -> Path:
    """Directory of the rulesets shipped with the library."""
    return _find("rulesets")


def templates_dir() -> Path:
    """Directory of the clause templates shipped with the library."""
    return _find("clause_templates")


def examples_dir() -> Path:
    """Directory of the example profiles and contract ledgers shipped with the library."""
    return _find("examples")
