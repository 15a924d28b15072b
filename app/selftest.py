"""`pairing-wizard --self-test`: prove, without a screen, that this build works.

Made for the frozen app (PyInstaller), where a missing hidden import, data file or
package metadata only shows at run time. One line per check, then one JSON summary
line; the exit code is 0 only if no check failed.

Checks:
- keyring discovery: keyring finds its backends through entry-point metadata; a
  bundle without `keyring`'s dist-info silently falls back to the "fail" backend.
  That, or a platform backend that cannot be imported, is a failure.
- keychain: the backend keyring picked. On Windows and macOS the OS keychain must be
  usable (a round trip is made). On Linux a machine without a Secret Service (CI,
  a server) is reported as a warning: the app then keeps a sign-in for the session.
- tls: the TLS context of every API call (app.core.transport.system_ssl_context, i.e.
  truststore: the OS trust store, OpenSSL's CA files on Linux) verifies and has CAs,
  and a real handshake with a local server whose chain comes from a fresh test CA is
  refused (no OS store trusts it). tests/packaging/test_selftest_tls.py trusts such a
  CA through the store truststore reads on Linux (SSL_CERT_FILE) and sees it accepted.
- resources: the OAuth pages and the application icon are where the app looks.
- qt-icu (Linux): Qt's ICU, whose data the Linux bundle trims (packaging/linux/
  trim_icu.py), still collates, converts legacy codecs and names time zones for the
  app's languages.
- sandbox: the built-in sandbox (uvicorn) starts on 127.0.0.1.
- pairing: one pairing per provider through `app.core` against that sandbox.

GUI-free on purpose: it must run on a build machine without a display.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import platform
import secrets
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

PASS, WARN, FAIL = "pass", "warn", "fail"

# keyring's entry-point names of the backends each OS needs, and the modules those
# backends need at run time (imported lazily by keyring, so easy to leave out).
PLATFORM_BACKENDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "win32": (("Windows",), ("win32ctypes.pywin32.win32cred",)),
    "darwin": (("macOS",), ("keyring.backends.macOS.api",)),
    "linux": (("SecretService",), ("secretstorage", "jeepney")),
}
SELF_TEST_SERVICE = "pairing-wizard/self-test"


@dataclass
class Check:
    name: str
    status: str
    detail: str

    def line(self) -> str:
        return f"{self.status.upper():4} {self.name}: {self.detail}"


class CheckFailed(Exception):
    """A check's own failure, with a sentence that says what is wrong."""


class CheckWarning(Exception):
    """Not broken, but worth knowing (e.g. no keychain on this machine)."""


def _platform_key() -> str:
    return "linux" if sys.platform.startswith("linux") else sys.platform


def _class_name(obj: Any) -> str:
    cls = obj if isinstance(obj, type) else type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


# What a PyInstaller runtime hook imports at every start of the frozen app when it is
# bundled (setuptools: ~100 ms before the app's first line, for its distutils shim).
SLOW_AT_START = ("setuptools", "pkg_resources")


def check_start_imports() -> str:
    found = [name for name in SLOW_AT_START if name in sys.modules]
    if found:
        raise CheckFailed(
            f"{', '.join(found)} imported before the self-test ran (in the bundle: a "
            "PyInstaller runtime hook, ~100 ms at every start): exclude it in "
            "packaging/pairing-wizard.spec")
    return f"none of {', '.join(SLOW_AT_START)} imported at start"


def check_keyring_discovery() -> str:
    import importlib

    import keyring.backend

    found = {ep.name: ep for ep in metadata.entry_points(group="keyring.backends")}
    if not found:
        raise CheckFailed(
            "no keyring backend was discovered through entry points: keyring's package "
            "metadata is missing (PyInstaller: copy_metadata('keyring')), so secrets could "
            "never reach the OS keychain"
        )
    wanted, modules = PLATFORM_BACKENDS.get(_platform_key(), ((), ()))
    missing = [name for name in wanted if name not in found]
    if missing:
        raise CheckFailed(f"keyring's {', '.join(missing)} backend is not registered "
                          f"(found only: {', '.join(sorted(found))})")
    problems = []
    for name in wanted:
        try:
            found[name].load()
        except Exception as exc:  # noqa: BLE001 - reported, whatever it is
            problems.append(f"backend {name}: {exc.__class__.__name__}: {exc}")
    for module in modules:
        try:
            importlib.import_module(module)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"{module}: {exc.__class__.__name__}: {exc}")
    if problems:
        raise CheckFailed("a keychain backend cannot load: " + "; ".join(problems))
    viable = [_class_name(ring) for ring in keyring.backend.get_all_keyring()]
    return (f"{len(found)} backends registered ({', '.join(sorted(found))}); "
            f"viable here: {', '.join(viable) or 'none'}")


