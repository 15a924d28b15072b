"""The wizard's flow, GUI-free: page order, each page's validity, transitions.

Modelled on Electrum's GUI-free wizard: a navigation map, a plain state dict, and
functions that answer "which page comes next", "is this page valid", "where do we
go back to fix this error". The Qt pages (app/ui) only bind widgets to the state
keys below and ask this module what to do; the same decisions are tested here
without Qt (tests/core/test_flow.py).

State keys (all optional until their page):
    provider, environment                       page 1
    xee_account (display name, "" = signed out), api_key            page 2
    xee_device_id, xee_pin                      page 3, Xee
    rufus_model, rufus_serial, rufus_alias, rufus_firmware          page 3, RUFUS
    zype_consumer_id, zype_email, zype_pin      page 3, Zype
    pin_failures {provider: {device id: count}} the wrong pins of providers with a pin
                                                lock (its spec's PinLock), kept across
                                                "pair another"
    result (dict) | error (dict), undone (bool) pages 5-6
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any, NamedTuple

from app.core import providers, times, validation  # noqa: F401  (flow.validation)
from app.core.errors import InputError, ProviderError
from app.core.messages import FLOW, Message
from app.core.pages import Page
from app.core.providers import (  # noqa: F401  (names of this module before the specs)
    CANCELLED_WHILE_WAITING_ANY,
    CHECK_RUFUS_FOUND,
    CHECK_RUFUS_MISSING,
    CHECK_XEE_FOUND,
    CHECK_XEE_MISSING,
    CHECK_ZYPE_ELSEWHERE,
    CHECK_ZYPE_FOUND,
    CHECK_ZYPE_MISSING,
    CHECK_ZYPE_NO_CONSUMER,
    CHECK_ZYPE_NO_EMAIL,
    DEMO,
    DEVICE_KEYS,
    FIELDS,
    ONLINE_SANDBOX,
    PRODUCTION,
    PROVIDERS,
    Field,
    KeyCheck,
    OutcomeCheck,
    PinLock,
    ProviderInfo,
)
from app.core.providers import as_dict as _as_dict
from app.core.providers import text as _text
from app.core.times import TimeFormat

PAGE_ORDER: tuple[Page, ...] = tuple(Page)

# The navigation map: where "Next" leads from each page. PAIRING moves on by itself
# when the request ends; RESULT is the end (Finish, Pair another, or back to fix).
NAVIGATION: dict[Page, Page | None] = {
    Page.PROVIDER: Page.CREDENTIALS,
    Page.CREDENTIALS: Page.DEVICE,
    Page.DEVICE: Page.REVIEW,
    Page.REVIEW: Page.PAIRING,
    Page.PAIRING: Page.RESULT,
    Page.RESULT: None,
}

# Where "Back" leads. PAIRING has none (a request is in flight: Cancel instead);
# RESULT's back depends on the outcome (see previous_page).
BACK: dict[Page, Page | None] = {
    Page.PROVIDER: None,
    Page.CREDENTIALS: Page.PROVIDER,
    Page.DEVICE: Page.CREDENTIALS,
    Page.REVIEW: Page.DEVICE,
    Page.PAIRING: None,
    Page.RESULT: None,
}

PAGE_TITLES: dict[Page, str] = {
    Page.PROVIDER: "Provider",
    Page.CREDENTIALS: "Credentials",
    Page.DEVICE: "Device",
    Page.REVIEW: "Review",
    Page.PAIRING: "Pairing",
    Page.RESULT: "Result",
}


# --- providers and environments -------------------------------------------------
# Each provider's data and calls are its spec (app.core.providers); PROVIDERS (its
# ProviderInfo by key), FIELDS and DEVICE_KEYS are the registry's views.

def provider_info(provider: str | None) -> ProviderInfo | None:
    """The provider's display data; None before a provider is chosen (or for an unknown
    one)."""
    return PROVIDERS.get(provider or "")


def api_class(provider: str) -> Any:
    """The provider's client class (XeeAPI, RufusAPI, ZypeAPI), imported on first use."""
    import importlib

    module, _, name = PROVIDERS[provider].api.partition(":")
    return getattr(importlib.import_module(module), name)


ENVIRONMENT_TITLES = {
    DEMO: "Offline demo (built-in sandbox)",
    ONLINE_SANDBOX: "Online sandbox (the provider's test service)",
    PRODUCTION: "Production (real customers)",
}

def environments_for(provider: str | None) -> tuple[str, ...]:
    spec = providers.spec(provider)
    return spec.environments if spec else ()


# Xee outside the demo signs in with the OAuth app's own client id and secret.
_APP_CREDENTIAL = re.compile(r"[\x21-\x7e]{1,256}")


def xee_app_errors(client_id: str, secret: str, secret_stored: bool) -> dict[str, str]:
    """Problems with the Xee app's client id / secret as typed ({} when usable). An empty
    secret is fine when one is already stored in the keychain."""
    errors: dict[str, str] = {}
    client_id, secret = client_id.strip(), secret.strip()
    if not client_id:
        errors["client_id"] = ("Enter the Xee app's client id (from the Xee developer "
                               "console).")
    elif not _APP_CREDENTIAL.fullmatch(client_id):
        errors["client_id"] = ("The client id may contain only printable characters "
                               "without spaces (at most 256): copy it again.")
    if not secret and not secret_stored:
        errors["client_secret"] = "Enter the Xee app's client secret."  # noqa: S105
    elif secret and not _APP_CREDENTIAL.fullmatch(secret):
        problem = ("The client secret may contain only printable characters without spaces "
                   "(at most 256): copy it again.")
        errors["client_secret"] = problem
    return errors


