"""A catalogue diff in words a legal adviser reads: Markdown (for a pull request), plain text,
or JSON (for systems)."""

from __future__ import annotations

import json

from .model import CatalogueDiff, CriterionChange, TextDiff

#: Words of unchanged text kept on each side of a change in a clause text diff.
CONTEXT_WORDS = 8


def _version_note(change: CriterionChange) -> str:
    if change.version_expected and not change.version_bumped:
        return f"version {change.old_version} not raised although its meaning changed"
    if change.version_bumped:
        return f"version {change.old_version} → {change.new_version}"
    return f"version {change.new_version} (wording or references only)"


def _clip(words: list[str], where: str) -> str:
    if len(words) <= 2 * CONTEXT_WORDS:
        return " ".join(words)
    if where == "start":
        return "… " + " ".join(words[-CONTEXT_WORDS:])
    if where == "end":
        return " ".join(words[:CONTEXT_WORDS]) + " …"
    return " ".join(words[:CONTEXT_WORDS]) + " … " + " ".join(words[-CONTEXT_WORDS:])


def text_diff(diff: TextDiff, removed: tuple[str, str], added: tuple[str, str]) -> str:
    """The changed passages with some context; ``removed`` and ``added`` are the markers put
    around removed and added words."""
    parts = []
    last = len(diff.segments) - 1
    for i, seg in enumerate(diff.segments):
        if seg.kind == "same":
            where = "start" if i == 0 else "end" if i == last else "middle"
            parts.append(_clip(seg.text.split(), where))
        elif seg.kind == "removed":
            parts.append(f"{removed[0]}{seg.text}{removed[1]}")
        else:
            parts.append(f"{added[0]}{seg.text}{added[1]}")
    return " ".join(parts)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _summary(diff: CatalogueDiff) -> str:
    missing = sum(1 for c in diff.changed if c.version_expected and not c.version_bumped)
    parts = [
        f"{len(diff.added)} criteria added",
        f"{len(diff.removed)} removed",
        f"{len(diff.changed)} changed",
    ]
    if missing:
        parts.append(f"{missing} without the version raise their change needs")
    if diff.other_files:
        parts.append(f"registry files changed: {', '.join(diff.other_files)}")
    return "; ".join(parts) + "."


def markdown(diff: CatalogueDiff) -> str:
    """The diff as Markdown, for a pull request description."""
    out = [
        f"# Criteria catalogue: {diff.old} ({diff.old_version}) → {diff.new} ({diff.new_version})",
        "",
    ]
    if not diff.anything_changed:
        return "\n".join([*out, "No criterion and no registry file changed.", ""])
    out += [_summary(diff), ""]
    if diff.added:
        out += ["## Criteria added", ""]
        out += [f"- **{c.id}** {c.title} (version {c.version})" for c in diff.added]
        out.append("")
    if diff.removed:
        out += ["## Criteria removed (their ids stay retired: never reuse them)", ""]
        out += [f"- **{c.id}** {c.title} (last version {c.version})" for c in diff.removed]
        out.append("")
    if diff.changed:
        out += ["## Criteria changed", ""]
        for change in diff.changed:
            out += [f"### {change.id} {change.title}", "", f"*{_version_note(change)}*", ""]
            if change.changes:
                out += ["| what | before | after |", "|---|---|---|"]
                out += [
                    f"| {_cell(f.field)} | {_cell(f.old)} | {_cell(f.new)} |"
                    for f in change.changes
                ]
                out.append("")
            for text in change.texts:
                out += [
                    f"Clause text ({text.lang}), removed ~~struck through~~, added **in bold**:",
                    "",
                    "> " + text_diff(text, ("~~", "~~"), ("**", "**")),
                    "",
                ]
    if diff.other_files:
        out += ["## Registry files changed", ""]
        out += [f"- `{name}`" for name in diff.other_files]
        out += ["", "Criteria citing these labels, sources or thresholds may read differently.", ""]
    moved = [p for p in diff.profiles if p.gained or p.lost or p.error]
    if diff.profiles:
        out += ["## What changes for each profile", ""]
        if not moved:
            out += [f"None of the {len(diff.profiles)} profiles gains or loses a criterion.", ""]
        else:
            out += ["| profile | gains | loses |", "|---|---|---|"]
            for p in moved:
                if p.error:
                    out.append(f"| {p.profile} | could not be evaluated: {_cell(p.error)} | |")
                else:
                    out.append(
                        f"| {p.profile} | {_cell(', '.join(p.gained)) or '-'}"
                        f" | {_cell(', '.join(p.lost)) or '-'} |"
                    )
            unchanged = len(diff.profiles) - len(moved)
            out += ["", f"The other {unchanged} profiles gain and lose nothing.", ""]
    return "\n".join(out)


def text(diff: CatalogueDiff) -> str:
    """The diff as plain text for a terminal."""
    out = [f"{diff.old} ({diff.old_version}) -> {diff.new} ({diff.new_version})"]
    if not diff.anything_changed:
        return out[0] + "\nno changes\n"
    out.append(_summary(diff))
    out += [f"added    {c.id} {c.title} (version {c.version})" for c in diff.added]
    out += [f"removed  {c.id} {c.title} (id stays retired)" for c in diff.removed]
    for change in diff.changed:
        out.append(f"changed  {change.id} {change.title}: {_version_note(change)}")
        out += [f"    {f.field}: {f.old}  ->  {f.new}" for f in change.changes]
        out += [
            f"    clause text ({t.lang}): " + text_diff(t, ("[-", "-]"), ("{+", "+}"))
            for t in change.texts
        ]
    out += [f"registry file changed: {name}" for name in diff.other_files]
    for p in diff.profiles:
        if p.error:
            out.append(f"profile {p.profile}: could not be evaluated: {p.error}")
        elif p.gained or p.lost:
            out.append(
                f"profile {p.profile}: gains {', '.join(p.gained) or '-'};"
                f" loses {', '.join(p.lost) or '-'}"
            )
    return "\n".join(out) + "\n"


def as_json(diff: CatalogueDiff) -> str:
    """The diff as JSON, with ``anything_changed`` and each change's ``version_bumped``."""
    data = diff.model_dump(mode="json")
    data["anything_changed"] = diff.anything_changed
    for item, change in zip(data["changed"], diff.changed, strict=True):
        item["version_bumped"] = change.version_bumped
    return json.dumps(data, indent=2, ensure_ascii=False)
