"""The durable-rules backend: the catalogue compiled into durable-rules rulesets.

Each criterion's condition tree is compiled once per catalogue (see :mod:`.durable_compile`) and
registered on one process-wide durable-rules host (:mod:`.durable_registry`). An evaluation
opens a fresh session; into every ruleset in turn it asserts all its lot facts and a closing
fact in one call, runs the actions the rules queued (a rule is one distinct term, and its
firing for a lot proves every criterion that has the term: (criterion id, lot id) each), and
deletes the session's state in that ruleset before going on to the next (states left until the
end made every later assert several times slower). The backend runs the actions itself rather
than through the host's action loop, whose per-action wrappers, clocks and JSON copies of the
session state cost several times the engine's own work. The engine decides *which* criteria
apply; explanations are built from the condition tree by the caller.

durable-rules has sharp edges, each guarded here or in the compiler (the comment at each guard
names the failure it prevents):

1. more than 64 activations for one fact fail with error 303: rules are split into rulesets;
2. facts of 255+ keys fail with error 302: facts carry only the fields conditions read;
3. the host swallows exceptions raised in actions into ``c.s.exception``: actions catch and
   record everything, and :meth:`DurableBackend.match` raises
   :class:`~mvi_rules.errors.EngineError`;
4. a rule that only tests for an absent field matches the session-state object and fires
   forever: every rule tests a discriminator, and actions stop a runaway engine;
5. a fact that matches no rule raises ``MessageNotHandledException`` (and in a batch, the host
   raises before running the other facts' actions): the engine is called directly, and a fact
   that matched no rule means no match;
6. identical facts raise ``MessageObservedException``: every fact gets a unique id;
7. every ``Host`` starts timer threads that never stop: one host per process, started without
   dispatcher threads, a fresh session per evaluation and ``delete_state`` afterwards;
8. ``delete_state`` segfaults for a session in which no fact was handled: a closing fact that
   every ruleset handles is asserted with the lot facts (or on its own when that failed);
9. registering a ruleset intermittently fails with error 102 for an ``$iany``/``$iall`` holding
   an inner ``$or``: the compiler never emits that shape (see :mod:`.durable_compile`), every
   engine error becomes :class:`~mvi_rules.errors.EngineError`, and a failed registration is
   retried (:data:`REGISTRATION_ATTEMPTS`);
10. registered rulesets live until deleted, about 10 MB per catalogue version: at most
    :data:`MAX_REGISTERED` catalogues stay registered, the least recently used one not in use is
    deleted from the engine when another is registered.

The C engine keeps process-wide tables and the host's registry is a plain dict, so every engine
call is made under one process-wide lock; compiling and building facts happen outside it.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from durable import engine as durable_engine

from ..errors import EngineError
from .base import LotFacts, Match
from .durable_compile import (
    CLOSE_ACTION,
    CLOSE_KIND,
    KIND_KEY,
    CatalogueLike,
    CompiledCatalogue,
    CompiledRuleset,
)
from .durable_registry import (
    ENGINE_LOCK,
    MAX_REGISTERED,
    REGISTRATION_ATTEMPTS,
    RulesetRegistry,
    describe_error,
)

__all__ = ["MAX_REGISTERED", "REGISTRATION_ATTEMPTS", "DurableBackend", "durable_engine"]

#: The C engine: assert, action and state calls are made on it directly (see ``_assert``).
_ENGINE: Any = durable_engine.durable_rules_engine

#: durable-rules' answer to an assert whose fact it has seen before (guard 6).
_OBSERVED = 2


@dataclass
class _Run:
    """What one evaluation (one durable session) has found so far."""

    sid: str
    #: Fact id → lot id. Facts do not carry the lot id (see guard 6 in ``match``).
    lots: dict[str, str]
    #: The JSON text of each fact asserted (lot facts and the closing fact) → its fact id, to
    #: recognise the facts in action frames without decoding them (see ``_frames``).
    texts: dict[str, str] = field(default_factory=dict)
    matches: set[Match] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    #: Activations allowed, and seen, during the current assert (see ``_fire``).
    budget: int = 0
    fired: int = 0
    #: Rulesets in which this session has state to delete.
    touched: list[CompiledRuleset] = field(default_factory=list)
    #: Names of the rulesets that handled the closing fact already.
    closed: set[str] = field(default_factory=set)


class DurableBackend(RulesetRegistry):
    """Decides which criteria apply with durable-rules; safe to call from many threads.

    Use :meth:`shared` rather than the constructor: each instance owns a durable-rules host,
    and hosts cannot be discarded (their rulesets stay in the C engine).
    """

    name = "durable"

    _shared: ClassVar[DurableBackend | None] = None
    _shared_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self) -> None:
        super().__init__()
        #: Session id → its run; read by actions (under the engine lock).
        self._runs: dict[str, _Run] = {}

    @classmethod
    def shared(cls) -> DurableBackend:
        """The process-wide backend, created on first use."""
        # Guard 7: one host per process, since every host lives as long as the process.
        if cls._shared is None:
            with cls._shared_lock:
                if cls._shared is None:
                    cls._shared = cls()
        return cls._shared

    def match(self, catalogue: CatalogueLike, lots: Sequence[tuple[str, LotFacts]]) -> set[Match]:
        """Every (criterion id, lot id) whose full condition holds for that lot's facts.

        Raises :class:`~mvi_rules.errors.EngineError` when durable-rules fails or an action did.
        """
        with self._registry_lock:
            registered = self._find_or_register(catalogue)
            registered.users += 1
        try:
            return self._match(registered.compiled, lots)
        finally:
            with self._registry_lock:
                registered.users -= 1

    def _match(
        self, compiled: CompiledCatalogue, lots: Sequence[tuple[str, LotFacts]]
    ) -> set[Match]:
        if not compiled.rulesets or not lots:
            return set()
        # Guard 7: a fresh session per evaluation, so evaluations never see each other's facts.
        sid = self._new_sid()
        # Guard 6: durable-rules refuses a fact equal to one it has seen ("already observed"),
        # and two lots may have identical facts; a unique id per fact keeps them apart. The lot
        # id stays out of the fact and is looked up from the fact id instead.
        fact_ids = [f"{sid}/{index}" for index in range(len(lots))]
        facts = [
            compiled.fact(lot_facts, sid, fact_id)
            for fact_id, (_, lot_facts) in zip(fact_ids, lots, strict=True)
        ]
        run = _Run(
            sid, {fact_id: lot_id for fact_id, (lot_id, _) in zip(fact_ids, lots, strict=True)}
        )
        closing = _closing(sid)
        run.texts = {
            json.dumps(fact, ensure_ascii=False): str(fact["id"]) for fact in [*facts, closing]
        }
        # One batch per ruleset: every lot fact, then the closing fact (guard 8), asserted in
        # one call rather than one call per fact. The batch is the facts' texts joined as
        # json.dumps joins a list, so the engine stores exactly these texts (see _frames).
        batch = "[" + ", ".join(run.texts) + "]"
        budget = len(facts)
        with ENGINE_LOCK:
            self._runs[sid] = run
        try:
            for ruleset in compiled.rulesets:
                run.touched.append(ruleset)
                self._assert(run, ruleset, batch, budget)
                if run.errors:
                    break
        finally:
            self._close(run)
        if run.errors:
            raise EngineError(
                "durable-rules evaluation failed: " + "; ".join(dict.fromkeys(run.errors))
            )
        return run.matches

    def _new_sid(self) -> str:
        return uuid.uuid4().hex

    def _assert(self, run: _Run, ruleset: CompiledRuleset, batch: str, facts: int) -> None:
        """Assert a batch of ``facts`` lot facts and the closing fact, and run the actions."""
        with ENGINE_LOCK:
            run.budget, run.fired = ruleset.lot_rules * facts, 0
            try:
                handle = self._host._ruleset_directory[ruleset.name]._handle
                # The host's assert_facts raises MessageNotHandledException as soon as one fact
                # of the batch matched nothing, before it runs the actions of the others; the
                # engine call itself reports that as code 1 and asserts every fact (guard 5:
                # for us "not handled" only means no match).
                code, state = _ENGINE.assert_facts(handle, batch)
                if code == _OBSERVED:
                    # Guard 6: every fact has a unique id, so this never happens.
                    run.errors.append(f"a fact of {ruleset.name} was refused as already observed")
                run.closed.add(ruleset.name)
                self._run_actions(run, ruleset, handle, state)
            except Exception as exc:
                run.errors.append(f"asserting into {ruleset.name}: {describe_error(exc)}")
            self._close_ruleset(run, ruleset)

    def _run_actions(self, run: _Run, ruleset: CompiledRuleset, handle: int, state: int) -> None:
        """Run the actions the last assert queued in the session's state, one by one.

        What the host's action loop does (start an action, run it, complete it and start the
        next), without its per-action wrappers, clocks and JSON copies of the state, which cost
        several times the engine's own work. Under the engine lock.
        """
        started = _ENGINE.start_action_for_state(handle, state)
        if not started:
            return
        # started[0] is the session-state object, for an action that changes it. Ours change
        # nothing, so it is not written back (the host's update_state per action): that call
        # re-runs the state object through every rule, a tenth of match's time, and
        # complete_and_start_action does not read it (completeAndStartAction in events.c).
        pending = started[1]
        while pending:
            for rule_name, fact_id, message in _frames(run, pending):
                action = ruleset.actions.get(rule_name)
                if action is None:
                    run.errors.append(f"durable-rules ran unknown rule {rule_name!r}")
                    return
                if action != CLOSE_ACTION and not self._fire(
                    run, rule_name, ruleset.proves.get(rule_name, ()), fact_id, message
                ):
                    # Not completing the action ends the engine's loop for this assert.
                    return
            pending = _ENGINE.complete_and_start_action(handle, state)

    def _close(self, run: _Run) -> None:
        """Delete the session's state in every ruleset it still has state in; forget the run."""
        with ENGINE_LOCK:
            try:
                for ruleset in list(run.touched):
                    self._close_ruleset(run, ruleset)
            finally:
                self._runs.pop(run.sid, None)

    def _close_ruleset(self, run: _Run, ruleset: CompiledRuleset) -> None:
        """Delete the session's state in ``ruleset`` (under the engine lock).

        Done as soon as the ruleset's actions have run: deleting all of a session's states only
        at the end made every assert into the next rulesets several times slower.
        """
        handle = self._host._ruleset_directory[ruleset.name]._handle
        if ruleset.name not in run.closed:
            try:
                # Guard 8: delete_state segfaults for a session in which no fact was handled
                # (the batch with the closing fact may have failed); the closing fact is
                # handled by every ruleset's close rule.
                closing = json.dumps(_closing(run.sid), ensure_ascii=False)
                _, state = _ENGINE.assert_facts(handle, f"[{closing}]")
                self._run_actions(run, ruleset, handle, state)
            except Exception as exc:
                # Without a handled fact, deleting could crash the process: keep the state (a
                # small leak) and report.
                run.errors.append(f"closing {ruleset.name}: {describe_error(exc)}")
                run.touched.remove(ruleset)
                return
        run.touched.remove(ruleset)
        try:
            # Guard 7: sessions are kept until deleted; delete them so state does not pile up
            # over evaluations.
            _ENGINE.delete_state(handle, run.sid)
        except Exception as exc:
            run.errors.append(f"deleting state in {ruleset.name}: {describe_error(exc)}")

    def _fire(
        self,
        run: _Run,
        rule: str,
        criteria: tuple[str, ...],
        fact_id: object,
        message: object,
    ) -> bool:
        """Record one activation of ``rule`` (which proves ``criteria``) for the fact
        ``fact_id``; False stops the action loop for this assert.

        ``message`` is the decoded fact when the frame had to be decoded (see ``_frames``),
        else None; it is only reported.

        Runs under the engine lock.
        """
        # Guard 3: an exception here would leave the engine with a started action and the
        # evaluation without a match. Catch everything, record it, and let match raise after
        # the run.
        try:
            run.fired += 1
            lot_id = run.lots.get(str(fact_id))
            # Guard 4 (second line): each compiled rule fires at most once per lot fact, and only
            # for lot facts. A firing for any other message (such as the session-state object)
            # or beyond the budget means the engine is looping: not completing the action ends
            # the loop.
            if lot_id is None or run.fired > run.budget:
                run.errors.append(
                    f"durable-rules fired {rule} for {message if message else fact_id!r} "
                    f"({run.fired} activations, at most {run.budget} possible); stopped it"
                )
                return False
            for criterion_id in criteria:
                self._on_match(run, criterion_id, lot_id)
        except BaseException as exc:
            run.errors.append(f"action for {rule} failed: {describe_error(exc)}")
        return True

    def _on_match(self, run: _Run, criterion_id: str, lot_id: str) -> None:
        run.matches.add((criterion_id, lot_id))


