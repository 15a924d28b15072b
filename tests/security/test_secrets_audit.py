"""Secrets audit: one full run with known secret values, then a byte scan of everything
the app left behind or showed. Zero occurrences allowed.

The run (against a real `SandboxServer` over loopback):
- in-process, with every logger at DEBUG into a file (httpx2 and httpcore2 included: the
  app's `app.core.http` installs a redacting filter, this checks it works): Xee sign-in
  through the loopback listener, driven by a real HTTP client that reads the sandbox's
  consent form and posts it like a browser; the session (token kept in a file keyring
  outside the data dir, as the OS keychain would); associate, a wrong pin, a token that
  expires and is refreshed (rotation), dissociate; RUFUS and Zype pairings with good keys,
  unknown keys, read-only keys and wrong pins; every outcome recorded in history;
- the command line: pairings of every provider (keys on the command line and in the
  environment), errors, a batch with a results file, `history --csv`, `history --json`,
  `netcheck`;
- "copied" text: `HistoryEntry.details_text()` of every entry (the "Copy details"
  button), `History.csv_text`, every error's `to_dict()`.

Scanned: the log file, every file under the data dir (history database with its WAL and
SHM, taken while the database is open and again at the end; settings if any), the batch
results file, every stdout/stderr, everything copied. The scan must also find what it
should find (serials, device ids), so that it cannot pass by looking at nothing.
"""

from __future__ import annotations

import asyncio
import base64
import html
import json
import logging
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx2
import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

from app.auth.oauth import XeeSignIn
from app.auth.session import XeeSession
from app.auth.tokens import TokenStore
from app.core.errors import ProviderError
from app.core.history import History
from app.core.rufus import RufusAPI
from app.core.transport import make_client
from app.core.zype import ZypeAPI
from app.sandbox.server import SandboxServer

ROOT = Path(__file__).resolve().parents[2]

# Values typed by a support engineer that are secrets even though they are wrong.
UNKNOWN_RUFUS_KEY = "ror-0badc0ffee0badc0ffee"
UNKNOWN_ZYPE_KEY = "zk-admin-Wr0ngKeyTyp0d"
BOGUS_XEE_TOKEN = "5eed" * 16
WRONG_XEE_PIN = "Q7XPINZ9K2"  # a pin is what authorises an association: never stored
LOGGERS = ("httpx2", "httpcore2", "authlib", "app", "keyring")


class Audit:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.data_dir = base / "data"
        self.data_dir.mkdir()
        self.log_file = base / "audit.log"
        self.corpus: dict[str, bytes] = {}  # where -> what was left or shown there
        self.secrets: dict[str, str] = {}  # name -> value
        self.secret_patterns: dict[str, re.Pattern[bytes]] = {}
        self.identifiers: dict[str, str] = {}  # what the scan must see

    def add(self, where: str, data: str | bytes) -> None:
        data = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
        self.corpus[where] = self.corpus.get(where, b"") + data

    def snapshot_data_dir(self, label: str) -> None:
        for path in sorted(self.data_dir.rglob("*")):
            if path.is_file():
                self.add(f"{label}:{path.relative_to(self.data_dir)}", path.read_bytes())

    def cli(self, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
        environ = {k: v for k, v in os.environ.items()
                   if k not in ("RUFUS_API_KEY", "ZYPE_API_KEY", "XEE_ACCESS_TOKEN",
                                "XEE_CLIENT_ID", "XEE_CLIENT_SECRET")}
        environ["PAIRING_WIZARD_DATA_DIR"] = str(self.data_dir)
        environ.update(env or {})
        done = subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=environ,
                              capture_output=True, text=True, timeout=60)
        name = " ".join(a for a in args[:3])
        self.add(f"stdout:{name}", done.stdout)
        self.add(f"stderr:{name}", done.stderr)
        assert "Traceback" not in done.stderr, done.stderr
        return done.returncode, done.stdout


