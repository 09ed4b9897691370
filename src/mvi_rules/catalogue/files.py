"""The layout of a rulesets directory: which files are registries, which are topic files.

Kept apart from the loader so that code that only needs the file names (the linter, the
catalogue diff, the CLI) does not import the loader and what it imports.
"""

from __future__ import annotations

from pathlib import Path

from .citations import SOURCES_FILE

#: Files in ``rulesets/`` that are not topic files.
META_FILE, LABELS_FILE, THRESHOLDS_FILE = "catalogue.yaml", "labels.yaml", "thresholds.yaml"
ISV_FILE, ASPECTS_FILE = "isv.yaml", "aspects.yaml"
#: The default legal basis per criterion type and jurisdiction (README section 7).
LEGAL_BASES_FILE = "legal_bases.yaml"
#: Criterion ids that left the catalogue and may never be used again.
RETIRED_FILE = "retired.yaml"
REGISTRY_FILES = (
    META_FILE,
    LABELS_FILE,
    THRESHOLDS_FILE,
    ISV_FILE,
    ASPECTS_FILE,
    SOURCES_FILE,
    LEGAL_BASES_FILE,
    RETIRED_FILE,
)
#: Condition fields that depend on the value including options; a criterion that adds to the
#: value cannot test them, or the estimate would depend on itself.
VALUE_FIELDS = frozenset({"procurement.above_eu_threshold", "procurement.total_value_eur"})
#: Further label registry files (``labels_<group>.yaml``), merged with ``labels.yaml``.
EXTRA_LABELS_GLOB = "labels_*.yaml"


def is_topic_file(path: Path) -> bool:
    """Whether ``path`` is a topic file (criteria), not one of the registries."""
    return path.name not in REGISTRY_FILES and not path.match(EXTRA_LABELS_GLOB)


LANGUAGES = ("nl", "en")
TEMPLATE_SUFFIX = ".j2"
