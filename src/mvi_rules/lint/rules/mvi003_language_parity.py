"""MVI003: the Dutch and English templates of a criterion use the same variables and structure."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import jinja2
from jinja2 import nodes

from ..context import LintContext
from ..finding import Finding
from ..registry import rule

_ENV = jinja2.Environment(trim_blocks=True, lstrip_blocks=True)


def _dotted(node: nodes.Node) -> str | None:
    """``p.warranty_years`` for a chain of attribute look-ups on a name, else ``None``."""
    parts: list[str] = []
    while isinstance(node, nodes.Getattr):
        parts.append(node.attr)
        node = node.node
    if isinstance(node, nodes.Name):
        return ".".join([node.name, *reversed(parts)])
    return None


def variables(tree: nodes.Template) -> set[str]:
    """Every variable a template reads, as far down an attribute chain as it goes."""
    out: set[str] = set()
    inner: set[int] = set()
    for node in tree.find_all((nodes.Getattr, nodes.Name)):
        if id(node) in inner:
            continue
        if isinstance(node, nodes.Getattr):
            # Only the outermost look-up of a chain counts: p.a, not also p.
            child = node.node
            while isinstance(child, nodes.Getattr):
                inner.add(id(child))
                child = child.node
            inner.add(id(child))
            name = _dotted(node)
            if name is not None:
                out.add(name)
        elif isinstance(node, nodes.Name) and node.ctx == "load":
            out.add(node.name)
    return out


def conditions(tree: nodes.Template) -> set[str]:
    """The distinct conditions of ``if``/``elif`` blocks and the sequences ``for`` loops run
    over, written back as template source (``if p.years > 5``, ``for lot in lots``).

    A set, not a sequence: Dutch grammar may repeat a branch (singular and plural verb) that
    English needs once; what must match is which questions the two texts ask.
    """
    out: set[str] = set()
    for node in tree.find_all((nodes.If, nodes.For)):
        # elif branches are If nodes of their own, so find_all visits them too
        if isinstance(node, nodes.If):
            if not _grammatical_number(node.test):
                out.add("if " + _source(node.test))
        elif isinstance(node, nodes.For):
            out.add(f"for {_source(node.target)} in {_source(node.iter)}")
    return out


def _grammatical_number(test: nodes.Node) -> bool:
    """``x == 1`` (or ``!=``, ``> 1``): a choice between singular and plural, which one
    language may need where the other does not ("once" / "1 keer")."""
    return (
        isinstance(test, nodes.Compare)
        and len(test.ops) == 1
        and test.ops[0].op in ("eq", "ne", "gt")
        and isinstance(test.ops[0].expr, nodes.Const)
        and test.ops[0].expr.value == 1
    )


_OPERATORS = {"eq": "==", "ne": "!=", "gt": ">", "gteq": ">=", "lt": "<", "lteq": "<="}


def _source(node: nodes.Node) -> str:
    """A compact, comparable rendering of an expression node."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Const):
        return repr(node.value)
    if isinstance(node, nodes.Getattr):
        return f"{_source(node.node)}.{node.attr}"
    if isinstance(node, nodes.Compare):
        parts = [_source(node.expr)]
        for op in node.ops:
            parts += [_OPERATORS.get(op.op, op.op), _source(op.expr)]
        return " ".join(parts)
    if isinstance(node, nodes.Not):
        return "not " + _source(node.node)
    if isinstance(node, (nodes.And, nodes.Or)):
        word = "and" if isinstance(node, nodes.And) else "or"
        return f"({_source(node.left)} {word} {_source(node.right)})"
    if isinstance(node, (nodes.Tuple, nodes.List)):
        return "[" + ", ".join(_source(i) for i in node.items) + "]"
    return repr(node)


def _parse(path: Path) -> nodes.Template | None:
    try:
        return _ENV.parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
        return None  # MVI001/MVI002 report an unreadable or broken template


@rule("MVI003", "language-parity")
def check(context: LintContext) -> Iterator[Finding]:
    """The nl and en templates of a criterion use the same variables and the same if/for shape.

    A value in one language only (or a condition in one language only) means the Dutch and
    the English tender say different things. Variables are compared as written
    (``p.warranty_years``, ``buyer.name``); the control structure as the distinct conditions
    of ``if``/``elif`` blocks and what ``for`` loops run over. Grammar is not a question: a
    condition repeated for verb agreement counts once, and a test ``x == 1`` (singular or
    plural, "once" / "1 keer") may stand in one language only.

    Bad (the English text forgets the repair time)::

        nl: Reparatie binnen {{ p.repair_days }} werkdagen, garantie {{ p.warranty_years }} jaar.
        en: Warranty of {{ p.warranty_years }} years.

    Good::

        nl: Reparatie binnen {{ p.repair_days }} werkdagen, garantie {{ p.warranty_years }} jaar.
        en: Repair within {{ p.repair_days }} working days, warranty {{ p.warranty_years }} years.
    """
    catalogue = context.catalogue
    if catalogue is None:
        return
    done: set[str] = set()
    for entry in catalogue:
        template = entry.criterion.template
        if template in done:
            continue
        done.add(template)
        nl_path, en_path = (context.template_file(entry, lang) for lang in ("nl", "en"))
        nl, en = _parse(nl_path), _parse(en_path)
        if nl is None or en is None:
            continue
        nl_vars, en_vars = variables(nl), variables(en)
        only_nl, only_en = sorted(nl_vars - en_vars), sorted(en_vars - nl_vars)
        if only_nl or only_en:
            parts = []
            if only_nl:
                parts.append("only the nl template uses " + ", ".join(only_nl))
            if only_en:
                parts.append("only the en template uses " + ", ".join(only_en))
            yield Finding(
                file=str(en_path),
                code="MVI003",
                message=f"{entry.criterion.id}: " + "; ".join(parts),
                criterion=entry.criterion.id,
            )
        nl_tests, en_tests = conditions(nl), conditions(en)
        if nl_tests != en_tests:
            parts = []
            if nl_tests - en_tests:
                parts.append("only the nl template has " + "; ".join(sorted(nl_tests - en_tests)))
            if en_tests - nl_tests:
                parts.append("only the en template has " + "; ".join(sorted(en_tests - nl_tests)))
            yield Finding(
                file=str(en_path),
                code="MVI003",
                message=f"{entry.criterion.id}: the nl and en templates ask different"
                f" questions: {'; '.join(parts)}",
                criterion=entry.criterion.id,
            )
