"""Property-based tests: bad input and bad answers never escape as anything but a sentence.

Extends tests/core (test_validation.py checks validators on short text; test_parsers.py
feeds the parse functions a `Reply` built by hand). Here:

- validators get the whole of Unicode (lone surrogates, bidi controls, zero-width marks),
  non-text values and 100 000-character pastes, and must be idempotent and paste-tolerant;
- the public provider methods (`XeeAPI`, `RufusAPI`, `ZypeAPI`) meet a server that answers
  a hypothesis-generated status, content type, Retry-After and body through a real
  `httpx2.ASGITransport` (a fault no real provider produces on purpose), so the whole path
  is exercised: transport, body reading, error mapping, parsing, pagination.

The only exceptions allowed are `InputError` (validators) and `ProviderError` (answers),
with a kind the error table knows and an advice sentence that does not echo the input.
"""

from __future__ import annotations

import asyncio
import json
import unicodedata
from typing import Any
from urllib.parse import quote

import httpx2
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.core import errors_table
from app.core import validation as v
from app.core.errors import InputError, ProviderError
from app.core.rufus import DEVICEID, MAX_PAGES, RufusAPI, RufusBinding, RufusDevice
from app.core.xee import XeeAPI, XeeUser
from app.core.zype import MAX_CONSUMER_PAGES, Consumer, DevicePin, ZypeAPI

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
KNOWN_KINDS = set(errors_table.kind_categories())
EDGE_JUNK = " \t\n\r\u200b\u200c\u200d\u2060\ufeff"

# --------------------------------------------------------------------------- input

any_char = st.one_of(
    st.characters(),  # every category but surrogates
    st.characters(categories=["Cs"]),  # lone surrogates: what a broken clipboard pastes
    st.sampled_from("\x00\x07\x1b\x7f\u0085\u2028\u2029\u202e\u2066\u200b\ufeff\ufffd"
                    "\U0001f600e\u0301/\\?#%&=;:@'\"<>{}"),
)
raw_text = st.one_of(
    st.text(any_char, max_size=300),
    st.text(any_char, min_size=1, max_size=8).map(lambda s: s * 12_500),  # ~100 000 chars
)
not_text = st.one_of(st.binary(max_size=20), st.integers(), st.floats(), st.booleans(),
                     st.lists(st.text(max_size=5), max_size=3),
                     st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2))

# A valid value for each field, for the paste-tolerance property.
VALID = {
    "xee.device_id": st.from_regex(r"[A-Za-z0-9]{10}", fullmatch=True),
    "xee.pin": st.from_regex(r"[0-9]{4}", fullmatch=True),
    "rufus.api_key": st.from_regex(r"[\x21-\x7e]{1,256}", fullmatch=True),
    "rufus.model": st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,100}[A-Za-z0-9]", fullmatch=True),
    "rufus.serial_number": st.from_regex(r"[A-Z0-9][A-Z0-9-]{0,60}", fullmatch=True),
    "rufus.alias": st.from_regex(r"[a-z][a-z ]{0,40}[a-z]", fullmatch=True),
    "rufus.firmware": st.from_regex(r"[0-9]{1,3}(\.[0-9]{1,3}){0,3}", fullmatch=True),
    "rufus.type": st.from_regex(r"[A-Z][A-Z_]{0,15}", fullmatch=True),
    "rufus.deviceid": st.from_regex(r"[0-9A-Fa-f]{64}", fullmatch=True),
    "zype.api_key": st.from_regex(r"[\x21-\x7e]{1,256}", fullmatch=True),
    "zype.pin": st.from_regex(r"[A-Za-z0-9]{7}", fullmatch=True),
    "zype.consumer_id": st.from_regex(r"[0-9a-f]{24}", fullmatch=True),
    "zype.linked_device_id": st.from_regex(r"[a-z][a-z -]{0,40}[a-z]", fullmatch=True),
    "zype.email": st.from_regex(r"[a-z0-9._+-]{1,30}@[a-z0-9]{1,20}\.[a-z]{2,6}",
                                fullmatch=True),
}


def test_every_validator_has_a_valid_value_strategy():
    assert set(VALID) == set(v.VALIDATORS)


def check_rejection(err: InputError, raw: object) -> None:
    assert isinstance(err, InputError) and err.category == "input"
    assert err.kind == f"input.{err.field}" and err.field
    advice = err.advice
    assert str(err) == advice and 20 < len(advice) <= 300 and advice.endswith("."), advice
    assert advice.isprintable()
    json.dumps(err.to_dict())  # what the CLI prints with --json
    if isinstance(raw, str) and len(raw.strip()) >= 24:
        assert raw.strip() not in advice  # a huge paste is never echoed back