# --- fields ------------------------------------------------------------------------

def columns_for(provider: str) -> list[Field]:
    """The fields of a batch file, in the template's order."""
    return [f for f in FIELDS if f.provider == provider and f.column]


def fields_for(page: Page, provider: str | None) -> list[Field]:
    return [f for f in FIELDS if f.page is page and f.provider in (provider, None)]


def identifier_label(provider: str | None, name: str) -> str:
    """The label of a history identifier (app.core.history.IDENTIFIER_FIELDS): its
    field's, else the provider's for one no field names (the result's, the sign-in's),
    else the name as recorded."""
    for f in FIELDS:
        if f.provider == provider and f.identifier == name:
            return f.label
    info = provider_info(provider)
    return dict(info.identifier_labels).get(name, name) if info else name


def field(key: str, provider: str | None) -> Field:
    for f in FIELDS:
        if f.key == key and f.provider in (provider, None):
            return f
    raise KeyError(key)


def field_error(key: str, state: Mapping[str, Any]) -> str | None:
    """The sentence to show under a field, or None when its value is fine."""
    f = field(key, state.get("provider"))
    value = _text(state, key)
    if not value.strip() and not f.required:
        return None
    try:
        f.validate(value)
    except InputError as error:
        return error.advice
    return None


def page_errors(page: Page, state: Mapping[str, Any]) -> dict[str, str]:
    """Every invalid field of a page with its sentence (empty: the page is valid)."""
    provider = state.get("provider")
    errors: dict[str, str] = {}
    if page is Page.PROVIDER:
        if provider not in PROVIDERS:
            errors["provider"] = "Choose a provider."
        elif state.get("environment") not in environments_for(provider):
            errors["environment"] = "Choose an environment."
        return errors
    info = provider_info(provider)
    if page is Page.CREDENTIALS and info and info.signs_in:
        # Xee's online sandbox needs no Authorization (api-notes; the official SDK signs
        # nothing in there): no sign-in to wait for.
        if not state.get("xee_account") and info.needs_sign_in(state.get("environment")):
            errors["xee_account"] = Message(FLOW, "Sign in with {provider} first.",
                                            provider=info.title)
        return errors
    for f in fields_for(page, provider):
        message = field_error(f.key, state)
        if message:
            errors[f.key] = message
    return errors


def is_valid(page: Page, state: Mapping[str, Any]) -> bool:
    """May the user leave this page forward? REVIEW needs every page before it valid."""
    if page is Page.REVIEW:
        return all(is_valid(p, state) for p in (Page.PROVIDER, Page.CREDENTIALS, Page.DEVICE))
    if page is Page.PAIRING:
        return bool(state.get("result") or state.get("error"))
    if page is Page.RESULT:
        return True
    return not page_errors(page, state)


def next_page(page: Page, state: Mapping[str, Any]) -> Page | None:
    """Where Next leads, or None when the page is invalid or the last one."""
    if not is_valid(page, state):
        return None
    return NAVIGATION[page]


def previous_page(page: Page, state: Mapping[str, Any]) -> Page | None:
    """Where Back leads. From a failed result: the page where the input can be fixed."""
    if page is Page.RESULT:
        error = state.get("error")
        return page_for_error(error) if error else None
    return BACK[page]


def step_target(current: Page, target: Page) -> Page | None:
    """Where a click on a sidebar step leads: only back, to a step already passed, and
    not while pairing or from the result (its own buttons say what comes next)."""
    if current in (Page.PAIRING, Page.RESULT):
        return None
    order = PAGE_ORDER
    return target if order.index(target) < order.index(current) else None


# --- the button bar, as data (the wizard's refresh() applies it) ---------------------

class Control(StrEnum):
    """What the window may focus or make the default: a bar button, or the page's own
    first control (WizardPage.first_control: a field, a provider card, the result's Fix)."""

    PAGE = "page"
    BACK = "back"
    NEXT = "next"
    PAIR = "pair"
    CANCEL = "cancel"
    FINISH = "finish"


# Which bar buttons each page shows. Pair stays (disabled) while pairing so that Cancel
# does not move; Cancel keeps its room on the result (hidden, see the wizard's _build).
BAR_BUTTONS: dict[Page, frozenset[Control]] = {
    Page.PROVIDER: frozenset({Control.NEXT, Control.CANCEL}),
    Page.CREDENTIALS: frozenset({Control.BACK, Control.NEXT, Control.CANCEL}),
    Page.DEVICE: frozenset({Control.BACK, Control.NEXT, Control.CANCEL}),
    Page.REVIEW: frozenset({Control.BACK, Control.PAIR, Control.CANCEL}),
    Page.PAIRING: frozenset({Control.PAIR, Control.CANCEL}),
    Page.RESULT: frozenset({Control.BACK, Control.FINISH}),
}


class Button(NamedTuple):
    visible: bool
    enabled: bool


class Bar(NamedTuple):
    """The window's chrome for one page and state: the page title shown or not (the
    result has its own), each bar button, the default button (Enter), where the keyboard
    focus goes when the page is shown (the first of `focus` that exists and is shown),
    and whether the page's own actions are clickable."""

    title: bool
    back: Button
    next: Button
    pair: Button
    cancel: Button
    finish: Button
    default: Control
    focus: tuple[Control, ...]
    page_actions: bool


