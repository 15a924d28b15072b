"""Network check: can this computer reach a provider's API, and if not, why?

Steps, each reported in plain words with what to do:
1. DNS: resolve the API host (`loop.getaddrinfo`).
2. TCP: connect to the port (each resolved address until one answers).
3. TLS (https only): a handshake verified with the operating system's trust store,
   as the app's own client does (`app.core.transport`).
4. HTTP: one GET of the API root through `make_client` (so through the system
   proxy when one is configured). Any HTTP answer, even 401 or 404, proves the
   provider is reachable; an HTML page or a 5xx says something is in the way.

When the system settings send this host through a proxy, the direct DNS/TCP/TLS
steps may fail while HTTP works: the report then says the proxy is used, and the
HTTP step decides.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import ssl
import time
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

import httpx2

from app.core.errors import provider_name
from app.core.messages import NETCHECK, Message, joined
from app.core.transport import make_client, proxy_for, system_ssl_context

DEFAULT_TIMEOUT = 8.0


@dataclass
class Step:
    name: str  # DNS | TCP | TLS | HTTP | Proxy
    ok: bool
    detail: str
    advice: str = ""
    elapsed_ms: int = 0

    def line(self) -> str:
        mark = "ok  " if self.ok else "FAIL"
        text = f"[{mark}] {self.name}: {self.detail}"
        if self.advice:
            text += f" — {self.advice}"
        return text


@dataclass
class NetCheckReport:
    provider: str
    api_root: str
    steps: list[Step] = field(default_factory=list)
    proxy: str | None = None

    @property
    def ok(self) -> bool:
        http = [s for s in self.steps if s.name == "HTTP"]
        return bool(http) and all(s.ok for s in http) and (
            self.proxy is not None or all(s.ok for s in self.steps))

    @property
    def first_failure(self) -> Step | None:
        return next((s for s in self.steps if not s.ok), None)

    def text(self) -> str:
        head = (f"{provider_name(self.provider)} at {self.api_root}: "
                + ("reachable." if self.ok else "NOT reachable."))
        return "\n".join([head, *(s.line() for s in self.steps)])

    def as_dict(self) -> dict[str, object]:
        return {"provider": self.provider, "api_root": self.api_root, "ok": self.ok,
                "proxy": self.proxy, "steps": [asdict(s) for s in self.steps]}


def _safe_proxy(url: str) -> str:
    """A proxy URL without its user name and password."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}" if parts.scheme else url


def _ms(start: float) -> int:
    return round((time.perf_counter() - start) * 1000)


def _tls_advice(error: BaseException, host: str) -> tuple[str, str]:
    if isinstance(error, ssl.SSLCertVerificationError):
        reason = (error.verify_message or str(error)).lower()
        if "expired" in reason:
            return (Message(NETCHECK, "the certificate of {host} has expired", host=host),
                    Message(NETCHECK, "check the computer's date and time; if it is right, "
                            "the provider's certificate really expired: try later or contact "
                            "the provider"))
        if "hostname" in reason or "match" in reason:
            return (Message(NETCHECK, "the certificate does not belong to {host}", host=host),
                    Message(NETCHECK, "something in between answers in the provider's place "
                            "(a proxy or a captive portal): check the network, or ask IT"))
        return _UNTRUSTED
    return (Message(NETCHECK, "the secure connection failed ({error})", error=error),
            Message(NETCHECK, "a firewall or proxy may block it; ask IT whether this address "
                    "is allowed"))


_UNTRUSTED = (Message(NETCHECK, "the certificate is not trusted"),
              Message(NETCHECK, "a company proxy may inspect traffic; ask IT to install its "
                      "certificate in the system store"))
_CHECK_NETWORK = Message(NETCHECK, "check the network or the proxy settings")


async def check(
    provider: str,
    api_root: str,
    *,
    step_timeout: float = DEFAULT_TIMEOUT,
    ssl_context: ssl.SSLContext | None = None,
) -> NetCheckReport:
    """Run every step that makes sense; stop the direct steps at the first failure."""
    report = NetCheckReport(provider, api_root.rstrip("/"))
    parts = urlsplit(api_root)
    host = parts.hostname
    if parts.scheme not in ("http", "https") or not host:
        report.steps.append(Step(
            "URL", False, Message(NETCHECK, "{api_root} is not an http(s) address",
                                  api_root=repr(api_root)),
            Message(NETCHECK, "check the API address in the settings")))
        return report
    port = parts.port or (443 if parts.scheme == "https" else 80)
    name = provider_name(provider)
    proxy = proxy_for(api_root)
    if proxy:
        report.proxy = _safe_proxy(proxy)
        report.steps.append(Step("Proxy", True, Message(
            NETCHECK, "the system settings send {host} through the proxy {report_proxy}",
            host=host, report_proxy=report.proxy)))
    direct_ok = await _direct_steps(report, host, port, parts.scheme == "https", step_timeout,
                                    ssl_context)
    if direct_ok or proxy:
        await _http_step(report, name, step_timeout, ssl_context)
    return report


