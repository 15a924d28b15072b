"""Parsers on arbitrary bodies: a value or a ProviderError, never anything else."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import rufus, xee, zype
from app.core.errors import ProviderError
from app.core.http import Reply, error_from_response, parse_retry_after, read_body, redact

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(
        st.sampled_from(["response", "result", "deviceid", "_id", "pin", "linked",
                         "linked true", "id", "description", "message", "type", "tip",
                         "pagination", "next", "pages", "email", "firstName"])
        | st.text(max_size=8),
        inner, max_size=5),
    max_leaves=20,
)
bodies = st.one_of(
    json_values.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=200),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.just(b"<!DOCTYPE html><html><title>502 Bad Gateway</title></html>"),
    st.just(b"[" * 5000 + b"]" * 5000),  # deeper than the JSON parser's recursion
)

PARSERS = {
    "xee.user": xee.parse_user,
    "rufus.binding": rufus.parse_binding,
    "rufus.device": rufus.parse_device,
    "rufus.page": rufus.parse_device_page,
    "rufus.unbind": lambda r: rufus.parse_unbind(r, "A" * 64),
    "zype.pin": zype.parse_device_pin,
    "zype.unlink": zype.parse_unlink,
    "zype.consumers": zype.parse_consumers,
}


def reply(content: bytes, status: int = 200, content_type: str = "application/json") -> Reply:
    return Reply("zype", "GET /x", status, read_body(content, content_type))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(PARSERS)), content=bodies)
def test_parsers_return_or_raise_provider_error(name, content):
    try:
        PARSERS[name](reply(content))
    except ProviderError as err:
        assert err.advice.strip() and err.kind and err.status == 200
        assert err.may_have_reached_server  # a 2xx we could not read: the action may be done


@settings(max_examples=300, deadline=None)
@given(
    provider=st.sampled_from(["xee", "rufus", "zype"]),
    operation=st.sampled_from(["associate", "dissociate", "me", "bind", "get", "unbind", "list",
                               "link", "status", "unlink", "consumers", "unknown"]),
    status=st.integers(min_value=300, max_value=599),
    content=bodies,
    content_type=st.sampled_from(["application/json", "text/html", "", "text/plain"]),
)
def test_error_mapping_never_raises(provider, operation, status, content, content_type):
    err = error_from_response(provider, operation, status, read_body(content, content_type))
    assert isinstance(err, ProviderError)
    assert err.advice.strip().endswith(".") and err.status == status
    assert "{" not in err.advice or "{" in err.message  # templates fully filled
    assert len(err.message) <= 200 and err.message.isprintable()


def test_bind_without_deviceid_says_it_may_be_bound():
    for content in (b"", b'{"description": "Device binded succesfully"}', b"[1]", b"<html>"):
        with pytest.raises(ProviderError) as info:
            rufus.parse_binding(Reply("rufus", "POST /devices", 201, read_body(content)))
        assert info.value.kind == "rufus.bind_unconfirmed"
        assert info.value.may_have_reached_server and "device list" in info.value.advice


def test_bind_with_a_strange_deviceid_keeps_it():
    with pytest.raises(ProviderError) as info:
        rufus.parse_binding(Reply("rufus", "POST /devices", 201,
                                  read_body(b'{"deviceid": "not-hex-42"}')))
    assert info.value.kind == "rufus.bad_deviceid"
    assert info.value.details["deviceid"] == "not-hex-42" and "not-hex-42" in info.value.advice


def test_zype_pin_reads_the_seed_typo_key():
    body = {"response": {"_id": "1", "pin": "zabc123", "linked true": True}}
    assert zype.parse_device_pin(reply(json.dumps(body).encode())).linked is True
    body = {"response": {"_id": "1", "pin": "zabc123", "linked": False}}
    assert zype.parse_device_pin(reply(json.dumps(body).encode())).linked is False


def test_read_body_kinds():
    assert read_body(b"  ").kind == "empty"
    assert read_body(b'{"a": 1}').data == {"a": 1}
    assert read_body(b"{bad").kind == "garbage"
    assert read_body(b"ok", "text/html").kind == "html"
    assert read_body(b"\xff\xfe\x00garbage").kind == "garbage"


def test_retry_after_forms():
    assert parse_retry_after("30") == 30.0
    assert parse_retry_after("-5") == 0.0
    assert parse_retry_after("nan") is None
    assert parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert parse_retry_after("99999999") == 86400.0


def test_redact_hides_secret_query_values():
    url = "http://h/zype/pin/link?consumer_id=c1&pin=zabc123&api_key=SECRET-KEY"
    assert "SECRET-KEY" not in redact(url) and "zabc123" not in redact(url)
    assert "consumer_id=c1" in redact(url)