def next_target(page: Page, state: Mapping[str, Any]) -> Page | None:
    """Where Next leads from this page, or None when Next is refused (the page is not
    valid, or Next is not what moves on from here: Pair does, or the request's end)."""
    if Control.NEXT not in BAR_BUTTONS[page]:
        return None
    return next_page(page, state)


def bar_for(page: Page, state: Mapping[str, Any], *, busy: bool = False,
            pairing: bool = False, cancelling: bool = False) -> Bar:
    """The button bar of `page`. busy: a request or a dialog is running (nothing may be
    clicked twice); pairing: the pair request is in flight; cancelling: Cancel was pressed
    during it (a second Cancel would cut its recording)."""
    shown = BAR_BUTTONS[page]

    def button(control: Control, enabled: bool) -> Button:
        return Button(control in shown, enabled)

    if page is Page.REVIEW:
        default = Control.PAIR
    elif page is Page.RESULT:
        default = Control.FINISH
    else:
        default = Control.NEXT
    focus: tuple[Control, ...]
    if page is Page.REVIEW:
        focus = (Control.PAIR,)
    elif page is Page.PAIRING:
        focus = (Control.CANCEL,)
    elif page is Page.RESULT:
        # The failure's Fix, unless the box is locked (no Fix then: another pin won't do).
        focus = ((Control.PAGE,) if state.get("error") and not box_locked(state)
                 else (Control.FINISH,))
    elif page is Page.CREDENTIALS:
        focus = (Control.PAGE, Control.NEXT)   # nothing to type (signed in): Next
    else:
        focus = (Control.PAGE,)
    return Bar(
        title=page is not Page.RESULT,
        back=button(Control.BACK, not busy and previous_page(page, state) is not None),
        next=button(Control.NEXT, not busy and next_target(page, state) is not None),
        pair=button(Control.PAIR, not busy and not pairing and is_valid(Page.REVIEW, state)),
        cancel=button(Control.CANCEL, not cancelling or not pairing),
        finish=button(Control.FINISH, not busy),
        default=default,
        focus=focus,
        page_actions=not busy,
    )


# --- what each page may do besides Next (the window asks, it names no page) -------------

class PageActions(NamedTuple):
    """A page's part in a pairing: Pair sends the request from it (to the page Pair
    leads to, pair_target); it shows the pairing's end (undo, pair another, Finish: a
    Cancel right after that end is not a wish to close; the end of a request leads there,
    outcome_page); Back from it is "Try again" (the failure cleared first: try_again)."""

    pairs: bool = False
    shows_outcome: bool = False
    back_tries_again: bool = False


PAGE_ACTIONS: dict[Page, PageActions] = {
    Page.PROVIDER: PageActions(),
    Page.CREDENTIALS: PageActions(),
    Page.DEVICE: PageActions(),
    Page.REVIEW: PageActions(pairs=True),
    Page.PAIRING: PageActions(),
    Page.RESULT: PageActions(shows_outcome=True, back_tries_again=True),
}


def page_actions(page: Page) -> PageActions:
    return PAGE_ACTIONS[page]


def pair_target(page: Page, state: Mapping[str, Any]) -> Page | None:
    """Where Pair leads from this page (the page that waits for the request), None when
    Pair is refused: a page that does not pair, or one not valid (the review: every page
    before it valid)."""
    if not PAGE_ACTIONS[page].pairs or not is_valid(page, state):
        return None
    return NAVIGATION[page]


def outcome_page() -> Page:
    """The page that shows a pairing's end (its success, failure or cancel)."""
    return next(page for page in PAGE_ORDER if PAGE_ACTIONS[page].shows_outcome)


def can_undo(page: Page, state: Mapping[str, Any]) -> bool:
    """Undo may start here: the page shows a successful pairing not undone yet."""
    return PAGE_ACTIONS[page].shows_outcome and bool(state.get("result")) \
        and not state.get("undone")


def has_typed_input(state: Mapping[str, Any]) -> bool:
    """Something typed that Cancel would throw away (nothing paired yet)."""
    if state.get("result") or state.get("error"):
        return False
    return any(str(state.get(key) or "").strip() for key in ("api_key", *DEVICE_KEYS))


# --- errors: which page fixes them ---------------------------------------------------

# Fields (InputError.field, or the field an error kind points at) -> the page to fix it.
FIELD_PAGES: dict[str, Page] = {
    "provider": Page.PROVIDER,
    "environment": Page.PROVIDER,
    "base_url": Page.PROVIDER,
    "api_root": Page.PROVIDER,
    "api_key": Page.CREDENTIALS,
    "token": Page.CREDENTIALS,
    "sign_in": Page.CREDENTIALS,
    "client_id": Page.CREDENTIALS,
}

# By category when no field says better: auth problems are fixed with other
# credentials; input and refusals on the device page; network and unknown answers
# by trying again from the review page.
CATEGORY_PAGES: dict[str, Page] = {
    "input": Page.DEVICE,
    "refused": Page.DEVICE,
    "auth": Page.CREDENTIALS,
    "network": Page.REVIEW,
    "unexpected": Page.REVIEW,
}

# Kinds whose fix is not where their category says.
KIND_PAGES: dict[str, Page] = {
    "config.bad_api_root": Page.PROVIDER,      # the base URL in the settings
}


