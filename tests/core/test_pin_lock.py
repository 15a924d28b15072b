"""Issue 15g item 1: the pin-lock rule (a wrong pin counts against the device, the last
attempt asks first, a locked device says so, the counts kept across runs) is read from the
spec of a provider with a pin lock (ProviderInfo.pin_lock: its device and pin fields, its
error kinds, its attempts and its setting), not from Xee's names. An Acme whose gadgets
lock after two wrong activation codes goes through flow and the controller without Qt,
next to Xee's counts, which stay under xee/pinFailures as earlier versions saved them."""

from __future__ import annotations

import ast
import asyncio
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import httpx2
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from app.core import flow, providers
from app.core.controller import PairingController
from app.core.errors import ProviderError
from app.core.history import History
from app.core.pages import Page
from app.core.providers import Field, PinLock, PinLockSentences

from .test_controller import DictSettings, View
from .test_providers import AcmeSpec

ROOT = Path(__file__).resolve().parents[2]
CODES = {"G-1": "RIGHT-1", "G-2": "RIGHT-2"}   # the code printed on each gadget


def acme_lock_cloud(codes: Mapping[str, str], attempts: int = 2) -> Starlette:
    """Acme's API with locking gadgets: POST /gadgets {serial, code} -> 201 {gadget_id}; a
    wrong code: 400 {"error": "wrong_code"}; after `attempts` wrong codes the gadget is
    locked: 423 {"error": "locked"}, whatever the code. `sent` counts the binds."""
    wrong: dict[str, int] = {}

    async def bind(request: Request) -> JSONResponse:
        body = await request.json()
        serial, code = str(body.get("serial") or ""), str(body.get("code") or "")
        app.state.sent += 1
        if wrong.get(serial, 0) >= attempts:
            return JSONResponse({"error": "locked"}, status_code=423)
        if codes.get(serial) != code:
            wrong[serial] = wrong.get(serial, 0) + 1
            return JSONResponse({"error": "wrong_code"}, status_code=400)
        return JSONResponse({"gadget_id": f"ID-{serial}"}, status_code=201)

    app = Starlette(routes=[Route("/gadgets", bind, methods=["POST"])])
    app.state.sent = 0
    return app


class AcmeLockAPI:
    provider = "acme"

    def __init__(self, client: httpx2.AsyncClient) -> None:
        self.client = client

    async def bind(self, serial: str, code: str) -> str:
        response = await self.client.post("/gadgets", json={"serial": serial, "code": code})
        if response.status_code == 400:
            raise ProviderError("acme.code_wrong", "refused", "Wrong activation code.",
                                provider="acme", status=400)
        if response.status_code == 423:
            raise ProviderError("acme.gadget_locked", "refused", "The gadget is locked.",
                                provider="acme", status=423)
        response.raise_for_status()
        return str(response.json()["gadget_id"])


# Acme's own words for its gadget and its activation code (#16b: never Xee's box).
ACME_SENTENCES = PinLockSentences(
    "{failed} wrong code for this gadget so far",
    "{failed} wrong codes for this gadget so far",
    "the gadget is probably locked. Ask {provider} to reset it before trying again.",
    "one more wrong code locks the gadget. Check the code on its sleeve first.",
    "{left} codes left before the gadget locks.",
    "That was wrong code number {attempts} for this gadget: {provider} has locked it. "
    "Ask {provider} to reset the gadget; another code will not be accepted.",
    "Wrong code: 1 try left before the gadget locks.",
    "Wrong code: {left} tries left before the gadget locks.")


class AcmeLockSpec(AcmeSpec):
    """Acme whose gadget locks after two wrong activation codes: its own fields, kinds,
    number of attempts and setting."""

    info = AcmeSpec.info._replace(pin_lock=PinLock(
        "acme_gadget", "acme_secret", "acme.code_wrong", "acme.gadget_locked",
        "acme/codeFailures", ACME_SENTENCES, attempts=2))
    fields = (
        Field("api_key", "acme", Page.CREDENTIALS, "Api key", "The Acme key.",
              "rufus.api_key", error_field="api_key"),
        Field("acme_gadget", "acme", Page.DEVICE, "Gadget", "On the label.",
              "rufus.serial_number", error_field="serial", column="serial",
              identifier="serial", unique=True),
        Field("acme_secret", "acme", Page.DEVICE, "Activation code", "On the card.",
              "rufus.serial_number", error_field="code", column="code",
              object_name="acmeSecretEdit", secret=True),
    )

    def review_rows(self, state: Mapping[str, Any]) -> list[tuple[str, str]]:
        return [("Request", "POST /gadgets"),
                ("Gadget", providers.text(state, "acme_gadget").strip()),
                ("Activation code", "•" * len(providers.text(state, "acme_secret").strip()))]

    async def pair(self, api: Any, state: Mapping[str, Any]) -> dict[str, Any]:
        serial = providers.text(state, "acme_gadget").strip()
        code = providers.text(state, "acme_secret").strip()
        return {"gadget_id": await api.bind(serial, code), "serial": serial}


