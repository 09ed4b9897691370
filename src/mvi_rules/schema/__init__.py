"""JSON Schemas of the files mvi-rules reads and of the result it writes, from the models.

Four kinds, each generated from its pydantic model and shipped in this package as
``<kind>.schema.json`` (JSON Schema draft 2020-12)::

    profile   a procurement profile (examples/*.yaml)          ProcurementProfile
    ruleset   a topic file of the catalogue (rulesets/*.yaml)  RulesetFile
    ledger    a contract ledger (examples/ledgers/*.yaml)      Ledger
    result    the systems JSON document (render_systems_json)  SystemsResult

Editors use the shipped files through a first line ``# yaml-language-server: $schema=...`` in
a YAML file (the VS Code YAML extension and other editors built on yaml-language-server), and
complete and check field names and values as one types. Procurement systems validate the JSON
they send or receive. A test checks that every shipped file is what the models generate now;
after a model change, ``python -m mvi_rules.schema`` writes them again.

The schemas describe the files as a YAML or JSON reader sees them: a date is a string
(``format: date``), money in a ledger a number or a decimal string, a lot id a string or a whole
number, a change's ground any of its accepted spellings (``de_minimis``, ``2.163b``,
``mod-minv``), and a criterion's condition (``when:``) anything (the condition language is
checked by the catalogue loader, not by the schema). A schema checks the shape of a file; the
loaders check more (a lot id used twice, a Belgian procedure in a Dutch profile, a condition
that does not parse) and say so with file and line.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal, get_args

from pydantic import BaseModel

from ..catalogue.model import RulesetFile
from ..changes.ledger import Ledger
from ..errors import MviRulesError
from ..profile.model import ProcurementProfile
from ..rendering import systems

SchemaKind = Literal["profile", "ruleset", "ledger", "result"]
#: The kinds of schema, in the order the command line lists them.
KINDS: Final[tuple[SchemaKind, ...]] = get_args(SchemaKind)
#: The directory of the shipped schema files (inside the package, so the wheel carries them).
SCHEMA_DIR: Final = Path(__file__).resolve().parent
#: The draft every schema declares.
DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"

# The input files: the model that reads each, and what the schema's top says it is.
_INPUTS: Final[dict[str, tuple[type[BaseModel], str]]] = {
    "profile": (ProcurementProfile, "mvi-rules procurement profile"),
    "ruleset": (RulesetFile, "mvi-rules ruleset topic file"),
    "ledger": (Ledger, "mvi-rules contract ledger"),
}


def _kind(kind: str) -> SchemaKind:
    for known in KINDS:
        if kind == known:
            return known
    raise MviRulesError(f"unknown schema {kind!r}; use one of: {', '.join(KINDS)}")


def schema_path(kind: str) -> Path:
    """Where the shipped schema of ``kind`` lives (``<package>/schema/<kind>.schema.json``)."""
    return SCHEMA_DIR / f"{_kind(kind)}.schema.json"


@cache
def _generated(kind: SchemaKind) -> str:
    if kind == "result":
        # The systems result has its own versioned schema; one generator for it, not two.
        return systems.schema_text()
    model, title = _INPUTS[kind]
    # Validation mode: the schema of what a file may say (defaults may be left out), not of
    # what the model writes back.
    schema = model.model_json_schema(mode="validation")
    body = {key: value for key, value in schema.items() if key != "title"}
    data = {"$schema": DRAFT, "$id": f"urn:mvi-rules:{kind}", "title": title, **body}
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_text(kind: str) -> str:
    """The JSON Schema of ``kind`` as the text of its shipped file: generated from the models,
    keys sorted, two-space indent, ending in a newline.

    ``kind`` is one of :data:`KINDS`; anything else raises
    :class:`~mvi_rules.errors.MviRulesError` naming the kinds there are.
    """
    return _generated(_kind(kind))


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``kind``, generated from the pydantic models.

    ``kind`` is ``profile`` (a procurement profile), ``ruleset`` (a topic file of the
    catalogue), ``ledger`` (a contract ledger for the change checker) or ``result`` (the systems
    JSON document of :func:`~mvi_rules.render_systems_json`). The package ships the same schemas
    as files (:func:`schema_path`), which a test keeps equal to what this returns. Every call
    returns a fresh dictionary, so a caller may change it. Raises
    :class:`~mvi_rules.errors.MviRulesError` for an unknown kind.

    A YAML file validates after parsing with dates written as ISO strings (``2026-03-01``),
    which is how a JSON reader and an editor's YAML language server see them.
    """
    data: dict[str, Any] = json.loads(schema_text(kind))
    return copy.deepcopy(data)


def write_schemas(directory: str | Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema to ``directory`` (default: the package's own) and return the paths.

    For developers after a model change (``python -m mvi_rules.schema``); existing files are
    replaced, as they are generated.
    """
    paths = []
    for kind in KINDS:
        path = Path(directory) / f"{kind}.schema.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        paths.append(path)
    return paths


__all__ = [
    "KINDS",
    "SCHEMA_DIR",
    "SchemaKind",
    "json_schema",
    "schema_path",
    "schema_text",
    "write_schemas",
]
