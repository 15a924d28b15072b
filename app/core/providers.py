"""One spec per provider: everything the wizard, the batch, the history, the CLI and the
error mapping know of a provider, in one object registered in SPECS.

A spec carries the provider's display data (ProviderInfo), its fields (one Field per
value, under every name it has: state key, validator, error field, batch column,
history identifier), its environments and API roots, the history's identifiers, what
the review and result pages show, the titles and the cancel sentence, and the calls
themselves: pair, undo, the key check, "Check now" and the batch's send and resolve.
The calls take the provider's client (XeeAPI, RufusAPI, ZypeAPI) already built, and the
wizard's state (or the batch runner and its row): app.core.flow, batch, environments,
history and http look the spec up (`spec(provider)`) instead of comparing names.

Adding a provider: a ProviderSpec subclass here, `register()`ed, plus its client
module and its sandbox.

Start-up: this module loads with app.core.flow, before the wizard's first paint. It
imports no HTTP, OAuth or database module, nor the client modules: the methods import
what they need when called. Plain classes and NamedTuples, no dataclasses (each costs a
millisecond or more to create).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, NamedTuple

from app.core import times, validation
from app.core.errors import InputError, ProviderError
from app.core.messages import BATCH, FLOW, Message
from app.core.pages import Page
from app.core.times import TimeFormat

DEMO = "demo"
ONLINE_SANDBOX = "sandbox"
PRODUCTION = "production"


class PinLockSentences(NamedTuple):
    """What the pages say of a device that locks after wrong pins, in its spec's own
    words (Xee's box, another provider's gadget): plain English, translated in flow's
    context. app.core.flow fills {failed} (the wrong pins counted), {left} (the attempts
    left), {attempts} (the wrong pins that lock it) and {provider} (the spec's title) in
    any of them. The device page's warning is `wrong_one` or `wrong_many`, ": ", then
    `probably_locked`, `one_left` or `some_left`."""

    wrong_one: str         # one wrong pin counted so far
    wrong_many: str        # {failed} wrong pins counted so far
    probably_locked: str   # ... and none left: it is probably locked
    one_left: str          # ... and the next wrong pin locks it
    some_left: str         # ... and {left} attempts left
    locked_now: str        # the result page: that wrong pin was the one that locked it
    left_one: str          # the result page: a wrong pin, one attempt left
    left_many: str         # the result page: a wrong pin, {left} attempts left


class PinLock(NamedTuple):
    """A device that locks after wrong pins (Xee's box), as its spec says it: the state
    keys of the device's id (what is counted, in upper case) and of its pin, the error
    kinds of a wrong pin (counted) and of a locked device, the settings key its counts
    are kept under across runs (JSON {device id: wrong pins}), what the pages say of it,
    and how many wrong pins lock it. app.core.flow and the controller read these; they
    name no provider's keys, nor its device."""

    device: str          # the state key of the device's id
    pin: str             # the state key of the pin
    rejected: str        # the error kind of a wrong pin: it counts against the device
    locked: str          # the error kind of a device already locked
    setting: str         # the settings key of the saved counts
    sentences: PinLockSentences   # the warnings and notes, naming the device
    attempts: int = 3    # the wrong pins that lock the device


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
    pin_lock: PinLock | None = None  # wrong pins are counted: the device locks (Xee's box)
    api_versions: bool = False      # an API version setting (xee/apiVersion)
    # The result's id the engineer hands over to the device ("" when none): shown in
    # the batch's table and named on the device page.
    handover_id: str = ""
    keeps_on_pair_another: tuple[str, ...] = ()   # device keys a batch usually shares
    lookup_field: str = ""          # the state key Enter looks up (Zype's email)
    lookup_fills: str = ""          # the state key the entry picked fills (its consumer id)
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
    undo_confirm: str = ""          # its {names}: ProviderSpec.undo_names
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
    # An example value, shown as typed; words are a Message, shown in the UI language
    # (RUFUS's alias, "Front door").
    placeholder: str = ""
    unique: bool = False   # a batch file names each value once (a device is paired once)
    # A secret the review page masks until "Show" (Xee's pin) and copied diagnostics
    # never show.
    secret: bool = False

    def validate(self, value: str) -> Any:
        """The clean value; raises InputError with a sentence."""
        return validation.VALIDATORS[self.validator](value)

    @property
    def in_column_required(self) -> bool:
        return self.required if self.column_required is None else self.column_required


class KeyCheck(NamedTuple):
    ok: bool | None       # None: could not tell (network, unknown answer)
    message: str


class OutcomeCheck(NamedTuple):
    done: bool | None     # None: could not tell
    message: str
    deviceid: str = ""


class Handover(NamedTuple):
    """The id a provider hands over to the device after a pairing (RUFUS's deviceid), all
    of it (ProviderSpec.handover(), flow.handover(provider)): `key` is the result's key
    (info.handover_id); the device page's note and the result page's and the window's
    words are Messages naming the provider's title ({provider}) and the id ({handover});
    `file(result)` is the file the result page saves it to."""

    key: str
    note: str           # the device page: what is handed over, and where it is shown
    store: str          # the result page's card: store it on the device now
    description: str    # the id's box, for screen readers
    copy_tip: str
    save_tip: str
    copied: str
    save_title: str     # the save dialog's title
    keep_title: str     # the question before the id is left neither copied nor saved
    keep_text: str
    provider: str = ""  # the spec's key: the saved file's name starts with it
    file_keys: tuple[str, ...] = ()   # the result's keys the file repeats after the id
    file_name_key: str = ""           # the one whose value ends the file's name

    def file(self, result: Mapping[str, Any]) -> tuple[str, str]:
        """The saved file's suggested name ("{provider}-{key}-{value of file_name_key}
        .txt", "device" without one) and its text (key=value lines: the id, then
        file_keys)."""
        named = text(result, self.file_name_key) if self.file_name_key else ""
        lines = [f"{key}={text(result, key)}" for key in (self.key, *self.file_keys)]
        return f"{self.provider}-{self.key}-{named or 'device'}.txt", "\n".join(lines) + "\n"


class ErrorBody:
    """What a provider's error body says (app.core.http.error_from_response): readable
    (a shape of theirs), its type, message and tip, and the error rows to match when the
    body's shape selects other ones (None: the operation's). A plain class: a NamedTuple
    costs a third of a millisecond at start-up."""

    __slots__ = ("readable", "type", "message", "tip", "rows")

    def __init__(self, readable: bool, type: str | None = None, message: str = "",
                 tip: str = "", rows: tuple[Any, ...] | None = None) -> None:
        self.readable, self.type, self.message, self.tip = readable, type, message, tip
        self.rows = rows


# What the wizard says when a pairing is cancelled. {name}: the provider's title.
CANCELLED_WHILE_WAITING_ANY = ("Pairing was cancelled while waiting for {name}. The request "
                               "may already have reached {name}: check before pairing again.")

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

# A deviceid no one has (64 uppercase hex): reading it is harmless.
BOGUS_RUFUS_DEVICEID = "0" * 64
HARMLESS_EMAIL = "pairing-wizard-key-check@example.invalid"


def text(state: Mapping[str, Any], key: str) -> str:
    value = state.get(key)
    return "" if value is None else str(value)


def mask(secret: str) -> str:
    secret = secret.strip()
    if len(secret) <= 8:
        return "•" * len(secret)
    return secret[:4] + "•" * 6 + secret[-2:]


def as_dict(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if hasattr(value, "to_dict"):
        return dict(value.to_dict())
    import dataclasses

    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)  # type: ignore[arg-type]
    if isinstance(value, Mapping):
        return dict(value)
    return dict(vars(value))


def _api_key_row(state: Mapping[str, Any]) -> tuple[str, str]:
    return ("As", Message(FLOW, "api key {key}", key=mask(text(state, "api_key"))))


class ProviderSpec:
    """A provider's data and behaviour. Subclasses set the class attributes and override
    the methods their provider needs; one instance each is registered in SPECS."""

    key = ""
    info: ProviderInfo
    fields: tuple[Field, ...] = ()
    environments: tuple[str, ...] = (DEMO, PRODUCTION)
    # API roots by environment ("production", "sandbox": the provider's own online
    # sandbox, when it has one) and the offline sandbox's prefix for the demo.
    roots: Mapping[str, str] = {}
    demo_prefix = ""
    # The identifiers the history may record (anything else is refused).
    identifier_fields: tuple[str, ...] = ()
    # The batch results file's identifier columns after the file's own (a result's id).
    result_columns: tuple[str, ...] = ()
    # The result's details that matter to the engineer: (result key, label).
    result_labels: tuple[tuple[str, str], ...] = ()
    done_title = "Done"
    undone_title = "Undone"
    cancelled_while_waiting = CANCELLED_WHILE_WAITING_ANY
    # The keys of a JSON error body that hold its message, the first found wins.
    error_message_keys: tuple[str, ...] = ("message",)
    credential_env = ""      # the CLI's environment variable for the credential
    # The result's keys the hand-over file repeats after the handed-over id (key=value
    # lines), and the one whose value ends the file's suggested name (Handover.file).
    handover_file_keys: tuple[str, ...] = ()
    handover_file_name_key = ""
    # The error kinds that stop a batch, resumably (the row stays pending, the rest are
    # not sent), with the sentence that says what to do before resuming. Any other auth
    # error stops it too, with the runner's own sentence.
    batch_stops: Mapping[str, str] = {}

    # --- environments

    def api_version(self, value: object) -> str:
        """The checked API version ("" for a provider with one version)."""
        return ""

    def cli_environments(self) -> tuple[str, ...]:
        """The command line's --env choices, production first (the default): the
        environments with a root of their own (the demo's is the running sandbox's)."""
        return (PRODUCTION, *(e for e in self.environments if e not in (DEMO, PRODUCTION)))

    def roots_for(self, version: str) -> tuple[Mapping[str, str], str]:
        """(roots by environment, demo prefix) of an API version (api_version())."""
        return self.roots, self.demo_prefix

    # --- the batch file

    def batch_columns(self) -> list[Field]:
        """The fields of a batch file, in the template's order (batch.LAYOUTS)."""
        return _in_page_order(f for f in self.fields if f.column)

    def identifier_columns(self) -> tuple[str, ...]:
        """The batch columns that are identifiers, in the template's order: what the
        journal keeps, the batch window shows and the results file repeats (never Xee's
        pin)."""
        return tuple(f.column for f in self.batch_columns() if f.identifier)

    # --- history

    def clean_identifier(self, name: str, value: str) -> str:
        """An identifier's one spelling (RUFUS deviceids in upper case)."""
        return value

    # --- review and result pages

    def review_rows(self, state: Mapping[str, Any]) -> list[tuple[str, str]]:
        """What will be sent, and as whom, after the provider/environment/server rows."""
        return []

    def shown_result(self, state: Mapping[str, Any]) -> dict[str, Any]:
        """The result as the result page shows it (after an undo too)."""
        return dict(state.get("result") or {})

    def undo_names(self, state: Mapping[str, Any]) -> dict[str, str]:
        """The values info.undo_confirm names (its {placeholders}): what undo() acts on,
        read from the pairing's result as undo() reads it (flow.undo_confirm)."""
        return {}

    # --- the requests

    async def pair(self, api: Any, state: Mapping[str, Any]) -> dict[str, Any]:
        raise NotImplementedError(self.key)

    async def undo(self, api: Any, state: Mapping[str, Any]) -> None:
        raise NotImplementedError(self.key)

    async def read_with_key(self, api: Any) -> None:
        """A harmless read with the api key (check_key); ValueError: no key to check."""
        raise ValueError(self.key)

    def key_refusal(self, error: ProviderError) -> KeyCheck | None:
        """What a refusal of read_with_key says, when the provider says better."""
        return None

    key_works = "The key works."

    async def check_key(self, api: Any) -> KeyCheck:
        try:
            await self.read_with_key(api)
        except ProviderError as error:
            special = self.key_refusal(error)
            if special is not None:
                return special
            if error.status in (401, 403):
                return KeyCheck(False, Message(FLOW, "The key was refused: {advice}",
                                               advice=error.advice_message))
            return KeyCheck(None, Message(FLOW, "Could not check the key: {advice}",
                                          advice=error.advice_message))
        return KeyCheck(True, self.key_works)

    async def check_last_request(self, api: Any, state: Mapping[str, Any],
                                 time_format: TimeFormat | None = None) -> OutcomeCheck:
        """Was the uncertain request carried out? Read-only ("Check now")."""
        raise NotImplementedError(self.key)

    # --- what is handed over to the device

    def handover(self) -> Handover | None:
        """The id handed over to the device after a pairing (`info.handover_id`): the
        device page's note, the result page's and the window's words for it and the file
        it is saved to (None when the provider hands over none)."""
        handover = self.info.handover_id
        if not handover:
            return None
        words = {"provider": self.info.title, "handover": handover}
        return Handover(
            handover,
            Message(FLOW, "{provider} answers with a {handover} that must be stored on "
                    "the device: the result page shows it with Copy and Save.", **words),
            Message(FLOW, "Store this {handover} on the device. Copy it or save it to a "
                    "file now: it is what the device authenticates with.", **words),
            Message(FLOW, "The {handover} {provider} returned: store it on the device",
                    **words),
            Message(FLOW, "Copy the {handover} to the clipboard", **words),
            Message(FLOW, "Save the {handover} to a text file", **words),
            Message(FLOW, "{handover} copied to the clipboard.", **words),
            Message(FLOW, "Save the {handover}", **words),
            Message(FLOW, "Keep the {handover}?", **words),
            Message(FLOW, "The {handover} was neither copied nor saved. The device needs "
                    "it, and {provider} will not show it again.", **words),
            self.key, self.handover_file_keys, self.handover_file_name_key)

    # --- the offline demo's values

    def demo_api_key(self, fixtures: Mapping[str, Any]) -> str | None:
        return None

    def demo_device_values(self, fixtures: Mapping[str, Any],
                           state: Mapping[str, Any]) -> dict[str, str]:
        return {}

    # --- errors

    def read_error_body(self, body: Any, operation: str) -> ErrorBody:
        """The provider's error body (app.core.http.Body) read: JSON {message} by
        default (error_message_keys)."""
        if body.kind not in ("json", "empty"):
            return ErrorBody(False)
        from app.core.http import clean_text

        data = body.data if isinstance(body.data, dict) else {}
        message = ""
        for key in self.error_message_keys:
            message = message or clean_text(data.get(key))
        return ErrorBody(body.kind == "empty" or isinstance(body.data, dict), None, message)

    # --- the command line (app/cli.py builds its parser and runs pair, unpair and
    # device from these, and gives a provider that signs in login and logout;
    # argparse's objects are passed in, never imported here)

    # The commands that take this provider ("pair", "unpair", "device"): their help.
    cli_commands: Mapping[str, str] = {}
    # The format options (argparse dest, setting) that change what validation accepts
    # (Xee's --device-id-pattern, --pin-pattern): put in force by use_formats().
    format_settings: tuple[tuple[str, str], ...] = ()

    def add_cli_options(self, command: str, parser: Any) -> None:
        """Add this provider's own options of `command` to its subparser (the shared
        ones, endpoint, credential, --timeout and --json, come after them; login and
        logout, of a provider that signs in: after the endpoint's, before --json). The
        parser knows type="seconds", the command line's number of seconds."""

    def add_format_options(self, parser: Any) -> None:
        """Add the options of format_settings (their argparse dests), with their help,
        to a command that validates this provider's values (pair, unpair, batch)."""

    def use_formats(self, patterns: Mapping[str, str | None]) -> None:
        """Put the format settings (setting -> pattern; None: the usual format) in
        force for every validation. InputError for a pattern that cannot be used."""

    def cli_action(self, command: str, args: Any, setting: Callable[[str], Any]
                   ) -> Callable[[Any], Awaitable[tuple[Any, str]]]:
        """`command` ("pair", "unpair", "device") with the parsed `args`: a coroutine
        function of the provider's client returning (the --json result, the text).
        `setting(key)` reads IT's managed configuration (e.g. "rufus/defaultType")."""
        raise NotImplementedError(f"{self.key} {command}")

    # --- the batch (app.core.batch.BatchRunner calls these with itself; they use its
    # public interface only: api, values_of, defaults, memo, call, check, settle,
    # send_again)

    def batch_file_problems(self, names: list[str]) -> list[Any]:
        """Problems of a batch file's header beyond missing and unknown columns."""
        return []

    def batch_row_problems(self, values: Mapping[str, Any]) -> list[Any]:
        """Problems of a row beyond each value's own."""
        return []

    def batch_late_success(self, error: ProviderError, row: Any) -> str | None:
        """The result of an earlier try of `row` that `error` shows landed (None)."""
        return None

    def batch_defaults(self, setting: Callable[[str], Any]) -> dict[str, str]:
        """What a batch sends for a column its rows leave empty (column -> value), read
        with `setting(key)` (IT's managed configuration, the wizard's settings) when
        the run starts (the runner's `defaults`): the field the device page fills by
        default (info.default_field: RUFUS's type from rufus/defaultType)."""
        key, name = self.info.default_field
        column = next((f.column for f in self.fields if f.key == key and f.column), "")
        value = str(setting(name) or "").strip() if column and name else ""
        return {column: value} if value else {}

    async def batch_send(self, runner: Any, row: Any, values: Mapping[str, str]) -> str | None:
        raise NotImplementedError(self.key)

    async def batch_resolve(self, runner: Any, row: Any, error: ProviderError | None,
                            reason: str) -> None:
        """The request of `row` may have reached the provider: find out, never re-send
        blindly (the row ends final, or pending to be sent again)."""
        await runner.settle(row, "unknown", error=error)


# --- Xee ------------------------------------------------------------------------------

class XeeSpec(ProviderSpec):
    key = "xee"
    info = ProviderInfo(
        "xee", "Xee", "Connected-car box: sign in with the customer's "
        "Xee account, then associate the box with its pin.",
        # Xee's dissociate "Dissociate[s] the device ... and the car"
        # (xee-api-docs api/api/v3/devices/dissociate.md): the undo is
        # named for what it does to the customer.
        "Associate", "Remove the box from the car", "sign-in",
        sign_in_free=(ONLINE_SANDBOX,), api_versions=True,
        # Xee locks the box on the third wrong pin; the counts stay under xee/pinFailures
        # (the setting's name and JSON are those of earlier versions: their counts read).
        pin_lock=PinLock("xee_device_id", "xee_pin", "xee.pin_rejected", "xee.box_locked",
                         "xee/pinFailures", PinLockSentences(
            "{failed} wrong pin for this box so far",
            "{failed} wrong pins for this box so far",
            "the box is probably locked. Contact {provider} support before trying again.",
            "one more wrong pin locks the box. Check the pin on the box's card before "
            "pairing.",
            "{left} attempts left before the box locks. Check the pin carefully.",
            "That was the third wrong pin for this box: {provider} has now locked it. "
            "Contact {provider} support to unlock the box; another pin will not be "
            "accepted.",
            "Wrong pin: 1 attempt left before the box locks. Check the pin on the box's "
            "card before trying again.",
            "Wrong pin: {left} attempts left before the box locks.")),
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
        "from the Xee account.", api="app.core.xee:XeeAPI")
    fields = (
        Field("xee_device_id", "xee", Page.DEVICE, "Device id",
              "Printed on the box, for example E133742015.", "xee.device_id",
              error_field="device_id", column="device_id", identifier="device_id",
              object_name="xeeDeviceIdEdit", placeholder="E133742015", unique=True),
        Field("xee_pin", "xee", Page.DEVICE, "Pin",
              "On the card delivered with the box. Three wrong pins lock the box.",
              "xee.pin", error_field="pin", column="pin", object_name="xeePinEdit",
              placeholder="1234", secret=True),
    )
    environments = (DEMO, ONLINE_SANDBOX, PRODUCTION)
    roots = {PRODUCTION: "https://cloud.xee.com/v3", ONLINE_SANDBOX: "https://sandbox.xee.com/v3"}
    demo_prefix = "/xee/v3"
    identifier_fields = ("device_id", "user")
    result_labels = (("device_id", "Device id"), ("user", "Associated to"),
                     ("user_id", "User id"))
    done_title = "Device associated"
    undone_title = "Box removed from the car"
    cancelled_while_waiting = (
        "Pairing was cancelled while waiting for {name}. The request may already have "
        "reached {name}: check the user's devices before pairing again.")
    credential_env = "XEE_ACCESS_TOKEN"
    # A sign-in whose access token expired and whose refresh Xee refused (app.auth's
    # SignInError "session_expired" as a ProviderError): sign in again, then resume.
    batch_stops = {"xee.sign_in.session_expired": Message(
        BATCH, "The Xee sign-in has expired and Xee refused to renew it. The batch "
        "stopped; nothing is lost: sign in to Xee again, then run it again with "
        "--resume.")}

    def api_version(self, value: object) -> str:
        from app.core.environments import xee_api_version

        return xee_api_version(value)

    def roots_for(self, version: str) -> tuple[Mapping[str, str], str]:
        if version == "v4":
            from app.core.environments import XEE_V4_ROOTS

            return XEE_V4_ROOTS, "/xee/v4"
        return self.roots, self.demo_prefix

    def review_rows(self, state: Mapping[str, Any]) -> list[tuple[str, str]]:
        return [
            ("As", Message(FLOW, "{account} (Xee sign-in)", account=state.get(
                "xee_account") or Message(FLOW, "not signed in"))),
            ("Request", "POST /devices/{id}/associate?pin=…"),
            ("Device id", text(state, "xee_device_id").strip()),
            ("Pin", "•" * len(text(state, "xee_pin").strip())),
        ]

    async def pair(self, api: Any, state: Mapping[str, Any]) -> dict[str, Any]:
        device_id = text(state, "xee_device_id").strip()
        await api.associate(device_id, text(state, "xee_pin").strip())
        return {"device_id": device_id, "user": state.get("xee_account") or "",
                "user_id": state.get("xee_user_id") or ""}

    async def undo(self, api: Any, state: Mapping[str, Any]) -> None:
        await api.dissociate((state.get("result") or {})["device_id"])

    def undo_names(self, state: Mapping[str, Any]) -> dict[str, str]:
        return {"device": text(state.get("result") or {}, "device_id")}

    async def check_last_request(self, api: Any, state: Mapping[str, Any],
                                 time_format: TimeFormat | None = None) -> OutcomeCheck:
        device = text(state, "xee_device_id").strip()
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

    def demo_device_values(self, fixtures: Mapping[str, Any],
                           state: Mapping[str, Any]) -> dict[str, str]:
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

    def read_error_body(self, body: Any, operation: str) -> ErrorBody:
        from app.core import errors_table as table
        from app.core.http import xee_error_fields

        fields = xee_error_fields(body)
        if fields is None:
            return ErrorBody(False)
        rows = (table.XEE_V4_ROWS.get(operation, ()) + table.XEE_V4_AUTH_ROWS
                if fields.v4 else None)
        return ErrorBody(True, fields.type, fields.message, fields.tip, rows)

    cli_commands = {"pair": "associate a Xee device with its pin",
                    "unpair": "Remove the box from the car (Xee's dissociate)"}
    format_settings = (("device_id_pattern", "xee/deviceIdPattern"),
                       ("pin_pattern", "xee/pinPattern"))

    def add_cli_options(self, command: str, parser: Any) -> None:
        if command == "pair":
            parser.add_argument("--device", required=True,
                                help="the device id (e.g. E133742015)")
            parser.add_argument("--pin", required=True)
        elif command == "unpair":
            parser.add_argument("--device", required=True)
        elif command == "login":   # Xee's OAuth in the system browser (app.auth)
            parser.add_argument("--client-id",
                                help="this app's Xee client id (default: $XEE_CLIENT_ID)")
            parser.add_argument("--client-secret", help="(default: $XEE_CLIENT_SECRET); "
                                "visible to other local users: prefer --client-secret-file")
            parser.add_argument("--client-secret-file", metavar="PATH",
                                help="read the client secret from the first line of PATH "
                                "(- for stdin)")
            parser.add_argument("--timeout", type="seconds", default=300.0,
                                help="seconds to wait for the browser sign-in (default 300)")
            parser.add_argument("--no-browser", action="store_true",
                                help="only print the URL")
            parser.add_argument("--redirect-uri", default="",
                                help="the redirect URI registered for the Xee app, e.g. "
                                "http://localhost:8080/callback (default: 127.0.0.1, any free "
                                "port)")
            parser.add_argument("--redirect-ports", default="",
                                help="comma-separated ports registered for the Xee app, tried "
                                "in order")
            parser.add_argument("--no-state-echo", action="store_true",
                                help="Xee does not echo state: accept its redirect without "
                                "state, then confirm the signed-in account")
            parser.add_argument("--no-scope", action="store_true",
                                help="send no scope (the scopes set on the client at Xee "
                                "apply)")
            parser.add_argument("--scopes", default="",
                                help="space-separated scopes to ask for (default: "
                                "devices_management users_read cars_read)")

    def add_format_options(self, parser: Any) -> None:
        parser.add_argument("--device-id-pattern", default="",
                            help="Xee: a regular expression the device id must match "
                            "(default: exactly 10 letters or digits; setting "
                            "xee/deviceIdPattern)")
        parser.add_argument("--pin-pattern", default="",
                            help="Xee: a regular expression the pin must match (default: "
                            "exactly 4 digits; setting xee/pinPattern)")

    def use_formats(self, patterns: Mapping[str, str | None]) -> None:
        validation.set_xee_formats(patterns.get("xee/deviceIdPattern"),
                                   patterns.get("xee/pinPattern"))

    def cli_action(self, command: str, args: Any, setting: Callable[[str], Any]
                   ) -> Callable[[Any], Awaitable[tuple[Any, str]]]:
        async def act(xee: Any) -> tuple[Any, str]:
            if command == "pair":
                await xee.associate(args.device, args.pin)
                return ({"device_id": args.device.strip(), "associated": True},
                        f"Associated device {args.device.strip()}.")
            await xee.dissociate(args.device)
            return ({"device_id": args.device.strip(), "associated": False},
                    f"Box {args.device.strip()} removed from its car.")
        return act

    async def batch_send(self, runner: Any, row: Any, values: Mapping[str, str]) -> str | None:
        await runner.call(lambda xee: xee.associate(values["device_id"], values["pin"]))
        return "associated"

    async def _box_is_on_a_car(self, runner: Any, row: Any) -> bool:
        """Whether the signed-in user's cars carry the row's box (v3 users/me/cars needs
        cars_read: without it, or without an answer, we cannot tell and resend)."""
        device = runner.values_of(row)["device_id"].casefold()
        cars = await runner.check(lambda: runner.call(lambda xee: xee.cars()),
                                  refusal_stops=False)
        return any((car.device_id or "").casefold() == device for car in cars or ())

    async def batch_resolve(self, runner: Any, row: Any, error: ProviderError | None,
                            reason: str) -> None:
        if await self._box_is_on_a_car(runner, row):
            await runner.settle(row, "done", result="associated", message=Message(
                BATCH, "Xee's answer was lost ({reason}); the account's cars show the "
                "box.", reason=reason))
            return
        # Re-associating to the same user is a 204 (idempotent): resending is safe.
        resends = row.attempts - 1
        if resends < 2:
            await runner.send_again(row, Message(BATCH, "Sent again after an uncertain "
                                                 "answer ({reason}).", reason=reason))
            return
        await runner.settle(row, "unknown", error=error, message=Message(
            BATCH, "Xee's answer was lost several times: check by hand whether the box "
            "is associated (Xee app or console)."))


# --- RUFUS ----------------------------------------------------------------------------

class RufusSpec(ProviderSpec):
    key = "rufus"
    info = ProviderInfo(
        "rufus", "RUFUS", "Timing device: bind it to the company account "
        "with an api key, then store the deviceid on the device.",
        "Bind", "Unbind", "api_key", handover_id="deviceid",
        keeps_on_pair_another=("rufus_model", "rufus_firmware", "rufus_type"),
        grid_form=True, default_field=("rufus_type", "rufus/defaultType"),
        result_identifiers=(("deviceid", ""),),
        identifier_labels=(("deviceid", "deviceid"),),
        device_title="The RUFUS device",
        device_subtitle="Describe the device to bind to the company account.",
        pairing_status="Binding the device with RUFUS…",
        undo_confirm="This will unbind the device with serial number {serial} "
        "(RUFUS deletes its sessions and passings).",
        undo_done="Done: the device is unbound.",
        api="app.core.rufus:RufusAPI")
    fields = (
        Field("api_key", "rufus", Page.CREDENTIALS, "Api key",
              "The RUFUS company api key (ror-…) with WRITE or READ_WRITE access.",
              "rufus.api_key", error_field="api_key"),
        Field("rufus_model", "rufus", Page.DEVICE, "Model", "The device model, e.g. Model X1.",
              "rufus.model", error_field="model", column="model", identifier="model",
              object_name="rufusModelEdit", placeholder="Model X1"),
        Field("rufus_serial", "rufus", Page.DEVICE, "Serial number",
              "As printed on the device's label.", "rufus.serial_number",
              error_field="serial_number", column="serial_number",
              identifier="serial_number", object_name="rufusSerialEdit",
              placeholder="DEVICE-123", unique=True),
        Field("rufus_alias", "rufus", Page.DEVICE, "Alias",
              "Optional: a name to recognise the device by.", "rufus.alias",
              required=False, error_field="alias", column="alias", identifier="alias",
              object_name="rufusAliasEdit", placeholder=Message(FLOW, "Front door")),
        Field("rufus_firmware", "rufus", Page.DEVICE, "Firmware",
              "Optional: the firmware version, e.g. 1.4.2.", "rufus.firmware",
              required=False, error_field="firmware", column="firmware",
              identifier="firmware", object_name="rufusFirmwareEdit", placeholder="1.4.2"),
        Field("rufus_type", "rufus", Page.DEVICE, "Type",
              "Optional: the device type, sent only when filled in (some RUFUS accounts "
              "require it).", "rufus.type", required=False, error_field="type",
              column="type", identifier="type", object_name="rufusTypeEdit",
              placeholder="DEVICE"),
    )
    roots = {PRODUCTION: "https://api.runonrufus.com/v0"}
    demo_prefix = "/rufus/v0"
    identifier_fields = ("serial_number", "model", "alias", "firmware", "deviceid", "type")
    result_columns = ("deviceid",)
    result_labels = (("deviceid", "deviceid"), ("model", "Model"),
                     ("serial_number", "Serial number"), ("alias", "Alias"),
                     ("firmware", "Firmware"))
    done_title = "Device bound"
    undone_title = "Device unbound"
    cancelled_while_waiting = (
        "Pairing was cancelled while waiting for {name}. The request may already have "
        "reached {name}: look the serial number up in the RUFUS device list before "
        "pairing again.")
    error_message_keys = ("description", "message")
    credential_env = "RUFUS_API_KEY"
    handover_file_keys = ("model", "serial_number")
    handover_file_name_key = "serial_number"

    def clean_identifier(self, name: str, value: str) -> str:
        # RUFUS deviceids are hex; upper case is their one spelling
        return value.upper() if name == "deviceid" else value

    def review_rows(self, state: Mapping[str, Any]) -> list[tuple[str, str]]:
        rows = [
            _api_key_row(state),
            ("Request", "POST /devices"),
            ("Model", text(state, "rufus_model").strip()),
            ("Serial number", text(state, "rufus_serial").strip()),
            ("Alias", text(state, "rufus_alias").strip() or "—"),
            ("Firmware", text(state, "rufus_firmware").strip() or "—"),
        ]
        if text(state, "rufus_type").strip():
            rows.append(("Type", text(state, "rufus_type").strip()))
        return rows

    async def pair(self, api: Any, state: Mapping[str, Any]) -> dict[str, Any]:
        alias = text(state, "rufus_alias").strip() or None
        firmware = text(state, "rufus_firmware").strip() or None
        device_type = text(state, "rufus_type").strip() or None
        binding = await api.bind(text(state, "rufus_model").strip(),
                                 text(state, "rufus_serial").strip(),
                                 alias=alias, firmware=firmware, type=device_type)
        return {"deviceid": binding.deviceid, "model": text(state, "rufus_model").strip(),
                "serial_number": text(state, "rufus_serial").strip(),
                "alias": alias or "", "firmware": firmware or ""}

    async def undo(self, api: Any, state: Mapping[str, Any]) -> None:
        await api.unbind((state.get("result") or {})["deviceid"])

    def undo_names(self, state: Mapping[str, Any]) -> dict[str, str]:
        # The serial number on the device's label (undo unbinds its deviceid).
        return {"serial": text(state.get("result") or {}, "serial_number")}

    async def read_with_key(self, api: Any) -> None:
        # RUFUS (access types READ: GET; WRITE: POST, PATCH; READ_WRITE: all): a GET of
        # an unknown deviceid answers 404 for a key that may read, which says nothing of
        # binding; a WRITE key is refused on every GET, and the status of an unknown key
        # is undocumented (401 or 403), so a 403 cannot tell a WRITE key from a bad one.
        await api.get(BOGUS_RUFUS_DEVICEID)

    def key_refusal(self, error: ProviderError) -> KeyCheck | None:
        if error.status == 404:
            return KeyCheck(True, "The key works for reading devices. Whether it may also "
                            "bind (WRITE or READ_WRITE access) cannot be tested without "
                            "binding a device: if it is a READ key, it works, but read-only: "
                            "cannot pair.")
        if error.status == 403:
            return KeyCheck(None, "RUFUS refused to read with this key. A WRITE key may only "
                            "bind, so it can still pair, but that cannot be tested without "
                            "binding a device; the key may also be mistyped or unknown to "
                            "RUFUS. Check its access type in the RUFUS console.")
        return None

    async def check_last_request(self, api: Any, state: Mapping[str, Any],
                                 time_format: TimeFormat | None = None) -> OutcomeCheck:
        serial = text(state, "rufus_serial").strip()
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

    def demo_api_key(self, fixtures: Mapping[str, Any]) -> str | None:
        """A sandbox key that can pair and undo: READ_WRITE with unbind."""
        keys = fixtures["rufus"]["api_keys"]
        best = [k for k in keys if k["access"] == "READ_WRITE" and k.get("unbind")]
        best = best or [k for k in keys if k["access"] in ("READ_WRITE", "WRITE")]
        return best[0]["key"] if best else None

    def demo_device_values(self, fixtures: Mapping[str, Any],
                           state: Mapping[str, Any]) -> dict[str, str]:
        import secrets  # here: hashlib and hmac are not needed before the first paint

        serial = f"DEMO-{secrets.token_hex(3).upper()}"
        return {"rufus_model": "Model X1", "rufus_serial": serial,
                "rufus_alias": "Front door", "rufus_firmware": "1.4.2"}

    def batch_late_success(self, error: ProviderError, row: Any) -> str | None:
        # A 409 "serial taken" on a row sent before: our own earlier bind landing late.
        if error.kind == "rufus.serial_taken" and row.attempts > 1 \
                and error.details.get("deviceid"):
            return error.details["deviceid"]
        return None

    cli_commands = {"pair": "bind a RUFUS device and print its deviceid",
                    "unpair": "unbind a RUFUS device",
                    "device": "a RUFUS device's status, battery, last telemetry and login, "
                    "by serial number or deviceid"}
    # What `device rufus` shows of a device.
    device_fields = ("deviceid", "serial_number", "model", "alias", "firmware", "type",
                     "device_status", "battery_percentage", "last_telemetry_at",
                     "last_login", "last_seen", "creation_date", "sessions", "passings")

    def add_cli_options(self, command: str, parser: Any) -> None:
        if command == "pair":
            parser.add_argument("--model", required=True)
            parser.add_argument("--serial", required=True)
            parser.add_argument("--alias")
            parser.add_argument("--firmware")
            parser.add_argument("--type", dest="device_type",
                                help="the device type, sent only when given (some RUFUS "
                                "accounts require it; default: the managed configuration's "
                                "rufus.default_type)")
        elif command == "unpair":
            parser.add_argument("--deviceid", required=True)
        else:
            which = parser.add_mutually_exclusive_group(required=True)
            which.add_argument("--serial")
            which.add_argument("--deviceid")

    def cli_action(self, command: str, args: Any, setting: Callable[[str], Any]
                   ) -> Callable[[Any], Awaitable[tuple[Any, str]]]:
        if command == "device":
            return lambda rufus: self._show_device(rufus, args)

        async def bind(rufus: Any) -> tuple[Any, str]:
            device_type = args.device_type or setting(self.info.default_field[1]) or None
            binding = await rufus.bind(args.model, args.serial, alias=args.alias,
                                       firmware=args.firmware, type=device_type)
            return ({"deviceid": binding.deviceid, "description": binding.description},
                    f"Bound. Store this deviceid on the device:\n{binding.deviceid}")

        async def unbind(rufus: Any) -> tuple[Any, str]:
            deviceid = await rufus.unbind(args.deviceid)
            return {"deviceid": deviceid}, f"Unbound {deviceid}."
        return bind if command == "pair" else unbind

    async def _show_device(self, rufus: Any, args: Any) -> tuple[Any, str]:
        """`device rufus`: what a support engineer checks (status, battery, last
        telemetry and login), read with GET /devices/{deviceid} or the list filtered by
        serial."""
        from dataclasses import asdict

        serial = args.serial
        if args.deviceid:   # GET by id lacks the status fields: the list has them
            serial = (await rufus.get(args.deviceid)).serial_number or ""
        devices = await rufus.find_by_serial(serial) if serial else []
        if args.deviceid:
            wanted = args.deviceid.strip().upper()
            devices = [d for d in devices if d.deviceid.upper() == wanted]
        rows = [{k: asdict(d).get(k) for k in self.device_fields} for d in devices]
        if not rows:
            which = (f"the serial number {args.serial.strip()}" if args.serial
                     else f"the deviceid {args.deviceid.strip()}")
            return {"devices": []}, f"RUFUS lists no device with {which}."
        human = "\n\n".join("\n".join(f"{k}: {'—' if v is None else v}"
                                      for k, v in row.items()) for row in rows)
        return {"devices": rows}, human

    async def batch_send(self, runner: Any, row: Any, values: Mapping[str, str]) -> str | None:
        binding = await runner.api.bind(values["model"], values["serial_number"],
                                        alias=values.get("alias"),
                                        firmware=values.get("firmware"),
                                        type=values.get("type"))
        row.identifiers["deviceid"] = binding.deviceid
        return binding.deviceid

    async def batch_resolve(self, runner: Any, row: Any, error: ProviderError | None,
                            reason: str) -> None:
        serial = runner.values_of(row)["serial_number"]
        devices = await runner.check(lambda: runner.api.find_by_serial(serial))
        if devices is None:
            await runner.settle(row, "unknown", error=error, message=Message(
                BATCH, "RUFUS's answer was lost ({reason}) and the device list could not be "
                "read: check by hand whether serial number {serial} is bound (RUFUS "
                "console).", reason=reason, serial=serial))
        elif len(devices) == 1:
            row.identifiers["deviceid"] = devices[0].deviceid
            await runner.settle(row, "done", result=devices[0].deviceid, message=Message(
                BATCH, "RUFUS's answer was lost ({reason}); the device list shows it bound.",
                reason=reason))
        elif not devices:
            # The bind did not happen: sending again is safe.
            await runner.send_again(row, Message(BATCH, "Not bound after an uncertain "
                                                 "answer ({reason}): sent again.",
                                                 reason=reason))
        else:
            await runner.settle(row, "unknown", error=error, message=Message(
                BATCH, "{len_devices} RUFUS devices have serial number {serial}: check by "
                "hand which one to keep.", len_devices=len(devices), serial=serial))


# --- Zype -----------------------------------------------------------------------------

class ZypeSpec(ProviderSpec):
    key = "zype"
    info = ProviderInfo(
        "zype", "Zype", "TV app: link the customer (consumer) to the pin "
        "the TV shows, with an api key.", "Link", "Unlink", "api_key",
        lookup_field="zype_email", lookup_fills="zype_consumer_id",
        result_identifiers=(("linked_device_id", ""),),
        # The demo's pins renew when they expire: a demo lasts a day.
        demo_dialect=(("renew_pins", True),),
        device_title="The Zype customer and pin",
        device_subtitle="Who the TV belongs to, and the pin it shows.",
        pairing_status="Linking the pin with Zype…",
        undo_confirm="This will unlink the pin {pin} from the consumer {consumer}.",
        undo_done="Done: the pin is unlinked from the consumer.",
        api="app.core.zype:ZypeAPI")
    fields = (
        Field("api_key", "zype", Page.CREDENTIALS, "Api key",
              "An Admin api key of the Zype channel (Settings, API keys).", "zype.api_key",
              error_field="api_key"),
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
              "The 7-character pin the TV app shows, e.g. zabc123. Pins expire after 30 "
              "minutes.", "zype.pin", error_field="pin", column="pin", identifier="pin",
              object_name="zypePinEdit", placeholder="zabc123", unique=True),
        # The TV a batch row expects the pin to end up on (checked after linking).
        Field("zype_linked_device_id", "zype", None, "TV device id", "",
              "zype.linked_device_id", required=False, error_field="linked_device_id",
              column="linked_device_id", identifier="linked_device_id"),
    )
    roots = {PRODUCTION: "https://api.zype.com"}
    demo_prefix = "/zype"
    identifier_fields = ("consumer_id", "email", "pin", "linked_device_id")
    # Zype's device is a TV: its labels say so, never Xee's "Device id" (the box).
    result_labels = (("pin", "Pin"), ("consumer_id", "Consumer id"),
                     ("linked_device_id", "TV device id"), ("linked", "Linked"),
                     ("id", "Device pin id"), ("_id", "Device pin id"),
                     ("device_id", "Zype device id"),
                     ("pin_expiration", "Pin expires"), ("subscription_count", "Subscriptions"),
                     ("site_id", "Zype site id"), ("created_at", "Created"),
                     ("updated_at", "Updated"))
    done_title = "Device linked"
    undone_title = "Pin unlinked"
    cancelled_while_waiting = (
        "Pairing was cancelled while waiting for {name}. The request may already have "
        "reached {name}: check the pin's status before pairing again.")
    credential_env = "ZYPE_API_KEY"
    key_works = ("The key works for reading consumers. Whether it may link (an "
                 "Admin key) cannot be tested without linking: a Read Only key also "
                 "passes this test, and would then be refused when linking.")

    def review_rows(self, state: Mapping[str, Any]) -> list[tuple[str, str]]:
        consumer = text(state, "zype_consumer_id").strip()
        email = text(state, "zype_email").strip()
        return [
            _api_key_row(state),
            ("Request", "PUT /pin/link"),
            ("Consumer", f"{consumer} ({email})" if email else consumer),
            ("Pin", text(state, "zype_pin").strip()),
        ]

    def shown_result(self, state: Mapping[str, Any]) -> dict[str, Any]:
        result = dict(state.get("result") or {})
        if state.get("undone"):
            # After Unlink the pin is no longer linked: the details must not say it is.
            result.update(linked=False, linked_device_id=None)
        return result

    async def pair(self, api: Any, state: Mapping[str, Any]) -> dict[str, Any]:
        device_pin = await api.link(text(state, "zype_consumer_id").strip(),
                                    text(state, "zype_pin").strip())
        return as_dict(device_pin)

    async def undo(self, api: Any, state: Mapping[str, Any]) -> None:
        await api.unlink(*self._unlinked(state))

    def _unlinked(self, state: Mapping[str, Any]) -> tuple[str, str]:
        """(consumer id, pin) the undo unlinks: the result's, else the device page's."""
        result = state.get("result") or {}
        return (str(result.get("consumer_id") or text(state, "zype_consumer_id").strip()),
                str(result.get("pin") or text(state, "zype_pin").strip()))

    def undo_names(self, state: Mapping[str, Any]) -> dict[str, str]:
        consumer, pin = self._unlinked(state)
        return {"pin": pin, "consumer": consumer}

    async def read_with_key(self, api: Any) -> None:
        # A consumer lookup with an email no one has; a Read Only key passes it.
        await api.find_consumers(HARMLESS_EMAIL)

    async def check_last_request(self, api: Any, state: Mapping[str, Any],
                                 time_format: TimeFormat | None = None) -> OutcomeCheck:
        consumer_id = text(state, "zype_consumer_id").strip()
        email = text(state, "zype_email").strip()
        pin = text(state, "zype_pin").strip()
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
            FLOW, CHECK_ZYPE_MISSING, count=len(consumer.linked_devices),
            consumer=consumer.id, pin=pin))

    def demo_api_key(self, fixtures: Mapping[str, Any]) -> str | None:
        """A sandbox key that can pair and undo: an admin key."""
        keys = fixtures["zype"]["api_keys"]
        best = [k for k in keys if str(k.get("type", "")).lower() == "admin"] or keys
        return best[0]["key"] if best else None

    def demo_device_values(self, fixtures: Mapping[str, Any],
                           state: Mapping[str, Any]) -> dict[str, str]:
        consumers = fixtures["zype"]["consumers"]
        pins = [p for p in fixtures["zype"]["pins"]
                if p.get("consumer_id") is None and not p.get("expired")]
        if not consumers or not pins:
            return {}
        return {"zype_email": consumers[0]["email"], "zype_consumer_id": consumers[0]["_id"],
                "zype_pin": pins[0]["pin"]}

    def batch_file_problems(self, names: list[str]) -> list[Any]:
        if "consumer_id" not in names and "email" not in names:
            return [Message(BATCH, "A Zype file needs a consumer_id or an email column.")]
        return []

    def batch_row_problems(self, values: Mapping[str, Any]) -> list[Any]:
        if not (values.get("consumer_id") or values.get("email")):
            return [Message(BATCH, "Give the consumer_id or the customer's email.")]
        return []

    cli_commands = {"pair": "link a Zype consumer to the pin a TV app shows",
                    "unpair": "unlink a Zype pin from a consumer"}

    def add_cli_options(self, command: str, parser: Any) -> None:
        if command == "pair":
            who = parser.add_mutually_exclusive_group(required=True)
            who.add_argument("--consumer", help="the consumer id")
            who.add_argument("--email", help="find the consumer by email")
        else:
            parser.add_argument("--consumer", required=True)
        parser.add_argument("--pin", required=True)

    def cli_action(self, command: str, args: Any, setting: Callable[[str], Any]
                   ) -> Callable[[Any], Awaitable[tuple[Any, str]]]:
        from dataclasses import asdict

        async def link(zype: Any) -> tuple[Any, str]:
            if args.consumer:
                pin = await zype.link(args.consumer, args.pin)
                return asdict(pin), f"Linked pin {pin.pin} to consumer {pin.consumer_id}."
            consumer = await self._consumer_by_email(zype, args.email)
            pin = await zype.link(consumer.id, args.pin)
            # The lookup's linked devices, and the one just linked: what the customer has.
            devices = list(consumer.linked_devices)
            if pin.linked_device_id and pin.linked_device_id not in devices:
                devices.append(pin.linked_device_id)
            said = f"Linked pin {pin.pin} to consumer {pin.consumer_id}."
            if devices:
                said += f"\nLinked devices of {args.email.strip()}: {', '.join(devices)}."
            return {**asdict(pin), "consumer_linked_devices": devices}, said

        async def unlink(zype: Any) -> tuple[Any, str]:
            body = await zype.unlink(args.consumer, args.pin)
            return body, f"Unlinked pin {args.pin} from consumer {args.consumer}."
        return link if command == "pair" else unlink

    async def _consumer_by_email(self, zype: Any, email: str) -> Any:
        """The one Zype consumer with this email (a `Consumer`, its linked devices too)."""
        consumers = await zype.find_consumers(email)
        if len(consumers) == 1:
            return consumers[0]
        if not consumers:
            raise InputError("email", f"No Zype consumer has the email {email}: check the "
                             "spelling, or use --consumer with the consumer id.",
                             provider=self.key)
        raise InputError("email", f"{len(consumers)} Zype consumers have the email {email}: "
                         "use --consumer with the right consumer id.", provider=self.key)

    async def _batch_consumer_id(self, runner: Any, row: Any, values: Mapping[str, str]) -> str:
        """The consumer id of a row that gives the email (one lookup per email a run)."""
        email = values["email"]
        key = ("zype.consumer_id", email.lower())
        if key not in runner.memo:
            try:
                consumers = await runner.api.find_consumers(email)
            except ProviderError as error:
                error.may_have_reached_server = False  # a lookup changes nothing
                raise
            if len(consumers) != 1:
                advice = (Message(BATCH, "No Zype consumer has the email {email}: check "
                                  "it, or give the consumer_id.", email=email)
                          if not consumers else
                          Message(BATCH, "{len_consumers} Zype consumers have the email "
                                  "{email}: give the consumer_id instead.",
                                  len_consumers=len(consumers), email=email))
                raise ProviderError("zype.consumer_by_email", "refused", advice,
                                    provider=self.key)
            runner.memo[key] = consumers[0].id
        row.identifiers["consumer_id"] = runner.memo[key]
        return runner.memo[key]

    async def batch_send(self, runner: Any, row: Any, values: Mapping[str, str]) -> str | None:
        consumer_id = values.get("consumer_id") or await self._batch_consumer_id(
            runner, row, values)
        pin = await runner.api.link(consumer_id, values["pin"])
        if pin.linked_device_id:
            row.identifiers["linked_device_id"] = pin.linked_device_id
        return "linked"

    async def batch_resolve(self, runner: Any, row: Any, error: ProviderError | None,
                            reason: str) -> None:
        values = runner.values_of(row)
        device = row.identifiers.get("linked_device_id") or values.get("linked_device_id")
        consumer = row.identifiers.get("consumer_id") or values.get("consumer_id")
        status = None
        if device and consumer:
            status = await runner.check(lambda: runner.api.status(device))
        if status is not None and status.pin == values["pin"]:
            if status.linked and status.consumer_id == consumer:
                await runner.settle(row, "done", result="linked", message=Message(
                    BATCH, "Zype's answer was lost ({reason}); the pin's status shows it "
                    "linked.", reason=reason))
            elif not status.linked:
                await runner.send_again(row, Message(BATCH, "Not linked after an uncertain "
                                                     "answer ({reason}): sent again.",
                                                     reason=reason))
            else:
                await runner.settle(row, "unknown", error=error, message=Message(
                    BATCH, "The pin is linked to another consumer: check by hand."))
        else:
            pin = values["pin"]
            message = Message(BATCH, "Zype's answer was lost ({reason}): check by hand "
                              "whether pin {pin} is linked, in the Zype dashboard or on the "
                              "TV.", reason=reason, pin=pin)
            if not device:   # whole sentences, each translated
                message = Message(BATCH, "Zype's answer was lost ({reason}): check by hand "
                                  "whether pin {pin} is linked, in the Zype dashboard or on "
                                  "the TV (add a linked_device_id column to let the batch "
                                  "check by itself).", reason=reason, pin=pin)
            await runner.settle(row, "unknown", error=error, message=message)


