"""Result models whose costly fields are made when first read, not when evaluated.

An evaluation explains every criterion for every lot, selected or not, but most callers read
the explanations of a few selected criteria (a document) or none (a system that wants the
selection). Building them all up front was most of an evaluation's time. A
:class:`DeferredModel` made by the evaluation leaves such fields out of its ``__dict__`` and
keeps a function that makes them; they are filled the first time anything reads them: the
attribute, serialisation (``model_dump``, ``model_dump_json``, nested in another model, through
any pydantic schema), comparison, ``repr``, copying and pickling. A model validated from data
has every field at once, as any pydantic model does.

Fills run under one lock, each once per instance, so threads reading the same result at once
see the same values.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel

#: Makes one deferred field's value.
Fill = Callable[[], Any]

#: Where every pydantic model keeps its field values: the slot behind ``__dict__``.
_FIELDS = BaseModel.__dict__["__dict__"]

# Filling replaces the instance's __dict__; two threads filling different fields of one
# instance at once could each drop the other's value. Fills are rare (once per field and
# instance), so one lock for all is cheap; re-entrant, as a fill may read another model's
# deferred field.
_filling = threading.RLock()


class DeferredModel(BaseModel):
    """A model some of whose fields (:attr:`deferred_fields`) may be filled on first use."""

    #: The fields a deferred instance may leave out until they are read.
    deferred_fields: ClassVar[frozenset[str]] = frozenset()
    #: Every field's name, in the order serialisation writes them.
    field_order: ClassVar[tuple[str, ...]] = ()

    # The fill functions are kept where pydantic keeps private attributes, as
    # {"_fill": {field: fill}}, and the slot goes back to None (what every other instance has)
    # once all have run: so a completed model equals, copies and pickles like a validated one.

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls.field_order = tuple(cls.model_fields)

    def _complete(self, name: str | None = None) -> None:
        """Fill deferred field ``name`` (every deferred field: None), if not filled yet."""
        if self.__pydantic_private__ is None:
            return
        with _filling:
            pending = self.__pydantic_private__
            if pending is None:
                return
            fills: dict[str, Fill] = pending["_fill"]
            names = list(fills) if name is None else [name] if name in fills else []
            filled = {each: fills[each]() for each in names}
            present = _FIELDS.__get__(self)
            # A new dict in field order, as serialisation follows the dict's order.
            _FIELDS.__set__(
                self,
                {
                    field: present[field] if field in present else filled[field]
                    for field in type(self).field_order
                    if field in present or field in filled
                },
            )
            remaining = {each: fill for each, fill in fills.items() if each not in filled}
            object.__setattr__(
                self, "__pydantic_private__", {"_fill": remaining} if remaining else None
            )

    if not TYPE_CHECKING:
        # Whatever reads the field values as a whole reads ``__dict__``: pydantic's serialiser
        # (for this model on its own or inside another), ``==``, copying, ``repr``. They get
        # every field. Reading one field does not come here (Python finds it in the slot).
        @property
        def __dict__(self) -> dict[str, Any]:
            if self.__pydantic_private__ is not None:
                self._complete()
            return _FIELDS.__get__(self)

        @__dict__.setter
        def __dict__(self, values: dict[str, Any]) -> None:
            _FIELDS.__set__(self, values)

        # Only reached when normal lookup fails, i.e. for a field not filled yet.
        def __getattr__(self, name: str) -> Any:
            if name in type(self).deferred_fields:
                self._complete(name)
                values = _FIELDS.__get__(self)
                if name in values:
                    return values[name]
            return super().__getattr__(name)

    # pydantic compares, pickles and copies the private attributes too, reading them before
    # the field values: the deferred fields are filled first, so the fill functions (which
    # hold compiled conditions, and do not pickle) are gone by then.

    def __eq__(self, other: object) -> bool:
        self._complete()
        if isinstance(other, DeferredModel):
            other._complete()
        return super().__eq__(other)

    def __getstate__(self) -> dict[Any, Any]:
        self._complete()
        return super().__getstate__()

    def __copy__(self) -> Any:
        self._complete()
        return super().__copy__()

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Any:
        self._complete()
        return super().__deepcopy__(memo)
