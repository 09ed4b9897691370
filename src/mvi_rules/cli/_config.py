"""Where the command line finds an organisation's own rulesets and clause templates.

An organisation that keeps a fork of the catalogue should not have to type ``--rulesets`` and
``--templates`` on every command. Each of the two is taken from the first of:

1. the command-line flag (``--rulesets DIR``, ``--templates DIR``);
2. the environment (``MVI_RULES_RULESETS``, ``MVI_RULES_TEMPLATES``);
3. a config file in the working directory: ``mvi-rules.toml`` (keys at the top level), else
   the ``[tool.mvi-rules]`` table of ``pyproject.toml``;
4. the catalogue shipped with mvi-rules.

A relative path in a config file is read relative to that file, so a config file works from
wherever it is committed; a relative path in the environment or on the command line is read
relative to the working directory, as a shell user expects.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

CONFIG_FILE = "mvi-rules.toml"
PYPROJECT_FILE = "pyproject.toml"
KEYS = ("rulesets", "templates")
ENV = {"rulesets": "MVI_RULES_RULESETS", "templates": "MVI_RULES_TEMPLATES"}


@dataclass(frozen=True)
class Setting:
    """A catalogue directory and where it was named (for ``--verbose``)."""

    path: Path | None
    origin: str

    def describe(self, what: str) -> str:
        """One line for ``--verbose``: which directory, and why that one."""
        if self.path is None:
            return f"{what}: shipped with mvi-rules ({self.origin})"
        return f"{what}: {self.path} (from {self.origin})"


def _read_config(cwd: Path) -> tuple[Path, dict[str, Any]] | None:
    """The config file in ``cwd`` and its mvi-rules table, or None when there is none."""
    own = cwd / CONFIG_FILE
    if own.is_file():
        return own, _load_toml(own)
    pyproject = cwd / PYPROJECT_FILE
    if pyproject.is_file():
        table = _load_toml(pyproject).get("tool", {}).get("mvi-rules")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError.single(pyproject, "tool.mvi-rules", "must be a table")
        return pyproject, table
    return None


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
            return data
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError.single(path, "", f"not valid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError.single(path, "", f"not UTF-8 text ({exc.reason})") from None


def _checked(path: Path, table: dict[str, Any]) -> dict[str, Path]:
    prefix = "tool.mvi-rules." if path.name == PYPROJECT_FILE else ""
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError.single(
            path,
            prefix + unknown[0],
            f"unknown setting; valid settings: {', '.join(KEYS)}",
        )
    found = {}
    for key in KEYS:
        if key not in table:
            continue
        value = table[key]
        if not isinstance(value, str) or not value:
            raise ConfigError.single(
                path, prefix + key, f"must be a directory path as text (got {value!r})"
            )
        found[key] = (path.parent / value).resolve()
    return found


def resolve(
    flags: dict[str, Path | None],
    environ: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> dict[str, Setting]:
    """The rulesets and templates directories, each from flag > env > config > default."""
    environ = dict(os.environ) if environ is None else environ
    cwd = Path.cwd() if cwd is None else cwd
    config: dict[str, Path] | None = None
    config_file: Path | None = None
    settings = {}
    for key in KEYS:
        flag = flags.get(key)
        if flag is not None:
            settings[key] = Setting(flag, f"--{key}")
            continue
        env_value = environ.get(ENV[key], "")
        if env_value:
            settings[key] = Setting(Path(env_value), ENV[key])
            continue
        if config is None:
            # Read lazily, so a broken config file does not stand in the way of a flag.
            found = _read_config(cwd)
            config_file, config = (found[0], _checked(*found)) if found else (None, {})
        if key in config:
            settings[key] = Setting(config[key], str(config_file))
            continue
        settings[key] = Setting(None, "no flag, environment variable or config file names one")
    return settings