# --- the registry -----------------------------------------------------------------------

SPECS: dict[str, ProviderSpec] = {}
# Views kept in step with SPECS by register() (the same objects: flow.PROVIDERS, FIELDS,
# DEVICE_KEYS and history.IDENTIFIER_FIELDS are these).
PROVIDERS: dict[str, ProviderInfo] = {}
FIELDS: list[Field] = []
DEVICE_KEYS: list[str] = []
IDENTIFIER_FIELDS: dict[str, tuple[str, ...]] = {}

# Fields in page order (credentials, device, then batch-only columns), each provider's
# in its own order.
_FIELD_ORDER = {Page.CREDENTIALS: 0, Page.DEVICE: 1}


def _in_page_order(fields: Any) -> list[Field]:
    return sorted(fields, key=lambda f: _FIELD_ORDER.get(f.page, 2))


def _rebuild() -> None:
    PROVIDERS.clear()
    PROVIDERS.update((key, s.info) for key, s in SPECS.items())
    IDENTIFIER_FIELDS.clear()
    IDENTIFIER_FIELDS.update((key, s.identifier_fields) for key, s in SPECS.items())
    FIELDS[:] = _in_page_order(f for s in SPECS.values() for f in s.fields)
    DEVICE_KEYS[:] = list(dict.fromkeys(f.key for f in FIELDS if f.page is Page.DEVICE))
    for refresh in _ON_CHANGE:
        refresh()


