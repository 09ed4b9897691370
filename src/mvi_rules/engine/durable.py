"""The durable-rules backend: the catalogue compiled into durable-rules rulesets.

Each criterion's condition tree is compiled once per catalogue (see :mod:`.durable_compile`) and
registered on one process-wide durable-rules host (:mod:`.durable_registry`). An evaluation has a
durable session to itself: into every ruleset in turn it asserts, in one call, the lot facts that
can match one of its rules (those that carry one of the ruleset's gates), runs the actions the
rules queued (a rule is one distinct core, a condition term without its product-group tests, and
its firing for a lot proves every criterion that has one of its terms whose flags the lot has:
(criterion id, lot id) each), and retracts the lot facts before going on to the next ruleset. The
session is then kept, idle, for a later evaluation (at most :data:`MAX_IDLE_SESSIONS` per
catalogue; the states of others are deleted): creating a session's state in a ruleset clears
several kilobytes per rule, which was half of the engine's time, while every rule matches one fact,
so retracted facts leave nothing a later evaluation could see. A session in which anything failed
is not kept. The backend runs the actions itself rather than through the host's action loop, whose
per-action wrappers, clocks and JSON copies of the session state cost several times the engine's
own work. The engine decides *which* criteria apply; explanations are built from the condition tree
by the caller.

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
   dispatcher threads; sessions are only reused one evaluation at a time, their lot facts
   retracted, and ``delete_state`` for any not kept;
8. ``delete_state`` segfaults for a session in which no fact was handled: a closing fact that
   every ruleset handles is asserted with a new session's first lot facts (or on its own when
   that failed) and stays for the session's life;
9. registering a ruleset intermittently fails with error 102 for an ``$iany``/``$iall`` holding
   an inner ``$or``: the compiler never emits that shape (see :mod:`.durable_compile`), every
   engine error becomes :class:`~mvi_rules.errors.EngineError`, and a failed registration is
   retried (:data:`REGISTRATION_ATTEMPTS`);
10. registered rulesets live until deleted (about 3 MB per catalogue version, and 1.2 MB per
    session kept): at most :data:`MAX_REGISTERED` catalogues stay registered, the least
    recently used one not in use is deleted from the engine when another is registered, and
    the states of its idle sessions with it.

The C engine keeps process-wide tables and the host's registry is a plain dict, so every engine
call is made under one process-wide lock; compiling and building facts happen outside it.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from durable import engine as durable_engine

from ..errors import EngineError
from .base import LotFacts, Match
from .durable_compile import (
    CLOSE_ACTION,
    CLOSE_KIND,
    CLOSE_RULE,
    KIND_KEY,
    CatalogueLike,
    CompiledCatalogue,
    CompiledRuleset,
    RuleProof,
)
from .durable_registry import (
    ENGINE_LOCK,
    MAX_IDLE_SESSIONS,
    MAX_REGISTERED,
    REGISTRATION_ATTEMPTS,
    RulesetRegistry,
    describe_error,
)

__all__ = [
    "MAX_IDLE_SESSIONS",
    "MAX_REGISTERED",
    "REGISTRATION_ATTEMPTS",
    "DurableBackend",
    "durable_engine",
]

#: The C engine: assert, action and state calls are made on it directly (see ``_assert``).
_ENGINE: Any = durable_engine.durable_rules_engine

#: durable-rules' answer to an assert whose fact it has seen before (guard 6).
_OBSERVED = 2

#: Session numbers, unique in the process (guard 7). Every fact carries its session id and the
#: engine reads every byte of every fact once per ruleset, so ids are kept short.
_SESSIONS = itertools.count(1)

#: Evaluation numbers, unique in the process: the prefix of their fact ids (guard 6).
_EVALUATIONS = itertools.count(1)


@dataclass
class _Run:
    """What one evaluation (in one durable session) has found so far."""

    sid: str
    #: Fact id → lot id. Facts do not carry the lot id (see guard 6 in ``match``).
    lots: dict[str, str]
    #: Lot id → its flags, which say what a rule's firing for it proves.
    flags: dict[str, frozenset[str]] = field(default_factory=dict)
    #: The end of an action frame for each lot fact asserted (its text and ``}}``) → its lot
    #: id, flags and what rules prove for those flags, to recognise lot facts in action frames
    #: without decoding them (see ``_run_actions``).
    frame_tails: dict[str, tuple[str, frozenset[str], dict[str, tuple[str, ...]]]] = field(
        default_factory=dict
    )
    #: What retracts this evaluation's lot facts from a ruleset (their sid and id).
    retract: str = "[]"
    matches: set[Match] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    #: Activations allowed, and seen, during the current assert (see ``_fire``).
    budget: int = 0
    fired: int = 0
    #: What the current assert's activations proved: (criterion ids, lot id) each.
    found: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
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
            # An idle session of an earlier evaluation, if any (one evaluation at a time each).
            sid = registered.sessions.pop() if registered.sessions else None
        # Guard 7: sessions are the backend's own; a new one has no state anywhere yet.
        run = (
            self._idle_run(registered.compiled, sid)
            if sid is not None
            else _Run(self._new_sid(), {})
        )
        try:
            try:
                self._match(registered.compiled, lots, run)
            except BaseException:
                self._close(run)
                raise
            kept = False
            if not run.errors and run.touched:
                with self._registry_lock:
                    kept = len(registered.sessions) < MAX_IDLE_SESSIONS
                    if kept:
                        registered.sessions.append(run.sid)
            if not kept:
                self._close(run)
        finally:
            with self._registry_lock:
                registered.users -= 1
        if run.errors:
            raise EngineError(
                "durable-rules evaluation failed: " + "; ".join(dict.fromkeys(run.errors))
            )
        return run.matches

    def _idle_run(self, compiled: CompiledCatalogue, sid: str) -> _Run:
        """A run in the idle session ``sid``, which has state in every ruleset, with the closing
        fact handled and no lot fact."""
        return _Run(
            sid,
            {},
            touched=list(compiled.rulesets),
            closed={ruleset.name for ruleset in compiled.rulesets},
        )

    def _match(
        self, compiled: CompiledCatalogue, lots: Sequence[tuple[str, LotFacts]], run: _Run
    ) -> None:
        """Assert ``lots`` into every ruleset in the run's session, and record what matched.

        The session has state in ``run.touched`` afterwards; when the run has no errors, those
        states hold no lot fact and the session can serve another evaluation.
        """
        if not compiled.rulesets or not lots:
            return
        sid = run.sid
        # Guard 6: durable-rules refuses a fact equal to one it has seen ("already observed"),
        # and two lots may have identical facts; a unique id per fact keeps them apart (a
        # session serves many evaluations, so ids are unique in the process). The lot id stays
        # out of the fact and is looked up from the fact id instead.
        prefix = f"{next(_EVALUATIONS):x}."
        fact_ids = [f"{prefix}{index}" for index in range(len(lots))]
        # Per ruleset, the texts of the lot facts that can match one of its rules (each carries
        # only the keys that ruleset reads). The engine stores exactly these texts (see
        # _run_actions).
        batches: dict[int, list[str]] = {}
        run.lots = {}
        for fact_id, (lot_id, lot_facts) in zip(fact_ids, lots, strict=True):
            run.lots[fact_id] = lot_id
            routed, flags = compiled.ruleset_texts(lot_facts, sid, fact_id)
            run.flags[lot_id] = flags
            lot = (lot_id, flags, compiled.proved(flags))
            for index, text in routed:
                batches.setdefault(index, []).append(text)
                run.frame_tails[text + _FRAME_TAIL] = lot
        run.retract = (
            "[" + ", ".join(f'{{"sid": "{sid}", "id": "{fact_id}"}}' for fact_id in fact_ids) + "]"
        )
        # One call per ruleset: its lot facts (and in a new session the closing fact, guard 8),
        # rather than one call per fact. A ruleset with nothing to assert is skipped.
        if run.closed:
            closing, order = [], sorted(batches)
        else:
            closing = [json.dumps(_closing(sid), ensure_ascii=False)]
            order = list(range(len(compiled.rulesets)))
        with ENGINE_LOCK:
            self._runs[sid] = run
        try:
            for index in order:
                batch = batches.get(index, [])
                ruleset = compiled.rulesets[index]
                self._assert(run, ruleset, "[" + ", ".join(batch + closing) + "]", len(batch))
                if run.errors:
                    break
        finally:
            with ENGINE_LOCK:
                self._runs.pop(sid, None)

    def _new_sid(self) -> str:
        return f"s{next(_SESSIONS):x}"

    def _assert(self, run: _Run, ruleset: CompiledRuleset, batch: str, facts: int) -> None:
        """Assert a batch of ``facts`` lot facts, run the actions, and retract the lot facts."""
        with ENGINE_LOCK:
            run.budget, run.fired = ruleset.lot_rules * facts, 0
            handle = self._host._ruleset_directory[ruleset.name]._handle
            if ruleset.name not in run.closed:
                run.touched.append(ruleset)
            try:
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
                self._record(run)
                if not run.errors and facts:
                    # The session serves the next evaluation: leave no lot fact in it. Retracting
                    # costs a tenth of creating the session's state in the ruleset, a memset of
                    # several kilobytes per rule (createStateNode in state.c), and deleting it.
                    _ENGINE.retract_facts(handle, run.retract)
            except Exception as exc:
                run.errors.append(f"asserting into {ruleset.name}: {describe_error(exc)}")
            if run.errors:
                self._close_ruleset(run, ruleset)

    def _run_actions(self, run: _Run, ruleset: CompiledRuleset, handle: int, state: int) -> None:
        """Run the actions the last assert queued in the session's state, one by one.

        What the host's action loop does (start an action, run it, complete it and start the
        next), without its per-action wrappers, clocks and JSON copies of the state, which cost
        several times the engine's own work. Under the engine lock.

        Each action comes as a frame ``{"<rule>":{"m":<fact>}}``. Decoding every frame as JSON
        was a third of the backend's time, though only the fact's id is read: durable-rules
        stores each fact as its text in the asserted batch and writes that text back verbatim
        (``serializeResult`` in its state.c), so a frame whose fact part is exactly the text of
        a lot fact we asserted is that lot's. The whole text is compared, never a part of a user
        value; rule names hold no quote, and the rule must be one of this ruleset's. The close
        rule's action does nothing and its fact is not read. Any other frame (a frame of several
        facts, the session-state object of a runaway rule) is decoded and goes through
        :meth:`_fire`, as every frame did before.
        """
        started = _ENGINE.start_action_for_state(handle, state)
        if not started:
            return
        # started[0] is the session-state object, for an action that changes it. Ours change
        # nothing, so it is not written back (the host's update_state per action): that call
        # re-runs the state object through every rule, a tenth of match's time, and
        # complete_and_start_action does not read it (completeAndStartAction in events.c).
        pending = started[1]
        heads, tails, found = ruleset.frame_heads, run.frame_tails, run.found
        while pending:
            # Rule names hold no quote, so the first frame middle follows the rule name.
            head, _, tail = pending.partition(_FRAME_MIDDLE)
            lot = tails.get(tail)
            criteria = None
            if lot is not None:
                lot_id, flags, proved = lot
                criteria = proved.get(head)
                if criteria is None and (proof := heads.get(head)) is not None:
                    criteria = proved[head] = proof.distinct(flags)
            if criteria is not None:
                # What _fire does, inline: this runs for every activation.
                run.fired += 1
                if run.fired > run.budget:
                    self._fire(run, head[len(_FRAME_HEAD) :], criteria, lot_id, None)
                    return
                found.append((criteria, lot_id))
            elif head != _CLOSE_HEAD and not self._decoded(run, ruleset, pending):
                return
            pending = _ENGINE.complete_and_start_action(handle, state)

    def _decoded(self, run: _Run, ruleset: CompiledRuleset, pending: str) -> bool:
        """Run the actions of a frame that is not one lot fact for one rule; False stops."""
        for rule_name, frame in json.loads(pending).items():
            message = frame.get("m") if isinstance(frame, dict) else None
            fact_id = message.get("id") if isinstance(message, dict) else None
            action = ruleset.actions.get(rule_name)
            if action is None:
                run.errors.append(f"durable-rules ran unknown rule {rule_name!r}")
                return False
            lot_id = run.lots.get(str(fact_id))
            proof = ruleset.proves.get(rule_name, _PROVES_NOTHING)
            flags = run.flags.get(lot_id, frozenset()) if lot_id is not None else frozenset()
            if action != CLOSE_ACTION and not self._fire(
                run, rule_name, proof.distinct(flags), lot_id, message
            ):
                return False
        return True

    def _close(self, run: _Run) -> None:
        """Delete the session's state in every ruleset it still has state in."""
        with ENGINE_LOCK:
            for ruleset in list(run.touched):
                self._close_ruleset(run, ruleset)

    def _close_ruleset(self, run: _Run, ruleset: CompiledRuleset) -> None:
        """Delete the session's state in ``ruleset`` (under the engine lock).

        Done as soon as an assert failed, and for a session that is not kept for later
        evaluations (see :meth:`match`).
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
        self, run: _Run, rule: str, criteria: tuple[str, ...], lot_id: str | None, message: object
    ) -> bool:
        """Record one activation of ``rule`` (which proves ``criteria`` for this lot) for the lot
        ``lot_id`` (None: not a lot fact); False stops the action loop for this assert.

        ``message`` is the decoded fact, when the frame was decoded; it is only reported.
        Runs under the engine lock.
        """
        # Guard 3: an exception here would leave the engine with a started action and the
        # evaluation without a match. Catch everything, record it, and let match raise after
        # the run.
        try:
            run.fired += 1
            # Guard 4 (second line): each compiled rule fires at most once per lot fact, and only
            # for lot facts. A firing for any other message (such as the session-state object)
            # or beyond the budget means the engine is looping: not completing the action ends
            # the loop.
            if lot_id is None or run.fired > run.budget:
                run.errors.append(
                    f"durable-rules fired {rule} for {message if message else lot_id!r} "
                    f"({run.fired} activations, at most {run.budget} possible); stopped it"
                )
                return False
            run.found.append((criteria, lot_id))
        except BaseException as exc:
            run.errors.append(f"action for {rule} failed: {describe_error(exc)}")
        return True

    def _record(self, run: _Run) -> None:
        """Add what the last assert's activations proved to the run's matches."""
        # Guard 3: whatever fails here is recorded, and match raises after the run.
        try:
            self._on_match(run, run.found)
        except BaseException as exc:
            run.errors.append(f"recording matches failed: {describe_error(exc)}")
        run.found = []

    def _on_match(self, run: _Run, found: list[tuple[tuple[str, ...], str]]) -> None:
        run.matches.update(
            [(criterion_id, lot_id) for criteria, lot_id in found for criterion_id in criteria]
        )


#: How durable-rules writes the action frame of a rule for one fact: ``{"<rule name>":{"m":``,
#: the fact's text, ``}}`` (``serializeResult`` in its state.c).
_FRAME_HEAD, _FRAME_MIDDLE, _FRAME_TAIL = '{"', '":{"m":', "}}"
#: What a rule unknown to the ruleset proves (see ``_decoded``).
_PROVES_NOTHING = RuleProof()
#: The start of the close rule's frames, up to the frame middle.
_CLOSE_HEAD = _FRAME_HEAD + CLOSE_RULE


def _closing(sid: str) -> dict[str, str]:
    """The closing fact of a session: every ruleset's close rule handles it (guard 8)."""
    return {"sid": sid, "id": f"{sid}/close", KIND_KEY: CLOSE_KIND}