@pytest.fixture
def acme_lock():
    providers.register(AcmeLockSpec())
    try:
        yield
    finally:
        providers.unregister("acme")


class AcmeServices:
    """The controller's services: Acme's client on its cloud, a real History."""

    def __init__(self, client: httpx2.AsyncClient, history: History,
                 settings: DictSettings) -> None:
        self.client, self.history, self.settings = client, history, settings

    async def call_provider(self, state: dict[str, Any], fn: Any) -> Any:
        return await fn(AcmeLockAPI(self.client))

    async def record(self, state: dict[str, Any], action: str, *,
                     result: dict[str, Any] | None = None,
                     error: dict[str, Any] | None = None) -> int | None:
        outcome = flow.history_outcome(error)
        if outcome is None:
            return None
        return self.history.record(
            state["provider"], action, outcome, environment=state["environment"],
            identifiers={"serial": str(state.get("acme_gadget") or "")},
            error_kind=(error or {}).get("kind"), error_status=(error or {}).get("status"))


def test_a_wrong_code_counts_the_last_attempt_asks_and_the_count_is_acmes(acme_lock,
                                                                          tmp_path):
    async def scenario() -> None:
        cloud = acme_lock_cloud(CODES)
        transport = httpx2.ASGITransport(app=cloud)
        async with httpx2.AsyncClient(transport=transport,
                                      base_url="http://acme.test") as client:
            with History(tmp_path / "history.sqlite3") as history:
                await steps(cloud, client, history)

    async def steps(cloud: Starlette, client: httpx2.AsyncClient, history: History) -> None:
        settings = DictSettings()
        # Xee's counts, as an earlier version saved them: read, and left alone.
        settings.setValue("xee/pinFailures", json.dumps({"E133742015": 2}))
        services = AcmeServices(client, history, settings)
        view = View(answer=False)
        controller = PairingController(services, view)
        controller.selected("acme", "production")
        state = controller.state
        state.update(api_key="acme-key-0123456789", acme_gadget="g-1",
                     acme_secret="WRONG")
        assert not flow.is_last_pin_attempt(state)

        outcome = await controller.pair()               # a wrong code counts
        assert outcome.error["kind"] == "acme.code_wrong"
        assert json.loads(settings.values["acme/codeFailures"]) == {"G-1": 1}
        assert flow.pin_counts(controller.state) == {"G-1": 1}
        assert json.loads(settings.values["xee/pinFailures"]) == {"E133742015": 2}
        assert flow.pin_result_note(controller.state) == ACME_SENTENCES.left_one
        assert flow.pin_warning(controller.state) == (
            "1 wrong code for this gadget so far: one more wrong code locks the gadget. "
            "Check the code on its sleeve first.")
        assert flow.fix_action(controller.state).offered

        # Two attempts in Acme's spec: the next is the last, asked first.
        assert flow.is_last_pin_attempt(controller.state)
        assert await controller.pair() is None          # "Check the pin first"
        assert view.asked == 1 and cloud.state.sent == 1   # nothing sent

        later = PairingController(services, View())     # the next run reads them
        assert flow.pin_counts(later.state, "acme") == {"G-1": 1}
        assert flow.pin_counts(later.state, "xee") == {"E133742015": 2}

        view.answer = True                              # "Send this code"
        outcome = await controller.pair()
        assert view.asked == 2 and cloud.state.sent == 2
        assert flow.pin_counts(controller.state) == {"G-1": 2}
        assert flow.box_locked(controller.state)
        assert not flow.fix_action(controller.state).offered
        assert flow.pin_result_note(controller.state) == locked_after(2)
        assert "gadget is probably locked" in flow.pin_warning(controller.state)

        controller.state["error"] = None                # the cloud says it too
        outcome = await controller.pair()
        assert outcome.error["kind"] == "acme.gadget_locked"
        assert flow.box_locked(controller.state)
        assert flow.page_for_error(outcome.error) is Page.DEVICE
        assert flow.pin_counts(controller.state) == {"G-1": 2}   # not a wrong code

        # A success on another gadget forgets only its own count.
        flow.record_pin_failure(controller.state, "G-2")
        controller.state.update(acme_gadget="G-2", acme_secret="RIGHT-2", error=None)
        outcome = await controller.pair()
        assert outcome.error is None and outcome.pin_failures == {"G-1": 2}
        assert json.loads(settings.values["acme/codeFailures"]) == {"G-1": 2}
        assert json.loads(settings.values["xee/pinFailures"]) == {"E133742015": 2}

        controller.forget_pin_failures()                # the demo's reset: every one
        assert json.loads(settings.values["acme/codeFailures"]) == {}
        assert json.loads(settings.values["xee/pinFailures"]) == {}
        assert [(e.outcome, e.error_kind) for e in reversed(history.query())] == [
            ("failed", "acme.code_wrong"), ("failed", "acme.code_wrong"),
            ("failed", "acme.gadget_locked"), ("ok", None)]

    asyncio.run(scenario())


