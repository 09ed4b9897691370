"""The ``mvi-rules`` console script: the CLI, with Ctrl-C during start-up ending quietly.

Importing :mod:`mvi_rules.cli` takes a moment (pydantic, python-docx, the engine); a Ctrl-C in
that moment used to print a KeyboardInterrupt traceback, since click only handles it once the
command runs. This module is outside the package on purpose: importing anything under
``mvi_rules`` runs the package's ``__init__`` (the slow part) before any of its code could
install a handler.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType


def _interrupted(_signum: int, _frame: FrameType | None) -> None:
    # What click prints for a Ctrl-C while a command runs, with its exit status.
    sys.stderr.write("\nAborted!\n")
    raise SystemExit(1)


def main() -> None:
    """Start the command line; a Ctrl-C before it runs ends with "Aborted!", no traceback."""
    previous = signal.signal(signal.SIGINT, _interrupted)
    from mvi_rules.cli import main as cli_main

    signal.signal(signal.SIGINT, previous)
    cli_main()
