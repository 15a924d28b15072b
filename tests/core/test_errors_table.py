"""The error tables: every documented row has its own kind and a usable sentence.

The documented rows below are copied here from ../shared/seeds and api-notes.md on
their own, so that a row dropped from (or mistyped in) errors_table.py fails.
"""

from __future__ import annotations

import json

import pytest

from app.core import errors_table as table
from app.core.errors import CATEGORIES, InputError, ProviderError, XeeTokenExpired
from app.core.http import error_from_response, read_body

# (operation, status, type, message, tip) exactly as documented
XEE_DOCUMENTED = [
    ("associate", 400, "PARAMETER_ERROR", "", "Check the device id and the pin"),
    ("associate", 403, "AUTHORIZATION_ERROR", "Token does not have the required scope",
     "Add the devices_management scope to your app scopes and reconnect the user"),
    ("associate", 403, "AUTHORIZATION_ERROR", "Token can't access this user",
     "Make sure the user is accessible with this token"),
    ("associate", 403, "AUTHORIZATION_ERROR", "The box association already failed 3 times", ""),
    ("associate", 404, "NOT_FOUND", "Device or user not found",
     "Please check that the device exists, looks like it does not"),
    ("associate", 409, "CONFLICT", "Device already associated to another user", ""),
    ("dissociate", 400, "PARAMETER_ERROR", "", "Check the device id"),
    ("dissociate", 404, "NOT_FOUND", "Device or car not found", ""),
    ("dissociate", 409, "CONFLICT", "The box is not already associated to a user", ""),
]
XEE_AUTH_DOCUMENTED = [
    (401, "AUTHENTICATION_ERROR", "Authorization is missing"),
    (401, "AUTHENTICATION_ERROR", "Authorization is malformed"),
    (401, "AUTHENTICATION_ERROR", "Invalid token"),
    (403, "AUTHORIZATION_ERROR", "Token does not have the required scope"),
    (403, "AUTHORIZATION_ERROR", "Token has expired"),
    (403, "AUTHORIZATION_ERROR", "Token has been revoked"),
]
RUFUS_DOCUMENTED = [("bind", 400), ("bind", 401), ("bind", 403), ("bind", 409),
                    ("get", 401), ("get", 403), ("get", 404),
                    ("unbind", 401), ("unbind", 403), ("unbind", 404), ("list", 401)]
# Zype's documented 500 is the generic server.error row (see test_zype_500_...).
ZYPE_DOCUMENTED = [("link", 401), ("link", 403), ("link", 404), ("link", 422),
                   ("status", 401), ("status", 404), ("unlink", 401), ("unlink", 403),
                   ("consumers", 401)]


def xee_body(type_: str, message: str, tip: str = "") -> bytes:
    return json.dumps([{"type": type_, "message": message, "tip": tip}]).encode()


def classify(provider, operation, status, content: bytes, **kw) -> ProviderError:
    return error_from_response(provider, operation, status, read_body(content), **kw)


def test_xee_documented_rows_each_get_their_own_kind():
    kinds = {}
    for operation, status, type_, message, tip in XEE_DOCUMENTED:
        err = classify("xee", operation, status, xee_body(type_, message, tip),
                       endpoint=f"POST /devices/X/{operation}")
        assert not err.kind.startswith(("response.", "server.")), err.kind
        assert (err.status, err.type, err.message, err.tip) == (status, type_, message, tip)
        assert err.provider == "xee" and err.endpoint == f"POST /devices/X/{operation}"
        kinds[(operation, status, message)] = err.kind
    assert len(set(kinds.values())) == len(XEE_DOCUMENTED)


def test_xee_auth_rows_apply_to_every_route_with_their_own_kinds():
    for operation in ("associate", "dissociate", "me"):
        kinds = set()
        for status, type_, message in XEE_AUTH_DOCUMENTED:
            err = classify("xee", operation, status, xee_body(type_, message, "a tip"))
            assert err.category == "auth", err.kind
            assert err.tip == "a tip"
            kinds.add(err.kind)
        assert len(kinds) == len(XEE_AUTH_DOCUMENTED)


