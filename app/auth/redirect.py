"""The redirect URI registered for the Xee app, and the sign-in's other Xee settings.

Sources (read 2026-12):
- xee-lab/xee-api-docs `api/api/v3/auth/auth.md`: `GET /v3/auth/auth?client_id=&scope=
  &redirect_uri=&state=`; `scope`, `redirect_uri` and `state` are all optional; Xee
  redirects to "the redirect uri you've specified in developer space" with `?code=…`
  only (the example `Location: [YOUR REDIRECT URI]?code=theawesomecode` carries no
  `state`); "if the redirect_uri is set but does not match any specified in the developer
  space, we'll throw a 404"; the redirect URI is "a domain name you own … either
  localhost".
- xee-lab/xee-sdk-android 3.x `AuthenticationActivity.java`: the URL is built with
  `client_id` and `redirect_uri` only (no `scope`, no `state`); the redirect URI is the
  one configured for the app (`xee-config.xml` `redirectUri`, empty in its sandbox flavour).
- xee-lab/sdk-android (v4) `AuthenticationActivity.kt`: adds `response_type=code` and the
  scopes set on the client (`&scope=` joined by `+`), still no `state`.

So a real Xee app needs: the exact redirect URI registered for it (host, port, path), the
choice of not sending `scope` (scopes are set on the client at Xee), and a way to accept a
redirect without `state`. The default when nothing is configured stays
`http://127.0.0.1:0/callback` (any free port), which only our emulator accepts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PATH = "/callback"
# What "localhost" means here: we listen on both, so either resolution of the browser works.
LOOPBACK_ADDRESSES = {"127.0.0.1": ("127.0.0.1",), "::1": ("::1",),
                      "localhost": ("127.0.0.1", "::1")}


class RedirectSettingError(ValueError):
    """A registered redirect URI or port list that cannot be used; str() is the sentence."""


@dataclass(frozen=True)
class RegisteredRedirect:
    """host as registered (127.0.0.1, ::1 or localhost), ports to try in order (0 = any
    free port), and the exact path."""

    host: str = DEFAULT_HOST
    ports: tuple[int, ...] = (0,)
    path: str = DEFAULT_PATH
    # False for a registered URI without a port (http://localhost/callback): Xee compares
    # the URI as a whole, so we send it without ":80" too.
    port_in_uri: bool = True

    @property
    def addresses(self) -> tuple[str, ...]:
        """The loopback addresses to listen on (both for localhost)."""
        return LOOPBACK_ADDRESSES[self.host]

    @property
    def both_required(self) -> bool:
        """localhost: the browser may resolve it to either, so both must listen."""
        return self.host == "localhost"

    def uri(self, port: int) -> str:
        host = "[::1]" if self.host == "::1" else self.host
        if not self.port_in_uri and port == 80:
            return f"http://{host}{self.path}"
        return f"http://{host}:{port}{self.path}"


def _ports(text: str) -> tuple[int, ...]:
    ports: list[int] = []
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= 65535:
            raise RedirectSettingError(
                f"The redirect port list has {part!r}, which is not a port: give ports "
                "between 1 and 65535 separated by commas, such as 8080,8081.")
        ports.append(int(part))
    return tuple(dict.fromkeys(ports))


def parse_registered_redirect(uri: str | None = "", ports: str | Iterable[int] | None = "",
                              ) -> RegisteredRedirect:
    """The settings `xee/redirectUri` and `xee/redirectPorts` as a RegisteredRedirect.

    An empty URI is the default 127.0.0.1, any free port, /callback. A URI without a port
    uses the port list (or any free port); a URI with a port uses it, unless a port list
    is given, which then wins (the ports registered at Xee, tried in order).
    """
    text = (uri or "").strip()
    if isinstance(ports, str) or ports is None:
        port_list = _ports(ports or "")
    else:
        port_list = _ports(",".join(str(p) for p in ports))
    if not text:
        return RegisteredRedirect(ports=port_list or (0,))
    advice = ("Give the redirect URI exactly as registered for the Xee app, such as "
              "http://localhost:8080/callback (http, on 127.0.0.1, [::1] or localhost).")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise RedirectSettingError(f"The redirect URI {text!r} is not a valid address. "
                                   + advice) from None
    host = (parts.hostname or "").lower()
    if parts.scheme != "http" or host not in LOOPBACK_ADDRESSES:
        raise RedirectSettingError(
            f"The redirect URI {text!r} is not on this computer: Pairing Wizard receives the "
            "sign-in only on the loopback address. " + advice)
    if parts.query or parts.fragment or parts.username or parts.password:
        raise RedirectSettingError(f"The redirect URI {text!r} has a query, fragment or "
                                   "user part, which Pairing Wizard cannot serve. " + advice)
    path = parts.path or "/"
    if port_list:
        chosen = port_list
    elif port is not None:
        chosen = (port,)
    else:
        # http://localhost with no port: Xee compares the whole URI, so port 80.
        return RegisteredRedirect(host=host, ports=(80,), path=path, port_in_uri=False)
    return RegisteredRedirect(host=host, ports=chosen, path=path)