@SETTINGS
@given(name=st.sampled_from(sorted(v.VALIDATORS)), raw=st.one_of(raw_text, not_text))
def test_validators_accept_clean_or_reject_with_a_sentence(name, raw):
    validate = v.VALIDATORS[name]
    try:
        clean = validate(raw)
    except InputError as err:
        check_rejection(err, raw)
        return
    if clean is None:
        assert name in ("rufus.alias", "rufus.firmware", "rufus.type")
        return
    assert isinstance(clean, str) and clean == clean.strip() and 0 < len(clean) <= 256
    # Safe in a header, a query string and a log line.
    assert not any(unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") for ch in clean)
    assert not any(ch in clean for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068"
                   "\u2069")
    clean.encode("utf-8")  # no lone surrogate survives
    if name in ("xee.device_id", "rufus.deviceid"):  # they go into URL paths
        assert quote(clean, safe="") == clean
    if name.endswith("api_key"):  # headers / query: printable ASCII only
        assert clean.isascii() and " " not in clean
    # Idempotent: the wizard validates as the user types, the provider class again.
    assert validate(clean) == clean




@SETTINGS
@given(value=st.data(), name=st.sampled_from(sorted(v.VALIDATORS)),
       before=st.text(st.sampled_from(EDGE_JUNK), max_size=4),
       after=st.text(st.sampled_from(EDGE_JUNK), max_size=4))
# Explicit examples run first on every run: the failure does not depend on luck.
@example(value="RR-0001", name="rufus.serial_number", before="", after="\u200b \u200b")
@example(value="E133742015", name="xee.device_id", before="\u200b \ufeff", after="")
def test_pasted_values_with_invisible_edges_are_accepted(value, name, before, after):
    """What a paste brings along at the edges (spaces, line breaks, zero-width marks, a
    BOM, in any order) is removed; the value itself is kept (docstring of validation)."""
    if not isinstance(value, str):
        value = value.draw(VALID[name])
    clean = v.VALIDATORS[name](before + value + after)
    expected = {"rufus.deviceid": value.upper(), "zype.pin": value.lower()}.get(name, value)
    assert clean == expected


@SETTINGS
@given(data=st.data(), name=st.sampled_from(sorted(v.VALIDATORS)),
       junk=st.text(st.sampled_from(EDGE_JUNK), max_size=4))
def test_an_accepted_value_never_hides_an_invisible_edge_after_one_kind_of_padding(
        data, name, junk):
    """Padding of one kind on each side (what today's code handles): always removed."""
    value = data.draw(VALID[name])
    spaces = "".join(ch for ch in junk if ch.isspace())
    marks = "".join(ch for ch in junk if not ch.isspace())
    clean = v.VALIDATORS[name](spaces + marks + value + marks + spaces)
    expected = {"rufus.deviceid": value.upper(), "zype.pin": value.lower()}.get(name, value)
    assert clean == expected


# --------------------------------------------------------------------------- answers

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(min_value=2**63)
    | st.floats(allow_nan=False) | st.text(any_char.filter(lambda c: not 0xD800 <= ord(c)
                                                            <= 0xDFFF), max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["response", "result", "deviceid", "_id", "pin", "linked",
                         "linked true", "id", "description", "message", "type", "tip",
                         "pagination", "next", "pages", "serial_number", "consumer_id",
                         "email", "firstName", "devices", "data"]) | st.text(max_size=6),
        inner, max_size=6),
    max_leaves=25,
)
DEVICEID_EXAMPLE = "65A1B7E0C6BC3D32C268C1506E3F6F39E225DC6ED79573E177E7243E8E38115B"
# Documented shapes with one field replaced by anything: the near misses a real bug sends.
near_misses = st.one_of(
    json_values.map(lambda x: {"description": "Device binded succesfully", "deviceid": x}),
    json_values.map(lambda x: {"description": "Success", "result": {
        "deviceid": DEVICEID_EXAMPLE, "serial_number": x}}),
    json_values.map(lambda x: {"result": [{"deviceid": DEVICEID_EXAMPLE,
                                           "serial_number": "SN-1"}, x],
                               "pagination": {"pages": x}}),
    json_values.map(lambda x: {"response": {"_id": "1", "pin": "zabc123", "linked": x,
                                            "consumer_id": x}}),
    json_values.map(lambda x: {"response": [{"_id": "c1", "email": x}],
                               "pagination": {"next": x}}),
    json_values.map(lambda x: [{"type": x, "message": x, "tip": x}]),
    json_values.map(lambda x: {"id": x, "firstName": x}),
)
bodies = st.one_of(
    json_values.map(lambda x: json.dumps(x).encode()),
    near_misses.map(lambda x: json.dumps(x).encode()),
    st.binary(max_size=300),
    st.text(any_char, max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from([
        b"", b"   ", b"null", b"NaN", b"Infinity", b"-Infinity", b"1e400", b'"\\ud800"',
        b"\xef\xbb\xbf{}", '{"response": {}}'.encode("utf-16"), b"[" * 10_000,
        b"<!DOCTYPE html><html><head><title>Captive portal</title></head></html>",
        b"<html><title>" + b"x" * 5000 + b"</title></html>", b"<title>unclosed",
    ]),
)
content_types = st.one_of(
    st.sampled_from(["application/json", "application/json; charset=utf-16", "text/html",
                     "text/plain", "", "application/octet-stream", "TEXT/HTML; x=y"]),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7e), max_size=40),
)
retry_afters = st.one_of(
    st.none(),
    st.sampled_from(["0", "-1", "7", "1e400", "NaN", "inf", "99999999999999999999",
                     "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT",
                     "Wed, 21 Oct 2015 07:28:00 GMT", "soon", ""]),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7e), max_size=40),
)
statuses = st.one_of(st.sampled_from([200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500,
                                      502, 503, 504]), st.integers(200, 599))