def hidden_fields(page: str) -> dict[str, str]:
    return {html.unescape(name): html.unescape(value) for name, value in re.findall(
        r'<input type="hidden" name="([^"]*)" value="([^"]*)">', page)}


# The "browser" is another program: its own HTTP logs are not the app's. It runs in its
# own thread, and the audit's log handler leaves that thread's records out.
BROWSER_THREADS: set[int] = set()


class NotTheBrowser(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.thread not in BROWSER_THREADS


def browse(url: str, xee_root: str, redirect_uri: str, login: str, password: str) -> str:
    """GET the consent page, POST the form as a browser would, follow the redirect to the
    loopback listener. Returns the authorization code it carried."""
    BROWSER_THREADS.add(threading.get_ident())
    with httpx2.Client(timeout=10) as browser:
        page = browser.get(url)
        assert page.status_code == 200, page.text
        form = hidden_fields(page.text)
        scopes = form["requested_scope"].split()
        submitted = browser.post(
            f"{xee_root}/auth/auth",
            data={**form, "login": login, "password": password, "scope": scopes,
                  "approve": "1"})
        assert submitted.status_code == 302, submitted.text
        location = submitted.headers["location"]
        assert location.startswith(redirect_uri)
        code = parse_qs(urlsplit(location).query)["code"][0]
        landing = browser.get(location)
        assert landing.status_code == 200 and code not in landing.text
    return code


async def browser_sign_in(xee_root: str, client_id: str, client_secret: str,
                          login: str, password: str) -> tuple[dict, str]:
    """The whole sign-in: XeeSignIn's listener on this loop, the browser in a thread."""
    attempt = await XeeSignIn(xee_root, client_id, client_secret, timeout=30).start()
    code = await asyncio.to_thread(browse, attempt.url, xee_root, attempt.redirect_uri,
                                   login, password)
    return await attempt.result(), code


def record(history: History, provider: str, action: str, environment: str,
           identifiers: dict[str, str], audit: Audit, fn) -> object:
    """Run one action as the wizard does: inside a history attempt; keep what is shown."""
    async def run() -> object:
        try:
            with history.attempt(provider, action, environment=environment,
                                 identifiers=identifiers) as attempt:
                result = await fn()
                if getattr(result, "deviceid", None):  # as the CLI and the wizard do
                    attempt.identifiers["deviceid"] = result.deviceid
                return result
        except ProviderError as error:
            audit.add("shown:errors", json.dumps(error.to_dict()) + "\n" + str(error) + "\n")
            return error
    return run


@pytest.fixture(scope="module")
def audit(tmp_path_factory):
    audit = Audit(tmp_path_factory.mktemp("secrets-audit"))
    handler = logging.FileHandler(audit.log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.addFilter(NotTheBrowser())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    saved = (root.level, {name: logging.getLogger(name).level for name in LOGGERS})
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    for name in LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG)
    saved_keyring = keyring.get_keyring()
    keychain = PlaintextKeyring()  # stands for the OS keychain; outside the data dir
    keychain.file_path = str(audit.base / "keychain" / "keyring.cfg")
    keyring.set_keyring(keychain)
    try:
        with SandboxServer() as server:
            run_everything(audit, server.url)
    finally:
        keyring.set_keyring(saved_keyring)
        root.removeHandler(handler)
        handler.close()
        root.setLevel(saved[0])
        for name, level in saved[1].items():
            logging.getLogger(name).setLevel(level)
    audit.add("log:audit.log", audit.log_file.read_bytes())
    audit.snapshot_data_dir("end")
    return audit


def run_everything(audit: Audit, url: str) -> None:
    http = httpx2.Client(timeout=10)
    fx = http.get(f"{url}/_sandbox/fixtures").json()
    xee_root, rufus_root, zype_root = f"{url}/xee/v3", f"{url}/rufus/v0", f"{url}/zype"
    client_id, client_secret = fx["xee"]["client_id"], fx["xee"]["client_secret"]
    alice = next(u for u in fx["xee"]["users"] if u["id"] == 1001)
    free = [d for d in fx["xee"]["devices"] if d["user_id"] is None and not d["locked"]]
    rufus_keys = {k["access"] + ("+unbind" if k["unbind"] else ""): k["key"]
                  for k in fx["rufus"]["api_keys"]}
    zype_keys = {k["type"]: k["key"] for k in fx["zype"]["api_keys"]}
    consumer = fx["zype"]["consumers"][0]
    pins = [p for p in fx["zype"]["pins"] if p["consumer_id"] is None and not p["expired"]]

    secrets = audit.secrets
    secrets.update({f"rufus key {name}": key for name, key in rufus_keys.items()})
    secrets.update({f"zype key {name}": key for name, key in zype_keys.items()})
    secrets.update({
        "unknown rufus key": UNKNOWN_RUFUS_KEY, "unknown zype key": UNKNOWN_ZYPE_KEY,
        "bogus xee token": BOGUS_XEE_TOKEN, "wrong xee pin": WRONG_XEE_PIN,
        "xee client secret": client_secret, "xee user password": alice["password"],
        "xee basic auth": base64.b64encode(f"{client_id}:{client_secret}".encode()).decode(),
    })
    for device in fx["xee"]["devices"]:  # a right pin is short: look for it as a value
        audit.secret_patterns[f"xee pin of {device['id']}"] = re.compile(
            rb"(?i)pin\W{0,6}" + re.escape(device["pin"].encode()) + rb"(?![0-9A-Za-z])")

    # ------------------------------------------------------------ in-process
    history = History(audit.data_dir / "history.sqlite3")

    async def in_process() -> None:
        token, code = await browser_sign_in(xee_root, client_id, client_secret,
                                            alice["login"], alice["password"])
        secrets.update({"authorization code": code, "xee access token": token["access_token"],
                        "xee refresh token": token["refresh_token"]})
        store = TokenStore(xee_root)
        async with XeeSession(xee_root, client_id, client_secret, store) as session:
            await session.set_token(token)
            me = await session.me()
            history.record("xee", "sign-in", "ok", environment=xee_root,
                           identifiers={"user": me.display_name})
            await record(history, "xee", "pair", xee_root, {"device_id": free[0]["id"]}, audit,
                         lambda: session.call(lambda api: api.associate(free[0]["id"],
                                                                        free[0]["pin"])))()
            from app.core.validation import set_xee_formats

            # A distinctive pin to search for, sent: a format override lets it through.
            set_xee_formats(pin_pattern=r"[A-Z0-9]{10}")
            try:
                error = await record(
                    history, "xee", "pair", xee_root, {"device_id": free[1]["id"]}, audit,
                    lambda: session.call(lambda api: api.associate(free[1]["id"],
                                                                   WRONG_XEE_PIN)))()
            finally:
                set_xee_formats()
            assert isinstance(error, ProviderError) and error.kind == "xee.pin_rejected"
            # The access token expires: the session refreshes (rotation) and goes on.
            http.post(f"{url}/_sandbox/clock", json={"advance_seconds": 7200})
            await record(history, "xee", "undo", xee_root, {"device_id": free[0]["id"]}, audit,
                         lambda: session.call(lambda api: api.dissociate(free[0]["id"])))()
            rotated = store.load()
            assert rotated["access_token"] != token["access_token"]
            secrets.update({"rotated access token": rotated["access_token"],
                            "rotated refresh token": rotated["refresh_token"]})

        async with make_client(timeout=10) as client:
            for name, key in (("good", rufus_keys["READ_WRITE+unbind"]),
                              ("unknown", UNKNOWN_RUFUS_KEY), ("read-only", rufus_keys["READ"])):
                serial = f"AUDIT-CORE-{name}"
                rufus = RufusAPI(client, rufus_root, key)
                result = await record(history, "rufus", "pair", rufus_root,
                                      {"model": "Model X1", "serial_number": serial}, audit,
                                      lambda r=rufus, s=serial: r.bind("Model X1", s))()
                if name == "good":
                    audit.identifiers["core deviceid"] = result.deviceid
            for _name, key, pin in (("good", zype_keys["admin"], pins[0]["pin"]),
                                   ("unknown", UNKNOWN_ZYPE_KEY, pins[1]["pin"]),
                                   ("read-only", zype_keys["read_only"], pins[1]["pin"]),
                                   ("wrong pin", zype_keys["admin"], "zzzz999")):
                zype = ZypeAPI(client, zype_root, key)
                await record(history, "zype", "pair", zype_root,
                             {"consumer_id": consumer["_id"], "pin": pin}, audit,
                             lambda z=zype, p=pin: z.link(consumer["_id"], p))()

    asyncio.run(in_process())
    rows = history.query()
    assert {r.outcome for r in rows} == {"ok", "failed"}, [(r.kind, r.outcome) for r in rows]
    for entry in rows:  # the "Copy details" button, for every entry
        audit.add("copied:details", entry.details_text() + "\n\n")
    audit.add("copied:csv", History.csv_text(rows))
    audit.snapshot_data_dir("open")  # WAL and SHM while the database is in use
    history.close()

    # ------------------------------------------------------------ command line
    http.post(f"{url}/_sandbox/reset")  # fixtures back, clock back (Zype pins expired)
    minted = http.post(f"{url}/_sandbox/xee/token", json={"user_id": 1001}).json()
    secrets.update({"cli access token": minted["access_token"],
                    "cli refresh token": minted["refresh_token"]})
    rw_key = rufus_keys["READ_WRITE+unbind"]
    code, out = audit.cli("pair", "rufus", "--model", "Model X1", "--serial", "AUDIT-CLI-1",
                          "--base-url", rufus_root, "--api-key", rw_key, "--json")
    assert code == 0, out
    deviceid = json.loads(out)["result"]["deviceid"]
    audit.identifiers["cli deviceid"] = deviceid
    code, _ = audit.cli("pair", "rufus", "--model", "Model X1", "--serial", "AUDIT-CLI-2",
                        "--base-url", rufus_root, env={"RUFUS_API_KEY": UNKNOWN_RUFUS_KEY})
    assert code == 3
    code, _ = audit.cli("unpair", "rufus", "--deviceid", deviceid, "--base-url", rufus_root,
                        "--json", env={"RUFUS_API_KEY": rw_key})
    assert code == 0
    code, out = audit.cli("pair", "zype", "--email", consumer["email"], "--pin",
                          pins[1]["pin"], "--base-url", zype_root, "--json",
                          env={"ZYPE_API_KEY": zype_keys["admin"]})
    assert code == 0, out
    code, _ = audit.cli("pair", "zype", "--consumer", consumer["_id"], "--pin", "zzzz999",
                        "--base-url", zype_root, "--api-key", UNKNOWN_ZYPE_KEY)
    assert code == 3
    code, out = audit.cli("pair", "xee", "--device", free[2]["id"], "--pin", free[2]["pin"],
                          "--base-url", xee_root, "--token", minted["access_token"], "--json")
    assert code == 0, out
    code, _ = audit.cli("pair", "xee", "--device", free[1]["id"], "--pin", WRONG_XEE_PIN,
                        "--pin-pattern", "[A-Z0-9]{10}",  # sent, so that Xee refuses it
                        "--base-url", xee_root, env={"XEE_ACCESS_TOKEN": minted["access_token"]})
    assert code == 3
    code, _ = audit.cli("pair", "xee", "--device", free[1]["id"], "--pin", free[1]["pin"],
                        "--base-url", xee_root, "--token", BOGUS_XEE_TOKEN, "--json")
    assert code == 3

    batch_file = audit.base / "devices.csv"
    taken = fx["rufus"]["devices"][0]["serial_number"]
    batch_file.write_text("model,serial_number,alias,firmware\n"
                          f"Model X1,AUDIT-BATCH-1,hall,1.0\nModel X1,AUDIT-BATCH-2,,\n"
                          f"Model X1,{taken},,\n", encoding="utf-8")
    results = audit.base / "results.csv"
    code, out = audit.cli("batch", str(batch_file), "--provider", "rufus", "--base-url",
                          rufus_root, "--api-key", rw_key, "--results", str(results), "--json")
    assert code == 3, out  # the taken serial fails, the two new ones are bound
    audit.add("file:results.csv", results.read_bytes())
    code, _ = audit.cli("batch", str(batch_file), "--provider", "rufus", "--base-url",
                        rufus_root, "--resume", env={"RUFUS_API_KEY": UNKNOWN_RUFUS_KEY})
    code, csv_out = audit.cli("history", "--csv")
    assert code == 0 and "AUDIT-CLI-1" in csv_out
    code, _ = audit.cli("history", "--json")
    assert code == 0
    for provider, root in (("rufus", rufus_root), ("zype", zype_root), ("xee", xee_root)):
        code, _ = audit.cli("netcheck", "--provider", provider, "--base-url", root, "--json")
        assert code == 0
    http.close()


# ------------------------------------------------------------------------ scan

_BASE64_RUN = re.compile(rb"(?:[A-Za-z0-9+/_-]{4}\s*){10,}[A-Za-z0-9+/_=-]*")


def views(data: bytes) -> list[bytes]:
    """The bytes as stored, plus every base64 run decoded (a secret may be stored encoded,
    as keyring's file backend does)."""
    found = [data]
    for match in _BASE64_RUN.finditer(data):
        run = re.sub(rb"\s", b"", match.group(0)).rstrip(b"=")
        for decode in (base64.b64decode, base64.urlsafe_b64decode):
            try:
                found.append(decode(run + b"=" * (-len(run) % 4)))
            except ValueError:
                pass
    return found


def scan(audit: Audit, data: bytes) -> list[str]:
    hits = []
    for view in views(data):
        hits += [name for name, value in audit.secrets.items() if value.encode() in view]
        hits += [name for name, pattern in audit.secret_patterns.items() if pattern.search(view)]
    return sorted(set(hits))


# ------------------------------------------------------------------------ tests


def test_no_secret_anywhere(audit):
    assert len(audit.secrets) >= 20 and all(len(v) >= 8 for v in audit.secrets.values())
    found = [f"{name} in {where}" for where, data in audit.corpus.items()
             for name in scan(audit, data)]
    assert not found, "\n".join(found)


def test_the_scan_sees_what_it_should(audit):
    """Not vacuous: every kind of place was scanned and holds the run's identifiers."""
    kinds = {where.split(":", 1)[0] for where in audit.corpus}
    assert {"log", "open", "end", "stdout", "stderr", "copied", "shown", "file"} <= kinds
    everything = b"".join(audit.corpus.values())
    for needle in ("AUDIT-CLI-1", "AUDIT-CORE-good", "AUDIT-BATCH-1",
                   audit.identifiers["cli deviceid"], audit.identifiers["core deviceid"]):
        assert needle.encode() in everything, needle

    def joined(prefix: str) -> bytes:
        return b"".join(data for where, data in audit.corpus.items()
                        if where.startswith(prefix))

    assert b"AUDIT-CLI-1" in joined("end:history.sqlite3")
    assert b"AUDIT-CORE-good" in joined("open:")
    assert b"AUDIT-BATCH-2" in joined("file:results.csv")
    assert b"AUDIT-CORE-good" in joined("copied:details")
    assert b"xee.pin_rejected" in joined("copied:details")
    assert audit.identifiers["cli deviceid"].encode() in joined("stdout:pair rufus")
    # The same scan finds the tokens where they belong: in the keychain (stored there in
    # base64, which the scan decodes).
    keychain = (audit.base / "keychain" / "keyring.cfg").read_bytes()
    assert {"rotated access token", "rotated refresh token"} <= set(scan(audit, keychain))


def test_transport_logging_ran_and_was_redacted(audit):
    """httpx2 logged every request URL at INFO (the app's quiet_transport_logging() was not
    called here), and Zype's api_key in those URLs came out redacted."""
    log = audit.corpus["log:audit.log"].decode("utf-8")
    requests = [line for line in log.splitlines() if " httpx2 HTTP Request:" in line]
    assert any("/zype/pin/link?" in line for line in requests), log[-2000:]
    assert any("api_key=[redacted]" in line for line in requests)
    assert any(" httpcore2." in line for line in log.splitlines())  # DEBUG traces were on
    assert "Sign-in callback received" in log  # the listener logged, without the code


def test_redacting_filter_covers_url_objects_and_format_args():
    """The filter redacts secrets passed as httpx2.URL objects and as plain strings."""
    records = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage())

    logger = logging.getLogger("httpx2")
    keep, saved = Keep(), logger.level
    logger.addHandler(keep)
    logger.setLevel(logging.INFO)
    try:
        url = httpx2.URL("https://api.zype.com/pin/link?consumer_id=c&api_key=SeCrEt123&pin=z")
        logger.info("HTTP Request: %s %s", "PUT", url)
        logger.info("plain https://x/?access_token=SeCrEt123&refresh_token=SeCrEt123")
    finally:
        logger.removeHandler(keep)
        logger.setLevel(saved)
    assert len(records) == 2
    assert all("SeCrEt123" not in text for text in records), records
    assert "consumer_id=c" in records[0]