# Views elsewhere (app.core.batch's tables) rebuilt after every register/unregister.
_ON_CHANGE: list[Callable[[], None]] = []


def on_change(refresh: Callable[[], None]) -> Callable[[], None]:
    """Call `refresh()` now and after every change of SPECS (a module's view of them)."""
    _ON_CHANGE.append(refresh)
    refresh()
    return refresh


def register(provider_spec: ProviderSpec) -> ProviderSpec:
    """Add (or replace) a provider's spec."""
    SPECS[provider_spec.key] = provider_spec
    _rebuild()
    return provider_spec


def unregister(key: str) -> None:
    SPECS.pop(key, None)
    _rebuild()


def spec(provider: str | None) -> ProviderSpec | None:
    """The provider's spec; None before a provider is chosen (or for an unknown one)."""
    return SPECS.get(provider or "")


def sign_in_provider() -> str:
    """The key of the provider whose sign-in app.auth runs (its OAuth in the system
    browser, the keychain's tokens, the session): the first registered spec that signs
    in, Xee's; "" when none does."""
    return next((key for key, found in SPECS.items() if found.info.signs_in), "")


def key_choices() -> dict[str, str]:
    """The registered providers' keys as "use {choices} or {last}" lists them ("xee,
    rufus" and "zype"), a registered spec among them: right from two providers on (with
    one, "use  or xee": unknown_provider() words every count)."""
    keys = list(SPECS)
    return {"choices": ", ".join(keys[:-1]), "last": keys[-1] if keys else ""}


