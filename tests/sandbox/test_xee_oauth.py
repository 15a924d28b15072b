"""Xee's OAuth server: the consent page, codes, the token endpoint (api-notes.md)."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
import time
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.sandbox.conftest import xee_error

REDIRECT = "http://127.0.0.1:8765/callback"
INVALID_AUTHENTICATION = {"message": "Invalid authentication"}


class FormParser(HTMLParser):
    """Collects the page's form the way a browser sees it."""

    def __init__(self) -> None:
        super().__init__()
        self.form: dict[str, str] = {}
        self.inputs: list[dict[str, str]] = []
        self.buttons: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v if v is not None else "" for k, v in attrs}
        if tag == "form":
            self.form = values
        elif tag == "input":
            self.inputs.append(values)
        elif tag == "button":
            self.buttons.append(values)

    def submission(self, login: str, password: str, button: str,
                   untick: tuple[str, ...] = ()) -> dict[str, list[str]]:
        data: dict[str, list[str]] = {}
        for field in self.inputs:
            kind, name = field.get("type", "text"), field.get("name", "")
            if kind == "hidden" or (
                    kind == "checkbox" and "checked" in field and field["value"] not in untick):
                data.setdefault(name, []).append(field.get("value", ""))
        data.update(login=[login], password=[password])
        data[button] = ["1"]
        return data


def parse(html: str) -> FormParser:
    parser = FormParser()
    parser.feed(html)
    return parser


def open_page(client, sandbox, **overrides):
    params = {"client_id": sandbox.fixtures()["xee"]["client_id"],
              "scope": "devices_management users_read", "redirect_uri": REDIRECT,
              "state": "state-123"}
    params.update(overrides)
    params = {k: v for k, v in params.items() if v is not None}
    return client.get(f"{sandbox.xee_root}/auth/auth", params=params)


def submit(client, sandbox, page, login="alice@example.com", password="alice-demo",
           button="approve", untick=()):
    form = parse(page.text)
    action = form.form.get("action") or urlsplit(str(page.url)).path
    return client.post(sandbox.url + action,
                       data=form.submission(login, password, button, untick))


def pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def basic(sandbox, secret: str | None = None) -> dict[str, str]:
    xee = sandbox.fixtures()["xee"]
    raw = f"{xee['client_id']}:{secret if secret is not None else xee['client_secret']}"
    return {"Authorization": "Basic " + base64.b64encode(raw.encode()).decode()}


def callback_params(response) -> dict[str, str]:
    assert response.status_code == 302, response.text
    location = response.headers["location"]
    assert location.startswith(REDIRECT + "?")
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def get_code(client, sandbox, challenge: str | None = None, **page_params) -> str:
    if challenge:
        page_params.update(code_challenge=challenge, code_challenge_method="S256")
    page = open_page(client, sandbox, **page_params)
    return callback_params(submit(client, sandbox, page))["code"]


def exchange(client, sandbox, code: str, **extra):
    return client.post(f"{sandbox.xee_root}/auth/access_token", headers=basic(sandbox),
                       data={"grant_type": "authorization_code", "code": code, **extra})


# --- the page --------------------------------------------------------------------------


def test_page_has_the_documented_form(client, sandbox):
    tricky_state = '"><script>alert(1)</script>&x=1'
    verifier, challenge = pkce_pair()
    page = open_page(client, sandbox, state=tricky_state, code_challenge=challenge,
                     code_challenge_method="S256", scope="users_read devices_management")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "<script>" not in page.text  # escaped
    form = parse(page.text)
    assert form.form["method"].lower() == "post"
    by_name = {}
    for field in form.inputs:
        by_name.setdefault(field.get("name"), []).append(field)
    assert by_name["login"][0].get("type", "text") == "text"
    assert by_name["password"][0]["type"] == "password"
    scopes = by_name["scope"]
    assert [s["value"] for s in scopes] == ["users_read", "devices_management"]
    assert all(s["type"] == "checkbox" and "checked" in s for s in scopes)
    hidden = {f["name"]: f["value"] for f in form.inputs if f.get("type") == "hidden"}
    assert hidden["state"] == tricky_state
    assert hidden["redirect_uri"] == REDIRECT
    assert hidden["code_challenge"] == challenge
    assert hidden["client_id"] == sandbox.fixtures()["xee"]["client_id"]
    assert {b["name"] for b in form.buttons} == {"approve", "deny"}


