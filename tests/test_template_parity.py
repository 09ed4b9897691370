"""Each criterion's Dutch and English clause templates say the same thing: they test the same
conditions, loop over the same things and use the same variables, so that a buyer who reads
the English annex gets the clause the Dutch tenderer gets. Word order and grammar may differ
(a Dutch verb agrees with a count that the English sentence does not need), so conditions and
variables are compared as sets, not in sequence."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

from .conftest import REPO

TEMPLATES = REPO / "clause_templates"
NL = sorted((TEMPLATES / "nl").rglob("*.j2"))
_ENV = SandboxedEnvironment()


def _path(node: nodes.Node) -> str | None:
    """``p.min_references`` for a variable or attribute chain, else None."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        inner = _path(node.node)
        return f"{inner}.{node.attr}" if inner else None
    return None


def _text(node: nodes.Node) -> str:
    """A condition written out canonically (variables, constants, operators, tests)."""
    path = _path(node)
    if path is not None:
        return path
    if isinstance(node, nodes.Const):
        return repr(node.value)
    if isinstance(node, nodes.Compare):
        return _text(node.expr) + "".join(f" {op.op} {_text(op.expr)}" for op in node.ops)
    if isinstance(node, nodes.Not):
        return f"not {_text(node.node)}"
    if isinstance(node, (nodes.And, nodes.Or)):
        return f"({_text(node.left)} {type(node).__name__.lower()} {_text(node.right)})"
    if isinstance(node, nodes.Test):
        return f"{_text(node.node)} is {node.name}"
    if isinstance(node, nodes.Filter):
        return f"{_text(node.node) if node.node else ''}|{node.name}"
    children = ", ".join(_text(c) for c in node.iter_child_nodes())
    return f"{type(node).__name__}({children})"


def _shape(source: str) -> tuple[set[str], set[str]]:
    """The conditions and loops of a template, and the variables it reads."""
    tree = _ENV.parse(source)
    control = {f"if {_text(n.test)}" for n in tree.find_all(nodes.If)}
    control |= {f"for {_text(n.target)} in {_text(n.iter)}" for n in tree.find_all(nodes.For)}
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx == "store"}
    used = set()
    for node in tree.find_all((nodes.Getattr, nodes.Name)):
        path = _path(node)
        if path and path.split(".")[0] not in assigned and getattr(node, "ctx", "load") == "load":
            used.add(path)
    # Keep the longest chains: ``p.x`` implies ``p``.
    variables = {v for v in used if not any(u.startswith(v + ".") for u in used)}
    return control, variables


@pytest.mark.parametrize("nl", NL, ids=lambda p: str(p.relative_to(TEMPLATES / "nl")))
def test_dutch_and_english_templates_have_the_same_conditions_and_variables(nl: Path) -> None:
    en = TEMPLATES / "en" / nl.relative_to(TEMPLATES / "nl")
    assert en.is_file(), f"{en} is missing"
    nl_control, nl_vars = _shape(nl.read_text(encoding="utf-8"))
    en_control, en_vars = _shape(en.read_text(encoding="utf-8"))
    assert nl_control == en_control, (sorted(nl_control ^ en_control),)
    assert nl_vars == en_vars, (sorted(nl_vars ^ en_vars),)


def test_the_comparison_notices_a_condition_missing_in_one_language() -> None:
    dutch = "{% if p.min_references == 1 %}één{% else %}{{ p.min_references }}{% endif %}"
    english = "{{ p.min_references }} reference(s)"
    assert _shape(dutch) != _shape(english)
    assert _shape(dutch)[1] == _shape(english)[1] == {"p.min_references"}
