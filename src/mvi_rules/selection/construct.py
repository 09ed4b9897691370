"""Result models made from values that are already valid, without validating them again.

An evaluation makes many small result models from data the catalogue and profile loaders have
already validated (ids, catalogue texts, numbers). Validating them again cost more than making
them; the tests check that a model made here equals, and serialises like, a validated one.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from .deferred import DeferredModel, Fill

M = TypeVar("M", bound=BaseModel)
D = TypeVar("D", bound=DeferredModel)
_set = object.__setattr__


def light(cls: type[M], **values: Any) -> M:
    """A model made of values that are already valid, given for every field.

    What :meth:`~pydantic.BaseModel.model_construct` makes, without its per-field lookups of
    aliases and defaults (which cost more than the small models made here by the thousand).
    Only for values built by mvi-rules itself from validated data; the tests check that the
    model equals and serialises like a validated one.
    """
    model = cls.__new__(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", set(values))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def deferred(cls: type[D], fills: dict[str, Fill], **values: Any) -> D:
    """An instance of ``cls`` with ``values`` now and each field of ``fills`` when first read.

    ``values`` are every other field, already valid (built by mvi-rules from validated data),
    as for :func:`light`; ``fills`` names deferred fields only.
    """
    model = light(cls, **values)
    if fills:
        model.__pydantic_fields_set__.update(fills)
        _set(model, "__pydantic_private__", {"_fill": fills})
    return model