def test_box_locked_advice_names_the_lock_and_who_unlocks():
    err = classify("xee", "associate", 403,
                   xee_body("AUTHORIZATION_ERROR", "The box association already failed 3 times"))
    assert err.kind == "xee.box_locked"
    assert "3" in err.advice and "Xee support" in err.advice and "owner" in err.advice
    assert "refuses" in err.advice


def test_expired_token_is_the_subclass_the_sign_in_layer_catches():
    err = classify("xee", "me", 403, xee_body("AUTHORIZATION_ERROR", "Token has expired"))
    assert isinstance(err, XeeTokenExpired) and err.kind == "xee.token_expired"
    other = classify("xee", "me", 403, xee_body("AUTHORIZATION_ERROR", "Token has been revoked"))
    assert not isinstance(other, XeeTokenExpired)


def test_xee_unlisted_message_of_an_ambiguous_type_is_not_guessed():
    err = classify("xee", "associate", 403, xee_body("AUTHORIZATION_ERROR", "Something new"))
    assert err.kind == "response.unlisted_error"
    assert err.message == "Something new" and err.type == "AUTHORIZATION_ERROR"
    # but a unique (status, type) still matches when the message is not the documented one
    assert classify("xee", "associate", 400, xee_body("PARAMETER_ERROR", "bad pin")).kind == (
        "xee.pin_rejected")


def test_xee_user_not_accessible_applies_to_every_route():
    for operation in ("associate", "dissociate", "me"):
        err = classify("xee", operation, 403, xee_body(
            "AUTHORIZATION_ERROR", "Token can't access this user",
            "Make sure the user is accessible with this token"))
        assert err.kind == "xee.user_not_accessible", (operation, err.kind)
        assert err.category == "auth" and err.exit_code == 3


@pytest.mark.parametrize(("provider", "operation", "body"), [
    ("xee", "associate", xee_body("AUTHORIZATION_ERROR", "Something new", "Do this")),
    ("xee", "me", xee_body("NOT_FOUND", "Nobody here")),
    ("rufus", "get", b'{"description": "Bad deviceid"}'),
    ("zype", "consumers", b'{"message": "Bad filter"}'),
])
def test_unlisted_4xx_with_the_providers_message_is_a_refusal(provider, operation, body):
    status = 403 if provider == "xee" and operation == "associate" else 400
    err = classify(provider, operation, status, body)
    assert err.kind == "response.unlisted_error"
    assert err.category == "refused" and err.exit_code == 3
    assert err.message and err.message in err.advice


def test_unlisted_4xx_without_a_message_stays_unexpected():
    err = classify("rufus", "get", 418, b"{}")
    assert err.kind == "response.unexpected_status" and err.exit_code == 4


def test_zype_500_is_the_generic_server_error_row():
    err = classify("zype", "link", 500, b'{"message": "Internal error"}')
    assert err.kind == "server.error" and err.may_have_reached_server
    assert "zype.server_error" not in table.kind_categories()


def test_rufus_400_advice_quotes_what_rufus_rejected():
    err = classify("rufus", "bind", 400,
                   b'{"description": "Missing required parameter: firmware"}')
    assert err.kind == "rufus.missing_field" and err.category == "refused"
    assert "Missing required parameter: firmware" in err.advice
    # Both model and serial are checked before sending: the advice must not claim
    # that they are what is missing.
    assert "Fill in both" not in err.advice


@pytest.mark.parametrize(("provider", "documented", "key"), [
    ("rufus", RUFUS_DOCUMENTED, "description"), ("zype", ZYPE_DOCUMENTED, "message")])
def test_status_rows_each_get_their_own_kind(provider, documented, key):
    per_operation: dict[str, set[str]] = {}
    for operation, status in documented:
        err = classify(provider, operation, status, json.dumps({key: "As sent"}).encode())
        assert not err.kind.startswith(("response.", "server.")), (operation, status, err.kind)
        assert err.message == "As sent" and err.status == status
        assert per_operation.setdefault(operation, set()).isdisjoint({err.kind})
        per_operation[operation].add(err.kind)


