"""Shared request plumbing for the three providers.

`ProviderHTTP.call` sends one request and returns a `Reply` for a 2xx answer;
anything else raises `ProviderError`: transport exceptions are mapped to kinds,
error bodies are matched against the tables of `errors_table.py`.

Retries: only a failure to connect (nothing was sent) is retried, see
`errors_table.CONNECT_RETRIES`. Anything that may have reached the server is
never retried (a RUFUS bind is not idempotent). 429/503 are never retried: their
Retry-After is reported, and until it has passed this object refuses to send to
that provider again (no hammering).

Logging: our own log lines carry only "METHOD /path" (never the query string,
where Zype's api_key lives). httpx2 logs full URLs at INFO: the app must keep
the "httpx2" logger at WARNING (`quiet_transport_logging()`); as a second
guard, a filter installed on import redacts secret query values in its records.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import math
import re
import socket
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC
from typing import Any

import httpx2

from app.core import errors_table as table
from app.core import providers
from app.core.errors import ProviderError, build_error
from app.core.messages import PROVIDER_ERROR, Message

log = logging.getLogger(__name__)
Row = table.Row

SECRET_PARAMS = (
    "api_key", "app_key", "access_token", "refresh_token", "client_secret", "code",
    "password", "pin",
)
_SECRET_QUERY = re.compile(r"(?i)\b(" + "|".join(SECRET_PARAMS) + r")=[^&\s\"'#]*")
_MAX_TEXT = 200
# The most of one answer we read (decoded): every documented answer is a few kB.
MAX_BODY_BYTES = 8 * 1024 * 1024
# httpx2's timeouts bound each read, not the request: a body that trickles in small
# pieces (or never ends) would outlive them. Each attempt gets this much beyond the
# largest timeout, so httpx2's own, more precise timeouts still fire first.
DEADLINE_GRACE = 1.0


def redact(text: str) -> str:
    """Hide the values of secret query parameters in a URL or log line."""
    return _SECRET_QUERY.sub(r"\1=[redacted]", text)


class RedactSecretsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact(str(arg)) if isinstance(arg, str | httpx2.URL) else arg
                for arg in record.args
            )
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


# A logger's filters never see its children's records: name every logger that emits.
_TRANSPORT_LOGGERS = ("httpx2", "httpcore2", "httpcore2.connection", "httpcore2.http11",
                      "httpcore2.http2", "httpcore2.proxy", "httpcore2.socks")


def _install_redaction() -> None:
    for name in _TRANSPORT_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSecretsFilter) for f in logger.filters):
            logger.addFilter(RedactSecretsFilter())


def quiet_transport_logging() -> None:
    """Call once at start-up: httpx2 would log every URL (with query) at INFO."""
    _install_redaction()
    for name in ("httpx2", "httpcore2"):
        logging.getLogger(name).setLevel(logging.WARNING)


_install_redaction()


def clean_text(value: object, limit: int = _MAX_TEXT) -> str:
    """Provider text made safe to show: str, no control characters, bounded."""
    if not isinstance(value, str):
        return ""
    text = "".join(ch if ch.isprintable() else " " for ch in value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------ bodies


@dataclass(frozen=True)
class Body:
    kind: str  # "empty" | "json" | "html" | "garbage"
    data: Any = None
    snippet: str = ""  # an HTML page's title or the start of garbage


_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def read_body(content: bytes, content_type: str = "") -> Body:
    """Classify and parse a body; never raises."""
    stripped = content.strip()
    if not stripped:
        return Body("empty")
    if "html" in content_type.lower() or stripped[:1] == b"<":
        match = _TITLE.search(stripped[:65536])
        title = match.group(1).decode("utf-8", "replace") if match else ""
        return Body("html", snippet=clean_text(title))
    try:
        return Body("json", data=json.loads(stripped))
    except (ValueError, RecursionError):
        return Body("garbage", snippet=clean_text(stripped[:200].decode("utf-8", "replace")))


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when is None:
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = when.timestamp() - (time.time() if now is None else now)
    if not math.isfinite(seconds):
        return None
    return min(max(seconds, 0.0), 86400.0)


# ------------------------------------------------------------- classification


def _outcome(
    kind: str,
    *,
    provider: str,
    endpoint: str | None,
    status: int | None = None,
    message: str = "",
    values: Mapping[str, Any] | None = None,
    details: Mapping[str, Any] | None = None,
    retry_after: float | None = None,
) -> ProviderError:
    category, reached, template = table.OUTCOMES[kind]
    return build_error(
        kind, category, template, provider=provider, may_have_reached_server=reached,
        values={"message": message or "no details", **(values or {})},
        status=status, message=message, endpoint=endpoint, retry_after=retry_after,
        details=dict(details or {}),
    )


def _norm(text: str | None) -> str:
    return (text or "").strip().rstrip(".").casefold()


def match_row(
    rows: tuple[Row, ...], status: int, type_: str | None, message: str | None
) -> Row | None:
    """The first row matching (status, type, message); see errors_table's docstring."""
    candidates = [r for r in rows if r.status == status and table.same_xee_type(r.type, type_)]
    for row in candidates:
        if row.message is not None and _norm(row.message) == _norm(message):
            return row
    loose = [r for r in candidates if not r.exact_message_only]
    if len({r.kind for r in loose}) == 1:
        return loose[0]
    return None


