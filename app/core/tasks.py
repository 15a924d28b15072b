"""Task scopes: the tasks started for one thing end with it (asyncio only, no Qt).

A `TaskScope` holds the tasks spawned in it and its child scopes. `cancel()` cancels
every task still running in it and in its children, and closes it: a closed scope
refuses new tasks. A refused coroutine is closed (its body never runs) and `spawn`
returns a task already cancelled, so a caller keeps one code path (its done callbacks
run, awaiting it raises CancelledError) instead of catching an error at every spawn.

`cancel()` never cancels the task that calls it: the task that leaves a page or changes
the environment (it may have been started for that page) goes on to its own end, kept
by the nearest scope still open (so the window's shutdown still cancels it).

The wizard holds three (app.ui.wizard): the window's (shutdown), the selection's
(provider and environment: another one cancels it) and the page's (a child of the
selection's: leaving the page cancels it).

asyncio is imported inside the methods: the wizard builds its scopes before its first
paint, when asyncio is not loaded yet.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import asyncio

ErrorHandler = Callable[["asyncio.Task[Any]", BaseException], None]


class TaskScope:
    """Tasks that end together. `on_error(task, exception)` hears of a task that ended
    with an exception (not a cancel); a child scope uses its parent's unless given its
    own."""

    def __init__(self, name: str = "", *, on_error: ErrorHandler | None = None,
                 parent: TaskScope | None = None) -> None:
        self.name = name
        self.parent = parent
        self._on_error = on_error
        self._tasks: set[asyncio.Task[Any]] = set()
        self._children: list[TaskScope] = []
        self._cancelled = False

    def __repr__(self) -> str:
        state = "cancelled" if self._cancelled else f"{len(self._tasks)} tasks"
        return f"TaskScope({self.name!r}, {state})"

    @property
    def cancelled(self) -> bool:
        """cancel() has run (here or on a parent): no new task is started."""
        return self._cancelled

    @property
    def on_error(self) -> ErrorHandler | None:
        if self._on_error is not None:
            return self._on_error
        return self.parent.on_error if self.parent is not None else None

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str = "") -> asyncio.Task[Any]:
        """Run `coro` as a task of this scope. A cancelled scope closes `coro` without
        running it and returns a task already cancelled."""
        import asyncio

        if self._cancelled:
            coro.close()
            task = asyncio.ensure_future(_never_run())
            if name:
                task.set_name(name)
            task.cancel()
            return task
        task = asyncio.ensure_future(coro)
        if name:
            task.set_name(name)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def child(self, name: str = "") -> TaskScope:
        """A scope inside this one: cancelling this one cancels it. The child of a
        cancelled scope is born cancelled."""
        scope = TaskScope(name, parent=self)
        if self._cancelled:
            scope._cancelled = True
        else:
            self._children.append(scope)
        return scope

    def cancel(self) -> list[asyncio.Task[Any]]:
        """Cancel every task still running here and in the children (except the task
        calling this), and refuse new ones. Returns the tasks cancelled (to await them)."""
        asyncio = sys.modules.get("asyncio")   # not loaded yet: no task to cancel
        current = None
        if asyncio is not None and asyncio._get_running_loop() is not None:
            current = asyncio.current_task()
        cancelled: list[asyncio.Task[Any]] = []
        spared = self._cancel_into(cancelled, current)
        if self.parent is not None and self in self.parent._children:
            self.parent._children.remove(self)
        if spared is not None:
            # The caller goes on: the nearest scope still open keeps it, so cancelling
            # that one (the window's shutdown) still finds it.
            keeper = self.parent
            while keeper is not None and keeper._cancelled:
                keeper = keeper.parent
            if keeper is not None:
                spared[0]._move(spared[1], keeper)
        return cancelled

    def _cancel_into(self, cancelled: list[asyncio.Task[Any]],
                     current: asyncio.Task[Any] | None
                     ) -> tuple[TaskScope, asyncio.Task[Any]] | None:
        """Cancel here and below; returns (its scope, the caller) when the caller is one
        of these tasks (spared)."""
        self._cancelled = True
        spared = None
        for task in list(self._tasks):
            if task.done():
                continue
            if task is current:
                spared = (self, task)
            else:
                task.cancel()
                cancelled.append(task)
        children, self._children = self._children, []
        for scope in children:
            spared = scope._cancel_into(cancelled, current) or spared
        return spared

    def _move(self, task: asyncio.Task[Any], keeper: TaskScope) -> None:
        self._tasks.discard(task)
        task.remove_done_callback(self._task_done)
        keeper._tasks.add(task)
        task.add_done_callback(keeper._task_done)

    def tasks(self) -> set[asyncio.Task[Any]]:
        """The tasks still running here and in the children."""
        found = {task for task in self._tasks if not task.done()}
        for scope in self._children:
            found |= scope.tasks()
        return found

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        handler = self.on_error
        if task.cancelled() or handler is None:   # no handler: asyncio's own report
            return
        exc = task.exception()
        if exc is not None:
            handler(task, exc)


async def _never_run() -> None:
    """The stand-in a cancelled scope returns: cancelled before its first step."""


__all__ = ["TaskScope"]