def test_rufus_api_key_advice_and_conflict_details():
    err = classify("rufus", "bind", 401, b'{"description": "Invalid api key"}')
    assert err.kind == "rufus.key_rejected" and err.category == "auth"
    assert "api key" in err.advice and "RUFUS console" in err.advice
    existing = "AB" * 32
    err = classify("rufus", "bind", 409,
                   json.dumps({"description": "dup", "deviceid": existing}).encode())
    assert err.kind == "rufus.serial_taken" and err.details["deviceid"] == existing
    assert existing in err.advice


def test_rufus_documented_error_with_an_empty_body_still_matches():
    assert classify("rufus", "bind", 403, b"").kind == "rufus.write_access_missing"


def test_zype_link_404_messages_decide_between_rows():
    assert classify("zype", "link", 404, b'{"message": "Device Pin not found"}').kind == (
        "zype.pin_not_found")
    assert classify("zype", "link", 404, b'{"message": "Consumer not found"}').kind == (
        "zype.consumer_not_found")
    assert classify("zype", "link", 404, b'{"message": "Gone"}').kind == "zype.pin_not_found"


@pytest.mark.parametrize("provider", ["xee", "rufus", "zype"])
def test_undocumented_outcomes_have_their_own_kinds(provider):
    op = {"xee": "associate", "rufus": "bind", "zype": "link"}[provider]
    html = classify(provider, op, 404, b"<html><title>Not here</title></html>")
    assert html.kind == "response.html_page" and html.message == "Not here"
    assert classify(provider, op, 400, b"{oops").kind == "response.bad_json"
    assert classify(provider, op, 418, b"").kind == "response.unexpected_status"
    assert classify(provider, op, 500, b"<html/>").kind == "response.html_page"
    assert classify(provider, op, 502, b"<html/>").kind == "response.html_page"
    assert classify(provider, op, 503, b"<html/>").kind == "server.unavailable"
    assert classify(provider, op, 502, b"").kind == "server.bad_gateway"
    server_error = classify(provider, op, 500, b"")
    assert server_error.kind == "server.error"
    assert server_error.may_have_reached_server
    limited = classify(provider, op, 429, b"", retry_after=7.0)
    assert limited.kind == "server.rate_limited" and limited.retry_after == 7.0
    assert "7 seconds" in limited.advice
    assert classify(provider, op, 503, b"").kind == "server.unavailable"
    if provider == "xee":
        assert classify(provider, op, 400, b'{"a": 1}').kind == "response.wrong_shape"


def test_every_row_is_well_formed():
    kinds_by_row = {}
    for row in table.ALL_ROWS:
        assert row.category in CATEGORIES and row.category != "input"
        assert row.advice.endswith(".") and len(row.advice) > 40
        assert "error" != row.advice.strip().lower()
        kinds_by_row.setdefault(row.kind, row)
        assert kinds_by_row[row.kind] is row, f"two rows share the kind {row.kind}"
    for kind, (category, reached, advice) in table.OUTCOMES.items():
        assert category in CATEGORIES and isinstance(reached, bool)
        assert advice.endswith(".") and kind not in kinds_by_row
    for (provider, _op), advice in table.UNCERTAIN_OUTCOME_ADVICE.items():
        assert provider in table.PROVIDER_ROWS and "{reason}" in advice
    for kind in table.CONNECT_RETRIES:
        assert table.OUTCOMES[kind][1] is False, "only what was never sent may be retried"


def test_to_dict_has_the_contract_keys():
    err = classify("zype", "link", 401, b'{"message": "Invalid or missing authentication."}',
                   endpoint="PUT /pin/link")
    data = err.to_dict()
    assert {"kind", "status", "type", "message", "tip", "advice"} <= set(data)
    # On a change, a 401 may also be a Read Only key: its own kind (issue 13).
    assert data["kind"] == "zype.key_rejected_on_write" and data["endpoint"] == "PUT /pin/link"
    json.dumps(data)
    assert InputError("pin", "The pin is empty.").to_dict()["field"] == "pin"


def test_exit_codes_follow_the_category():
    expected = {"input": 2, "refused": 3, "auth": 3, "network": 4, "unexpected": 4}
    for kind, category in table.kind_categories().items():
        err = ProviderError(kind, category, "Something specific happened.")
        assert err.exit_code == expected[category]
    assert InputError("pin", "The pin is empty.").exit_code == 2