@pytest.mark.parametrize("overrides", [
    {"client_id": "someone-else"},
    {"client_id": None},
    {"redirect_uri": None},
    {"redirect_uri": "https://127.0.0.1:8765/callback"},
    {"redirect_uri": "http://example.com:8765/callback"},
    {"redirect_uri": "http://127.0.0.2.example.com/callback"},
    {"redirect_uri": "http://127.0.0.1:8765/callback/x"},
    {"redirect_uri": "http://127.0.0.1:8765/"},
    {"redirect_uri": "http://127.0.0.1:8765/callback#frag"},
    {"redirect_uri": "http://127.0.0.1:99999/callback"},
])
def test_unknown_client_or_redirect_is_404_html(client, sandbox, overrides):
    page = open_page(client, sandbox, **overrides)
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "<html" in page.text.lower()


@pytest.mark.parametrize("redirect", [
    "http://localhost:51234/callback", "http://[::1]:51234/callback",
    "http://127.0.0.1/callback",
])
def test_any_loopback_redirect_is_accepted(client, sandbox, redirect):
    page = open_page(client, sandbox, redirect_uri=redirect)
    assert page.status_code == 200
    response = submit(client, sandbox, page)
    assert response.status_code == 302
    assert response.headers["location"].startswith(redirect + "?code=")


def test_unknown_scope_redirects_with_invalid_scope(client, sandbox):
    params = callback_params(open_page(client, sandbox, scope="users_read admin_everything"))
    assert params == {"error": "invalid_scope", "state": "state-123"}


# --- approve, deny, wrong password -----------------------------------------------------


def test_wrong_password_shows_the_page_again_with_an_error(client, sandbox):
    page = open_page(client, sandbox)
    response = submit(client, sandbox, page, password="not-the-password")
    assert response.status_code in (200, 401)
    assert "location" not in response.headers
    assert re.search(r'role="alert"[^>]*>[^<]*[Ww]rong login or password', response.text)
    again = parse(response.text)
    assert any(f.get("name") == "password" for f in again.inputs)
    assert {f["name"]: f["value"] for f in again.inputs
            if f.get("type") == "hidden"}["state"] == "state-123"


def test_unknown_login_is_refused_too(client, sandbox):
    response = submit(client, sandbox, open_page(client, sandbox), login="mallory@example.com")
    assert response.status_code in (200, 401)
    assert "location" not in response.headers


def test_deny_redirects_with_access_denied_and_state(client, sandbox):
    page = open_page(client, sandbox)
    response = submit(client, sandbox, page, login="", password="", button="deny")
    assert callback_params(response) == {"error": "access_denied", "state": "state-123"}


def test_approve_grants_only_ticked_scopes(client, sandbox):
    page = open_page(client, sandbox)
    code = callback_params(submit(client, sandbox, page, untick=("devices_management",)))
    assert code["state"] == "state-123"
    token = exchange(client, sandbox, code["code"])
    assert token.status_code == 200
    assert token.json()["scope"].split() == ["users_read"]
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    assert client.get(f"{sandbox.xee_root}/users/me", headers=headers).json()["id"] == 1001
    refused = client.post(f"{sandbox.xee_root}/devices/E133742015/associate?pin=1234",
                          headers=headers)
    assert refused.status_code == 403
    assert refused.json()[0]["message"] == "Token does not have the required scope"


# --- codes and the token endpoint ------------------------------------------------------


def test_token_body_shape(client, sandbox):
    before = time.time() + sandbox.fixtures()["clock"]["offset_seconds"]
    response = exchange(client, sandbox, get_code(client, sandbox))
    assert response.status_code == 200
    body = response.json()
    assert re.fullmatch(r"[0-9a-f]{64}", body["access_token"])
    assert re.fullmatch(r"[0-9a-f]{64}", body["refresh_token"])
    assert body["access_token"] != body["refresh_token"]
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 3600
    assert before + 3600 - 2 <= body["expires_at"] <= before + 3600 + 2


def test_code_is_single_use(client, sandbox):
    code = get_code(client, sandbox)
    assert exchange(client, sandbox, code).status_code == 200
    again = exchange(client, sandbox, code)
    assert (again.status_code, again.json()) == (403, INVALID_AUTHENTICATION)


def test_code_expires_after_60_seconds(client, sandbox):
    fresh = get_code(client, sandbox)
    stale = get_code(client, sandbox)
    sandbox.advance_clock(59)
    assert exchange(client, sandbox, fresh).status_code == 200
    sandbox.advance_clock(2)
    late = exchange(client, sandbox, stale)
    assert (late.status_code, late.json()) == (403, INVALID_AUTHENTICATION)