class Answers:
    """An ASGI app answering every request with the same generated response."""

    def __init__(self, status: int, content_type: str, retry_after: str | None,
                 body: bytes) -> None:
        self.status, self.body = status, body
        self.headers = [(b"content-type", content_type.encode("latin-1"))]
        if retry_after is not None:
            self.headers.append((b"retry-after", retry_after.encode("latin-1")))
        self.requests = 0

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        assert scope["type"] == "http"
        self.requests += 1
        await send({"type": "http.response.start", "status": self.status,
                    "headers": self.headers})
        await send({"type": "http.response.body", "body": self.body})


OPERATIONS = ("xee.associate", "xee.dissociate", "xee.me", "rufus.bind", "rufus.get",
              "rufus.unbind", "rufus.list", "rufus.find_by_serial", "zype.link",
              "zype.status", "zype.unlink", "zype.find_consumers")


async def run_operation(operation: str, client: httpx2.AsyncClient) -> Any:
    provider, name = operation.split(".")
    if provider == "xee":
        xee = XeeAPI(client, "http://xee.test/v3", access_token="a" * 64)
        if name == "associate":
            return await xee.associate("E133742015", "1234")
        if name == "dissociate":
            return await xee.dissociate("E133742015")
        return await xee.me()
    if provider == "rufus":
        rufus = RufusAPI(client, "http://rufus.test/v0", "ror-ae4fc6c19681a20fad30")
        if name == "bind":
            return await rufus.bind("Model X1", "SN-1", alias="a", firmware="1.0")
        if name == "get":
            return await rufus.get(DEVICEID_EXAMPLE)
        if name == "unbind":
            return await rufus.unbind(DEVICEID_EXAMPLE)
        if name == "list":
            return await rufus.list_devices()
        return await rufus.find_by_serial("SN-1")
    zype = ZypeAPI(client, "http://zype.test", "zk-admin-7Qm2Lx9VtB4pR8sN")
    if name == "link":
        return await zype.link("5f1a2b3c4d5e6f7a8b9c0d01", "zabc123")
    if name == "status":
        return await zype.status("roku-living-room")
    if name == "unlink":
        return await zype.unlink("5f1a2b3c4d5e6f7a8b9c0d01", "zabc123")
    return await zype.find_consumers("alice@example.com")


def check_success(operation: str, result: Any, requests: int) -> None:
    if operation in ("xee.associate", "xee.dissociate"):
        assert result is None
    elif operation == "xee.me":
        assert isinstance(result, XeeUser) and result.id not in ("", None)
        assert isinstance(result.display_name, str) and result.display_name
    elif operation == "rufus.bind":
        assert isinstance(result, RufusBinding) and DEVICEID.fullmatch(result.deviceid)
    elif operation == "rufus.get":
        assert isinstance(result, RufusDevice) and result.deviceid
    elif operation == "rufus.unbind":
        assert isinstance(result, str) and DEVICEID.fullmatch(result)
    elif operation == "rufus.list":
        devices, pages = result
        assert all(isinstance(d, RufusDevice) and d.deviceid for d in devices)
        assert pages is None or isinstance(pages, int)
    elif operation == "rufus.find_by_serial":
        # Whatever the server sends, only devices with the asked serial come back.
        assert all(d.serial_number is not None and d.serial_number.strip() == "SN-1"
                   for d in result)
        assert requests <= MAX_PAGES
    elif operation in ("zype.link", "zype.status"):
        assert isinstance(result, DevicePin)
    elif operation == "zype.unlink":
        assert isinstance(result, dict)
    else:
        assert all(isinstance(c, Consumer) and c.id for c in result)
        assert requests <= MAX_CONSUMER_PAGES


