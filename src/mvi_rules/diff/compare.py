"""Comparing two loaded catalogues criterion by criterion, and what profiles gain or lose."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..catalogue import Catalogue, Criterion, LocalText, Parameter, ScoringStep
from ..catalogue.files import REGISTRY_FILES, is_topic_file
from ..conditions import All, ConditionSyntaxError, Node, Not, Test, parse_condition
from ..conditions import Any as AnyOf
from ..errors import InputError
from ..profile import ProcurementProfile
from ..profile.model import Jurisdiction
from ..rendering.templates import INCLUDE_TAG
from ..selection import evaluate
from .model import (
    CatalogueDiff,
    CriterionChange,
    CriterionRef,
    FieldChange,
    ProfileChange,
    TextDiff,
    TextSegment,
)

NONE = "-"
#: Changes that change what a criterion asks; they need a higher version.
MEANING = ("condition", "level", "type", "parameter")


def describe(node: Node, top: bool = True) -> str:
    """A condition in the condition language of the rulesets."""
    if isinstance(node, Test):
        return node.describe()
    if isinstance(node, Not):
        return f"not ({describe(node.item, False)})"
    if isinstance(node, All):
        if not node.items:
            return "always"
        inner = "; ".join(describe(i, False) for i in node.items)
        return inner if top else f"all of ({inner})"
    if isinstance(node, AnyOf):
        return "any of (" + "; ".join(describe(i, False) for i in node.items) + ")"
    return str(node)


def _condition(raw: Any) -> str:
    try:
        return describe(parse_condition(raw))
    except ConditionSyntaxError:
        return json.dumps(raw, ensure_ascii=False)


def _words(value: Any) -> str:
    """A value as a reviewer reads it: lists comma-separated, mappings as key: value."""
    if value is None:
        return NONE
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return ", ".join(_words(v) for v in value) if value else NONE
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_words(v)}" for k, v in value.items() if v not in (None, [], {}))
    return str(getattr(value, "value", value))


def _parameter_changes(old: dict[str, Parameter], new: dict[str, Parameter]) -> list[FieldChange]:
    out = []
    for name in sorted(set(old) | set(new)):
        before, after = old.get(name), new.get(name)
        if before is None or after is None:
            spec = after if after is not None else before
            assert spec is not None
            shown = _parameter_words(spec)
            out.append(
                FieldChange(
                    field=f"parameter {name}",
                    old=NONE if before is None else shown,
                    new=NONE if after is None else shown,
                )
            )
            continue
        for attr in (
            "default",
            "min",
            "max",
            "allowed",
            "unit",
            "confidence",
            "legal_limits",
            "product_groups",
            "value_labels",
        ):
            a, b = getattr(before, attr), getattr(after, attr)
            if a != b:
                out.append(
                    FieldChange(
                        field=f"parameter {name}: {attr}",
                        old=_words(_dump(a)),
                        new=_words(_dump(b)),
                    )
                )
    return out


def _dump(value: Any) -> Any:
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json", exclude_none=True)
    return value


def _parameter_words(spec: Parameter) -> str:
    parts = [f"default {_words(spec.default)}"]
    if spec.min is not None or spec.max is not None:
        parts.append(f"range {_words(spec.min)} to {_words(spec.max)}")
    if spec.allowed is not None:
        parts.append(f"allowed {_words(spec.allowed)}")
    if spec.unit:
        parts.append(spec.unit)
    return ", ".join(parts)


def _labels(c: Criterion) -> str:
    refs = [" ".join(x for x in (r.label, r.version, r.level) if x) for r in c.verification.labels]
    return _words(refs)


def _sources(c: Criterion) -> str:
    return _words(
        [
            "policy choice"
            if s.policy_choice
            else f"{s.key}{f' ({_pinpoint(s.pinpoint)})' if s.pinpoint else ''}"
            for s in c.sources
        ]
    )


def _pinpoint(pinpoint: str | LocalText) -> str:
    # Both forms of a pinpoint in two languages: a change to either is a change.
    return pinpoint if isinstance(pinpoint, str) else f"{pinpoint.nl} / {pinpoint.en}"


def _scoring_row(step: ScoringStep) -> str:
    row = f"{step.points:g}: {step.nl}"
    if step.clause is None:
        return row
    # The band as the clause states it is clause text kept in the ruleset (_shared/scale.j2).
    at = f", at {step.at:g}" if step.at is not None else ""
    return f"{row} (clause: {step.clause.nl}{at})"


def criterion_changes(old: Criterion, new: Criterion) -> list[FieldChange]:
    """Every difference in the definition of one criterion (clause text apart)."""
    pairs: list[tuple[str, str, str]] = [
        ("title (nl)", old.title.nl, new.title.nl),
        ("title (en)", old.title.en, new.title.en),
        ("type", old.type.value, new.type.value),
        ("level", str(old.level), str(new.level)),
        ("themes", _words(old.themes), _words(new.themes)),
        ("product groups", _words(old.product_groups), _words(new.product_groups)),
        ("condition", _condition(old.when), _condition(new.when)),
        ("labels (proof)", _labels(old), _labels(new)),
        (
            "other proof (nl)",
            old.verification.other.nl if old.verification.other else NONE,
            new.verification.other.nl if new.verification.other else NONE,
        ),
        *(
            (
                f"legal basis {j.value}",
                _words(old.legal_basis[j]),
                _words(new.legal_basis[j]),
            )
            for j in Jurisdiction
        ),
        ("sources", _sources(old), _sources(new)),
        ("template", old.template, new.template),
        (
            "scoring",
            _words([_scoring_row(s) for s in old.scoring]),
            _words([_scoring_row(s) for s in new.scoring]),
        ),
        ("rewards", _words(old.rewards), _words(new.rewards)),
        ("value share", _words(_dump(old.value_share)), _words(_dump(new.value_share))),
        ("conflicts with", _words(old.conflicts_with), _words(new.conflicts_with)),
        (
            "attachments",
            _words([a.nl for a in old.attachments]),
            _words([a.nl for a in new.attachments]),
        ),
        (
            "attention",
            _words(old.attention.nl if old.attention else None),
            _words(new.attention.nl if new.attention else None),
        ),
    ]
    out = [FieldChange(field=f, old=a, new=b) for f, a, b in pairs if a != b]
    return out + _parameter_changes(old.parameters, new.parameters)


def word_diff(old: str, new: str) -> list[TextSegment]:
    """The word-level difference of two texts (white space between words is normalised)."""
    a, b = old.split(), new.split()
    out: list[TextSegment] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(TextSegment(kind="same", text=" ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(TextSegment(kind="removed", text=" ".join(a[i1:i2])))
        if j2 > j1:
            out.append(TextSegment(kind="added", text=" ".join(b[j1:j2])))
    return out


def _template_text(catalogue: Catalogue, template: str, lang: str, depth: int = 0) -> str:
    try:
        text = catalogue.template_path(template, lang).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    if depth >= 4:  # shared pieces include one another at most this deep; no loop runs away
        return text
    # A shared piece a clause includes (the award scale) is part of its text: an edit there
    # shows in every clause that includes it.
    return INCLUDE_TAG.sub(lambda m: _template_text(catalogue, m.group(1), lang, depth + 1), text)


def _ref(c: Criterion) -> CriterionRef:
    return CriterionRef(id=c.id, title=c.title.nl, version=c.version)


def _other_files(old: Catalogue, new: Catalogue) -> list[str]:
    """Registry files (not topic files) that were added, removed or changed."""

    def registry(cat: Catalogue) -> dict[str, bytes]:
        return {
            p.name: p.read_bytes()
            for p in cat.rulesets_dir.glob("*.yaml")
            if p.name in REGISTRY_FILES or not is_topic_file(p)
        }

    a, b = registry(old), registry(new)
    return sorted(name for name in set(a) | set(b) if a.get(name) != b.get(name))


def _selection(profile: ProcurementProfile, catalogue: Catalogue) -> dict[str, list[str]]:
    result = evaluate(profile, catalogue, backend="plain")
    return {c.id: list(c.lots) for c in result.selected}


def _lots(ids: Iterable[str]) -> str:
    ids = list(ids)
    return f"lot{'s' if len(ids) != 1 else ''} {', '.join(ids)}"


def profile_changes(
    profiles: Sequence[tuple[str, ProcurementProfile]], old: Catalogue, new: Catalogue
) -> list[ProfileChange]:
    """For each named profile, the criteria (and lots) it gains and loses from old to new."""
    out = []
    for name, profile in profiles:
        try:
            before = _selection(profile, old)
            after = _selection(profile, new)
        except InputError as exc:
            out.append(ProfileChange(profile=name, error=str(exc.problems[0].message)))
            continue
        gained, lost = [], []
        for cid in sorted(set(before) | set(after)):
            was, now = set(before.get(cid, [])), set(after.get(cid, []))
            if now - was:
                gained.append(f"{cid} ({_lots(x for x in after[cid] if x in now - was)})")
            if was - now:
                lost.append(f"{cid} ({_lots(x for x in before[cid] if x in was - now)})")
        out.append(ProfileChange(profile=name, gained=gained, lost=lost))
    return out


def compare(
    old: Catalogue,
    new: Catalogue,
    *,
    old_name: str = "old",
    new_name: str = "new",
    profiles: Sequence[tuple[str, ProcurementProfile]] = (),
) -> CatalogueDiff:
    """What changed from catalogue ``old`` to ``new``, and for each of ``profiles`` what it
    gains and loses."""
    old_ids = {e.criterion.id: e.criterion for e in old}
    new_ids = {e.criterion.id: e.criterion for e in new}
    changed = []
    for cid in sorted(set(old_ids) & set(new_ids)):
        a, b = old_ids[cid], new_ids[cid]
        fields = criterion_changes(a, b)
        texts = []
        for lang in ("nl", "en"):
            before = _template_text(old, a.template, lang)
            after = _template_text(new, b.template, lang)
            if before.split() != after.split():
                texts.append(TextDiff(lang=lang, segments=word_diff(before, after)))
        if not fields and not texts and a.version == b.version:
            continue
        expected = bool(texts) or any(
            f.field.split(":")[0].split(" ")[0] in MEANING for f in fields
        )
        changed.append(
            CriterionChange(
                id=cid,
                title=b.title.nl,
                old_version=a.version,
                new_version=b.version,
                changes=fields,
                texts=texts,
                version_expected=expected,
            )
        )
    return CatalogueDiff(
        old=old_name,
        new=new_name,
        old_version=old.version,
        new_version=new.version,
        added=[_ref(new_ids[i]) for i in sorted(set(new_ids) - set(old_ids))],
        removed=[_ref(old_ids[i]) for i in sorted(set(old_ids) - set(new_ids))],
        changed=changed,
        other_files=_other_files(old, new),
        profiles=profile_changes(profiles, old, new),
    )


def default_profiles(
    examples: Path | None, scenarios: Path | None
) -> list[tuple[str, ProcurementProfile]]:
    """The example profiles and the profiles of the ruleset scenario tests, by file name."""
    from .._yaml import load_located, plain
    from ..errors import ProfileError
    from ..profile import load_profile, parse_profile

    out: list[tuple[str, ProcurementProfile]] = []
    if examples is not None and examples.is_dir():
        for path in sorted(examples.glob("*.yaml")):
            try:
                out.append((f"examples/{path.name}", load_profile(path)))
            except InputError:
                continue
    if scenarios is not None and scenarios.is_dir():
        for path in sorted(scenarios.glob("*.yaml")):
            try:
                data = plain(load_located(path, ProfileError).data)
                out.append((f"rulesets/tests/{path.name}", parse_profile(data["profile"])))
            except (InputError, KeyError, TypeError):
                continue
    return out