def check_keychain() -> str:
    import keyring

    from app.auth.tokens import TokenStore

    chosen = TokenStore.backend_description()
    with contextlib.suppress(Exception):  # a chainer writes to its first member: name them
        from keyring.backends.chainer import ChainerBackend

        backend = keyring.get_keyring()
        if isinstance(backend, ChainerBackend):
            chosen += f" ({', '.join(_class_name(member) for member in backend.backends)})"
    if not TokenStore.backend_usable():
        advice = ("no usable keychain on this machine: the app will offer to keep a sign-in "
                  "for the session only")
        if _platform_key() in ("win32", "darwin"):
            raise CheckFailed(f"keyring chose {chosen}: {advice}; the OS keychain should "
                              "always be there on Windows and macOS")
        raise CheckWarning(f"keyring chose {chosen}: {advice} (on Linux this needs a running "
                           "Secret Service, e.g. GNOME Keyring or KWallet)")
    # A round trip with a throwaway entry: proves the keychain accepts this program.
    probe = secrets.token_hex(8)
    account = f"probe-{probe}"
    try:
        keyring.set_password(SELF_TEST_SERVICE, account, probe)
        read = keyring.get_password(SELF_TEST_SERVICE, account)
        keyring.delete_password(SELF_TEST_SERVICE, account)
    except Exception as exc:  # noqa: BLE001
        raise CheckFailed(f"{chosen} refused a write/read/delete: "
                          f"{exc.__class__.__name__}: {exc}") from None
    if read != probe:
        raise CheckFailed(f"{chosen} gave back a different value than was stored")
    return f"{chosen}: write, read and delete work"


def check_tls() -> str:
    """The context every API call uses (`app.core.transport.system_ssl_context`, i.e.
    truststore): it must verify, and find the trust store it verifies with. Failing
    here breaks every HTTPS call to the real providers."""
    import ssl

    from app.core.transport import system_ssl_context

    ctx = system_ssl_context()
    if ctx.verify_mode != ssl.CERT_REQUIRED or not ctx.check_hostname:
        raise CheckFailed("the HTTPS context of API calls does not verify certificates "
                          f"(verify_mode={ctx.verify_mode!r}, "
                          f"check_hostname={ctx.check_hostname})")
    # truststore sets its trust up when a connection is wrapped: do it once, offline.
    ctx.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname="self-test.invalid")
    kind = _class_name(ctx)
    # A real handshake with a local server whose chain comes from a fresh test CA, which
    # no OS store trusts: the context must refuse it (it verifies a chain, not a flag).
    with tempfile.TemporaryDirectory() as scratch:
        chain = make_test_chain(Path(scratch))
        try:
            local_handshake(system_ssl_context(), chain)
        except ssl.SSLCertVerificationError:
            pass
        else:
            raise CheckFailed("the HTTPS context of API calls accepted a certificate from "
                              "an unknown authority: it does not verify chains")
    if _platform_key() in ("win32", "darwin"):
        return f"HTTPS verifies with the OS certificate store ({kind})"
    # On Linux truststore verifies with OpenSSL's CA files: count what it would load.
    count = _linux_ca_count()
    if not count:
        raise CheckWarning("no CA certificates found on this machine: HTTPS to the real "
                           "providers would fail (the offline demo is not affected)")
    return f"HTTPS verifies with the system CA store ({kind}, {count} certificates)"


@dataclass
class TestChain:
    """A test CA and a server certificate it signed, for localhost and 127.0.0.1."""

    ca_pem: Path
    cert_pem: Path
    key_pem: Path


