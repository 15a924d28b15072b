"""The wizard's pairing and undo without Qt (app.core.controller, issue 14): the
controller against the sandbox in-process (httpx2.ASGITransport), a real History on a
temporary file, and a settings store kept in a dict (what QSettings is to the window)."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx2
import pytest

from app.core import flow
from app.core.controller import PairingController
from app.core.history import History
from app.core.tasks import TaskScope
from app.core.xee import XeeAPI
from app.sandbox.app import create_app

from .helpers import rufus_key

# Where Xee's wrong-pin counts are saved, as earlier versions saved them (JSON).
XEE_PIN_FAILURES = "xee/pinFailures"
ROOTS = {"xee": "http://sandbox/xee/v3", "rufus": "http://sandbox/rufus/v0",
         "zype": "http://sandbox/zype"}


class DictSettings:
    """Settings kept in a dict, with QSettings' two methods."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def value(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def setValue(self, key: str, value: Any) -> None:  # noqa: N802
        self.values[key] = value


class Services:
    """What the controller needs of the app: the provider's client on the in-process
    sandbox (Xee with a token the sandbox minted) and the history's writer, which leaves
    out what flow.history_outcome says is no attempt."""

    def __init__(self, client: httpx2.AsyncClient, history: History,
                 settings: DictSettings, xee_token: str = "") -> None:
        self.client, self.history, self.settings = client, history, settings
        self.xee_token = xee_token
        self.recording: Callable[[], None] = lambda: None   # observes the moment
        self.record_delay = 0.0

    async def call_provider(self, state: dict[str, Any],
                            fn: Callable[[Any], Awaitable[Any]]) -> Any:
        provider = state["provider"]
        if provider == "xee":
            api = XeeAPI(self.client, ROOTS["xee"], access_token=self.xee_token)
        else:
            api = flow.api_class(provider)(self.client, ROOTS[provider],
                                           str(state.get("api_key", "")).strip())
        return await fn(api)

    async def record(self, state: dict[str, Any], action: str, *,
                     result: dict[str, Any] | None = None,
                     error: dict[str, Any] | None = None) -> int | None:
        self.recording()
        await asyncio.sleep(self.record_delay)   # the window's writer awaits a thread
        outcome = flow.history_outcome(error)
        if outcome is None:
            return None
        ids = {fld.identifier: str((result or {}).get(fld.identifier)
                                   or state.get(fld.key) or "")
               for fld in flow.FIELDS
               if fld.provider == state["provider"] and fld.identifier}
        for name, key in flow.PROVIDERS[state["provider"]].result_identifiers:
            ids[name] = str((result or {}).get(name) or (state.get(key) if key else "")
                            or "")
        return self.history.record(
            state["provider"], action, outcome, environment=state["environment"],
            identifiers={k: v for k, v in ids.items() if v},
            error_kind=(error or {}).get("kind"), error_status=(error or {}).get("status"),
            message=(error or {}).get("advice") or "")


class View:
    """The window's part: the last-pin question (answered `answer`), what was shown."""

    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.asked = 0
        self.shown: list[str] = []

    async def confirm_last_pin(self) -> bool:
        self.asked += 1
        return self.answer

    def sending(self) -> None:
        self.shown.append("sending")

    @contextlib.asynccontextmanager
    async def busy(self, reason: str) -> AsyncIterator[None]:
        self.shown.append(reason)
        yield


def in_sandbox(test: Callable[..., Awaitable[Any]], tmp_path: Path) -> Any:
    async def main() -> Any:
        transport = httpx2.ASGITransport(app=create_app())
        async with httpx2.AsyncClient(transport=transport, base_url="http://sandbox") as c:
            fixtures = (await c.get("/_sandbox/fixtures")).json()
            with History(tmp_path / "history.sqlite3") as history:
                return await test(c, fixtures, history)
    return asyncio.run(main())


def rufus_controller(services: Services, view: View | None = None, **values: str
                     ) -> PairingController:
    controller = PairingController(services, view or View())
    controller.selected("rufus", "demo")
    controller.state.update(values)
    return controller


def entries(history: History) -> list[tuple[str, str, str | None]]:
    return [(e.action, e.outcome, e.error_kind) for e in reversed(history.query())]


async def devices(client: httpx2.AsyncClient, provider: str) -> list[dict]:
    return (await client.get("/_sandbox/fixtures")).json()[provider]["devices"]


def test_a_rufus_pair_then_its_undo_are_sent_and_recorded(tmp_path):
    async def scenario(client, fx, history):
        settings = DictSettings()
        services = Services(client, history, settings)
        view = View()
        controller = rufus_controller(
            services, view, api_key=rufus_key(fx, access=("READ_WRITE",), unbind=True),
            rufus_model="Model X1", rufus_serial="CTRL-0001")
        assert settings.values["last/provider"] == "rufus"
        assert settings.values["last/environment"] == "demo"
        outcome = await controller.pair()
        deviceid = controller.state["result"]["deviceid"]
        assert outcome.result == controller.state["result"] and outcome.error is None
        assert view.shown == ["sending", "Pairing"] and view.asked == 0
        assert any(d["deviceid"] == deviceid for d in await devices(client, "rufus"))
        assert entries(history) == [("pair", "ok", None)]
        assert deviceid in history.query()[0].identifiers.values()

        undone = await controller.undo()
        assert undone.undone and controller.state["undone"]
        assert controller.state["result"]["deviceid"] == deviceid   # the pairing's, kept
        assert all(d["deviceid"] != deviceid for d in await devices(client, "rufus"))
        assert entries(history) == [("pair", "ok", None), ("undo", "ok", None)]
        # Chosen again in a later run: the choice was remembered.
        assert PairingController(services).state["provider"] == "rufus"
    in_sandbox(scenario, tmp_path)