def page_for_error(error: Mapping[str, Any] | ProviderError | InputError | None) -> Page:
    """The page where the user can fix what caused `error` (a ProviderError or its dict)."""
    if error is None:
        return Page.REVIEW
    data = error_dict(error) if not isinstance(error, Mapping) else error
    kind = str(data.get("kind") or "")
    fld = data.get("field")
    if fld and str(fld) in FIELD_PAGES:
        return FIELD_PAGES[str(fld)]
    if fld:
        provider = data.get("provider")
        for f in FIELDS:
            if (f.key == fld or f.error_field == fld) and f.page is not None \
                    and provider in (f.provider, None):
                return f.page
    if kind in KIND_PAGES:
        return KIND_PAGES[kind]
    if any(info.pin_lock and kind == info.pin_lock.locked for info in PROVIDERS.values()):
        return Page.DEVICE      # a locked device (Xee's box): its page says so
    return CATEGORY_PAGES.get(str(data.get("category") or ""), Page.REVIEW)


def try_again(state: dict[str, Any]) -> Page | None:
    """"Try again" (or Back) from a failed result: clear the failure and say where its
    input can be fixed; None when no failure is shown. After an outcome that may have
    been carried out (not an input error), the review says so (`state["uncertain"]`)."""
    error = state.get("error")
    if not error:
        return None
    state["uncertain"] = bool(error.get("may_have_reached_server")) \
        and error.get("category") != "input"
    state["error"] = None
    return page_for_error(error)


# The failed result's Fix button: it leads where try_again() does, and its label names
# that page. Plain English in flow's context ("&": the mnemonic), translated by the UI.
FIX_LABELS: dict[Page, str] = {
    Page.PROVIDER: "Change the &settings",
    Page.CREDENTIALS: "Change the c&redentials",
    Page.DEVICE: "Fix the &device details",
    Page.REVIEW: "T&ry again",
}
FIX_LABEL_ELSEWHERE = "&Back"


class FixAction(NamedTuple):
    """The failed result's Fix: the page "Try again" leads to (try_again's), the button's
    label, and whether it is offered (not for a locked box: another pin will not help)."""

    page: Page
    label: str
    offered: bool


def fix_action(state: Mapping[str, Any]) -> FixAction | None:
    """The Fix button of the failure shown (None: no failure is shown)."""
    error = state.get("error")
    if not error:
        return None
    page = page_for_error(error)
    return FixAction(page, FIX_LABELS.get(page, FIX_LABEL_ELSEWHERE), not box_locked(state))


def handover(provider: str | None) -> providers.Handover | None:
    """The id the provider hands over to the device after a pairing (the result's key),
    the device page's note, the result page's words for it and the file it is saved to
    (the spec's; None when it hands over none)."""
    spec = providers.spec(provider)
    return spec.handover() if spec else None


def error_dict(error: Any) -> dict[str, Any]:
    """A ProviderError/InputError (or SignInError) as plain data (never a secret). Its
    advice is the error's `advice_message`: a Message in the error's own context, so the
    UI and the history translate it without guessing where a fixed sentence came from."""
    if isinstance(error, Mapping):
        return dict(error)
    if hasattr(error, "to_dict"):
        data = dict(error.to_dict())
    else:
        data = {"kind": type(error).__name__, "advice": str(error)}
    for attr in ("category", "provider", "endpoint", "field", "may_have_reached_server"):
        if attr not in data and getattr(error, attr, None) is not None:
            data[attr] = getattr(error, attr)
    advice = getattr(error, "advice_message", None)
    if isinstance(advice, Message):
        data["advice"] = advice
    data.setdefault("advice", str(error))
    return data


# What the wizard says when a pairing or an undo is cancelled. {name}: the provider's
# title. Plain English data like the rest: the history keeps it so, the UI translates.
# Each provider's own sentence, a view of the registry rebuilt on every change (a spec
# registered after this import has its sentence too).
CANCELLED_WHILE_WAITING: dict[str, str] = {}


@providers.on_change
def _cancel_sentences() -> None:
    CANCELLED_WHILE_WAITING.clear()
    CANCELLED_WHILE_WAITING.update(
        (key, spec.cancelled_while_waiting) for key, spec in providers.SPECS.items())


SOME_PROVIDER = "the provider"
CANCELLED_BEFORE_SENDING = ("Pairing was cancelled before the request was sent: nothing was "
                            "sent, so you can pair again right away.")
UNDO_INTERRUPTED = ("Undo interrupted by closing the window: check whether it was carried "
                    "out.")


def cancelled_error(state: Mapping[str, Any], *, sent: bool = True) -> dict[str, Any]:
    """The error data of a cancelled pairing. `sent`: the request had left, so it may
    have been carried out (the advice says how to check); else nothing was sent."""
    provider = state.get("provider")
    spec = providers.spec(provider)
    if sent:
        template = spec.cancelled_while_waiting if spec else CANCELLED_WHILE_WAITING_ANY
        advice = Message(FLOW, template, name=_provider_title(spec.info if spec else None))
    else:
        advice = Message(FLOW, CANCELLED_BEFORE_SENDING)
    return {"kind": "cancelled", "category": "network", "status": None, "type": None,
            "message": "", "tip": "", "provider": provider, "advice": advice,
            "may_have_reached_server": sent}


def undo_interrupted_error(state: Mapping[str, Any]) -> dict[str, Any]:
    """The error data of an undo cut by closing the window: it may have been carried out."""
    return {**cancelled_error(state), "advice": Message(FLOW, UNDO_INTERRUPTED)}


