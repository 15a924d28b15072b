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
    xee_pin_failures {device_id: count}         kept across "pair another"
    result (dict) | error (dict), undone (bool) pages 5-6
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any, NamedTuple

from app.core import times, validation
from app.core.errors import InputError, ProviderError
from app.core.messages import FLOW, Message
from app.core.times import TimeFormat


class Page(StrEnum):
    PROVIDER = "provider"
    CREDENTIALS = "credentials"
    DEVICE = "device"
    REVIEW = "review"
    PAIRING = "pairing"
    RESULT = "result"


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

DEMO = "demo"
ONLINE_SANDBOX = "sandbox"
PRODUCTION = "production"

# NamedTuples, not frozen dataclasses: this module loads before the wizard's first
# paint, and each dataclass costs a millisecond or more to create.
class ProviderInfo(NamedTuple):
    """One provider as the wizard, the batch and the history know it: its display name
    (defined here only: errors.provider_name and every window read it), its words, and
    what it can do, as data the UI reads instead of comparing provider names."""

    key: str
    title: str            # the display name, never translated
    summary: str          # one line on the provider page
    action: str           # the verb on the pair button ("Associate", "Bind", "Link")
    undo_action: str      # the verb on the undo button
    credential: str       # "sign-in" or "api_key"
    # Environments where this provider's sign-in is not needed (Xee's online sandbox).
    sign_in_free: tuple[str, ...] = ()
    pin_lock: bool = False          # wrong pins are counted: the box locks on the third
    api_versions: bool = False      # an API version setting (xee/apiVersion)
    # The result's id the engineer hands over to the device ("" when none): shown in
    # the batch's table and named on the device page.
    handover_id: str = ""
    keeps_on_pair_another: tuple[str, ...] = ()   # device keys a batch usually shares
    lookup_field: str = ""          # the state key Enter looks up (Zype's email)
    grid_form: bool = False         # the device form in two columns (many short fields)
    default_field: tuple[str, str] = ("", "")     # (state key, setting) filled by default
    # History identifiers taken from the result (or, second, from a state key).
    result_identifiers: tuple[tuple[str, str], ...] = ()
    # The labels of the identifiers no field names (a field's identifier has its label).
    identifier_labels: tuple[tuple[str, str], ...] = ()
    # The sandbox dialect of the offline demo (name/value pairs).
    demo_dialect: tuple[tuple[str, Any], ...] = ()
    # What the pages say (plain English, translated by the UI in flow's context).
    device_title: str = ""
    device_subtitle: str = ""
    pairing_status: str = ""
    undo_confirm: str = ""          # {device}: the device id of the page
    undo_done: str = ""
    api: str = ""                   # its client class, "module:Class" (imported when used)

    @property
    def signs_in(self) -> bool:
        """The credentials page signs in (in the browser) rather than taking a key."""
        return self.credential == "sign-in"

    @property
    def has_api_key(self) -> bool:
        return self.credential == "api_key"

    def needs_sign_in(self, environment: str | None) -> bool:
        """A sign-in is needed for requests in this environment."""
        return self.signs_in and environment not in self.sign_in_free


PROVIDERS: dict[str, ProviderInfo] = {
    "xee": ProviderInfo("xee", "Xee", "Connected-car box: sign in with the customer's "
                        "Xee account, then associate the box with its pin.",
                        # Xee's dissociate "Dissociate[s] the device ... and the car"
                        # (xee-api-docs api/api/v3/devices/dissociate.md): the undo is
                        # named for what it does to the customer.
                        "Associate", "Remove the box from the car", "sign-in",
                        sign_in_free=(ONLINE_SANDBOX,), pin_lock=True, api_versions=True,
                        result_identifiers=(("user", "xee_account"),),
                        identifier_labels=(("user", "Xee account"),),
                        device_title="The Xee box",
                        device_subtitle="Enter the device id and the pin from the box's card.",
                        pairing_status="Associating the box with Xee…",
                        undo_confirm="This will remove the box {device} from the car it is "
                        "fitted to: Xee dissociates the box from the car and from the Xee "
                        "account, and the car no longer reports through it until the box is "
                        "associated again.",
                        undo_done="Done: the box is removed from the car and dissociated "
                        "from the Xee account.", api="app.core.xee:XeeAPI"),
    "rufus": ProviderInfo("rufus", "RUFUS", "Timing device: bind it to the company account "
                          "with an api key, then store the deviceid on the device.",
                          "Bind", "Unbind", "api_key", handover_id="deviceid",
                          keeps_on_pair_another=("rufus_model", "rufus_firmware",
                                                 "rufus_type"),
                          grid_form=True, default_field=("rufus_type", "rufus/defaultType"),
                          result_identifiers=(("deviceid", ""),),
                          identifier_labels=(("deviceid", "deviceid"),),
                          device_title="The RUFUS device",
                          device_subtitle="Describe the device to bind to the company "
                          "account.",
                          pairing_status="Binding the device with RUFUS…",
                          undo_confirm="This will unbind the device (RUFUS deletes its "
                          "sessions and passings).",
                          undo_done="Done: the device is unbound.",
                          api="app.core.rufus:RufusAPI"),
    "zype": ProviderInfo("zype", "Zype", "TV app: link the customer (consumer) to the pin "
                         "the TV shows, with an api key.", "Link", "Unlink", "api_key",
                         lookup_field="zype_email",
                         result_identifiers=(("linked_device_id", ""),),
                         # The demo's pins renew when they expire: a demo lasts a day.
                         demo_dialect=(("renew_pins", True),),
                         device_title="The Zype customer and pin",
                         device_subtitle="Who the TV belongs to, and the pin it shows.",
                         pairing_status="Linking the pin with Zype…",
                         undo_confirm="This will unlink the pin from the consumer.",
                         undo_done="Done: the pin is unlinked from the consumer.",
                         api="app.core.zype:ZypeAPI"),
}


