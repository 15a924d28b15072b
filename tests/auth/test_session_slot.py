"""#14 item 1, GUI-free: the one Xee session in use (SessionSlot). A restore of the stored
sign-in that ends after the environment changed is closed, never put in use; a replaced
session is closed; changing the environment (clear) cancels a restore still running."""

from __future__ import annotations

import asyncio
import threading

import pytest

from app.auth.session import SessionSlot, XeeSession, in_thread_closed_if_cancelled
from app.auth.tokens import SessionOnlyTokenStore

DEMO_ROOT = "http://127.0.0.1:1/xee/v3"
PRODUCTION_ROOT = "http://127.0.0.1:2/xee/v3"
TOKEN = {"access_token": "a", "refresh_token": "r", "token_type": "Bearer",
         "expires_at": 4_000_000_000}


def session_for(root: str) -> XeeSession:
    store = SessionOnlyTokenStore(root)
    store.save(dict(TOKEN))
    return XeeSession(root, "cid", "secret", store)


def test_a_session_made_for_an_earlier_choice_is_closed_not_used():
    async def scenario():
        slot = SessionSlot()
        ticket = slot.ticket()                  # a sign-in starts for production…
        late = session_for(PRODUCTION_ROOT)
        await slot.clear()                      # …the user picks the demo meanwhile
        demo = await slot.restore(DEMO_ROOT, lambda: asyncio.sleep(0, session_for(DEMO_ROOT)))
        installed = await slot.install(late, PRODUCTION_ROOT, ticket)   # then it ends
        return slot, late, demo, installed

    slot, late, demo, installed = asyncio.run(scenario())
    assert installed is False
    assert late.client.is_closed
    assert slot.session is demo and slot.root == DEMO_ROOT
    assert not demo.client.is_closed
    assert slot.current(PRODUCTION_ROOT) is None
    asyncio.run(slot.clear())


def test_clear_cancels_the_restore_still_running_and_nothing_is_installed():
    async def scenario():
        slot = SessionSlot()
        started = asyncio.Event()
        never = asyncio.Event()

        async def build():
            started.set()
            await never.wait()
            return session_for(PRODUCTION_ROOT)

        restore = asyncio.ensure_future(slot.restore(PRODUCTION_ROOT, build))
        await started.wait()
        await slot.clear()              # another environment was chosen
        with pytest.raises(asyncio.CancelledError):
            await restore
        return slot

    slot = asyncio.run(scenario())
    assert slot.session is None and slot.root is None and slot.restoring is None


def test_a_replaced_session_is_closed():
    async def scenario():
        slot = SessionSlot()
        first, second = session_for(DEMO_ROOT), session_for(DEMO_ROOT)
        assert await slot.install(first, DEMO_ROOT)
        assert await slot.install(second, DEMO_ROOT + "/")
        closed = first.client.is_closed, second.client.is_closed
        assert slot.current(DEMO_ROOT) is second
        await slot.clear()
        return closed, second.client.is_closed

    (first_closed, second_open_then), second_closed = asyncio.run(scenario())
    assert first_closed and not second_open_then
    assert second_closed


def test_a_session_built_in_a_thread_after_its_caller_was_cancelled_is_closed():
    go_on = threading.Event()
    built: list[XeeSession] = []

    def make():
        go_on.wait(5)
        built.append(session_for(DEMO_ROOT))
        return built[-1]

    async def scenario():
        task = asyncio.ensure_future(in_thread_closed_if_cancelled(make))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        go_on.set()
        for _ in range(100):
            if built and built[0].client.is_closed:
                break
            await asyncio.sleep(0.02)

    asyncio.run(scenario())
    assert built and built[0].client.is_closed


def test_a_restore_that_finds_nothing_does_not_void_a_sign_in_under_way():
    async def scenario():
        slot = SessionSlot()
        await slot.clear()                        # a sign-in starts: a new choice…
        ticket = slot.ticket()
        nothing = await slot.restore(DEMO_ROOT, lambda: asyncio.sleep(0))   # page entered
        fresh = session_for(DEMO_ROOT)
        installed = await slot.install(fresh, DEMO_ROOT, ticket)          # …and ends
        return nothing, installed, slot, fresh

    nothing, installed, slot, fresh = asyncio.run(scenario())
    assert nothing is None
    assert installed is True and slot.session is fresh
    asyncio.run(slot.clear())


def test_a_stored_sign_in_restored_while_a_fresh_one_was_installed_gives_way():
    async def scenario():
        slot = SessionSlot()
        fresh = session_for(DEMO_ROOT)
        restored: list[XeeSession] = []

        async def build():
            assert await slot.install(fresh, DEMO_ROOT, slot.ticket())   # signed in now
            restored.append(session_for(DEMO_ROOT))
            return restored[0]

        result = await slot.restore(DEMO_ROOT, build)
        return slot, fresh, restored[0], result

    slot, fresh, restored, result = asyncio.run(scenario())
    assert result is fresh and slot.session is fresh
    assert restored.client.is_closed and not fresh.client.is_closed
    asyncio.run(slot.clear())