def check_error(err: ProviderError, status: int) -> None:
    assert not isinstance(err, InputError), err  # the inputs were valid
    assert err.kind in KNOWN_KINDS, err.kind  # the UI and the CLI know every kind
    assert err.category == errors_table.kind_categories()[err.kind]
    advice = err.advice
    assert str(err) == advice and len(advice) > 30 and advice.endswith("."), advice
    assert "{" not in advice or "{" in err.message, advice  # every placeholder filled
    assert "Traceback" not in advice
    assert len(err.message) <= 200 and err.message.isprintable()
    assert err.tip == "" or (len(err.tip) <= 200 and err.tip.isprintable())
    assert err.status in (status, None)
    if err.retry_after is not None:
        assert 0 <= err.retry_after <= 86400
    json.dumps(err.to_dict())  # printable as the CLI's --json
    if 200 <= status < 300:
        assert err.may_have_reached_server  # a 2xx we could not read: the action may be done


@SETTINGS
@given(operation=st.sampled_from(OPERATIONS), status=statuses, content_type=content_types,
       retry_after=retry_afters, body=bodies)
def test_any_answer_is_a_result_or_a_provider_error(operation, status, content_type,
                                                    retry_after, body):
    server = Answers(status, content_type, retry_after, body)

    async def scenario() -> Any:
        transport = httpx2.ASGITransport(app=server)
        async with httpx2.AsyncClient(transport=transport, timeout=5) as client:
            try:
                return await run_operation(operation, client)
            except ProviderError as err:
                return err

    outcome = asyncio.run(scenario())
    if isinstance(outcome, ProviderError):
        check_error(outcome, status)
    else:
        assert 200 <= status < 300, f"status {status} taken for a success"
        check_success(operation, outcome, server.requests)


def _is_json(body: bytes) -> bool:
    """b"0", b"true", b" -1e5": readable JSON, so not what the next test is about."""
    try:
        json.loads(body)
    except (ValueError, RecursionError):
        return False
    return True


@settings(max_examples=50, deadline=None)
@given(operation=st.sampled_from(["xee.associate", "xee.dissociate"]),
       status=st.sampled_from([200, 201, 202, 204]),
       body=st.one_of(
           st.just(b"<!DOCTYPE html><html><title>Sign in to the guest Wi-Fi</title></html>"),
           st.sampled_from([b"0", b"true", b"null", b'"ok"', b"[]"]),
           st.binary(min_size=1, max_size=100).filter(lambda b: b.strip()[:1] not in
                                                      (b"{", b"[", b'"', b"<")
                                                      and b.strip())))
def test_an_unreadable_2xx_is_never_a_xee_success(operation, status, body):
    """A captive portal or a broken proxy answering 200 is not Xee saying 204: the support
    engineer must not be told the box is associated (or dissociated) when it may not be."""
    server = Answers(status, "text/html" if body.startswith(b"<") else "", None, body)

    async def scenario() -> Any:
        async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=server)) as client:
            try:
                return await run_operation(operation, client)
            except ProviderError as err:
                return err

    outcome = asyncio.run(scenario())
    assert isinstance(outcome, ProviderError), f"{status} {body[:40]!r} taken for a success"
    assert outcome.may_have_reached_server and outcome.category == "unexpected"
    check_error(outcome, status)


def test_a_server_that_ignores_paging_cannot_loop_forever():
    """RUFUS pages of fresh devices forever, Zype 'next' forever: both walks stop."""
    counter = {"rufus": 0, "zype": 0}

    async def endless_pages(scope: dict, receive: Any, send: Any) -> None:
        path = scope["path"]
        provider = "rufus" if path.startswith("/v0") else "zype"
        counter[provider] += 1
        n = counter[provider]
        if provider == "rufus":
            body = {"result": [{"deviceid": f"{n:064X}", "serial_number": "SN-1"}] * 500}
        else:
            body = {"response": [{"_id": f"c{n}", "email": "alice@example.com"}],
                    "pagination": {"next": n + 1}}
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": json.dumps(body).encode()})

    async def scenario() -> tuple[list, list]:
        transport = httpx2.ASGITransport(app=endless_pages)
        async with httpx2.AsyncClient(transport=transport) as client:
            rufus = RufusAPI(client, "http://rufus.test/v0", "ror-ae4fc6c19681a20fad30")
            zype = ZypeAPI(client, "http://zype.test", "zk-admin-7Qm2Lx9VtB4pR8sN")
            return await rufus.find_by_serial("SN-1"), await zype.find_consumers(
                "alice@example.com")

    devices, consumers = asyncio.run(scenario())
    assert counter["rufus"] == MAX_PAGES and len(devices) == MAX_PAGES
    assert counter["zype"] == MAX_CONSUMER_PAGES and len(consumers) == MAX_CONSUMER_PAGES