# "Unknown provider 'nope': ..." with no provider registered, one, and more (the last:
# "use xee, rufus or zype."). unknown_provider() says it in its caller's translation
# context; tools/translations.py lists these in each (InputError, batch).
UNKNOWN_PROVIDER = ("Unknown provider {provider}: no provider is registered.",
                    "Unknown provider {provider}: use {only}.",
                    "Unknown provider {provider}: use {choices} or {last}.")


def unknown_provider(context: str, provider: object) -> Message:
    """The sentence for a provider no spec is registered for, listing the registered
    keys: "use xee.", "use xee or rufus.", "use xee, rufus or zype."."""
    keys = list(SPECS)
    if len(keys) > 1:
        return Message(context, UNKNOWN_PROVIDER[2], provider=repr(provider), **key_choices())
    if keys:
        return Message(context, UNKNOWN_PROVIDER[1], provider=repr(provider), only=keys[0])
    return Message(context, UNKNOWN_PROVIDER[0], provider=repr(provider))


def known(provider: str | None) -> ProviderSpec:
    """The provider's spec; ValueError for an unknown provider."""
    found = SPECS.get(provider or "")
    if found is None:
        raise ValueError(f"unknown provider {provider!r}")
    return found


for _spec in (XeeSpec(), RufusSpec(), ZypeSpec()):
    register(_spec)
