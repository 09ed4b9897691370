"""Loading a procurement profile from YAML or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .._validation import validate_located
from .._yaml import Located, load_located
from ..errors import ProfileError, Problem
from .model import ProcurementProfile


def load_profile(path: str | Path) -> ProcurementProfile:
    """Load and validate a procurement profile file (``.yaml``, ``.yml`` or ``.json``).

    Raises :class:`~mvi_rules.errors.ProfileError` listing every problem with file, field path
    and line.
    """
    located = load_located(Path(path), ProfileError)
    return validate_located(ProcurementProfile, located, ProfileError)


def parse_profile(data: dict[str, Any], source: str = "<profile>") -> ProcurementProfile:
    """Validate a profile given as a mapping (for systems that hold profiles in memory)."""
    try:
        return ProcurementProfile.model_validate(data)
    except ValidationError as exc:
        from .._validation import problems_from

        raise ProfileError(problems_from(exc, Located(Path(source), data))) from None


__all__ = ["Problem", "load_profile", "parse_profile"]