def provider_info(provider: str | None) -> ProviderInfo | None:
    """The provider's spec; None before a provider is chosen (or for an unknown one)."""
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

# Which environments each provider offers (only Xee runs an online sandbox).
PROVIDER_ENVIRONMENTS: dict[str, tuple[str, ...]] = {
    "xee": (DEMO, ONLINE_SANDBOX, PRODUCTION),
    "rufus": (DEMO, PRODUCTION),
    "zype": (DEMO, PRODUCTION),
}

def environments_for(provider: str | None) -> tuple[str, ...]:
    return PROVIDER_ENVIRONMENTS.get(provider or "", ())


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

class Field(NamedTuple):
    """One field under every name it has: the wizard's state key, its validator, the
    field its InputError names, the batch file's column and the history's identifier
    ("" where it has none: the Xee pin is never an identifier)."""

    key: str               # the state key
    provider: str
    page: Page | None      # None: a batch column only
    label: str
    help: str
    validator: str         # the key in app.core.validation.VALIDATORS
    required: bool = True
    error_field: str = ""  # InputError.field of its validator
    column: str = ""       # the batch file's column
    identifier: str = ""   # the history's (and the batch journal's) identifier
    column_required: bool | None = None   # in a batch file (None: as `required`)
    object_name: str = ""  # the edit's Qt object name (automation)
    placeholder: str = ""
    unique: bool = False   # a batch file names each value once (a device is paired once)

    def validate(self, value: str) -> Any:
        """The clean value; raises InputError with a sentence."""
        return validation.VALIDATORS[self.validator](value)

    @property
    def in_column_required(self) -> bool:
        return self.required if self.column_required is None else self.column_required


FIELDS: tuple[Field, ...] = (
    Field("api_key", "rufus", Page.CREDENTIALS, "Api key",
          "The RUFUS company api key (ror-…) with WRITE or READ_WRITE access.",
          "rufus.api_key", error_field="api_key"),
    Field("api_key", "zype", Page.CREDENTIALS, "Api key",
          "An Admin api key of the Zype channel (Settings, API keys).", "zype.api_key",
          error_field="api_key"),
    Field("xee_device_id", "xee", Page.DEVICE, "Device id",
          "Printed on the box, for example E133742015.", "xee.device_id",
          error_field="device_id", column="device_id", identifier="device_id",
          object_name="xeeDeviceIdEdit", placeholder="E133742015", unique=True),
    Field("xee_pin", "xee", Page.DEVICE, "Pin",
          "On the card delivered with the box. Three wrong pins lock the box.", "xee.pin",
          error_field="pin", column="pin", object_name="xeePinEdit", placeholder="1234"),
    Field("rufus_model", "rufus", Page.DEVICE, "Model", "The device model, e.g. Model X1.",
          "rufus.model", error_field="model", column="model", identifier="model",
          object_name="rufusModelEdit", placeholder="Model X1"),
    Field("rufus_serial", "rufus", Page.DEVICE, "Serial number",
          "As printed on the device's label.", "rufus.serial_number",
          error_field="serial_number", column="serial_number", identifier="serial_number",
          object_name="rufusSerialEdit", placeholder="DEVICE-123", unique=True),
    Field("rufus_alias", "rufus", Page.DEVICE, "Alias",
          "Optional: a name to recognise the device by.", "rufus.alias", required=False,
          error_field="alias", column="alias", identifier="alias",
          object_name="rufusAliasEdit", placeholder="Front door"),
    Field("rufus_firmware", "rufus", Page.DEVICE, "Firmware",
          "Optional: the firmware version, e.g. 1.4.2.", "rufus.firmware", required=False,
          error_field="firmware", column="firmware", identifier="firmware",
          object_name="rufusFirmwareEdit", placeholder="1.4.2"),
    Field("rufus_type", "rufus", Page.DEVICE, "Type",
          "Optional: the device type, sent only when filled in (some RUFUS accounts "
          "require it).", "rufus.type", required=False, error_field="type", column="type",
          identifier="type", object_name="rufusTypeEdit", placeholder="DEVICE"),
    # A batch may give the email instead of the consumer id: the column is optional.
    Field("zype_consumer_id", "zype", Page.DEVICE, "Consumer id",
          "The customer's consumer id, or find it by email below.", "zype.consumer_id",
          error_field="consumer_id", column="consumer_id", identifier="consumer_id",
          column_required=False, object_name="zypeConsumerEdit", placeholder="5a3b…"),
    Field("zype_email", "zype", Page.DEVICE, "Customer's email",
          "Look the consumer up by the email of their account.", "zype.email",
          required=False, error_field="email", column="email", identifier="email",
          object_name="zypeEmailEdit", placeholder="name@example.com"),
    Field("zype_pin", "zype", Page.DEVICE, "Pin",
          "The 7-character pin the TV app shows, e.g. zabc123. Pins expire after 30 minutes.",
          "zype.pin", error_field="pin", column="pin", identifier="pin",
          object_name="zypePinEdit", placeholder="zabc123", unique=True),
    # The TV a batch row expects the pin to end up on (checked after linking).
    Field("zype_linked_device_id", "zype", None, "TV device id", "", "zype.linked_device_id",
          required=False, error_field="linked_device_id", column="linked_device_id",
          identifier="linked_device_id"),
)


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


