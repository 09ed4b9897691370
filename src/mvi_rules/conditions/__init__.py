"""The condition language of the rulesets: parsing, the neutral tree, facts and evaluation."""

from ..errors import ConditionSyntaxError
from .compiled import Check, compile_check
from .evaluate import Trace, holds, trace
from .facts import lot_facts, with_total_value
from .fields import FIELDS, FieldSpec, Kind
from .parse import parse_condition, parse_test
from .tree import All, Any, Node, Not, Op, Test, fields_of

__all__ = [
    "FIELDS",
    "All",
    "Any",
    "Check",
    "ConditionSyntaxError",
    "FieldSpec",
    "Kind",
    "Node",
    "Not",
    "Op",
    "Test",
    "Trace",
    "compile_check",
    "fields_of",
    "holds",
    "lot_facts",
    "parse_condition",
    "parse_test",
    "trace",
    "with_total_value",
]