def test_code_is_bound_to_redirect_uri(client, sandbox):
    code = get_code(client, sandbox)
    other = exchange(client, sandbox, code, redirect_uri="http://127.0.0.1:9999/callback")
    assert (other.status_code, other.json()) == (403, INVALID_AUTHENTICATION)
    same = exchange(client, sandbox, get_code(client, sandbox), redirect_uri=REDIRECT)
    assert same.status_code == 200


def test_pkce_verifier_is_checked(client, sandbox):
    verifier, challenge = pkce_pair()
    ok = exchange(client, sandbox, get_code(client, sandbox, challenge), code_verifier=verifier)
    assert ok.status_code == 200
    wrong = exchange(client, sandbox, get_code(client, sandbox, challenge),
                     code_verifier=pkce_pair()[0])
    assert (wrong.status_code, wrong.json()) == (403, INVALID_AUTHENTICATION)
    missing = exchange(client, sandbox, get_code(client, sandbox, challenge))
    assert (missing.status_code, missing.json()) == (403, INVALID_AUTHENTICATION)


@pytest.mark.parametrize("data", [
    {},
    {"grant_type": "authorization_code"},
    {"code": "abc"},
    {"grant_type": "authorization_code", "code": ""},
])
def test_missing_parameter_is_400_with_code_tip(client, sandbox, data):
    response = client.post(f"{sandbox.xee_root}/auth/access_token", headers=basic(sandbox),
                           data=data)
    assert response.status_code == 400
    assert response.json() == xee_error("PARAMETERS_ERROR", "Missing parameter",
                                        "Check you've set the grant_type and the code")


def test_missing_refresh_token_is_400_with_refresh_tip(client, sandbox):
    response = client.post(f"{sandbox.xee_root}/auth/access_token", headers=basic(sandbox),
                           data={"grant_type": "refresh_token"})
    assert response.status_code == 400
    assert response.content == (
        b'[{"type":"PARAMETERS_ERROR","message":"Missing parameter",'
        b'"tip":"Check you\'ve set the grant_type and the refresh_token"}]')


@pytest.mark.parametrize("headers", [
    {},
    {"Authorization": "Basic !!!"},
    {"Authorization": "Bearer abc"},
    "wrong-secret",
])
def test_bad_client_authentication_is_403(client, sandbox, headers):
    if headers == "wrong-secret":
        headers = basic(sandbox, secret="nope")
    code = get_code(client, sandbox)
    response = client.post(f"{sandbox.xee_root}/auth/access_token", headers=headers,
                           data={"grant_type": "authorization_code", "code": code})
    assert (response.status_code, response.json()) == (403, INVALID_AUTHENTICATION)


def test_unknown_code_is_403(client, sandbox):
    response = exchange(client, sandbox, "0" * 40)
    assert (response.status_code, response.json()) == (403, INVALID_AUTHENTICATION)


def test_refresh_rotates_the_refresh_token(client, sandbox):
    first = exchange(client, sandbox, get_code(client, sandbox)).json()

    def refresh(token: str):
        return client.post(f"{sandbox.xee_root}/auth/access_token", headers=basic(sandbox),
                           data={"grant_type": "refresh_token", "refresh_token": token})

    second = refresh(first["refresh_token"])
    assert second.status_code == 200
    body = second.json()
    assert body["access_token"] != first["access_token"]
    assert body["refresh_token"] != first["refresh_token"]
    assert body["scope"] == first["scope"]
    reused = refresh(first["refresh_token"])
    assert (reused.status_code, reused.json()) == (403, INVALID_AUTHENTICATION)
    assert refresh(body["refresh_token"]).status_code == 200
    new_headers = {"Authorization": f"Bearer {body['access_token']}"}
    assert client.get(f"{sandbox.xee_root}/users/me", headers=new_headers).status_code == 200


def test_refresh_after_expiry_gives_a_working_token(client, sandbox):
    first = exchange(client, sandbox, get_code(client, sandbox)).json()
    headers = {"Authorization": f"Bearer {first['access_token']}"}
    sandbox.advance_clock(3600)
    expired = client.get(f"{sandbox.xee_root}/users/me", headers=headers)
    assert (expired.status_code, expired.json()[0]["message"]) == (403, "Token has expired")
    fresh = client.post(f"{sandbox.xee_root}/auth/access_token", headers=basic(sandbox),
                        data={"grant_type": "refresh_token",
                              "refresh_token": first["refresh_token"]}).json()
    headers = {"Authorization": f"Bearer {fresh['access_token']}"}
    assert client.get(f"{sandbox.xee_root}/users/me", headers=headers).status_code == 200