def _text(state: Mapping[str, Any], key: str) -> str:
    value = state.get(key)
    return "" if value is None else str(value)


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
    info = PROVIDERS.get(provider or "")
    if page is Page.CREDENTIALS and info and info.signs_in:
        # Xee's online sandbox needs no Authorization (api-notes; the official SDK signs
        # nothing in there): no sign-in to wait for.
        if not state.get("xee_account") and info.needs_sign_in(state.get("environment")):
            errors["xee_account"] = "Sign in with Xee first."
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
    "rufus.serial_taken": Page.DEVICE,
    "xee.box_locked": Page.DEVICE,
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
    return CATEGORY_PAGES.get(str(data.get("category") or ""), Page.REVIEW)


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
CANCELLED_WHILE_WAITING = {
    "xee": "Pairing was cancelled while waiting for {name}. The request may already have "
           "reached {name}: check the user's devices before pairing again.",
    "rufus": "Pairing was cancelled while waiting for {name}. The request may already have "
             "reached {name}: look the serial number up in the RUFUS device list before "
             "pairing again.",
    "zype": "Pairing was cancelled while waiting for {name}. The request may already have "
            "reached {name}: check the pin's status before pairing again.",
}
CANCELLED_WHILE_WAITING_ANY = ("Pairing was cancelled while waiting for {name}. The request "
                               "may already have reached {name}: check before pairing again.")
SOME_PROVIDER = "the provider"
CANCELLED_BEFORE_SENDING = ("Pairing was cancelled before the request was sent: nothing was "
                            "sent, so you can pair again right away.")
UNDO_INTERRUPTED = ("Undo interrupted by closing the window: check whether it was carried "
                    "out.")


def cancelled_error(state: Mapping[str, Any], *, sent: bool = True) -> dict[str, Any]:
    """The error data of a cancelled pairing. `sent`: the request had left, so it may
    have been carried out (the advice says how to check); else nothing was sent."""
    provider = state.get("provider")
    info = PROVIDERS.get(provider or "")
    if sent:
        template = CANCELLED_WHILE_WAITING.get(provider or "", CANCELLED_WHILE_WAITING_ANY)
        advice = Message(FLOW, template, name=_provider_title(info))
    else:
        advice = Message(FLOW, CANCELLED_BEFORE_SENDING)
    return {"kind": "cancelled", "category": "network", "status": None, "type": None,
            "message": "", "tip": "", "provider": provider, "advice": advice,
            "may_have_reached_server": sent}


def undo_interrupted_error(state: Mapping[str, Any]) -> dict[str, Any]:
    """The error data of an undo cut by closing the window: it may have been carried out."""
    return {**cancelled_error(state), "advice": Message(FLOW, UNDO_INTERRUPTED)}


def sign_in_error(error: Any) -> dict[str, Any]:
    """A SignInError (app.auth) as the error data of the wizard and the history."""
    return {"kind": f"xee.sign_in.{error.kind}", "category": "auth",
            "status": error.status, "type": None, "message": error.provider_message or "",
            "tip": "", "advice": error.advice, "provider": "xee", "field": "sign_in"}


def batch_problem(state: Mapping[str, Any]) -> str | None:
    """Why a batch cannot start from the wizard's state (None: it can)."""
    if not state.get("provider"):
        return "Choose the provider first."
    if not is_valid(Page.CREDENTIALS, state):
        info = PROVIDERS.get(state["provider"])
        return ("Sign in to Xee first." if info and info.signs_in
                else "Enter the api key first.")
    return None


# --- the offline demo's values ("Fill demo values") ----------------------------------

