"""#17 item 4, the wizard side: "Reset demo data" puts the sandbox's fixtures back (the
demo's boxes and pins as new) and keeps the Xee sign-in and the keys; the demo's own
sandbox renews its Zype pins."""

from __future__ import annotations

from app.core import flow
from app.core.flow import Page

from .conftest import WAIT_MS, run
from .drive import choose, click, find, wait_idle, wait_page
from .test_xee import adopt_token


def test_reset_demo_data_keeps_the_sign_in_and_frees_the_boxes(qtbot, sandbox, make_wizard):
    fx = sandbox.fixtures()
    user = fx["xee"]["users"][0]
    free = next(d for d in fx["xee"]["devices"] if d["user_id"] is None and not d["locked"])
    wizard = make_wizard(sandbox.url)
    choose(qtbot, wizard, "xee")
    run(qtbot, adopt_token(wizard, sandbox.mint_xee_token(user["id"])))
    wait_idle(qtbot, wizard)
    # The demo is used: a box gets associated, another gets wrong pins.
    run(qtbot, wizard.services.call_provider(
        wizard.state, lambda xee: xee.associate(free["id"], free["pin"])))
    wizard.state["pin_failures"] = {"xee": {"E133742016": 2}}
    assert any(d["id"] == free["id"] and d["user_id"] for d in
               sandbox.fixtures()["xee"]["devices"])
    button = find(wizard, "demoResetButton")
    assert button.isVisible()
    click(qtbot, wizard, "demoResetButton")
    detail = find(wizard, "demoBannerDetail")
    qtbot.waitUntil(lambda: "Demo data reset" in detail.text(), timeout=WAIT_MS)
    devices = {d["id"]: d for d in sandbox.fixtures()["xee"]["devices"]}
    assert devices[free["id"]]["user_id"] is None            # the box is free again
    assert wizard.state["pin_failures"] == {}
    me = run(qtbot, wizard.services.xee_session.me())        # still signed in
    assert str(me.id) == str(user["id"])
    assert wizard.state["xee_account"]
    click(qtbot, wizard, "nextButton")
    wait_page(qtbot, wizard, Page.DEVICE)
    run(qtbot, wizard.shutdown())


def test_the_demo_sandbox_renews_its_zype_pins():
    import httpx2

    from app.sandbox.server import SandboxServer

    assert flow.demo_dialect() == {"zype": {"renew_pins": True}}
    server = SandboxServer(dialect=flow.demo_dialect())
    url = server.start()
    try:
        with httpx2.Client(timeout=10) as http:
            http.post(f"{url}/_sandbox/clock", json={"advance_seconds": 3600})
            pins = http.get(f"{url}/_sandbox/fixtures").json()["zype"]["pins"]
    finally:
        server.stop()
    free = [p for p in pins if p["consumer_id"] is None]
    assert free and not any(p["expired"] for p in free)


def test_the_demo_sandbox_takes_the_dialects_registered_when_it_starts(qtbot, qloop):
    """Issue 15c item 1: the demo sandbox's dialect is read from the specs when it starts,
    not a snapshot of app.ui.services' import: a spec registered (or replaced) later
    brings its own demo dialect."""
    import httpx2

    from app.core import providers
    from app.ui.services import DemoSandbox

    original = providers.known("rufus")

    class WrappedRufus(type(original)):
        info = original.info._replace(demo_dialect=(("list_wrapped", True),))

    providers.register(WrappedRufus())
    sandbox = DemoSandbox()
    try:
        url = run(qtbot, sandbox.ready())
        with httpx2.Client(timeout=10) as http:
            dialect = http.get(f"{url}/_sandbox/dialect").json()
        assert dialect["rufus"]["list_wrapped"] is True
        assert dialect["zype"]["renew_pins"] is True
    finally:
        providers.register(original)
        run(qtbot, sandbox.stop())
    assert flow.demo_dialect() == {"zype": {"renew_pins": True}}
