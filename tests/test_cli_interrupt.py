"""Ctrl-C while the command line starts: "Aborted!", exit status 1, never a traceback."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

# Sends SIGINT to the process at the moment the CLI module is imported: the start-up window in
# which a Ctrl-C used to print a KeyboardInterrupt traceback.
SCRIPT = textwrap.dedent(
    """
    import builtins, os, signal, sys
    real_import = builtins.__import__

    def importing(name, *args, **kwargs):
        if name == "mvi_rules.cli":
            os.kill(os.getpid(), signal.SIGINT)
        return real_import(name, *args, **kwargs)

    builtins.__import__ = importing
    sys.argv = ["mvi-rules", "--version"]
    from {module} import main
    main()
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_during_start_up_prints_no_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(module="_mvi_rules_cli")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == "Aborted!"
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_the_console_script_is_the_quiet_launcher() -> None:
    from importlib.metadata import entry_points

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "mvi-rules"]
    assert script.value == "_mvi_rules_cli:main"
