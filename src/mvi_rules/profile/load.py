"""Loading a procurement profile from YAML or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .._validation import problems_from, validate_located
from .._yaml import Located, load_located
from ..errors import ProfileError
from .model import ProcurementProfile


def load_profile(path: str | Path) -> ProcurementProfile:
    """Load and validate a procurement profile file (``.yaml``, ``.yml`` or ``.json``).

    Raises :class:`~mvi_rules.errors.ProfileError` listing every problem with file, field path
    and line.
    """
    located = load_located(Path(path), ProfileError)
    return validate_located(ProcurementProfile, located, ProfileError).with_source(str(path))


def parse_profile(data: dict[str, Any], source: str = "<profile>") -> ProcurementProfile:
    """Validate a profile given as a mapping (for systems that hold profiles in memory)."""
    try:
        return ProcurementProfile.model_validate(data).with_source(source)
    except ValidationError as exc:
        raise ProfileError(
            problems_from(exc, Located(Path(source), data), model=ProcurementProfile)
        ) from None


__all__ = ["load_profile", "parse_profile"]
