"""``python -m mvi_rules``: the same command line as ``mvi-rules``."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    main(prog_name="mvi-rules")
