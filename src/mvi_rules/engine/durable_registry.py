"""The durable-rules host of a backend and the catalogues registered on it.

Compiling a catalogue (:mod:`.durable_compile`) and creating its rulesets in the engine is done
once per catalogue and kept: at most :data:`MAX_REGISTERED` catalogues stay registered, the least
recently used one not in use is deleted from the engine when another is registered (guard 10 of
:mod:`.durable`), with the sessions kept for it. A failed registration is retried (guard 9).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from durable import engine as durable_engine

from ..conditions.tree import Node
from ..errors import EngineError
from .durable_compile import (
    ACTION_PREFIX,
    CLOSE_ACTION,
    CatalogueLike,
    CompiledCatalogue,
    compile_catalogue,
)

#: Times a failed registration is tried (guard 9); the engine's failure depends on leftover heap
#: contents, so a second attempt normally succeeds.
REGISTRATION_ATTEMPTS = 3

#: Most catalogues (versions, or variants of one version) kept registered at once (guard 10).
MAX_REGISTERED = 4

#: Most idle sessions kept per registered catalogue for later evaluations (see
#: :class:`~.durable.DurableBackend`). Each holds a state in every ruleset, about 1.2 MB for the
#: shipped catalogue; evaluations beyond this many at once use sessions of their own.
MAX_IDLE_SESSIONS = 4

#: One lock for every call into durable-rules: its C engine keeps process-wide handle tables and
#: its Python host a plain dict of rulesets, neither safe to use from two threads at once.
ENGINE_LOCK = threading.Lock()


@dataclass(eq=False)
class _Registered:
    """A compiled catalogue registered on the host, with what it was compiled from."""

    entries: object
    signature: tuple[tuple[str, Node], ...]
    compiled: CompiledCatalogue
    #: Evaluations using it right now (it is never released while in use), and when it was
    #: last used (a counter), to release the least recently used first.
    users: int = 0
    last_used: int = 0
    #: Ids of idle sessions, for the next evaluations: each has a state in every ruleset, with
    #: the closing fact handled and no lot fact (see :class:`~.durable.DurableBackend`).
    sessions: list[str] = field(default_factory=list)


class _SyncHost(durable_engine.Host):  # type: ignore[misc]
    """A durable-rules host that is only ever called synchronously, by its backend."""

    def __init__(self, backend: RulesetRegistry) -> None:
        self._backend = backend
        super().__init__()

    def _run(self) -> None:
        # Guard 7: Host.__init__ calls _run, which starts two threading.Timer chains (ruleset and
        # timer dispatch) that re-arm themselves forever, so every host leaks threads. Actions
        # run synchronously inside assert_fact and no rule uses timers: start nothing.
        return None

    def get_action(self, action_name: str) -> Callable[..., None]:
        """The Python action for an action name in the compiled rules."""
        return self._backend._action(action_name)


class RulesetRegistry:
    """A durable-rules host and the catalogues registered on it; safe to use from many threads."""

    def __init__(self) -> None:
        self._host = _SyncHost(self)
        self._registry_lock = threading.Lock()
        self._registered: dict[str, list[_Registered]] = {}
        #: Fingerprint → the next variant number (names are never reused while registered).
        self._variants: dict[str, int] = {}
        self._clock = 0

    def prepare(self, catalogue: CatalogueLike) -> CompiledCatalogue:
        """Compile ``catalogue`` and register its rulesets, once; return the compiled form.

        Rulesets are named after ``catalogue.fingerprint``; a catalogue with a fingerprint seen
        before but different conditions is compiled again under other names. Raises
        :class:`~mvi_rules.errors.EngineError` when the catalogue cannot be compiled or
        durable-rules refuses it after :data:`REGISTRATION_ATTEMPTS` attempts.
        """
        with self._registry_lock:
            return self._find_or_register(catalogue).compiled

    @property
    def registered_count(self) -> int:
        """How many catalogues are registered in the engine now (at most :data:`MAX_REGISTERED`
        unless more are in use at once)."""
        with self._registry_lock:
            return sum(len(v) for v in self._registered.values())

    def _find_or_register(self, catalogue: CatalogueLike) -> _Registered:
        """The registered form of ``catalogue``, registering it if needed; under the registry
        lock."""
        self._clock += 1
        entries = catalogue.entries
        variants = self._registered.setdefault(catalogue.fingerprint, [])
        found = next((known for known in variants if known.entries is entries), None)
        if found is None:
            signature = tuple((e.criterion.id, e.condition) for e in entries)
            found = next((known for known in variants if known.signature == signature), None)
            if found is None:
                variant = self._variants.get(catalogue.fingerprint, 0)
                self._variants[catalogue.fingerprint] = variant + 1
                compiled = compile_catalogue(catalogue, variant=variant)
                if compiled.rulesets:
                    self._register(compiled)
                found = _Registered(entries, signature, compiled)
                variants.append(found)
                found.last_used = self._clock
                self._release_unused()
        found.last_used = self._clock
        return found

    def _register(self, compiled: CompiledCatalogue) -> None:
        """Create the engine's rulesets; all or none, retried, errors as EngineError."""
        problem = ""
        for _ in range(REGISTRATION_ATTEMPTS):
            created: list[Any] = []
            with ENGINE_LOCK:
                try:
                    for rs in compiled.rulesets:
                        created.append(durable_engine.Ruleset(rs.name, self._host, rs.definition()))
                except Exception as exc:
                    problem = describe_error(exc)
                    for ruleset in created:
                        self._delete_ruleset(ruleset)
                    continue
                # What Host.register_rulesets does, without creating the rulesets again: it
                # cannot undo a partial registration (the created ones would stay behind).
                for ruleset in created:
                    self._host._ruleset_directory[ruleset._name] = ruleset
                    self._host._ruleset_list.append(ruleset)
                return
        raise EngineError(
            f"durable-rules could not register the catalogue's rulesets ({problem}, "
            f"{REGISTRATION_ATTEMPTS} attempts)"
        )

    def _release_unused(self) -> None:
        """Delete the least recently used catalogues not in use beyond :data:`MAX_REGISTERED`."""
        registered = [known for variants in self._registered.values() for known in variants]
        idle = sorted((k for k in registered if k.users == 0), key=lambda k: k.last_used)
        for known in idle[: max(0, len(registered) - MAX_REGISTERED)]:
            for variants in self._registered.values():
                if known in variants:
                    variants.remove(known)
            with ENGINE_LOCK:
                for rs in known.compiled.rulesets:
                    ruleset = self._host._ruleset_directory.pop(rs.name, None)
                    if ruleset is not None:
                        # delete_ruleset frees the table of states but not the states.
                        for sid in known.sessions:
                            with contextlib.suppress(Exception):  # a failure only leaks
                                durable_engine.durable_rules_engine.delete_state(
                                    ruleset._handle, sid
                                )
                        self._host._ruleset_list.remove(ruleset)
                        self._delete_ruleset(ruleset)
                known.sessions.clear()
        for fingerprint in [fp for fp, variants in self._registered.items() if not variants]:
            del self._registered[fingerprint]

    @staticmethod
    def _delete_ruleset(ruleset: Any) -> None:
        """Free a ruleset in the C engine (under the engine lock); a failure only leaks."""
        with contextlib.suppress(Exception):  # nothing to do about it: the memory stays used
            durable_engine.durable_rules_engine.delete_ruleset(ruleset._handle)

    def _action(self, action_name: str) -> Callable[..., None]:
        """The callable the host registers for ``action_name``; it never runs it.

        :meth:`_run_actions` dispatches every action itself; the host only needs a callable
        per rule when the ruleset is created, and unknown action names are refused here.
        """
        if action_name != CLOSE_ACTION and not action_name.startswith(ACTION_PREFIX):
            raise EngineError(f"unknown durable-rules action {action_name!r}")
        return _close_action


def _close_action(c: Any) -> None:
    """The action registered for every rule: the backend runs its own (see ``_run_actions``)."""
    return None


def describe_error(exc: BaseException) -> str:
    """An engine error as text: its type and message."""
    # durable-rules' own exceptions keep their text in .message, not in args.
    message = getattr(exc, "message", None)
    return f"{type(exc).__name__}: {message if isinstance(message, str) else exc}"
