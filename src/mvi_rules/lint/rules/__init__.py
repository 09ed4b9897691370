"""The lint rules, one module each; importing this package registers them all."""

from . import (  # noqa: F401  (imported to register the rules)
    mvi001_loads,
    mvi002_renders,
    mvi003_language_parity,
    mvi004_or_equivalent,
    mvi005_scoring_scale,
    mvi006_sources,
    mvi007_near_duplicates,
    mvi008_version_bump,
    mvi009_change_law,
)
