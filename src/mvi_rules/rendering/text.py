"""Turning rendered clause text into paragraphs and bullet items.

Clause templates are plain text: a blank line separates paragraphs, a line starting with
``- `` is a bullet item, and an indented line continues the bullet above it. Other lines that
follow each other belong to one paragraph and are joined with a space, so a template author may
wrap long sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

BULLET = "- "


@dataclass(frozen=True)
class Block:
    """One paragraph or bullet item of a clause."""

    kind: Literal["paragraph", "bullet"]
    text: str


def to_blocks(text: str) -> list[Block]:
    """Split clause text into paragraphs and bullet items, dropping empty lines and padding."""
    blocks: list[Block] = []
    current: list[str] = []
    kind: Literal["paragraph", "bullet"] = "paragraph"

    def flush() -> None:
        nonlocal current
        joined = " ".join(part for part in current if part)
        if joined:
            blocks.append(Block(kind, joined))
        current = []

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        stripped = line.lstrip()
        if not stripped:
            flush()
        elif stripped.startswith(BULLET) or stripped == BULLET.strip():
            flush()
            kind = "bullet"
            current.append(stripped[len(BULLET) :].strip())
        elif kind == "bullet" and line != stripped and current:
            current.append(stripped)
        else:
            if kind == "bullet":
                flush()
                kind = "paragraph"
            current.append(stripped)
    flush()
    return blocks
