"""Where the shipped rulesets and clause templates are.

An installed wheel carries them inside the package (``mvi_rules/_data``); a source checkout
(editable install, tests) reads them from the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    shipped = _PACKAGE_DIR / "_data" / name
    if shipped.is_dir():
        return shipped
    checkout = _PACKAGE_DIR.parent.parent / name
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