def sign_in_error(error: Any) -> dict[str, Any]:
    """A SignInError (app.auth) as the error data of the wizard and the history: the
    kind and provider are the error's own (provider_kind: "xee.sign_in.<kind>"), and so
    is its category (SignInError.category, as as_provider_error gives the batch): an
    unreachable Xee is a network problem, not a sign-in one."""
    return {"kind": error.provider_kind, "category": error.category,
            "status": error.status, "type": None, "message": error.provider_message or "",
            "tip": "", "advice": error.advice, "provider": error.provider, "field": "sign_in"}


def batch_problem(state: Mapping[str, Any], *, signed_in: bool) -> str | None:
    """Why a batch cannot start from the wizard's state (None: it can): the wizard's
    batch button and the batch window both ask this. `signed_in`: a sign-in session is in
    use (the wizard's Services.xee_session); where a provider's sign-in is needed, the
    account's name in the state is not enough without one (a sign-in gone or still being
    restored sends nothing)."""
    if not state.get("provider"):
        return "Choose the provider first."
    info = provider_info(state["provider"])
    session_missing = bool(info and info.needs_sign_in(state.get("environment"))
                           and not signed_in)
    if not is_valid(Page.CREDENTIALS, state) or session_missing:
        return (Message(FLOW, "Sign in to {provider} first.", provider=info.title)
                if info and info.signs_in else "Enter the api key first.")
    return None


# --- the offline demo's values ("Fill demo values") ----------------------------------

def demo_dialect() -> dict[str, dict[str, Any]]:
    """The offline demo's sandbox dialect (provider -> name -> value, from each spec's
    `demo_dialect`: Zype renews its pins), as the registry has it now."""
    return {key: dict(info.demo_dialect) for key, info in PROVIDERS.items()
            if info.demo_dialect}


def demo_api_key(fixtures: Mapping[str, Any], provider: str) -> str | None:
    """A sandbox key that can pair and undo: RUFUS READ_WRITE with unbind, Zype admin."""
    spec = providers.spec(provider)
    return spec.demo_api_key(fixtures) if spec else None


def demo_device_values(fixtures: Mapping[str, Any], state: Mapping[str, Any]) -> dict[str, str]:
    """Values the sandbox will accept: a free box, a new serial, a free fresh pin."""
    spec = providers.spec(state.get("provider"))
    return spec.demo_device_values(fixtures, state) if spec else {}


# --- wrong pins (a provider whose device locks after them: its spec's info.pin_lock) --

PIN_ATTEMPTS = 3   # the usual number of wrong pins that lock a device (PinLock.attempts)


def pin_lock(provider: str | None) -> PinLock | None:
    """The provider's pin-lock rule (its spec's info.pin_lock); None: wrong pins do not
    count."""
    info = provider_info(provider)
    return info.pin_lock if info else None


def _lock(state: Mapping[str, Any]) -> PinLock | None:
    return pin_lock(state.get("provider"))


def pin_failures_setting(provider: str | None) -> str:
    """The settings key the provider's wrong-pin counts are kept under across runs (JSON,
    load_pin_failures/dump_pin_failures: Xee's xee/pinFailures); "" without a pin lock."""
    lock = pin_lock(provider)
    return lock.setting if lock else ""


def pin_counts(state: Mapping[str, Any], provider: str | None = None) -> dict[str, int]:
    """The wrong pins counted per device of `provider` (the state's by default), from
    state["pin_failures"] ({provider: {device id: count}})."""
    key = provider if provider is not None else state.get("provider")
    return dict((state.get("pin_failures") or {}).get(key or "") or {})


def _set_counts(state: dict[str, Any], failures: Mapping[str, int]) -> None:
    every = dict(state.get("pin_failures") or {})
    every[str(state.get("provider") or "")] = dict(failures)
    state["pin_failures"] = every


def pin_failures(state: Mapping[str, Any], device_id: str) -> int:
    return int(pin_counts(state).get(device_id.strip().upper(), 0))


def record_pin_failure(state: dict[str, Any], device_id: str) -> int:
    failures = pin_counts(state)
    key = device_id.strip().upper()
    failures[key] = failures.get(key, 0) + 1
    _set_counts(state, failures)
    return failures[key]


def forget_pin_failures(state: dict[str, Any], device_id: str) -> bool:
    """After a successful pairing the count for this device starts again. True when there
    was one to forget (the caller then saves the counts)."""
    failures = pin_counts(state)
    if failures.pop(device_id.strip().upper(), None) is None:
        return False
    _set_counts(state, failures)
    return True


def _device(state: Mapping[str, Any], lock: PinLock) -> str:
    return _text(state, lock.device)


def pin_warning(state: Mapping[str, Any]) -> str | None:
    """A warning before the attempt that would lock the device, from our own count, in
    the words of its spec's PinLock.sentences."""
    lock = _lock(state)
    if lock is None:
        return None
    device_id = _device(state, lock)
    if not device_id.strip():
        return None
    failed = pin_failures(state, device_id)
    if failed <= 0:
        return None
    left = lock.attempts - failed
    words = lock.sentences
    wrong = words.wrong_many if failed > 1 else words.wrong_one
    tail = (words.probably_locked if left <= 0 else words.one_left if left == 1
            else words.some_left)
    return _lock_sentence(wrong + ": " + tail, state, lock, failed=failed, left=left)


