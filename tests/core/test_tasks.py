"""app.core.tasks.TaskScope without Qt: plain asyncio."""

from __future__ import annotations

import asyncio

import pytest

from app.core.tasks import TaskScope


async def forever(started: list[str], name: str) -> None:
    started.append(name)
    await asyncio.sleep(3600)


def test_cancel_ends_every_task_still_running_and_only_those():
    async def main():
        scope = TaskScope("page")
        started: list[str] = []
        quick = scope.spawn(asyncio.sleep(0), "quick")
        slow = scope.spawn(forever(started, "slow"), "slow")
        await quick
        await asyncio.sleep(0)
        assert scope.tasks() == {slow}
        assert slow.get_name() == "slow"
        cancelled = scope.cancel()
        assert cancelled == [slow]
        await asyncio.gather(slow, return_exceptions=True)
        assert slow.cancelled() and not quick.cancelled()
        assert scope.tasks() == set() and scope.cancelled
    asyncio.run(main())


def test_a_cancelled_scope_refuses_new_tasks_without_running_them():
    async def main():
        scope = TaskScope()
        scope.cancel()
        ran: list[str] = []

        async def body() -> None:
            ran.append("body")

        coro = body()
        task = scope.spawn(coro, "late")
        assert task.get_name() == "late"
        with pytest.raises(asyncio.CancelledError):
            await task
        assert task.cancelled() and ran == []
        assert coro.cr_frame is None          # closed: no "never awaited" warning
        assert scope.tasks() == set()
    asyncio.run(main())


def test_cancelling_the_parent_cancels_the_children_not_the_other_way():
    async def main():
        window = TaskScope("window")
        selection = window.child("selection")
        page = selection.child("page")
        started: list[str] = []
        w = window.spawn(forever(started, "w"))
        s = selection.spawn(forever(started, "s"))
        p = page.spawn(forever(started, "p"))
        await asyncio.sleep(0)
        assert window.tasks() == {w, s, p}          # the children's tasks too
        page.cancel()
        await asyncio.sleep(0)
        assert p.cancelled() and not s.done() and not w.done()
        assert window.tasks() == {w, s}
        page = selection.child("page")
        p2 = page.spawn(forever(started, "p2"))
        selection.cancel()
        await asyncio.sleep(0)
        assert s.cancelled() and p2.cancelled() and page.cancelled and not w.done()
        assert selection.child().cancelled         # born cancelled under a cancelled one
        window.cancel()
        await asyncio.gather(w, return_exceptions=True)
        assert w.cancelled()
    asyncio.run(main())


def test_cancel_spares_the_task_that_calls_it():
    async def main():
        scope = TaskScope()
        steps: list[str] = []

        async def leaves_the_page() -> None:
            scope.cancel()            # e.g. a page task that goes to another page
            await asyncio.sleep(0)
            steps.append("went on")

        other = scope.spawn(forever([], "other"))
        mine = scope.spawn(leaves_the_page())
        await asyncio.gather(mine, other, return_exceptions=True)
        assert steps == ["went on"] and other.cancelled()
    asyncio.run(main())


def test_the_spared_caller_is_kept_by_the_nearest_open_scope():
    """A page task that leaves its page (cancels its own scope) goes on, and the window's
    scope still knows it: its shutdown cancels it, its errors still reach on_error."""
    async def main():
        errors: list[BaseException] = []
        window = TaskScope("window", on_error=lambda task, exc: errors.append(exc))
        selection = window.child("selection")
        page = selection.child("page")
        went_on = asyncio.Event()

        async def leaves_the_page() -> None:
            page.cancel()
            went_on.set()
            await asyncio.sleep(3600)

        mine = page.spawn(leaves_the_page())
        await went_on.wait()
        assert window.tasks() == {mine} and selection.tasks() == {mine}
        assert window.cancel() == [mine]
        await asyncio.gather(mine, return_exceptions=True)
        assert mine.cancelled()

        window2 = TaskScope("window", on_error=lambda task, exc: errors.append(exc))
        page2 = window2.child("page")

        async def leaves_then_fails() -> None:
            page2.cancel()
            await asyncio.sleep(0)
            raise ValueError("after leaving")

        failing = page2.spawn(leaves_then_fails())
        await asyncio.gather(failing, return_exceptions=True)
        assert [str(e) for e in errors] == ["after leaving"]   # reported once
        assert window2.tasks() == set()
    asyncio.run(main())


def test_an_exception_goes_to_on_error_the_children_use_the_parents():
    async def main():
        errors: list[tuple[str, str]] = []
        window = TaskScope(on_error=lambda task, exc: errors.append((task.get_name(),
                                                                       str(exc))))
        page = window.child()

        async def fails(text: str) -> None:
            raise ValueError(text)

        await asyncio.gather(window.spawn(fails("own"), "w"), page.spawn(fails("kid"), "p"),
                             return_exceptions=True)
        await asyncio.sleep(0)
        assert sorted(errors) == [("p", "kid"), ("w", "own")]
        cancelled = page.spawn(forever([], "c"), "c")
        page.cancel()
        await asyncio.gather(cancelled, return_exceptions=True)
        await asyncio.sleep(0)
        assert len(errors) == 2                     # a cancel is no error
    asyncio.run(main())