def _xee_error_object(data: Any) -> dict[str, Any] | None:
    if isinstance(data, list) and data and isinstance(data[0], dict):
        data = data[0]
    if isinstance(data, dict) and any(k in data for k in ("type", "message", "error")):
        return data
    return None


@dataclass(frozen=True)
class XeeErrorFields:
    type: str | None
    message: str
    tip: str
    v4: bool = False  # the v4 shape {error, error_description, error_details}


def xee_error_fields(body: Body) -> XeeErrorFields | None:
    """Xee's error from any of its shapes ([{type, message, tip}], {message}, or v4's
    {error, error_description, error_details: [{field, constraint, description}]}, bare
    or in an array), cleaned; None when the body is not one. Also used by app.auth for
    the token endpoint (v4's is standard OAuth: {error, error_description})."""
    obj = _xee_error_object(body.data) if body.kind == "json" else None
    if obj is None:
        return None
    if "type" not in obj and "error" in obj:
        details = obj.get("error_details")
        first = details[0] if isinstance(details, list) and details and isinstance(
            details[0], dict) else {}
        return XeeErrorFields(clean_text(obj.get("error")) or None,
                              clean_text(obj.get("error_description")),
                              clean_text(first.get("description")), v4=True)
    return XeeErrorFields(clean_text(obj.get("type")) or None, clean_text(obj.get("message")),
                          clean_text(obj.get("tip")))


def error_from_response(
    provider: str,
    operation: str,
    status: int,
    body: Body,
    *,
    endpoint: str | None = None,
    retry_after: float | None = None,
) -> ProviderError:
    """Map a non-2xx answer to a ProviderError. Never raises anything else."""
    rows = table.PROVIDER_ROWS.get(provider, {}).get(operation, ())
    rows = rows + table.PROVIDER_COMMON_ROWS.get(provider, ())
    spec = providers.spec(provider) or providers.ProviderSpec()
    # The provider's own shapes of error body (its spec: Xee's have a type and a tip).
    said = spec.read_error_body(body, operation)
    readable, type_, message, tip = said.readable, said.type, said.message, said.tip
    if said.rows is not None:
        rows = said.rows
    common = {"status": status, "endpoint": endpoint, "retry_after": retry_after}
    row = match_row(rows, status, type_, message) if readable else None
    if row is None and (body.kind != "html" or status in table.STATUSES_BEFORE_HTML):
        row = match_row(table.GENERIC_STATUS_ROWS, status, None, None)
    if row is not None:
        data = body.data if isinstance(body.data, dict) else {}
        details = {
            key: clean_text(data[key]) for key in row.detail_keys if isinstance(data.get(key), str)
        }
        values = {"message": message or "no details", "deviceid": "not given", **details}
        return build_error(
            row.kind, row.category, row.advice, provider=provider,
            may_have_reached_server=row.may_have_reached_server, values=values,
            type=type_, message=message, tip=tip, details=details, **common,
        )
    if body.kind == "html":
        return _outcome("response.html_page", provider=provider, message=body.snippet, **common)
    if body.kind == "garbage":
        return _outcome("response.bad_json", provider=provider, message=body.snippet, **common)
    if body.kind == "json" and not readable:
        return _outcome("response.wrong_shape", provider=provider,
                        message=f"error body is {_json_type(body.data)}", **common)
    if readable and (message or type_) and 400 <= status < 500:
        err = _outcome("response.unlisted_error", provider=provider, message=message, **common)
        err.type, err.tip = type_, tip
        return err
    return _outcome("response.unexpected_status", provider=provider, message=message, **common)