def pin_attempts_left(state: Mapping[str, Any]) -> int:
    """Attempts left for the device on the device page before it locks (our own count)."""
    lock = _lock(state)
    if lock is None:
        return PIN_ATTEMPTS
    device_id = _device(state, lock)
    return max(lock.attempts - pin_failures(state, device_id), 0) if device_id.strip() \
        else lock.attempts


def is_last_pin_attempt(state: Mapping[str, Any]) -> bool:
    """The next pairing is the last attempt before the device locks: ask first."""
    return _lock(state) is not None and pin_attempts_left(state) == 1


def pin_result_note(state: Mapping[str, Any]) -> str | None:
    """What the result page adds after a wrong pin: the attempts left, or that the
    device is locked now (after the last failure its spec allows, not after one more
    try), in the words of its spec's PinLock.sentences."""
    error = state.get("error") or {}
    lock = _lock(state)
    if lock is None:
        return None
    words = lock.sentences
    if error.get("kind") == lock.locked:
        return _lock_sentence(words.locked_now, state, lock)
    if error.get("kind") != lock.rejected:
        return None
    left = pin_attempts_left(state)
    if left <= 0:
        return _lock_sentence(words.locked_now, state, lock)
    return _lock_sentence(words.left_one if left == 1 else words.left_many, state, lock,
                          left=left)


def _lock_sentence(template: str, state: Mapping[str, Any], lock: PinLock,
                   **values: Any) -> Message:
    """One of a pin lock's sentences (PinLock.sentences), with the values it names:
    `values`, the wrong pins that lock the device ({attempts}) and the provider's title
    ({provider})."""
    values.update(attempts=lock.attempts,
                  provider=_provider_title(provider_info(state.get("provider"))))
    named = set(re.findall(r"{(\w+)}", template))
    return Message(FLOW, template, **{k: v for k, v in values.items() if k in named})


def box_locked(state: Mapping[str, Any]) -> bool:
    """The device of the device page is locked: fixing its details will not help."""
    error = state.get("error") or {}
    lock = _lock(state)
    if lock is None:
        return False
    return error.get("kind") == lock.locked or (
        error.get("kind") == lock.rejected and pin_attempts_left(state) <= 0)


def is_pin_rejection(error: Mapping[str, Any]) -> bool:
    """The error says the pin was wrong (its provider's PinLock.rejected, Xee's 400 "Check
    the device id and the pin"): it counts against the box."""
    lock = pin_lock(error.get("provider"))
    return lock is not None and error.get("kind") == lock.rejected


# --- a pairing's end: what to record, count, forget and save -------------------------


def load_pin_failures(raw: Any) -> dict[str, int]:
    """The wrong-pin counts as saved in the settings (JSON); anything unreadable: none."""
    text = str(raw or "").strip()
    if not text or text == "{}":   # the usual start: no json to import before the paint
        return {}
    import json

    try:
        failures = json.loads(text)
        return {str(k): int(v) for k, v in failures.items()}
    except (ValueError, AttributeError, TypeError):
        return {}


def dump_pin_failures(failures: Mapping[str, int]) -> str:
    import json

    return json.dumps(dict(failures))


def history_outcome(error: Mapping[str, Any] | None) -> str | None:
    """The history's outcome of an attempt: "ok", "failed", or "unknown" when the request
    may have been carried out. None: not an attempt (an input error: nothing was sent)."""
    if error is None:
        return "ok"
    if error.get("category") == "input":
        return None
    return "unknown" if error.get("may_have_reached_server") else "failed"


class Outcome(NamedTuple):
    """What the end of a pairing or an undo means, for the wizard to apply: the history's
    action, the attempt's result and error, the provider's wrong-pin counts to keep and
    save (None: unchanged), and whether the pairing is undone now. Whether it is
    recorded, and as what, is history_outcome's decision alone (the history's writer
    asks it)."""

    action: str                        # "pair" or "undo"
    result: dict[str, Any] | None
    error: dict[str, Any] | None
    pin_failures: dict[str, int] | None = None
    undone: bool = False


def after_pair(state: Mapping[str, Any], *, result: dict[str, Any] | None = None,
               error: dict[str, Any] | None = None) -> Outcome:
    """A pairing ended with `result` or `error` (its data: error_dict, sign_in_error,
    cancelled_error). For a provider with a pin lock, a wrong pin counts against the
    device (the spec's attempts lock it); a success starts the device's count again."""
    lock = _lock(state)
    counted: dict[str, Any] = {"provider": state.get("provider"),
                               "pin_failures": {state.get("provider"): pin_counts(state)}}
    changed = False
    if error is not None:
        result = None
        if lock is not None and error.get("kind") == lock.rejected:
            record_pin_failure(counted, _device(state, lock))
            changed = True
    elif result is not None and lock is not None:
        changed = forget_pin_failures(counted, _device(state, lock))
    return Outcome("pair", result, error, pin_counts(counted) if changed else None)


def after_undo(state: Mapping[str, Any], *, error: dict[str, Any] | None = None) -> Outcome:
    """An undo ended: undone unless it failed; its result is the pairing's (the history
    records the undo with its identifiers). The pairing's own result and error stay as
    they are."""
    return Outcome("undo", state.get("result"), error, undone=error is None)


def apply_outcome(state: dict[str, Any], outcome: Outcome) -> bool:
    """The outcome into the wizard's state. True when the wrong-pin counts of the state's
    provider changed: the caller saves them (pin_failures_setting, dump_pin_failures)."""
    if outcome.action == "pair":
        state["result"], state["error"] = outcome.result, outcome.error
    if outcome.undone:
        state["undone"] = True
    if outcome.pin_failures is None:
        return False
    _set_counts(state, outcome.pin_failures)
    return True


