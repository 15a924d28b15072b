"""The wizard's pairing and undo as use-cases, without Qt.

`PairingController` owns the wizard's state (the dict flow.new_state makes, the last
provider and environment and the wrong-pin counts of every provider with a pin lock read
from the settings, each under its spec's key) and runs:

- `selected(provider, environment)`: flow.select, the choice remembered
  (last/provider, last/environment);
- a pairing, `start(scope, ended)` (a task of `scope`) or `await pair()`: the pin-lock
  rule first (the attempt that would lock the device, Xee's box, is sent only if the view's
  `confirm_last_pin()` says so), the provider call through the services
  (`call_provider`), its exception as error data (flow.error_dict, flow.sign_in_error,
  flow.cancelled_error), flow.after_pair applied, recorded (`record`: the history's
  writer decides whether it is an attempt), the wrong-pin counts saved;
- `cancel()`: the user's Cancel of the request in flight. A pairing cancelled before
  its request left says so and records nothing; one cancelled while waiting records that
  it may have been carried out. Cancelling the task itself (the window closing) is not a
  user's cancel: the end is recorded (shielded) and the cancel goes on;
- `undo()`: the same with flow.after_undo (only the window's closing cancels an undo).

What it needs of the app is `PairingServices` (app.ui.services.Services has it:
call_provider, record, settings with value/setValue, which QSettings has); what it asks
of the person and tells the window is `PairingView` (the wizard window: the last-pin
question, the pairing page shown when the request leaves, busy while it waits). Tests
run it against the sandbox with no window (tests/core/test_controller.py).

Loaded before the wizard's first paint: asyncio and the error modules are imported by
the methods that need them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any, Protocol

from app.core import flow

if TYPE_CHECKING:
    import asyncio

    from app.core.tasks import TaskScope

LAST_PROVIDER_SETTING = "last/provider"
LAST_ENVIRONMENT_SETTING = "last/environment"


class SettingsStore(Protocol):
    def value(self, key: str, default: Any = None) -> Any: ...
    def setValue(self, key: str, value: Any) -> None: ...  # noqa: N802  (QSettings' name)


class PairingServices(Protocol):
    settings: SettingsStore

    async def call_provider(self, state: dict[str, Any],
                            fn: Callable[[Any], Awaitable[Any]]) -> Any: ...
    async def record(self, state: dict[str, Any], action: str, *,
                     result: dict[str, Any] | None = None,
                     error: dict[str, Any] | None = None) -> int | None: ...


class PairingView(Protocol):
    async def confirm_last_pin(self) -> bool:
        """The next pin is the last before the box locks: send it anyway?"""
    def sending(self) -> None:
        """The pairing's request is about to leave: show that it waits."""
    def busy(self, reason: str) -> AbstractAsyncContextManager[None]:
        """While a request is in flight."""


class _NoView:
    """Without a view: nothing is shown, and the last pin is never sent (no one said
    yes)."""

    async def confirm_last_pin(self) -> bool:
        return False

    def sending(self) -> None:
        pass

    def busy(self, reason: str) -> AbstractAsyncContextManager[None]:
        import contextlib

        return contextlib.nullcontext()   # type: ignore[return-value]


def initial_state(settings: SettingsStore, demo: bool = False) -> dict[str, Any]:
    """The state the wizard opens with: the last provider and environment chosen (the
    demo's environment with --demo) and the wrong-pin counts kept across runs (those of
    every provider with a pin lock, under its spec's setting: Xee's xee/pinFailures)."""
    provider = str(settings.value(LAST_PROVIDER_SETTING, "") or "") or None
    if provider not in flow.PROVIDERS:
        provider = None
    environment = str(settings.value(LAST_ENVIRONMENT_SETTING, "") or "")
    if demo:
        environment = flow.DEMO
    state = flow.new_state(provider, environment or flow.DEMO)
    state = flow.select(state, provider, state["environment"]) if provider else state
    state["pin_failures"] = {key: _saved_counts(settings, key) for key, info
                             in flow.PROVIDERS.items() if info.pin_lock}
    return state


def _saved_counts(settings: SettingsStore, provider: str) -> dict[str, int]:
    return flow.load_pin_failures(settings.value(flow.pin_failures_setting(provider), "{}"))