def demo_api_key(fixtures: Mapping[str, Any], provider: str) -> str | None:
    """A sandbox key that can pair and undo: RUFUS READ_WRITE with unbind, Zype admin."""
    if provider == "rufus":
        keys = fixtures["rufus"]["api_keys"]
        best = [k for k in keys if k["access"] == "READ_WRITE" and k.get("unbind")]
        best = best or [k for k in keys if k["access"] in ("READ_WRITE", "WRITE")]
        return best[0]["key"] if best else None
    if provider == "zype":
        keys = fixtures["zype"]["api_keys"]
        best = [k for k in keys if str(k.get("type", "")).lower() == "admin"] or keys
        return best[0]["key"] if best else None
    return None


def demo_device_values(fixtures: Mapping[str, Any], state: Mapping[str, Any]) -> dict[str, str]:
    """Values the sandbox will accept: a free box, a new serial, a free fresh pin."""
    provider = state.get("provider")
    if provider == "xee":
        user_id = state.get("xee_user_id")
        for device in fixtures["xee"]["devices"]:
            mine = user_id and str(device.get("user_id")) == str(user_id)
            if (device.get("user_id") is None or mine) and not device.get("locked"):
                try:  # the sandbox also has a box of another format (a dialect's)
                    validation.validate_xee_device_id(device["id"])
                    validation.validate_xee_pin(device["pin"])
                except InputError:
                    continue
                return {"xee_device_id": device["id"], "xee_pin": device["pin"]}
        return {}
    if provider == "rufus":
        import secrets  # here: hashlib and hmac are not needed before the first paint

        serial = f"DEMO-{secrets.token_hex(3).upper()}"
        return {"rufus_model": "Model X1", "rufus_serial": serial,
                "rufus_alias": "Front door", "rufus_firmware": "1.4.2"}
    if provider == "zype":
        consumers = fixtures["zype"]["consumers"]
        pins = [p for p in fixtures["zype"]["pins"]
                if p.get("consumer_id") is None and not p.get("expired")]
        if not consumers or not pins:
            return {}
        return {"zype_email": consumers[0]["email"], "zype_consumer_id": consumers[0]["_id"],
                "zype_pin": pins[0]["pin"]}
    return {}


# --- Xee pin failures (the box locks on the third wrong pin) -------------------------

PIN_ATTEMPTS = 3


def pin_failures(state: Mapping[str, Any], device_id: str) -> int:
    return int((state.get("xee_pin_failures") or {}).get(device_id.strip().upper(), 0))


def record_pin_failure(state: dict[str, Any], device_id: str) -> int:
    failures = dict(state.get("xee_pin_failures") or {})
    key = device_id.strip().upper()
    failures[key] = failures.get(key, 0) + 1
    state["xee_pin_failures"] = failures
    return failures[key]


def forget_pin_failures(state: dict[str, Any], device_id: str) -> bool:
    """After a successful pairing the count for this box starts again. True when there
    was one to forget (the caller then saves the counts)."""
    failures = dict(state.get("xee_pin_failures") or {})
    if failures.pop(device_id.strip().upper(), None) is None:
        return False
    state["xee_pin_failures"] = failures
    return True


def pin_warning(state: Mapping[str, Any]) -> str | None:
    """A warning before the attempt that would lock the box, from our own count."""
    device_id = _text(state, "xee_device_id")
    if not device_id.strip():
        return None
    failed = pin_failures(state, device_id)
    if failed <= 0:
        return None
    left = PIN_ATTEMPTS - failed
    wrong = ("{failed} wrong pins for this box so far" if failed > 1
             else "{failed} wrong pin for this box so far")
    if left <= 0:
        return Message(FLOW, wrong + ": the box is probably locked. Contact Xee support "
                       "before trying again.", failed=failed)
    if left == 1:
        return Message(FLOW, wrong + ": one more wrong pin locks the box. Check the pin on "
                       "the box's card before pairing.", failed=failed)
    return Message(FLOW, wrong + ": {left} attempts left before the box locks. Check the "
                   "pin carefully.", failed=failed, left=left)


def pin_attempts_left(state: Mapping[str, Any]) -> int:
    """Attempts left for the box on the device page before it locks (our own count)."""
    device_id = _text(state, "xee_device_id")
    return max(PIN_ATTEMPTS - pin_failures(state, device_id), 0) if device_id.strip() \
        else PIN_ATTEMPTS


def _pin_lock(state: Mapping[str, Any]) -> bool:
    info = PROVIDERS.get(state.get("provider") or "")
    return bool(info and info.pin_lock)


def is_last_pin_attempt(state: Mapping[str, Any]) -> bool:
    """The next Associate is the last before the box locks: ask first."""
    return _pin_lock(state) and pin_attempts_left(state) == 1


BOX_LOCKED_NOW = ("That was the third wrong pin for this box: Xee has now locked it. "
                  "Contact Xee support to unlock the box; another pin will not be accepted.")
PIN_LEFT_ONE = ("Wrong pin: 1 attempt left before the box locks. Check the pin on the "
                "box's card before trying again.")
PIN_LEFT_MANY = "Wrong pin: {left} attempts left before the box locks."