# --- what the review page shows, and what the result page shows ---------------------

def review_rows(state: Mapping[str, Any], api_root: str | None = None) -> list[tuple[str, str]]:
    """What will be sent, where, and as whom: label/value rows (secrets masked)."""
    spec = providers.spec(state.get("provider"))
    rows: list[tuple[str, str]] = []
    if spec is None:
        return rows
    rows.append(("Provider", spec.info.title))
    rows.append(("Environment", ENVIRONMENT_TITLES.get(state.get("environment", ""), "")))
    if api_root:
        rows.append(("Server", api_root))
    rows.extend(spec.review_rows(state))
    return rows


# The result fields that are timestamps: shown as local date-times (app.core.times).
TIME_FIELDS = frozenset({"created_at", "updated_at", "deleted_at", "pin_expiration",
                         "last_telemetry_at", "last_login"})


def result_rows(state: Mapping[str, Any], time_format: TimeFormat | None = None
                ) -> list[tuple[str, str]]:
    """The details of a success that matter to the support engineer: human labels, and
    the provider's timestamps as local date-times (`time_format`: the wizard's locale
    format; by default times.local_text). Unreadable times stay as they came."""
    spec = providers.spec(state.get("provider"))
    if spec is None:
        return []
    result = spec.shown_result(state)
    rows = []
    for key, label in spec.result_labels:
        value = result.get(key)
        if value in (None, ""):
            continue
        if key in TIME_FIELDS:
            rows.append((label, times.time_text(value, time_format)))
        else:
            rows.append((label, "yes" if value is True else "no" if value is False
                         else str(value)))
    return rows


def undo_confirm(state: Mapping[str, Any]) -> str:
    """The undo's confirmation: the provider's sentence (info.undo_confirm) naming what
    its undo acts on (the spec's undo_names: the box, the serial number, the pin and the
    consumer of the pairing's result)."""
    spec = providers.known(state.get("provider"))
    return Message(FLOW, spec.info.undo_confirm, **spec.undo_names(state))


def success_title(state: Mapping[str, Any]) -> str:
    spec = providers.spec(state.get("provider"))
    if state.get("undone"):
        return spec.undone_title if spec else "Undone"
    return spec.done_title if spec else "Done"


# A cancelled pairing's title: its category is "network" (the answer did not come), but
# the engineer cancelled it, and a request that had left may have been carried out.
CANCELLED_SENT_TITLE = ("Cancelled, but the request may have reached {name}: check before "
                        "sending it again")
CANCELLED_NOT_SENT_TITLE = "Cancelled before sending: nothing was sent"


def failure_title(error: Mapping[str, Any]) -> str:
    category = error.get("category")
    if error.get("kind") == "cancelled":
        if not error.get("may_have_reached_server"):
            return CANCELLED_NOT_SENT_TITLE
        return Message(FLOW, CANCELLED_SENT_TITLE,
                       name=_provider_title(provider_info(error.get("provider"))))
    return {
        "input": "Check the input",
        "refused": "The provider refused",
        "auth": "Sign-in or key problem",
        "network": "Network problem: the request did not complete",
        "unexpected": "The answer could not be understood",
    }.get(str(category or ""), "Pairing failed")


# Keys that may go into copied diagnostics: never the api key, token, pin or body.
_DIAGNOSTIC_KEYS = ("kind", "category", "status", "type", "message", "tip", "advice",
                    "may_have_reached_server")


def diagnostics(state: Mapping[str, Any], error: Mapping[str, Any],
                when: _dt.datetime | None = None, api_root: str | None = None) -> str:
    """The text behind "Copy details": time, provider, environment, endpoint, status,
    error. Built from an allow-list, so no secret can slip in."""
    when = when or _dt.datetime.now().astimezone()
    provider = state.get("provider") or error.get("provider") or ""
    lines = [
        "Pairing Wizard — error details",
        f"Time: {when.isoformat(timespec='seconds')}",
        f"Provider: {PROVIDERS[provider].title if provider in PROVIDERS else provider}",
        f"Environment: {state.get('environment', '')}",
    ]
    if api_root:
        lines.append(f"Server: {_strip_query(api_root)}")
    if error.get("endpoint"):
        lines.append(f"Endpoint: {_strip_query(str(error['endpoint']))}")
    for key in _DIAGNOSTIC_KEYS:
        value = error.get(key)
        if value not in (None, ""):
            label = key.replace("_", " ").capitalize()
            lines.append(f"{label}: {value}")
    text = "\n".join(lines)
    for secret in _secrets(state):
        text = text.replace(secret, "•••")
    return text


def _strip_query(url: str) -> str:
    """No query (Zype's api_key travels there) and no user:password@ of an override."""
    url = url.split("?", 1)[0]
    scheme, sep, rest = url.partition("://")
    if sep and "@" in rest.split("/", 1)[0]:
        url = f"{scheme}://{rest.split('@', 1)[1]}"
    return url


def _secrets(state: Mapping[str, Any]) -> list[str]:
    """The key and every secret field's value (Field.secret: Xee's pin)."""
    keys = dict.fromkeys(["api_key", *(f.key for f in FIELDS if f.secret)])
    found = [_text(state, k).strip() for k in keys]
    return [s for s in found if len(s) >= 4]


# --- "Pair another device" ------------------------------------------------------------

