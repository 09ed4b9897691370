"""The shared pieces a clause template includes (``{% include "_shared/scale.j2" %}``)."""

from __future__ import annotations

import re
from pathlib import Path

_INCLUDE = re.compile(r"""\{%-?\s*include\s+["']([^"']+)\.j2["']""")


def included(lang_dir: Path, text: str) -> dict[str, str]:
    """The templates ``text`` includes, directly or through another, by name without ``.j2``
    (``_shared/scale``), with their texts; one that cannot be read is left out (rendering
    reports it)."""
    found: dict[str, str] = {}
    todo = _INCLUDE.findall(text)
    while todo:
        name = todo.pop(0)
        if name in found:
            continue
        try:
            found[name] = (lang_dir / f"{name}.j2").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        todo += _INCLUDE.findall(found[name])
    return found