def test_a_redirect_echoing_the_api_key_is_redacted_in_debug_logs():
    """A proxy or an HTTP->HTTPS redirect echoes the request's query (Zype's api_key) in
    its Location header; httpcore2 logs response headers at DEBUG."""
    key = "zk-admin-EchoedInLocation1"

    async def redirect(writer) -> None:
        writer.write(b"HTTP/1.1 301 Moved Permanently\r\nContent-Length: 0\r\n"
                     b"Location: https://api.zype.test/pin/link?consumer_id=c&pin=zabc123&"
                     b"api_key=" + key.encode() + b"\r\nConnection: close\r\n\r\n")
        await writer.drain()

    messages: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(f"{record.name} {record.getMessage()}")

    keep = Keep(level=logging.DEBUG)
    root = logging.getLogger()
    saved = (root.level, logging.getLogger("httpcore2").level, logging.getLogger("httpx2").level)
    root.addHandler(keep)
    root.setLevel(logging.DEBUG)
    logging.getLogger("httpcore2").setLevel(logging.DEBUG)
    logging.getLogger("httpx2").setLevel(logging.DEBUG)

    async def link(url: str) -> ProviderError:
        async with make_client(timeout=5) as client:
            with pytest.raises(ProviderError) as caught:
                await ZypeAPI(client, f"{url}/zype", key).link("c", "zabc123")
            return caught.value

    from tests.reliability.servers import RawHTTPServer

    try:
        with RawHTTPServer(redirect) as server:
            error = asyncio.run(link(server.url))
    finally:
        root.removeHandler(keep)
        root.setLevel(saved[0])
        logging.getLogger("httpcore2").setLevel(saved[1])
        logging.getLogger("httpx2").setLevel(saved[2])
    assert error.status == 301 and key not in json.dumps(error.to_dict())
    assert any("location" in m.lower() and "api_key=" in m for m in messages)  # logged
    leaks = [m for m in messages if key in m]
    assert not leaks, leaks