def test_a_failed_undo_is_recorded_and_leaves_the_pairing(tmp_path):
    async def scenario(client, fx, history):
        services = Services(client, history, DictSettings())
        controller = rufus_controller(
            services, api_key=rufus_key(fx, access=("READ_WRITE",), unbind=False),
            rufus_model="Model X1", rufus_serial="CTRL-0002")
        await controller.pair()
        undone = await controller.undo()
        assert not undone.undone and not controller.state["undone"]
        assert undone.error["category"] == "auth"          # a key without unbind
        assert [e[:2] for e in entries(history)] == [("pair", "ok"), ("undo", "failed")]
    in_sandbox(scenario, tmp_path)


def xee_state(fx: dict, device: dict, pin: str) -> dict[str, Any]:
    return {"xee_device_id": device["id"], "xee_pin": pin,
            "xee_account": fx["xee"]["users"][0]["login"]}


def test_a_wrong_xee_pin_is_counted_saved_kept_and_forgotten_after_a_success(tmp_path):
    async def scenario(client, fx, history):
        device = next(d for d in fx["xee"]["devices"] if d["user_id"] is None
                      and not d["locked"])
        wrong = "9999" if device["pin"] != "9999" else "8888"
        token = (await client.post("/_sandbox/xee/token",
                                   json={"user_id": fx["xee"]["users"][0]["id"]})).json()
        settings = DictSettings()
        services = Services(client, history, settings, token["access_token"])
        controller = PairingController(services, View())
        controller.selected("xee", "demo")
        controller.state.update(xee_state(fx, device, wrong))
        outcome = await controller.pair()
        assert outcome.error["kind"] == "xee.pin_rejected"
        assert flow.pin_counts(controller.state) == {device["id"]: 1}
        assert json.loads(settings.values[XEE_PIN_FAILURES]) == {device["id"]: 1}
        assert entries(history) == [("pair", "failed", "xee.pin_rejected")]

        later = PairingController(services, View())   # the next run reads the count
        assert flow.pin_counts(later.state, "xee") == {device["id"]: 1}
        later.selected("xee", "demo")
        later.state.update(xee_state(fx, device, device["pin"]))
        assert (await later.pair()).error is None
        assert flow.pin_counts(later.state) == {}
        assert json.loads(settings.values[XEE_PIN_FAILURES]) == {}
        assert entries(history)[-1] == ("pair", "ok", None)
    in_sandbox(scenario, tmp_path)


def test_an_input_error_is_shown_not_recorded(tmp_path):
    async def scenario(client, fx, history):
        services = Services(client, history, DictSettings())
        controller = rufus_controller(services,
                                      api_key=rufus_key(fx, access=("READ_WRITE",)),
                                      rufus_model="Model X1", rufus_serial="")
        before = await devices(client, "rufus")
        outcome = await controller.pair()
        assert outcome.error["category"] == "input"
        assert controller.state["error"]["category"] == "input"
        assert entries(history) == []
        assert await devices(client, "rufus") == before
    in_sandbox(scenario, tmp_path)


def test_a_cancel_before_the_request_left_says_nothing_was_sent(tmp_path):
    async def scenario(client, fx, history):
        services = Services(client, history, DictSettings())
        controller = rufus_controller(services,
                                      api_key=rufus_key(fx, access=("READ_WRITE",)),
                                      rufus_model="Model X1", rufus_serial="EARLY-0002")
        ends: list[Any] = []
        task = controller.start(TaskScope(), ended=ends.append)
        assert controller.sending
        assert controller.cancel()                  # pressed at once
        await asyncio.gather(task, return_exceptions=True)
        assert task.cancelled()
        error = controller.state["error"]
        assert [end.error for end in ends] == [error]
        assert error["kind"] == "cancelled" and not error["may_have_reached_server"]
        assert entries(history) == []               # nothing sent: no attempt
        assert all(d["serial_number"] != "EARLY-0002" for d in await devices(client, "rufus"))
        assert not controller.running and not controller.cancelling
    in_sandbox(scenario, tmp_path)


