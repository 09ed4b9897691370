"""The change check in words: the worded result, the text report and the Word memo.

Only this package writes sentences; the checks produce codes and figures
(:class:`~mvi_rules.changes.result.Assessment`).
"""

from __future__ import annotations

from .memo import render_memo, write_memo
from .report import render_check
from .text import render_text

__all__ = ["render_check", "render_memo", "render_text", "write_memo"]