async def _direct_steps(report: NetCheckReport, host: str, port: int, tls: bool,
                        step_timeout: float, ssl_context: ssl.SSLContext | None) -> bool:
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    try:
        infos = await asyncio.wait_for(
            loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), step_timeout)
    except (TimeoutError, OSError) as exc:
        why = Message(NETCHECK, "no answer in time") if isinstance(exc, TimeoutError) else (
            getattr(exc, "strerror", None) or str(exc))
        report.steps.append(Step(
            "DNS", False, Message(NETCHECK, "cannot resolve {host} ({why})", host=host, why=why),
            _CHECK_NETWORK, _ms(start)))
        return False
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    report.steps.append(Step("DNS", True, Message(NETCHECK, "{host} is {join_addresses}",
                                                  host=host,
                                                  join_addresses=", ".join(addresses[:4])),
                             elapsed_ms=_ms(start)))

    start = time.perf_counter()
    writer = None
    errors: list[str] = []   # the system's own words: shown as they came
    refused = False
    for address in addresses:
        try:
            _reader, writer = await asyncio.wait_for(asyncio.open_connection(address, port),
                                                     step_timeout)
            break
        except TimeoutError:
            errors.append(Message(NETCHECK, "{address}: no answer in {step_timeout} s",
                                  address=address, step_timeout=f"{step_timeout:g}"))
        except OSError as exc:
            refused = refused or isinstance(exc, ConnectionRefusedError) or (
                "refused" in str(exc).lower())
            errors.append(f"{address}: {os.strerror(exc.errno) if exc.errno else exc}")
    if writer is None:
        report.steps.append(Step(
            "TCP", False, Message(NETCHECK, "cannot connect to {host} port {port} "
                                  "({join_errors})", host=host, port=port,
                                  join_errors=joined(errors, "; ")),
            Message(NETCHECK, "the computer answered that nothing listens there: check the "
                    "API address and port") if refused else
            Message(NETCHECK, "a firewall may block it, or the network is down: check the "
                    "network or ask IT"),
            _ms(start)))
        return False
    report.steps.append(Step("TCP", True, Message(NETCHECK, "connected to {host} port {port}",
                                                  host=host, port=port),
                             elapsed_ms=_ms(start)))
    try:
        if tls:
            start = time.perf_counter()
            try:
                await asyncio.wait_for(
                    writer.start_tls(ssl_context or system_ssl_context(), server_hostname=host),
                    step_timeout)
            except (TimeoutError, ssl.SSLError, ssl.CertificateError, OSError) as exc:
                if isinstance(exc, TimeoutError):
                    detail, advice = (Message(NETCHECK, "the secure handshake got no answer"),
                                      Message(NETCHECK, "a firewall or proxy may block it; "
                                              "ask IT"))
                else:
                    detail, advice = _tls_advice(exc, host)
                report.steps.append(Step("TLS", False, detail, advice, _ms(start)))
                return False
            ssl_object = writer.get_extra_info("ssl_object")
            version = ssl_object.version() if ssl_object else "TLS"
            report.steps.append(Step("TLS", True, Message(
                NETCHECK, "{version}, certificate trusted by the system store",
                version=version), elapsed_ms=_ms(start)))
    finally:
        writer.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(writer.wait_closed(), 1)
    return True


async def _http_step(report: NetCheckReport, name: str, step_timeout: float,
                     ssl_context: ssl.SSLContext | None) -> None:
    start = time.perf_counter()
    kwargs = {"verify": ssl_context} if ssl_context is not None else {}
    try:
        async with make_client(timeout=step_timeout, **kwargs) as client:
            response = await client.get(report.api_root + "/")
    except httpx2.ProxyError as exc:
        report.steps.append(Step(
            "HTTP", False, Message(NETCHECK, "the proxy refused or failed ({exc})", exc=exc),
            Message(NETCHECK, "check the proxy settings, or ask IT"), _ms(start)))
        return
    except httpx2.TimeoutException:
        report.steps.append(Step(
            "HTTP", False, Message(NETCHECK, "{name} did not answer in {step_timeout} s",
                                   name=name, step_timeout=f"{step_timeout:g}"),
            Message(NETCHECK, "the provider or the network is slow or down: try again later"),
            _ms(start)))
        return
    except httpx2.ConnectError as exc:
        text = str(exc).lower()
        if "certificate" in text or "ssl" in text:
            detail, advice = _UNTRUSTED
        else:
            detail, advice = (Message(NETCHECK, "cannot connect ({exc})", exc=exc),
                              _CHECK_NETWORK)
        report.steps.append(Step("HTTP", False, detail, advice, _ms(start)))
        return
    except httpx2.HTTPError as exc:
        report.steps.append(Step(
            "HTTP", False, Message(NETCHECK, "the connection failed ({type_exc_name})",
                                   type_exc_name=type(exc).__name__),
            _CHECK_NETWORK, _ms(start)))
        return
    status = response.status_code
    content_type = response.headers.get("content-type", "")
    if status >= 500:
        report.steps.append(Step(
            "HTTP", False, Message(NETCHECK, "answered with status {status}", status=status),
            Message(NETCHECK, "{name} or a gateway in between has a problem: try again later",
                    name=name), _ms(start)))
    elif "html" in content_type.lower() and status < 300:
        report.steps.append(Step(
            "HTTP", False, Message(NETCHECK, "answered with a web page (status {status}), not "
                                   "the API", status=status),
            Message(NETCHECK, "a captive portal (hotel, guest Wi-Fi) or a proxy may be in the "
                    "way: sign in to the network in a browser, or check the API address"),
            _ms(start)))
    else:
        report.steps.append(Step("HTTP", True, Message(
            NETCHECK, "{name} answered (status {status})", name=name, status=status),
            elapsed_ms=_ms(start)))