class PairingController:
    def __init__(self, services: PairingServices, view: PairingView | None = None, *,
                 demo: bool = False) -> None:
        self.services = services
        self.view: PairingView = view if view is not None else _NoView()
        self.state = initial_state(services.settings, demo)
        self._task: asyncio.Task[Any] | None = None   # the pairing started, until its end
        self._in_flight = False      # its request is being sent: cancel() stops it
        self._user_cancelled = False
        self._body_ran = False       # the pairing's body started: it makes its own end
        self._recordings: set[asyncio.Task[None]] = set()   # ends being recorded

    # -- what the window shows ---------------------------------------------------------

    @property
    def sending(self) -> bool:
        """A pairing's request is in flight (until its answer, error or cancel is in)."""
        return self._in_flight

    @property
    def cancelling(self) -> bool:
        """The user cancelled the request in flight; its end is not in yet."""
        return self._user_cancelled

    @property
    def running(self) -> bool:
        """A pairing started and not ended (its confirmation included)."""
        return self._task is not None and not self._task.done()

    # -- the choice --------------------------------------------------------------------

    def selected(self, provider: str | None, environment: str | None) -> bool:
        """Choose provider and environment (flow.select) and remember them. True when the
        choice changed."""
        before = (self.state.get("provider"), self.state.get("environment"))
        self.state = flow.select(self.state, provider, environment)
        after = (self.state.get("provider"), self.state.get("environment"))
        settings = self.services.settings
        counts = self.state.get("pin_failures") or {}
        if flow.pin_lock(after[0]) and after[0] not in counts:
            # A provider registered after the start: its counts as saved.
            self.state["pin_failures"] = {**counts, after[0]: _saved_counts(settings,
                                                                            after[0])}
        if after[0]:
            settings.setValue(LAST_PROVIDER_SETTING, after[0])
        if after[1]:
            settings.setValue(LAST_ENVIRONMENT_SETTING, after[1])
        return before != after

    # -- pairing -----------------------------------------------------------------------

    def start(self, scope: TaskScope | None = None,
              ended: Callable[[flow.Outcome | None], None] | None = None
              ) -> asyncio.Task[Any] | None:
        """The pairing as a task of `scope` (a plain task without one); None when one is
        running already. Without the last-pin question the request is shown as leaving
        now (view.sending), before the task runs: a Cancel pressed at once finds it.
        `ended(outcome)` is called once at its end (None: the last pin was not
        confirmed, nothing sent), not when the task itself is cancelled (the window
        closing)."""
        import asyncio

        if self.running:
            return None
        confirm_first = flow.is_last_pin_attempt(self.state)
        if not confirm_first:
            self._begin()
        coro = self._pair(confirm_first)
        task = scope.spawn(coro, "pair") if scope is not None \
            else asyncio.ensure_future(coro)
        if task.done():   # a closed scope: refused
            self._in_flight = False
            return task
        self._task = task
        task.add_done_callback(lambda done: self._ended(done, ended))
        return task

    async def pair(self) -> flow.Outcome | None:
        """One pairing, awaited (start() without a scope). None: the last pin was not
        confirmed."""
        import asyncio

        ends: list[flow.Outcome | None] = []
        task = self.start(ended=ends.append)
        if task is None:
            raise RuntimeError("a pairing is running already")
        try:
            return await task
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if ends and not (current is not None and current.cancelling()):
                return ends[0]   # the user's cancel before the request left
            raise

    def cancel(self) -> bool:
        """The user's Cancel: stop the request in flight (once: a second one would cut
        the recording of the first). False when none is in flight."""
        task = self._task
        if task is None or task.done() or not self._in_flight:
            return False
        if not self._user_cancelled:
            self._user_cancelled = True
            task.cancel()
        return True

    def _begin(self) -> None:
        self.state.update(result=None, error=None, undone=False, uncertain=False)
        self._user_cancelled = False
        self._in_flight = True
        self._body_ran = False
        self.view.sending()

    async def _pair(self, confirm_first: bool) -> flow.Outcome | None:
        if confirm_first:
            if not await self.view.confirm_last_pin():
                return None     # nothing sent
            self._begin()
        self._body_ran = True   # from here on, its own end is made below, never "not sent"
        state = self.state
        outcome = await self._call(
            "Pairing", lambda api: flow.pair(api, state),
            lambda result, error: flow.after_pair(state, result=result, error=error),
            interrupted=lambda: flow.cancelled_error(state), user_cancellable=True)
        self._user_cancelled = False
        return outcome

    async def _call(self, reason: str, call: Callable[[Any], Awaitable[Any]],
                    end: Callable[[Any, dict[str, Any] | None], flow.Outcome], *,
                    interrupted: Callable[[], dict[str, Any]],
                    user_cancellable: bool) -> flow.Outcome:
        """The one path of a provider call (the pairing's, the undo's): busy(reason)
        while `call(api)` runs through the services, its exception as error data, then
        `end(result, error)` applied and recorded. The window closing (a cancel that is
        not the user's) records `end(None, interrupted())` and goes on cancelling; a
        `user_cancellable` call (the pairing) takes the user's Cancel as its error."""
        import asyncio

        from app.auth.errors import SignInError
        from app.core.errors import ProviderError

        state = self.state
        result: Any = None
        error: dict[str, Any] | None = None
        try:
            async with self.view.busy(reason):
                result = await self.services.call_provider(state, call)
        except asyncio.CancelledError:
            if not (user_cancellable and self._user_cancelled):   # the window is closing
                if user_cancellable:
                    self._in_flight = False
                await asyncio.shield(self._recording(end(None, interrupted())))
                raise
            error = flow.cancelled_error(state)
        except ProviderError as exc:
            error = flow.error_dict(exc)
        except SignInError as exc:
            error = flow.sign_in_error(exc)
        finally:
            if user_cancellable:
                self._in_flight = False   # from now on Cancel no longer means this request
        outcome = end(result, error)
        # Shielded: the window closing while the end is recorded must not lose it (a
        # request cancelled by the user while waiting may still have been carried out).
        await asyncio.shield(self._recording(outcome))
        return outcome

    def _ended(self, task: asyncio.Task[Any],
               ended: Callable[[flow.Outcome | None], None] | None) -> None:
        """A pairing cancelled before its body ran (Cancel pressed at once) never reaches
        its own error handling: its end is made here (nothing was sent: not recorded)."""
        if self._task is task:
            self._task = None
        self._in_flight = False
        if task.cancelled():
            if not self._user_cancelled or self._body_ran:
                return     # the window is closing (a body that ran recorded its end)
            self._user_cancelled = False
            state = self.state
            if not state.get("error") and not state.get("result"):
                state["error"] = flow.cancelled_error(state, sent=False)
            outcome = flow.Outcome("pair", None, state["error"])
        elif task.exception() is not None:
            return         # the scope reports it
        else:
            outcome = task.result()
        if ended is not None:
            ended(outcome)

    # -- undo --------------------------------------------------------------------------

    async def undo(self) -> flow.Outcome:
        """Undo the pairing shown (the caller has asked the person first). Cancelled only
        by the window closing: the undo may have been carried out, and that is recorded."""
        state = self.state
        return await self._call(
            "Undoing", lambda api: flow.undo(api, state),
            lambda _result, error: flow.after_undo(state, error=error),
            interrupted=lambda: flow.undo_interrupted_error(state), user_cancellable=False)

    # -- an end into the state, the history and the settings ---------------------------

    def _recording(self, outcome: flow.Outcome) -> asyncio.Task[None]:
        """The end applied and recorded as a task of its own (shielded by the callers:
        the window closing meanwhile does not cut it), kept until done: `settle()`."""
        import asyncio

        task = asyncio.ensure_future(self.apply(outcome))
        self._recordings.add(task)
        task.add_done_callback(self._recordings.discard)
        return task

    async def settle(self) -> None:
        """Wait for the ends still being recorded (the window's shutdown, before it
        closes the history: a pairing cancelled by the window closing still gets its
        entry)."""
        import asyncio

        while self._recordings:
            await asyncio.gather(*self._recordings, return_exceptions=True)

    async def apply(self, outcome: flow.Outcome) -> None:
        """A pairing's or an undo's end (flow.after_pair, after_undo) into the state, the
        history (the services' record decides whether it is an attempt:
        flow.history_outcome) and the saved wrong-pin counts."""
        state = self.state
        # Recorded first: the state changes (an undo's "undone") and what shows them then
        # come in one step, with no await between.
        await self.services.record(state, outcome.action, result=outcome.result,
                                   error=outcome.error)
        if flow.apply_outcome(state, outcome):
            self.save_pin_failures()

    def save_pin_failures(self, provider: str | None = None) -> None:
        """The wrong-pin counts of `provider` (the state's by default) saved under its
        spec's setting."""
        provider = provider if provider is not None else self.state.get("provider")
        setting = flow.pin_failures_setting(provider)
        if setting:
            self.services.settings.setValue(setting, flow.dump_pin_failures(
                flow.pin_counts(self.state, provider)))

    def forget_pin_failures(self) -> None:
        """Every box's wrong-pin count forgotten, for every provider with a pin lock (the
        demo's data reset: fresh boxes)."""
        self.state["pin_failures"] = {}
        for key, info in flow.PROVIDERS.items():
            if info.pin_lock:
                self.save_pin_failures(key)


__all__ = ["PairingController", "PairingServices", "PairingView", "SettingsStore",
           "initial_state"]