def _exception_chain(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(chain) < 16 and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _connect_error_kind(exc: BaseException) -> str:
    chain = _exception_chain(exc)
    text = " ".join(str(e) for e in chain).lower()
    if any(isinstance(e, ssl.SSLError | ssl.CertificateError) for e in chain) or (
        "ssl" in text or "certificate" in text or "tls" in text
    ):
        return "network.tls"
    if any(isinstance(e, socket.gaierror) for e in chain) or any(
        hint in text
        for hint in ("name or service not known", "nodename nor servname", "getaddrinfo",
                     "name resolution", "no address associated")
    ):
        return "network.dns"
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or "refused" in text:
        return "network.refused"
    return "network.connect_failed"


def transport_kind(exc: BaseException) -> str:
    """The kind of a transport exception raised by httpx2."""
    if isinstance(exc, httpx2.ConnectTimeout | httpx2.PoolTimeout):
        return "network.connect_timeout"
    if isinstance(exc, httpx2.WriteTimeout):
        return "network.write_timeout"
    if isinstance(exc, httpx2.TimeoutException):
        return "network.read_timeout"
    if isinstance(exc, httpx2.ConnectError):
        return _connect_error_kind(exc)
    if isinstance(exc, httpx2.ProxyError):
        return "network.proxy"
    if isinstance(exc, httpx2.UnsupportedProtocol | httpx2.InvalidURL):
        return "config.bad_api_root"
    if isinstance(exc, httpx2.ReadError | httpx2.WriteError | httpx2.CloseError
                  | httpx2.RemoteProtocolError):
        return "network.reset"
    if isinstance(exc, httpx2.DecodingError):
        return "response.bad_json"
    if isinstance(exc, httpx2.TooManyRedirects):
        return "response.unexpected_status"
    return "network.failed"


# ------------------------------------------------------------------ calls


def with_outcome_advice(error: ProviderError, operation: str) -> ProviderError:
    """Replace generic advice when an operation's outcome is unknown."""
    template = table.UNCERTAIN_OUTCOME_ADVICE.get((error.provider or "", operation))
    reason = table.UNCERTAIN_REASONS.get(error.kind)
    if template and reason and error.may_have_reached_server:
        error.advice = Message(PROVIDER_ERROR, template,
                               reason=Message(PROVIDER_ERROR, reason))
        error.args = (error.advice,)
    return error



@dataclass(frozen=True)
class Reply:
    """A 2xx answer."""

    provider: str
    endpoint: str
    status: int
    body: Body
    operation: str = ""

    def fail(self, kind: str, message: str = "", **values: Any) -> ProviderError:
        """An undocumented-outcome error about this reply (e.g. wrong shape)."""
        error = _outcome(
            kind, provider=self.provider, endpoint=self.endpoint, status=self.status,
            message=clean_text(message), values=values,
            details={k: clean_text(v) for k, v in values.items()},
        )
        return with_outcome_advice(error, self.operation)

    def json(self) -> Any:
        """The parsed JSON, or ProviderError when there is none."""
        if self.body.kind == "json":
            return self.body.data
        if self.body.kind == "html":
            raise self.fail("response.html_page", self.body.snippet)
        if self.body.kind == "garbage":
            raise self.fail("response.bad_json", self.body.snippet)
        raise self.fail("response.wrong_shape", "empty body where data was expected")

    def json_object(self) -> dict[str, Any]:
        data = self.json()
        if not isinstance(data, dict):
            raise self.fail("response.wrong_shape", f"expected an object, got {_json_type(data)}")
        return data


def _json_type(data: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(data), "a number" if isinstance(data, int | float) else "null"
    )


class ProviderHTTP:
    """One provider's API root, fixed headers and secret query parameters."""

    def __init__(
        self,
        client: httpx2.AsyncClient,
        api_root: str,
        provider: str,
        *,
        headers: Mapping[str, str] | None = None,
        secret_params: Mapping[str, str] | None = None,
        timeout: float | httpx2.Timeout | None = None,
    ) -> None:
        self.client = client
        self.api_root = api_root.rstrip("/")
        self.provider = provider
        self._headers = dict(headers or {})
        self._secret_params = dict(secret_params or {})
        self._timeout = timeout
        self._not_before = 0.0  # monotonic time before which we must not send
        self._wait_kind = "server.rate_limited"

    async def call(
        self,
        operation: str,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        json: Any = None,
    ) -> Reply:
        endpoint = f"{method} {path}"
        if self._not_before:  # set only by a 429/503 that gave a Retry-After
            self._check_not_waiting(endpoint)
        kwargs: dict[str, Any] = {"headers": self._headers}
        # No `params` at all when there are none: httpx2 parses the URL a second time
        # for any params argument, even an empty one (~60 us for a RUFUS device path).
        if params:
            kwargs["params"] = {**params, **self._secret_params}
        elif self._secret_params:
            kwargs["params"] = self._secret_params
        if json is not None:
            kwargs["json"] = json
        if self._timeout is not None:
            kwargs["timeout"] = self._timeout
        deadline = request_deadline(self._timeout if self._timeout is not None
                                    else self.client.timeout)
        attempt = 0
        while True:
            try:
                async with asyncio.timeout(deadline):
                    response, content, too_large = await self._fetch(
                        method, self.api_root + path, kwargs)
                break
            except TimeoutError:
                log.info("%s %s: no complete answer within %.1f s", self.provider, endpoint,
                         deadline)
                raise with_outcome_advice(
                    _outcome("network.read_timeout", provider=self.provider,
                             endpoint=endpoint, message="no complete answer in time"),
                    operation,
                ) from None
            except (httpx2.HTTPError, httpx2.InvalidURL) as exc:
                kind = transport_kind(exc)
                if attempt < table.CONNECT_RETRIES.get(kind, 0):
                    log.info("%s %s: %s, retrying (nothing was sent)", self.provider,
                             endpoint, kind)
                    await asyncio.sleep(table.RETRY_DELAYS[min(attempt, 1)])
                    attempt += 1
                    continue
                log.info("%s %s: %s", self.provider, endpoint, kind)
                raise with_outcome_advice(
                    _outcome(kind, provider=self.provider, endpoint=endpoint,
                             message=clean_text(redact(str(exc)) or type(exc).__name__)),
                    operation,
                ) from None
        if too_large:
            log.info("%s %s: answer larger than %d bytes, not read to its end", self.provider,
                     endpoint, MAX_BODY_BYTES)
            body = Body("garbage", snippet=f"an answer larger than {MAX_BODY_BYTES // 2**20} MB")
        else:
            body = read_body(content, response.headers.get("content-type", ""))
        log.debug("%s %s -> %s", self.provider, endpoint, response.status_code)
        if 200 <= response.status_code < 300:
            return Reply(self.provider, endpoint, response.status_code, body, operation)
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        error = error_from_response(
            self.provider, operation, response.status_code, body,
            endpoint=endpoint, retry_after=retry_after,
        )
        if retry_after is not None and error.kind in ("server.rate_limited", "server.unavailable"):
            self._not_before = time.monotonic() + retry_after
            self._wait_kind = error.kind
        log.info("%s %s -> %s (%s)", self.provider, endpoint, response.status_code, error.kind)
        raise with_outcome_advice(error, operation)

    async def _fetch(self, method: str, url: str,
                     kwargs: dict[str, Any]) -> tuple[httpx2.Response, bytes, bool]:
        """The response and at most MAX_BODY_BYTES of its decoded body (a gzip bomb or an
        endless body is cut there, not held in memory); True when it was cut."""
        chunks: list[bytes] = []
        size = 0
        async with self.client.stream(method, url, **kwargs) as response:
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    return response, b"", True
                chunks.append(chunk)
        return response, b"".join(chunks), False

    def _check_not_waiting(self, endpoint: str) -> None:
        remaining = self._not_before - time.monotonic()
        if remaining > 0:
            row = match_row(
                table.GENERIC_STATUS_ROWS, 429 if self._wait_kind.endswith("limited") else 503,
                None, None,
            )
            assert row is not None
            raise build_error(
                row.kind, row.category, row.advice, provider=self.provider,
                may_have_reached_server=False, status=None, endpoint=endpoint,
                retry_after=remaining, details={"not_sent": True},
            )


def request_deadline(timeout: float | httpx2.Timeout | None) -> float | None:
    """Seconds one attempt may take in all: the largest timeout plus a grace (None: none)."""
    if isinstance(timeout, httpx2.Timeout):
        values = [v for v in (timeout.connect, timeout.read, timeout.write, timeout.pool)
                  if v is not None]
        timeout = max(values) if values else None
    return None if timeout is None else timeout + DEADLINE_GRACE


# ------------------------------------------------------------ field readers
# Lenient readers for parsers: a wrong type reads as None, never an exception.


MAX_FIELD = 1024
_UNPRINTABLE = re.compile(r"[^\S ]|[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e"
                          r"\u2060-\u2069\ufeff]")


def clean_field(value: str, limit: int = MAX_FIELD) -> str:
    """A provider's value (a pin, a consumer id) made safe to print and store: every
    control, line break or bidi character (ESC starts a terminal escape) becomes U+FFFD,
    and the value is bounded."""
    if value.isascii() and value.isprintable() and len(value) <= limit:
        return value
    value = _UNPRINTABLE.sub("\ufffd", value[: limit + 1])
    return value if len(value) <= limit else value[: limit - 1] + "…"


def opt_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if isinstance(value, str):
        return clean_field(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def opt_bool(data: Mapping[str, Any], *keys: str) -> bool | None:
    for key in keys:
        value = data.get(key)
        if isinstance(value, bool):
            return value
    return None


def opt_int(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None
