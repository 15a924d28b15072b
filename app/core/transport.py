"""The one way the app builds its HTTP clients: OS trust store, OS proxy settings.

- Certificates: `truststore.SSLContext` verifies with the operating system's own
  store (Keychain on macOS, the Windows certificate store, OpenSSL's store on
  Linux). A company that inspects TLS installs its root there, so the app works
  where the browser works, without ever turning verification off.
- Proxies: `trust_env=True` makes httpx2 read `HTTP(S)_PROXY` / `NO_PROXY` and,
  through `urllib.request.getproxies()`, the system settings on Windows (registry)
  and macOS (System Configuration).

`verify=False` is refused on purpose: there is no switch to disable TLS checks.
"""

from __future__ import annotations

import ssl
import urllib.request
from typing import Any

import httpx2
import truststore

DEFAULT_TIMEOUT = 30.0


def system_ssl_context() -> ssl.SSLContext:
    """A client context that verifies against the operating system's trust store."""
    ctx = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    # PROTOCOL_TLS_CLIENT already means CERT_REQUIRED + check_hostname; state it anyway.
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.check_hostname = True
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def make_client(
    timeout: float | httpx2.Timeout | None = DEFAULT_TIMEOUT, **kwargs: Any
) -> httpx2.AsyncClient:
    """An `httpx2.AsyncClient` using the OS trust store and the system proxy settings.

    Extra keyword arguments go to `httpx2.AsyncClient` (headers, limits, transport…);
    `verify` may only be another *verifying* SSLContext.
    """
    verify = kwargs.pop("verify", None)
    if verify is None:
        verify = system_ssl_context()
    elif not isinstance(verify, ssl.SSLContext) or verify.verify_mode != ssl.CERT_REQUIRED:
        raise ValueError("TLS verification cannot be disabled: pass a verifying SSLContext")
    kwargs.setdefault("trust_env", True)
    return httpx2.AsyncClient(timeout=timeout, verify=verify, **kwargs)


def proxy_for(url: str) -> str | None:
    """The proxy the system settings select for `url`, or None (direct)."""
    parts = httpx2.URL(url)
    host = parts.host
    if not host:
        return None
    proxies = urllib.request.getproxies()
    if urllib.request.proxy_bypass(host):  # NO_PROXY / the OS exception list
        return None
    return proxies.get(parts.scheme) or proxies.get("all") or None