def make_test_chain(directory: Path, name: str = "Pairing Wizard self-test CA") -> TestChain:
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - datetime.timedelta(minutes=5))
          .not_valid_after(now + datetime.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True,
                                       crl_sign=True, content_commitment=False,
                                       key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, encipher_only=False,
                                       decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                         critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
            .issuer_name(ca_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([
                x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    chain = TestChain(directory / "ca.pem", directory / "cert.pem", directory / "key.pem")
    chain.ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    chain.cert_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    chain.key_pem.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return chain


def local_handshake(client: Any, chain: TestChain, timeout: float = 10.0) -> str:
    """A TLS handshake from `client` (an SSLContext) to a server on 127.0.0.1 serving
    `chain`; returns the TLS version. Raises ssl.SSLCertVerificationError when the
    client does not trust the chain."""
    import socket
    import ssl
    import threading

    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(chain.cert_pem, chain.key_pem)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(timeout)
    port = listener.getsockname()[1]

    def serve() -> None:
        with contextlib.suppress(OSError):
            conn, _ = listener.accept()
            conn.settimeout(timeout)
            with contextlib.suppress(OSError), server_ctx.wrap_socket(conn, server_side=True):
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as raw, \
                client.wrap_socket(raw, server_hostname="localhost") as tls:
            return str(tls.version())
    finally:
        listener.close()
        thread.join(timeout)


def _linux_ca_count() -> int:
    """CA certificates truststore would load on Linux (a CA directory counts its files)."""
    import os
    import re
    import ssl

    probe = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:  # truststore's own lookup (private; truststore 0.10), else OpenSSL's defaults
        from truststore._openssl import _configure_context
    except ImportError:
        probe.set_default_verify_paths()
    else:
        with _configure_context(probe):
            pass
    count = probe.cert_store_stats().get("x509_ca", 0)
    capath = ssl.get_default_verify_paths().capath
    if not count and capath and os.path.isdir(capath):  # loaded lazily: count the files
        hashed = re.compile(r"^[0-9a-fA-F]{8}\.[0-9]$")
        count = sum(1 for name in os.listdir(capath) if hashed.match(name))
    return count


def check_resources() -> str:
    from app.auth.pages import oauth_resource, resource_dirs

    found = [oauth_resource(name) for name in ("success.html", "error.html", "done.html")]
    icons = [base / "icons" / "app.svg" for base in resource_dirs()]
    icon = next((path for path in icons if path.is_file()), None)
    if icon is None:
        raise CheckFailed(f"the application icon is missing (looked in: "
                          f"{', '.join(str(p) for p in icons)})")
    return f"OAuth pages and icon in {found[0].parent.parent}"


def _xml_text(encoding: str, data: bytes) -> str:
    """`data` decoded by Qt as `encoding` (QXmlStreamReader: PySide6 has no decode call)."""
    from PySide6.QtCore import QBuffer, QByteArray, QXmlStreamReader

    buffer = QBuffer()
    buffer.setData(QByteArray(f'<?xml version="1.0" encoding="{encoding}"?><a>'.encode()
                              + data + b"</a>"))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    reader, text = QXmlStreamReader(buffer), ""
    while not reader.atEnd():
        reader.readNext()
        if reader.isCharacters():
            text += reader.text()
    return f"error: {reader.errorString()}" if reader.hasError() else text


def check_qt_icu() -> str:
    """On Linux Qt calls PySide6's own ICU for collation (QCollator), legacy codecs
    (QStringDecoder), locale case mapping and time zone names; the bundle keeps only part
    of ICU's data (root, en, fr, es, common codecs). A trim too deep fails here."""
    if not sys.platform.startswith("linux"):
        return "not applicable: Qt uses the OS's locale services here, not a bundled ICU"
    import functools

    from PySide6.QtCore import QCollator, QLocale, QTimeZone

    problems = []
    # Spanish: ñ is a letter after n. Canadian French: accents compare from the end.
    for locale, words in (("es_ES", ["nube", "ñu", "oso"]),
                          ("fr_CA", ["cote", "côte", "coté", "côté"]),
                          ("en_US", ["apple", "eclair", "Éclair", "Zebra"])):
        collator = QCollator(QLocale(locale))
        got = sorted(reversed(words), key=functools.cmp_to_key(collator.compare))
        if got != words:
            problems.append(f"{locale} sorts {got}, not {words}")
    for encoding, data, text in (("windows-1252", b"\x80", "€"), ("Shift_JIS", b"\x82\xa0", "あ"),
                                 ("GBK", b"\xc4\xe3", "你"), ("KOI8-R", b"\xc1", "а")):
        got = _xml_text(encoding, data)
        if got != text:
            problems.append(f"{encoding} decodes {data!r} as {got!r}, not {text!r}")
    if QLocale("tr_TR").toUpper("i") != "İ":
        problems.append("Turkish upper case of i is not İ (ICU case mapping)")
    number = QLocale("fr_FR").toString(1234567.5, "f", 1)
    if number.replace("\u202f", " ").replace("\xa0", " ") != "1 234 567,5":
        problems.append(f"fr_FR formats 1234567.5 as {number!r}")
    zone = QTimeZone(b"Europe/Paris")
    names = {}
    if zone.isValid():
        for locale, part in (("en_US", "Central European"), ("fr_FR", "Europe centrale"),
                             ("es_ES", "Europa central")):
            names[locale] = zone.displayName(QTimeZone.TimeType.StandardTime,
                                             QTimeZone.NameType.LongName, QLocale(locale))
            if part not in names[locale]:
                problems.append(f"Europe/Paris in {locale} is named {names[locale]!r}")
    if problems:
        raise CheckFailed("Qt's locale data is incomplete (a trimmed ICU?): "
                          + "; ".join(problems))
    if not names:
        raise CheckWarning("collation, codecs and numbers work; no time zone database on "
                           "this machine (tzdata) to check zone names")
    return (f"collation es/fr_CA/en, codecs windows-1252/Shift_JIS/GBK/KOI8-R, "
            f"fr_FR {number}, Europe/Paris: {names['fr_FR']}")


def _client(timeout: float = 10.0) -> Any:
    import httpx2

    return httpx2.AsyncClient(timeout=timeout, trust_env=False)


async def _fixtures(base: str) -> dict[str, Any]:
    async with _client() as client:
        response = await client.get(f"{base}/_sandbox/fixtures")
        response.raise_for_status()
        return response.json()


async def pair_rufus(base: str, fixtures: dict[str, Any]) -> str:
    from app.core.environments import api_root
    from app.core.rufus import RufusAPI

    key = next(k["key"] for k in fixtures["rufus"]["api_keys"] if k["access"] == "READ_WRITE")
    serial = f"SELFTEST-{secrets.token_hex(4).upper()}"
    async with _client() as client:
        rufus = RufusAPI(client, api_root("rufus", "demo", base), key)
        binding = await rufus.bind("Model X1", serial, alias="self-test")
        device = await rufus.get(binding.deviceid)
    if device.serial_number != serial:
        raise CheckFailed(f"RUFUS bound {binding.deviceid} but reads back serial "
                          f"{device.serial_number!r}")
    return f"RUFUS bind -> deviceid {binding.deviceid[:12]}…"


async def pair_zype(base: str, fixtures: dict[str, Any]) -> str:
    from app.core.environments import api_root
    from app.core.zype import ZypeAPI

    zype_fixtures = fixtures["zype"]
    key = next(k["key"] for k in zype_fixtures["api_keys"] if k["type"] == "admin")
    consumer = zype_fixtures["consumers"][0]
    pin = next(p for p in zype_fixtures["pins"]
               if not p["expired"] and not p["consumer_id"])
    async with _client() as client:
        zype = ZypeAPI(client, api_root("zype", "demo", base), key)
        found = await zype.find_consumers(consumer["email"])
        linked = await zype.link(found[0].id, pin["pin"])
    if linked.consumer_id != consumer["_id"]:
        raise CheckFailed(f"Zype linked pin {pin['pin']} to {linked.consumer_id!r}, "
                          f"not {consumer['_id']}")
    return f"Zype link -> pin {linked.pin} to consumer {linked.consumer_id}"


async def pair_xee(base: str, fixtures: dict[str, Any]) -> str:
    from app.core.environments import api_root
    from app.core.xee import XeeAPI

    xee_fixtures = fixtures["xee"]
    user = next(u for u in xee_fixtures["users"] if not u.get("disabled"))
    device = next(d for d in xee_fixtures["devices"]
                  if d["user_id"] is None and not d["locked"])
    async with _client() as client:
        minted = await client.post(f"{base}/_sandbox/xee/token", json={"user_id": user["id"]})
        minted.raise_for_status()
        xee = XeeAPI(client, api_root("xee", "demo", base),
                     access_token=minted.json()["access_token"])
        await xee.associate(device["id"], device["pin"])
    after = await _fixtures(base)
    owner = next(d["user_id"] for d in after["xee"]["devices"] if d["id"] == device["id"])
    if owner != user["id"]:
        raise CheckFailed(f"Xee accepted the pin but device {device['id']} belongs to "
                          f"{owner!r}, not user {user['id']}")
    return f"Xee associate -> device {device['id']} to user {user['id']}"


def _describe(exc: BaseException) -> str:
    to_dict = getattr(exc, "to_dict", None)
    if callable(to_dict):  # app.core's ProviderError / InputError: the advice says it all
        info = to_dict()
        return f"{info.get('kind')}: {info.get('advice') or info.get('message')}"
    return f"{exc.__class__.__name__}: {exc}"


def _run(checks: list[Check], name: str, fn: Callable[[], str]) -> Check:
    try:
        check = Check(name, PASS, fn())
    except CheckWarning as warning:
        check = Check(name, WARN, str(warning))
    except CheckFailed as failure:
        check = Check(name, FAIL, str(failure))
    except Exception as exc:  # noqa: BLE001 - every failure is a line, never a traceback
        check = Check(name, FAIL, _describe(exc))
    checks.append(check)
    print(check.line(), flush=True)
    return check


def app_version() -> str:
    try:
        return metadata.version("pairing-wizard")
    except metadata.PackageNotFoundError:
        return "unknown"


def run_self_test() -> int:
    """Runs every check, prints one line each and a JSON summary; 0 if none failed."""
    started = time.perf_counter()
    checks: list[Check] = []
    frozen = bool(getattr(sys, "frozen", False))
    print(f"Pairing Wizard {app_version()} self-test ({'frozen' if frozen else 'source'}, "
          f"Python {platform.python_version()}, {platform.platform()})", flush=True)

    _run(checks, "start-imports", check_start_imports)   # first: before checks import
    _run(checks, "keyring-discovery", check_keyring_discovery)
    _run(checks, "keychain", check_keychain)
    _run(checks, "tls", check_tls)
    _run(checks, "resources", check_resources)
    _run(checks, "qt-icu", check_qt_icu)

    from app.sandbox.server import SandboxServer

    server = SandboxServer()
    base: dict[str, str] = {}

    def start() -> str:
        base["url"] = server.start()
        return f"listening on {base['url']}"

    try:
        if _run(checks, "sandbox", start).status == PASS:
            fixtures: dict[str, Any] = {}

            def load() -> str:
                fixtures.update(asyncio.run(_fixtures(base["url"])))
                return "fixtures loaded"

            if _run(checks, "sandbox-fixtures", load).status == PASS:
                for name, pair in (("pair-xee", pair_xee), ("pair-rufus", pair_rufus),
                                   ("pair-zype", pair_zype)):
                    _run(checks, name,
                         lambda pair=pair: asyncio.run(pair(base["url"], fixtures)))
    finally:
        server.stop()

    ok = all(check.status != FAIL for check in checks)
    summary = {
        "ok": ok,
        "version": app_version(),
        "frozen": frozen,
        "platform": sys.platform,
        "python": platform.python_version(),
        "seconds": round(time.perf_counter() - started, 2),
        "checks": [{"name": c.name, "status": c.status, "detail": c.detail} for c in checks],
    }
    print(json.dumps(summary), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(run_self_test())