def locked_after(attempts: int) -> flow.Message:
    return flow.Message(flow.FLOW, ACME_SENTENCES.locked_now, provider="Acme",
                        attempts=attempts)


def test_the_locked_sentence_counts_the_specs_attempts(acme_lock):
    state = flow.select(flow.new_state(), "acme", flow.PRODUCTION)
    state.update(acme_gadget="G-1", pin_failures={"acme": {"G-1": 2}},
                 error={"kind": "acme.code_wrong", "provider": "acme"})
    assert str(flow.pin_result_note(state)) == (
        "That was wrong code number 2 for this gadget: Acme has locked it. Ask Acme to "
        "reset the gadget; another code will not be accepted.")
    xee = flow.select(flow.new_state(), "xee", flow.PRODUCTION)
    xee.update(xee_device_id="E1", pin_failures={"xee": {"E1": 3}},
               error={"kind": "xee.pin_rejected", "provider": "xee"})
    assert str(flow.pin_result_note(xee)) == (   # Xee's English as it was
        "That was the third wrong pin for this box: Xee has now locked it. Contact Xee "
        "support to unlock the box; another pin will not be accepted.")


def test_the_pin_lock_sentences_are_the_specs_own_never_xees_box(acme_lock):
    """#16b item 3a: every warning and note of a pin lock is in its spec's words (Acme's
    gadget and code), filled by flow; Xee's box keeps its English, template for template
    (its translations are found by them)."""
    def said(provider: str, device_key: str) -> list[flow.Message]:
        state = flow.select(flow.new_state(), provider, flow.PRODUCTION)
        lock = flow.pin_lock(provider)
        out = []
        for failed in range(1, lock.attempts + 2):
            counted = {**state, device_key: "G-1", "pin_failures": {provider: {"G-1": failed}}}
            out.append(flow.pin_warning(counted))
            out.append(flow.pin_result_note({**counted, "error": {"kind": lock.rejected}}))
        out.append(flow.pin_result_note({**state, "error": {"kind": lock.locked}}))
        return out

    acme = said("acme", "acme_gadget")
    assert [str(text) for text in acme] == [
        "1 wrong code for this gadget so far: one more wrong code locks the gadget. Check "
        "the code on its sleeve first.",
        "Wrong code: 1 try left before the gadget locks.",
        "2 wrong codes for this gadget so far: the gadget is probably locked. Ask Acme to "
        "reset it before trying again.",
        "That was wrong code number 2 for this gadget: Acme has locked it. Ask Acme to "
        "reset the gadget; another code will not be accepted.",
        "3 wrong codes for this gadget so far: the gadget is probably locked. Ask Acme to "
        "reset it before trying again.",
        "That was wrong code number 2 for this gadget: Acme has locked it. Ask Acme to "
        "reset the gadget; another code will not be accepted.",
        "That was wrong code number 2 for this gadget: Acme has locked it. Ask Acme to "
        "reset the gadget; another code will not be accepted."]
    assert all(isinstance(text, flow.Message) and text.context == flow.FLOW
               and "box" not in text.template for text in acme)
    xee = said("xee", "xee_device_id")
    assert [text.template for text in xee[:2] + xee[4:6]] == [
        "{failed} wrong pin for this box so far: {left} attempts left before the box "
        "locks. Check the pin carefully.",
        "Wrong pin: {left} attempts left before the box locks.",
        "{failed} wrong pins for this box so far: the box is probably locked. Contact "
        "{provider} support before trying again.",
        "That was the third wrong pin for this box: {provider} has now locked it. Contact "
        "{provider} support to unlock the box; another pin will not be accepted."]
    assert str(xee[2]) == ("2 wrong pins for this box so far: one more wrong pin locks "
                           "the box. Check the pin on the box's card before pairing.")


def test_a_secret_field_never_reaches_copied_diagnostics(acme_lock):
    state = flow.select(flow.new_state(), "acme", flow.PRODUCTION)
    state.update(acme_gadget="G-1", acme_secret="SECRET-4242")
    text = flow.diagnostics(state, {"kind": "acme.code_wrong", "category": "refused",
                                    "message": "code SECRET-4242 refused"})
    assert "SECRET-4242" not in text and "code ••• refused" in text


def string_constants(path: str) -> set[str]:
    """The string literals of a module, its docstrings left out."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef,
                                       ast.ClassDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings}


XEE_PIN_NAMES = ("xee_device_id", "xee_pin", "xee_pin_failures", "xee.box_locked",
                 "xee.pin_rejected", "xee/pinFailures")


@pytest.mark.parametrize("path", ["app/core/flow.py", "app/core/controller.py",
                                  "app/ui/pairing_pages.py", "app/ui/wizard.py"])
def test_the_pin_lock_rule_names_none_of_xees_keys(path):
    assert string_constants(path) & set(XEE_PIN_NAMES) == set()