#: How durable-rules writes an action frame of a rule with one fact: ``{"<rule name>":{"m":``,
#: the fact's text, ``}}`` (``serializeResult`` in its state.c).
_FRAME_HEAD, _FRAME_MIDDLE, _FRAME_TAIL = '{"', '":{"m":', "}}"


def _frames(run: _Run, pending: str) -> Sequence[tuple[str, object, object]]:
    """The (rule name, fact id, decoded fact or None) of each action in a pending frame.

    Decoding every frame as JSON was a third of the backend's time, though only the fact id is
    read. durable-rules stores each fact as its text in the asserted batch and writes it back
    verbatim into the frame, so a frame that is exactly ``{"<rule>":{"m":<text>}}`` for a text
    we asserted is that fact (rule names hold no quote, and a rule name we do not know is
    refused by the caller). This compares whole texts, never reads into user values, and any
    other frame (a frame of several facts, the session-state object) is decoded as JSON.
    """
    end = pending.find('"', len(_FRAME_HEAD))
    if (
        end > 0
        and pending.startswith(_FRAME_HEAD)
        and pending.startswith(_FRAME_MIDDLE, end)
        and pending.endswith(_FRAME_TAIL)
    ):
        fact_id = run.texts.get(pending[end + len(_FRAME_MIDDLE) : -len(_FRAME_TAIL)])
        if fact_id is not None:
            return ((pending[len(_FRAME_HEAD) : end], fact_id, None),)
    frames: dict[str, Any] = json.loads(pending)
    found: list[tuple[str, object, object]] = []
    for rule_name, frame in frames.items():
        message = frame.get("m") if isinstance(frame, dict) else None
        found.append((rule_name, message.get("id") if isinstance(message, dict) else None, message))
    return found


def _closing(sid: str) -> dict[str, str]:
    """The closing fact of a session: every ruleset's close rule handles it (guard 8)."""
    return {"sid": sid, "id": f"{sid}/close", KIND_KEY: CLOSE_KIND}
