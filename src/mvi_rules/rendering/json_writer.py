"""The evaluation result as JSON for systems that import it."""

from __future__ import annotations

import json
from pathlib import Path

from .._atomic import write_atomic
from ..selection.result import EvaluationResult


def render_json(result: EvaluationResult) -> str:
    """The result as JSON: keys sorted, two-space indent, UTF-8 text, ending in a newline.

    The same result always gives the same text. Lists keep the result's order (criteria by id).
    """
    data = result.model_dump(mode="json")
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_json(result: EvaluationResult, path: str | Path, force: bool = False) -> Path:
    """Write :func:`render_json` to ``path`` atomically (UTF-8) and return the path.

    Raises :class:`~mvi_rules.errors.OutputExistsError` when ``path`` exists and ``force`` is
    false.
    """
    target = Path(path)
    write_atomic(target, render_json(result).encode("utf-8"), force=force)
    return target
