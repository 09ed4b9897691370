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


def structure(node: nodes.Node) -> list[str]:
    """The if/elif/else/for skeleton of a template, in order, with nesting."""
    out: list[str] = []
    for child in node.iter_child_nodes():
        if isinstance(child, nodes.If):
            out.append("if(")
            for part in child.body:
                out += structure(part)
            for branch in child.elif_:
                out.append("elif(")
                for part in branch.body:
                    out += structure(part)
                out.append(")")
            if child.else_:
                out.append("else(")
                for part in child.else_:
                    out += structure(part)
                out.append(")")
            out.append(")")
        elif isinstance(child, nodes.For):
            out.append("for(")
            for part in [*child.body, *child.else_]:
                out += structure(part)
            out.append(")")
        else:
            out += structure(child)
    return out


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
    (``p.warranty_years``, ``buyer.name``); the structure as the nesting of ``if``, ``elif``,
    ``else`` and ``for`` blocks.

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
        nl_shape, en_shape = structure(nl), structure(en)
        if nl_shape != en_shape:
            yield Finding(
                file=str(en_path),
                code="MVI003",
                message=f"{entry.criterion.id}: the nl and en templates differ in their"
                f" if/for blocks (nl: {''.join(nl_shape) or 'none'};"
                f" en: {''.join(en_shape) or 'none'})",
                criterion=entry.criterion.id,
            )