def test_a_cancel_while_waiting_may_have_reached_the_provider(tmp_path):
    async def scenario(client, fx, history):
        services = Services(client, history, DictSettings())
        controller = rufus_controller(services,
                                      api_key=rufus_key(fx, access=("READ_WRITE",)),
                                      rufus_model="Model X1", rufus_serial="LATE-0001")
        await client.post("/_sandbox/faults", json={"latency_ms": 3000})
        ends: list[Any] = []
        task = controller.start(TaskScope(), ended=ends.append)
        await asyncio.sleep(0.3)                    # the request is in the sandbox
        assert controller.cancel()
        assert controller.cancel()                  # a second Cancel changes nothing
        await task
        error = controller.state["error"]
        assert [end.error for end in ends] == [error]
        assert error["kind"] == "cancelled" and error["may_have_reached_server"]
        assert entries(history) == [("pair", "unknown", "cancelled")]
        assert not controller.cancel()              # nothing in flight any more
    in_sandbox(scenario, tmp_path)


def test_the_window_closing_is_no_users_cancel_and_is_recorded(tmp_path):
    async def scenario(client, fx, history):
        services = Services(client, history, DictSettings())
        controller = rufus_controller(services,
                                      api_key=rufus_key(fx, access=("READ_WRITE",)),
                                      rufus_model="Model X1", rufus_serial="CLOSE-0002")
        await client.post("/_sandbox/faults", json={"latency_ms": 3000})
        scope = TaskScope()
        ends: list[Any] = []
        task = controller.start(scope, ended=ends.append)
        await asyncio.sleep(0.3)
        scope.cancel()                              # the window's shutdown
        with pytest.raises(asyncio.CancelledError):
            await task
        assert ends == []                           # no page to show: the window is gone
        assert entries(history) == [("pair", "unknown", "cancelled")]
    in_sandbox(scenario, tmp_path)


def test_the_window_closing_while_a_cancel_is_recorded_keeps_its_entry(tmp_path):
    """The user's Cancel while waiting, then the window closes while that end is being
    recorded: the entry ("may have been carried out") is still written, and the state
    never says that nothing was sent."""
    async def scenario(client, fx, history):
        services = Services(client, history, DictSettings())
        controller = rufus_controller(services,
                                      api_key=rufus_key(fx, access=("READ_WRITE",)),
                                      rufus_model="Model X1", rufus_serial="CLOSE-0003")
        await client.post("/_sandbox/faults", json={"latency_ms": 3000})
        scope = TaskScope()
        ends: list[Any] = []
        task = controller.start(scope, ended=ends.append)
        await asyncio.sleep(0.3)                    # the request is in the sandbox
        services.recording = lambda: asyncio.get_running_loop().call_soon(scope.cancel)
        services.record_delay = 0.2                 # a history slow to write
        assert controller.cancel()                  # the user's Cancel
        with pytest.raises(asyncio.CancelledError):  # then the window's shutdown
            await task
        assert entries(history) == []               # still being written
        await controller.settle()                   # what the shutdown waits for
        assert entries(history) == [("pair", "unknown", "cancelled")]
        assert controller.state["error"]["may_have_reached_server"]
        assert ends == []                           # no page to show: the window is gone
    in_sandbox(scenario, tmp_path)


def test_the_last_pin_is_sent_only_when_confirmed(tmp_path):
    async def scenario(client, fx, history):
        device = next(d for d in fx["xee"]["devices"] if d["user_id"] is None
                      and not d["locked"])
        token = (await client.post("/_sandbox/xee/token",
                                   json={"user_id": fx["xee"]["users"][0]["id"]})).json()
        settings = DictSettings()
        settings.setValue(XEE_PIN_FAILURES, json.dumps({device["id"]: 2}))
        services = Services(client, history, settings, token["access_token"])
        view = View(answer=False)
        controller = PairingController(services, view)
        controller.selected("xee", "demo")
        controller.state.update(xee_state(fx, device, device["pin"]))
        assert await controller.pair() is None      # "Check the pin first"
        assert view.asked == 1 and view.shown == []
        assert controller.state["result"] is None and controller.state["error"] is None
        assert entries(history) == []
        owner = next(d for d in await devices(client, "xee") if d["id"] == device["id"])
        assert owner["user_id"] is None             # nothing was sent

        view.answer = True                          # "Send this pin"
        outcome = await controller.pair()
        assert view.asked == 2 and view.shown == ["sending", "Pairing"]
        assert outcome.error is None and flow.pin_counts(controller.state) == {}
        owner = next(d for d in await devices(client, "xee") if d["id"] == device["id"])
        assert owner["user_id"] == fx["xee"]["users"][0]["id"]
    in_sandbox(scenario, tmp_path)


def test_a_cancel_once_the_answer_is_in_does_not_cut_its_recording(tmp_path):
    async def scenario(client, fx, history):
        services = Services(client, history, DictSettings())
        controller = rufus_controller(services,
                                      api_key=rufus_key(fx, access=("READ_WRITE",)),
                                      rufus_model="Model X1", rufus_serial="ANSWERED-01")
        cancels: list[bool] = []
        services.recording = lambda: cancels.append(controller.cancel())
        outcome = await controller.pair()
        assert cancels == [False]                   # Cancel means something else now
        assert outcome.error is None and controller.state["result"]["deviceid"]
        assert entries(history) == [("pair", "ok", None)]
    in_sandbox(scenario, tmp_path)