OUTCOME_KEYS = ("result", "error", "undone")


def new_state(provider: str | None = None, environment: str = DEMO) -> dict[str, Any]:
    return {"provider": provider, "environment": environment, "xee_account": "",
            "xee_user_id": "", "api_key": "", **{k: "" for k in DEVICE_KEYS},
            "pin_failures": {}, "result": None, "error": None, "undone": False}


def pair_another(state: Mapping[str, Any]) -> dict[str, Any]:
    """Keep provider, environment and credentials (and the pin-failure count); clear the
    device and the outcome. RUFUS keeps model and firmware: a batch is usually alike."""
    fresh = dict(state)
    info = provider_info(state.get("provider"))
    keeps = info.keeps_on_pair_another if info else ()
    for key in DEVICE_KEYS:
        if key in keeps:
            continue
        fresh[key] = ""
    fresh.update(result=None, error=None, undone=False)
    return fresh


def start_page_after_pair_another() -> Page:
    return Page.DEVICE


def select(state: Mapping[str, Any], provider: str | None,
           environment: str | None) -> dict[str, Any]:
    """Choose provider and environment. Another provider clears the credentials and
    the device; another environment clears the credentials (a key or a sign-in
    belongs to one environment). The environment falls back to the provider's first
    when it does not offer the one asked for."""
    fresh = dict(state)
    envs = environments_for(provider)
    if environment not in envs:
        environment = envs[0] if envs else None
    if provider != state.get("provider"):
        for key in DEVICE_KEYS:
            fresh[key] = ""
    if provider != state.get("provider") or environment != state.get("environment"):
        # A typed key is kept for this session per provider and environment (never
        # written anywhere): switching provider and back gives it back.
        keys = dict(state.get("session_keys") or {})
        old = provider_info(state.get("provider"))
        if old and old.has_api_key and state.get("api_key"):
            keys[f"{state.get('provider')}/{state.get('environment')}"] = state["api_key"]
        fresh.update(api_key=keys.get(f"{provider}/{environment}", ""), xee_account="",
                     xee_user_id="", session_keys=keys)
    fresh.update(provider=provider, environment=environment, result=None, error=None,
                 undone=False)
    return fresh


# --- the requests themselves (called by the pairing page on the qasync loop) ---------

async def pair(api: Any, state: Mapping[str, Any]) -> dict[str, Any]:
    """Send the pairing request with the page values; return the result as data.

    `api` is the provider's client (XeeAPI, RufusAPI, ZypeAPI); input is validated by it
    again before anything is sent.
    """
    return await providers.known(state.get("provider")).pair(api, state)


async def undo(api: Any, state: Mapping[str, Any]) -> None:
    """Reverse a successful pairing: dissociate, unbind, or unlink."""
    await providers.known(state.get("provider")).undo(api, state)


async def check_key(api: Any, provider: str) -> KeyCheck:
    """Try the key with a harmless read, and say what a read cannot tell.

    RUFUS (access types READ: GET; WRITE: POST, PATCH; READ_WRITE: all): a GET of an
    unknown deviceid answers 404 for a key that may read, which says nothing of binding;
    a WRITE key is refused on every GET, and the status of an unknown key is
    undocumented (401 or 403), so a 403 cannot tell a WRITE key from a bad one.
    Zype: a consumer lookup with an email no one has; a Read Only key passes it."""
    spec = providers.spec(provider)
    if spec is None:
        raise ValueError(provider)
    return await spec.check_key(api)


def consumer_choices(consumers: Iterable[Any]) -> list[tuple[str, str]]:
    """(consumer id, label) for the lookup list."""
    choices = []
    for consumer in consumers:
        data = _as_dict(consumer)
        cid = str(data.get("id") or data.get("_id") or "")
        label = " — ".join(x for x in (str(data.get("email") or ""),
                                       str(data.get("name") or "").strip(), cid) if x)
        choices.append((cid, label))
    return choices


# --- after an unknown outcome ("Try again" from a timeout or a cut connection) ----------

UNCERTAIN_REVIEW = ("The last request may have been carried out: {name} did not confirm "
                    "it. Check now before sending it again.")
CHECK_FAILED = "Could not check: {advice}"


def uncertain_review_note(state: Mapping[str, Any]) -> str | None:
    """What the review page says instead of "Nothing has been sent yet" after "Try again"
    from an outcome that may have reached the provider."""
    if not state.get("uncertain"):
        return None
    info = provider_info(state.get("provider"))
    return Message(FLOW, UNCERTAIN_REVIEW, name=_provider_title(info))


def _provider_title(info: ProviderInfo | None) -> str:
    """A provider's display name (never translated), else "the provider" (translated)."""
    return info.title if info else Message(FLOW, SOME_PROVIDER)


async def check_last_request(api: Any, state: Mapping[str, Any],
                             time_format: TimeFormat | None = None) -> OutcomeCheck:
    """Was the uncertain request carried out? Read-only, with the credentials held:
    RUFUS lists devices by serial number (its times as local date-times, in
    `time_format`); Xee lists the signed-in user's cars (v3 `users/me/cars`, v4
    `users/me/vehicles`) and their boxes; Zype finds the consumer by email, then reads
    each linked device's pin (`/pin/status`)."""
    spec = providers.known(state.get("provider"))
    try:
        return await spec.check_last_request(api, state, time_format)
    except (ProviderError, InputError) as error:
        return OutcomeCheck(None, Message(FLOW, CHECK_FAILED, advice=error.advice_message))
