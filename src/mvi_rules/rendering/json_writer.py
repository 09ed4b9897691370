"""The evaluation result as JSON for systems that import it, and the JSON text and file writing
every JSON output shares (the result, the systems JSON, eForms, OCDS)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .._atomic import write_atomic
from ..selection.result import EvaluationResult


def json_text(data: Any) -> str:
    """``data`` as JSON: keys sorted, two-space indent, UTF-8 text, ending in a newline.

    The same data always gives the same text, so a JSON output can be compared byte for byte.
    """
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_text(path: str | Path, text: str, force: bool = False) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically and return the path.

    Raises :class:`~mvi_rules.errors.OutputExistsError` when ``path`` exists and ``force`` is
    false.
    """
    target = Path(path)
    write_atomic(target, text.encode("utf-8"), force=force)
    return target


def render_json(result: EvaluationResult) -> str:
    """The result as JSON: keys sorted, two-space indent, UTF-8 text, ending in a newline.

    The same result always gives the same text. Lists keep the result's order (criteria by id).
    """
    return json_text(result.model_dump(mode="json"))


def write_json(result: EvaluationResult, path: str | Path, force: bool = False) -> Path:
    """Write :func:`render_json` to ``path`` atomically (UTF-8) and return the path.

    Raises :class:`~mvi_rules.errors.OutputExistsError` when ``path`` exists and ``force`` is
    false.
    """
    return write_text(path, render_json(result), force=force)
