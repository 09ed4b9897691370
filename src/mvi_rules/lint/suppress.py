"""Silencing a rule where a finding is deliberate, always with a reason.

In a ruleset file, a YAML comment on any line of a criterion (from its ``- id:`` line up to
the next criterion) silences rules for that criterion, including findings in its clause
templates::

    - id: MVI-ENE-003   # mvi-lint: disable=MVI002 the Dutch text needs a plural branch

A comment anywhere in a ruleset file silences rules for every finding in that file::

    # mvi-lint: disable-file=MVI006 the BE and NL variants are meant to read alike

A directive without a reason, or naming an unknown code, is itself a finding (MVI900): a
reviewer must be able to see why a rule was silenced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .context import LintContext, position
from .finding import Finding

SUPPRESSION_CODE = "MVI900"
_DIRECTIVE = re.compile(
    r"#\s*mvi-lint:\s*(?P<kind>disable-file|disable)\s*=\s*(?P<codes>[A-Za-z0-9, ]*?[A-Za-z0-9])"
    r"(?:\s+(?P<reason>\S.*?))?\s*$"
)


@dataclass
class Suppressions:
    """Codes silenced per criterion id and per file, plus findings about bad directives."""

    by_criterion: dict[str, set[str]] = field(default_factory=dict)
    by_file: dict[str, set[str]] = field(default_factory=dict)
    problems: list[Finding] = field(default_factory=list)

    def silences(self, finding: Finding) -> bool:
        """Whether a directive silences ``finding`` (directive problems are never silenced)."""
        if finding.code == SUPPRESSION_CODE:
            return False
        if finding.code in self.by_file.get(finding.file, ()):
            return True
        return finding.criterion is not None and finding.code in self.by_criterion.get(
            finding.criterion, ()
        )


def collect(context: LintContext, known_codes: Iterable[str]) -> Suppressions:
    """Read every ``mvi-lint:`` directive in the ruleset files of the catalogue."""
    known = set(known_codes)
    out = Suppressions()
    starts: dict[Path, list[tuple[int, str]]] = {}
    for criterion_id, (path, index) in context.criterion_index.items():
        located = context.located(path)
        if located is not None:
            line, _ = position(located, ("criteria", index))
            starts.setdefault(path, []).append((line, criterion_id))
    for path in sorted(context.rulesets_dir.glob("*.yaml")):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # the loader reports an unreadable file
        blocks = sorted(starts.get(path, []))
        for number, text in enumerate(lines, 1):
            if "mvi-lint:" not in text:
                continue
            match = _DIRECTIVE.search(text)
            col = text.index("mvi-lint:") + 1
            if match is None:
                out.problems.append(
                    _problem(
                        path,
                        number,
                        col,
                        "cannot read this mvi-lint directive; write"
                        " '# mvi-lint: disable=MVI003 reason' or 'disable-file=...'",
                    )
                )
                continue
            codes = {c.strip().upper() for c in match["codes"].split(",") if c.strip()}
            unknown = sorted(codes - known)
            if unknown:
                out.problems.append(
                    _problem(
                        path,
                        number,
                        col,
                        f"unknown lint code {', '.join(unknown)};"
                        f" known: {', '.join(sorted(known))}",
                    )
                )
            if not match["reason"]:
                out.problems.append(
                    _problem(
                        path,
                        number,
                        col,
                        "a suppression needs a reason after the codes,"
                        " so a reviewer sees why the rule is silenced",
                    )
                )
                continue
            if match["kind"] == "disable-file":
                out.by_file.setdefault(str(path), set()).update(codes)
                continue
            owner = [cid for start, cid in blocks if start <= number]
            if not owner:
                out.problems.append(
                    _problem(
                        path,
                        number,
                        col,
                        "this directive stands before the first"
                        " criterion; put it on a line of the criterion it concerns, or"
                        " use disable-file",
                    )
                )
                continue
            out.by_criterion.setdefault(owner[-1], set()).update(codes)
    return out


def _problem(path: Path, line: int, col: int, message: str) -> Finding:
    return Finding(file=str(path), line=line, col=col, code=SUPPRESSION_CODE, message=message)