def pin_result_note(state: Mapping[str, Any]) -> str | None:
    """What the result page adds after a wrong Xee pin: the attempts left, or that the box
    is locked now (after the third failure, not after a fourth try)."""
    error = state.get("error") or {}
    if not _pin_lock(state):
        return None
    if error.get("kind") == "xee.box_locked":
        return BOX_LOCKED_NOW
    if not is_pin_rejection(error):
        return None
    left = pin_attempts_left(state)
    if left <= 0:
        return BOX_LOCKED_NOW
    return PIN_LEFT_ONE if left == 1 else Message(FLOW, PIN_LEFT_MANY, left=left)


def box_locked(state: Mapping[str, Any]) -> bool:
    """The box of the device page is locked: fixing its details will not help."""
    error = state.get("error") or {}
    if not _pin_lock(state):
        return False
    return error.get("kind") == "xee.box_locked" or (
        is_pin_rejection(error) and pin_attempts_left(state) <= 0)


def is_pin_rejection(error: Mapping[str, Any]) -> bool:
    """Xee's 400 "Check the device id and the pin" counts as a failed pin for the box."""
    return error.get("kind") == "xee.pin_rejected"


# --- a pairing's end: what to record, count, forget and save -------------------------

PIN_FAILURES_SETTING = "xee/pinFailures"   # {device id: wrong pins}, JSON, across runs


def load_pin_failures(raw: Any) -> dict[str, int]:
    """The wrong-pin counts as saved in the settings (JSON); anything unreadable: none."""
    import json

    try:
        failures = json.loads(str(raw or "{}"))
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
    action, the attempt's result and error, the Xee wrong-pin counts to keep and save
    (None: unchanged), and whether the pairing is undone now. Whether it is recorded, and
    as what, is history_outcome's decision alone (the history's writer asks it)."""

    action: str                        # "pair" or "undo"
    result: dict[str, Any] | None
    error: dict[str, Any] | None
    pin_failures: dict[str, int] | None = None
    undone: bool = False


def after_pair(state: Mapping[str, Any], *, result: dict[str, Any] | None = None,
               error: dict[str, Any] | None = None) -> Outcome:
    """A pairing ended with `result` or `error` (its data: error_dict, sign_in_error,
    cancelled_error). A wrong Xee pin counts against the box (the third locks it); a
    success starts the box's count again."""
    counted: dict[str, Any] = {"xee_pin_failures": dict(state.get("xee_pin_failures") or {})}
    changed = False
    if error is not None:
        result = None
        if is_pin_rejection(error):
            record_pin_failure(counted, _text(state, "xee_device_id"))
            changed = True
    elif result is not None and _pin_lock(state):
        changed = forget_pin_failures(counted, str(result.get("device_id") or ""))
    return Outcome("pair", result, error,
                   counted["xee_pin_failures"] if changed else None)


def after_undo(state: Mapping[str, Any], *, error: dict[str, Any] | None = None) -> Outcome:
    """An undo ended: undone unless it failed; its result is the pairing's (the history
    records the undo with its identifiers). The pairing's own result and error stay as
    they are."""
    return Outcome("undo", state.get("result"), error, undone=error is None)


def apply_outcome(state: dict[str, Any], outcome: Outcome) -> bool:
    """The outcome into the wizard's state. True when the wrong-pin counts changed: the
    caller saves them (PIN_FAILURES_SETTING, dump_pin_failures)."""
    if outcome.action == "pair":
        state["result"], state["error"] = outcome.result, outcome.error
    if outcome.undone:
        state["undone"] = True
    if outcome.pin_failures is None:
        return False
    state["xee_pin_failures"] = dict(outcome.pin_failures)
    return True


# --- what the review page shows, and what the result page shows ---------------------

def mask(secret: str) -> str:
    secret = secret.strip()
    if len(secret) <= 8:
        return "•" * len(secret)
    return secret[:4] + "•" * 6 + secret[-2:]


def review_rows(state: Mapping[str, Any], api_root: str | None = None) -> list[tuple[str, str]]:
    """What will be sent, where, and as whom: label/value rows (secrets masked)."""
    provider = state.get("provider") or ""
    info = PROVIDERS.get(provider)
    rows: list[tuple[str, str]] = []
    if info is None:
        return rows
    rows.append(("Provider", info.title))
    rows.append(("Environment", ENVIRONMENT_TITLES.get(state.get("environment", ""), "")))
    if api_root:
        rows.append(("Server", api_root))
    if provider == "xee":
        rows.append(("As", Message(FLOW, "{account} (Xee sign-in)", account=state.get(
            "xee_account") or Message(FLOW, "not signed in"))))
        rows.append(("Request", "POST /devices/{id}/associate?pin=…"))
        rows.append(("Device id", _text(state, "xee_device_id").strip()))
        rows.append(("Pin", "•" * len(_text(state, "xee_pin").strip())))
    elif provider == "rufus":
        rows.append(("As", Message(FLOW, "api key {key}", key=mask(_text(state, "api_key")))))
        rows.append(("Request", "POST /devices"))
        rows.append(("Model", _text(state, "rufus_model").strip()))
        rows.append(("Serial number", _text(state, "rufus_serial").strip()))
        rows.append(("Alias", _text(state, "rufus_alias").strip() or "—"))
        rows.append(("Firmware", _text(state, "rufus_firmware").strip() or "—"))
        if _text(state, "rufus_type").strip():
            rows.append(("Type", _text(state, "rufus_type").strip()))
    elif provider == "zype":
        rows.append(("As", Message(FLOW, "api key {key}", key=mask(_text(state, "api_key")))))
        rows.append(("Request", "PUT /pin/link"))
        consumer = _text(state, "zype_consumer_id").strip()
        email = _text(state, "zype_email").strip()
        rows.append(("Consumer", f"{consumer} ({email})" if email else consumer))
        rows.append(("Pin", _text(state, "zype_pin").strip()))
    return rows


