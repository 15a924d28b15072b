"""Network check and transport: the sandbox, a closed port, bad DNS, a real TLS server."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import socket
import ssl

import httpx2
import pytest
import truststore
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.core.netcheck import check
from app.core.transport import make_client, proxy_for, system_ssl_context

pytestmark = pytest.mark.anyio


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1 (no system store trusts it)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "pairing-wizard test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


@pytest.fixture
async def tls_server(certificate):
    cert_file, key_file = certificate
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(b"HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 2\r\nConnection: close\r\n\r\n{}")
            await writer.drain()
        except (OSError, asyncio.IncompleteReadError, ssl.SSLError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0, ssl=context)
    port = server.sockets[0].getsockname()[1]
    yield f"https://127.0.0.1:{port}/v0"
    server.close()


async def test_sandbox_is_reachable(sandbox):
    report = await check("zype", sandbox.zype_root)
    assert report.ok, report.text()
    assert [s.name for s in report.steps] == ["DNS", "TCP", "HTTP"]
    assert "Zype answered (status" in report.text()


async def test_closed_port_says_nothing_listens():
    report = await check("rufus", f"http://127.0.0.1:{closed_port()}/v0", step_timeout=3)
    assert not report.ok
    failure = report.first_failure
    assert failure is not None and failure.name == "TCP"
    assert "nothing listens there" in failure.advice


async def test_unresolvable_host_is_a_dns_failure():
    report = await check("zype", "https://nonexistent.invalid", step_timeout=5)
    assert not report.ok and [s.name for s in report.steps] == ["DNS"]
    assert report.steps[0].line().startswith("[FAIL] DNS: cannot resolve nonexistent.invalid")
    assert report.steps[0].advice == "check the network or the proxy settings"


async def test_untrusted_certificate_is_explained(tls_server):
    report = await check("rufus", tls_server, step_timeout=5)
    assert not report.ok
    failure = report.first_failure
    assert failure is not None and failure.name == "TLS"
    assert failure.detail == "the certificate is not trusted"
    assert "ask IT to install its certificate in the system store" in failure.advice


async def test_trusted_certificate_passes_every_step(tls_server, certificate):
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_verify_locations(certificate[0])  # as IT would add it to the store
    report = await check("rufus", tls_server, step_timeout=5, ssl_context=context)
    assert report.ok, report.text()
    assert [s.name for s in report.steps] == ["DNS", "TCP", "TLS", "HTTP"]
    assert "RUFUS answered (status 401)" in report.text()


async def test_make_client_verifies_with_the_system_store(tls_server):
    async with make_client(timeout=5) as client:
        with pytest.raises(httpx2.ConnectError, match="(?i)certificate"):
            await client.get(tls_server)
    with pytest.raises(ValueError, match="cannot be disabled"):
        make_client(verify=False)
    loose = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    loose.check_hostname = False
    loose.verify_mode = ssl.CERT_NONE
    with pytest.raises(ValueError):
        make_client(verify=loose)
    context = system_ssl_context()
    assert isinstance(context, truststore.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_proxy_settings_come_from_the_system(monkeypatch):
    monkeypatch.setenv("https_proxy", "http://user:pw@proxy.example:3128")
    monkeypatch.setenv("no_proxy", "internal.example")
    assert proxy_for("https://api.zype.com") == "http://user:pw@proxy.example:3128"
    assert proxy_for("https://internal.example/v0") is None


async def test_report_names_the_proxy_without_its_password(sandbox, monkeypatch):
    # The sandbox plays the proxy: it answers the proxied request itself.
    monkeypatch.setenv("http_proxy", sandbox.url.replace("http://", "http://user:pw@"))
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    report = await check("rufus", "http://nonexistent.invalid/v0", step_timeout=5)
    assert report.proxy == sandbox.url and "pw" not in report.text()
    assert report.steps[0].name == "Proxy"
    assert report.steps[-1].name == "HTTP"  # tried through the proxy despite the DNS failure
