"""Lint rules for the criteria catalogue: checks a legal adviser wants before a review.

Each rule lives in its own module under :mod:`mvi_rules.lint.rules`, has a stable code
(``MVI001`` ...) and documents what it checks with a bad and a good example. Run them with
:func:`lint` (or ``mvi-rules lint``); silence a deliberate finding with a comment and a reason
(see :mod:`mvi_rules.lint.suppress`).
"""

from ..errors import LintUsageError
from .finding import Finding
from .registry import RULES, Rule
from .run import lint

__all__ = ["RULES", "Finding", "LintUsageError", "Rule", "lint"]