# The result fields that are timestamps: shown as local date-times (app.core.times).
TIME_FIELDS = frozenset({"created_at", "updated_at", "deleted_at", "pin_expiration",
                         "last_telemetry_at", "last_login"})


def result_rows(state: Mapping[str, Any], time_format: TimeFormat | None = None
                ) -> list[tuple[str, str]]:
    """The details of a success that matter to the support engineer: human labels, and
    the provider's timestamps as local date-times (`time_format`: the wizard's locale
    format; by default times.local_text). Unreadable times stay as they came."""
    result = state.get("result") or {}
    provider = state.get("provider")
    keys: Iterable[tuple[str, str]]
    if provider == "xee":
        keys = (("device_id", "Device id"), ("user", "Associated to"), ("user_id", "User id"))
    elif provider == "rufus":
        keys = (("deviceid", "deviceid"), ("model", "Model"),
                ("serial_number", "Serial number"), ("alias", "Alias"),
                ("firmware", "Firmware"))
    else:
        # Zype's device is a TV: its labels say so, never Xee's "Device id" (the box).
        keys = (("pin", "Pin"), ("consumer_id", "Consumer id"),
                ("linked_device_id", "TV device id"), ("linked", "Linked"),
                ("id", "Device pin id"), ("_id", "Device pin id"),
                ("device_id", "Zype device id"),
                ("pin_expiration", "Pin expires"), ("subscription_count", "Subscriptions"),
                ("site_id", "Zype site id"), ("created_at", "Created"),
                ("updated_at", "Updated"))
    if state.get("undone") and provider == "zype":
        # After Unlink the pin is no longer linked: the details must not say it still is.
        result = {**result, "linked": False, "linked_device_id": None}
    rows = []
    for key, label in keys:
        value = result.get(key)
        if value in (None, ""):
            continue
        if key in TIME_FIELDS:
            rows.append((label, times.time_text(value, time_format)))
        else:
            rows.append((label, "yes" if value is True else "no" if value is False
                         else str(value)))
    return rows


def success_title(state: Mapping[str, Any]) -> str:
    provider = state.get("provider")
    if state.get("undone"):
        return {"xee": "Box removed from the car", "rufus": "Device unbound",
                "zype": "Pin unlinked"}.get(provider or "", "Undone")
    return {"xee": "Device associated", "rufus": "Device bound",
            "zype": "Device linked"}.get(provider or "", "Done")


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
    found = [_text(state, k).strip() for k in ("api_key", "xee_pin")]
    return [s for s in found if len(s) >= 4]


# --- "Pair another device" ------------------------------------------------------------

DEVICE_KEYS = ("xee_device_id", "xee_pin", "rufus_model", "rufus_serial", "rufus_alias",
               "rufus_firmware", "rufus_type", "zype_consumer_id", "zype_email", "zype_pin")
OUTCOME_KEYS = ("result", "error", "undone")


def new_state(provider: str | None = None, environment: str = DEMO) -> dict[str, Any]:
    return {"provider": provider, "environment": environment, "xee_account": "",
            "xee_user_id": "", "api_key": "", **{k: "" for k in DEVICE_KEYS},
            "xee_pin_failures": {}, "result": None, "error": None, "undone": False}


def pair_another(state: Mapping[str, Any]) -> dict[str, Any]:
    """Keep provider, environment and credentials (and the pin-failure count); clear the
    device and the outcome. RUFUS keeps model and firmware: a batch is usually alike."""
    fresh = dict(state)
    info = PROVIDERS.get(state.get("provider") or "")
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
        old = PROVIDERS.get(state.get("provider") or "")
        if old and old.has_api_key and state.get("api_key"):
            keys[f"{state.get('provider')}/{state.get('environment')}"] = state["api_key"]
        fresh.update(api_key=keys.get(f"{provider}/{environment}", ""), xee_account="",
                     xee_user_id="", session_keys=keys)
    fresh.update(provider=provider, environment=environment, result=None, error=None,
                 undone=False)
    return fresh


# --- the requests themselves (called by the pairing page on the qasync loop) ---------

def _as_dict(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if hasattr(value, "to_dict"):
        return dict(value.to_dict())
    import dataclasses

    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    if isinstance(value, Mapping):
        return dict(value)
    return dict(vars(value))


async def pair(api: Any, state: Mapping[str, Any]) -> dict[str, Any]:
    """Send the pairing request with the page values; return the result as data.

    `api` is the provider's client (XeeAPI, RufusAPI, ZypeAPI); input is validated by it
    again before anything is sent.
    """
    provider = state.get("provider")
    if provider == "xee":
        device_id = _text(state, "xee_device_id").strip()
        await api.associate(device_id, _text(state, "xee_pin").strip())
        return {"device_id": device_id, "user": state.get("xee_account") or "",
                "user_id": state.get("xee_user_id") or ""}
    if provider == "rufus":
        alias = _text(state, "rufus_alias").strip() or None
        firmware = _text(state, "rufus_firmware").strip() or None
        device_type = _text(state, "rufus_type").strip() or None
        binding = await api.bind(_text(state, "rufus_model").strip(),
                                 _text(state, "rufus_serial").strip(),
                                 alias=alias, firmware=firmware, type=device_type)
        return {"deviceid": binding.deviceid, "model": _text(state, "rufus_model").strip(),
                "serial_number": _text(state, "rufus_serial").strip(),
                "alias": alias or "", "firmware": firmware or ""}
    if provider == "zype":
        device_pin = await api.link(_text(state, "zype_consumer_id").strip(),
                                    _text(state, "zype_pin").strip())
        return _as_dict(device_pin)
    raise ValueError(f"unknown provider {provider!r}")


async def undo(api: Any, state: Mapping[str, Any]) -> None:
    """Reverse a successful pairing: dissociate, unbind, or unlink."""
    provider = state.get("provider")
    result = state.get("result") or {}
    if provider == "xee":
        await api.dissociate(result["device_id"])
    elif provider == "rufus":
        await api.unbind(result["deviceid"])
    elif provider == "zype":
        await api.unlink(result.get("consumer_id") or _text(state, "zype_consumer_id").strip(),
                         result.get("pin") or _text(state, "zype_pin").strip())
    else:
        raise ValueError(f"unknown provider {provider!r}")


# A deviceid no one has (64 uppercase hex): reading it is harmless.
BOGUS_RUFUS_DEVICEID = "0" * 64
HARMLESS_EMAIL = "pairing-wizard-key-check@example.invalid"


class KeyCheck(NamedTuple):
    ok: bool | None       # None: could not tell (network, unknown answer)
    message: str


async def check_key(api: Any, provider: str) -> KeyCheck:
    """Try the key with a harmless read, and say what a read cannot tell.

    RUFUS (access types READ: GET; WRITE: POST, PATCH; READ_WRITE: all): a GET of an
    unknown deviceid answers 404 for a key that may read, which says nothing of binding;
    a WRITE key is refused on every GET, and the status of an unknown key is
    undocumented (401 or 403), so a 403 cannot tell a WRITE key from a bad one.
    Zype: a consumer lookup with an email no one has; a Read Only key passes it."""
    try:
        if provider == "rufus":
            await api.get(BOGUS_RUFUS_DEVICEID)
        elif provider == "zype":
            await api.find_consumers(HARMLESS_EMAIL)
        else:
            raise ValueError(provider)
    except ProviderError as error:
        if provider == "rufus" and error.status == 404:
            return KeyCheck(True, "The key works for reading devices. Whether it may also "
                            "bind (WRITE or READ_WRITE access) cannot be tested without "
                            "binding a device: if it is a READ key, it works, but read-only: "
                            "cannot pair.")
        if provider == "rufus" and error.status == 403:
            return KeyCheck(None, "RUFUS refused to read with this key. A WRITE key may only "
                            "bind, so it can still pair, but that cannot be tested without "
                            "binding a device; the key may also be mistyped or unknown to "
                            "RUFUS. Check its access type in the RUFUS console.")
        if error.status in (401, 403):
            return KeyCheck(False, Message(FLOW, "The key was refused: {advice}",
                                           advice=error.advice_message))
        return KeyCheck(None, Message(FLOW, "Could not check the key: {advice}",
                                      advice=error.advice_message))
    if provider == "zype":
        return KeyCheck(True, "The key works for reading consumers. Whether it may link (an "
                        "Admin key) cannot be tested without linking: a Read Only key also "
                        "passes this test, and would then be refused when linking.")
    return KeyCheck(True, "The key works.")


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
CHECK_RUFUS_FOUND = ("It was carried out: RUFUS has a device with serial number {serial} "
                     "(deviceid {deviceid}; status {status}, battery {battery}, last "
                     "telemetry {telemetry}, last login {login}). Do not bind it again: "
                     "store this deviceid on the device.")
CHECK_RUFUS_MISSING = ("It was not carried out: RUFUS has no device with serial number "
                       "{serial}. You can bind it now.")
CHECK_ZYPE_FOUND = ("It was carried out: pin {pin} is linked to consumer {consumer} (TV "
                    "device id {device}). Do not link it again.")
CHECK_ZYPE_MISSING = ("It was not carried out: none of the {count} device(s) linked to "
                      "consumer {consumer} shows pin {pin}. You can link it now.")
CHECK_ZYPE_ELSEWHERE = ("Pin {pin} is linked, but to another consumer ({other}), not to "
                        "{consumer}: do not link again before the customer confirms which "
                        "account is theirs.")
CHECK_ZYPE_NO_EMAIL = ("Zype finds a consumer's linked devices through its email: enter the "
                       "customer's email on the device page (Find consumer), then Check now "
                       "again; or ask the customer whether the TV app shows the account.")
CHECK_ZYPE_NO_CONSUMER = ("Zype has no consumer {consumer} with email {email}: check the "
                          "email and the consumer id on the device page, then Check now "
                          "again.")
CHECK_XEE_FOUND = ("It was carried out: box {device} is on the signed-in account's car "
                   "“{car}”. Do not associate it again.")
CHECK_XEE_MISSING = ("It was not carried out: none of the signed-in account's {count} "
                     "car(s) has box {device}. You can associate it now (a wrong pin counts "
                     "toward Xee's lock after 3 failures).")
CHECK_FAILED = "Could not check: {advice}"


class OutcomeCheck(NamedTuple):
    done: bool | None     # None: could not tell
    message: str
    deviceid: str = ""


def uncertain_review_note(state: Mapping[str, Any]) -> str | None:
    """What the review page says instead of "Nothing has been sent yet" after "Try again"
    from an outcome that may have reached the provider."""
    if not state.get("uncertain"):
        return None
    info = PROVIDERS.get(state.get("provider") or "")
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
    provider = state.get("provider")
    try:
        if provider == "zype":
            return await _check_zype(api, state)
        if provider == "xee":
            return await _check_xee(api, state)
        return await _check_rufus(api, state, time_format)
    except (ProviderError, InputError) as error:
        return OutcomeCheck(None, Message(FLOW, CHECK_FAILED, advice=error.advice_message))


async def _check_xee(api: Any, state: Mapping[str, Any]) -> OutcomeCheck:
    device = _text(state, "xee_device_id").strip()
    cars = await api.cars()
    for car in cars:
        if (car.device_id or "").casefold() == device.casefold():
            name = car.name or " ".join(x for x in (car.brand, car.model) if x) or car.id
            if car.license_plate:
                name = f"{name}, {car.license_plate}"
            return OutcomeCheck(True, Message(FLOW, CHECK_XEE_FOUND, device=device,
                                              car=name))
    return OutcomeCheck(False, Message(FLOW, CHECK_XEE_MISSING, count=len(cars),
                                       device=device))


async def _check_zype(api: Any, state: Mapping[str, Any]) -> OutcomeCheck:
    consumer_id = _text(state, "zype_consumer_id").strip()
    email = _text(state, "zype_email").strip()
    pin = _text(state, "zype_pin").strip()
    if not email:
        return OutcomeCheck(None, CHECK_ZYPE_NO_EMAIL)
    consumers = await api.find_consumers(email)
    consumer = next((c for c in consumers if c.id == consumer_id), None)
    if consumer is None and not consumer_id and len(consumers) == 1:
        consumer = consumers[0]
    if consumer is None:
        return OutcomeCheck(None, Message(FLOW, CHECK_ZYPE_NO_CONSUMER,
                                          consumer=consumer_id or "—", email=email))
    for device in consumer.linked_devices:
        try:
            status = await api.status(device)
        except ProviderError as error:
            if error.kind == "zype.no_pin_for_device":
                continue  # a linked TV that holds no pin now: not ours
            raise
        if (status.pin or "").casefold() != pin.casefold() or not status.linked:
            continue
        if status.consumer_id and status.consumer_id != consumer.id:
            return OutcomeCheck(None, Message(
                FLOW, CHECK_ZYPE_ELSEWHERE, pin=pin, other=status.consumer_id,
                consumer=consumer.id))
        return OutcomeCheck(True, Message(FLOW, CHECK_ZYPE_FOUND, pin=pin,
                                                  consumer=consumer.id, device=device))
    return OutcomeCheck(False, Message(
        FLOW, CHECK_ZYPE_MISSING, count=len(consumer.linked_devices), consumer=consumer.id,
        pin=pin))


async def _check_rufus(api: Any, state: Mapping[str, Any],
                       time_format: TimeFormat | None) -> OutcomeCheck:
    serial = _text(state, "rufus_serial").strip()
    devices = await api.find_by_serial(serial)
    if devices:
        found = devices[0]
        battery = found.battery_percentage
        return OutcomeCheck(True, Message(
            FLOW, CHECK_RUFUS_FOUND, serial=serial, deviceid=found.deviceid,
            status=found.device_status or "—",
            battery="—" if battery is None else f"{battery} %",
            telemetry=times.time_text(found.last_telemetry_at, time_format),
            login=times.time_text(found.last_login, time_format)),
            found.deviceid)
    return OutcomeCheck(False, Message(FLOW, CHECK_RUFUS_MISSING, serial=serial))
