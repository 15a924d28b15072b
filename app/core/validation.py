"""Validate every value the user types, before any request is sent.

Each validator takes the raw text, strips surrounding whitespace (support staff
paste values) and returns the clean value, or raises `InputError` whose advice
names the field and says what is expected. The wizard calls them as the user
types; the provider classes call them again before sending.

Where a provider documents a format we enforce it; where it does not, we are
permissive but still reject what can never be right: empty, control characters,
absurd lengths, and anything unsafe in a URL path segment for ids in paths.

Decisions where the documents are silent:
- Xee device id: Xee's API docs give no format (devices/associate_user.md: "Wrong
  device id format" is a 400). By default exactly 10 letters or digits, case kept as
  typed: the size api-notes.md reports from Xee's Android SDK, and the shape of every
  example (E133742015); xee-sdk-android 3.x's demo app restricts its device id field to
  "Ee0123456789" (dialog_prompt_association_xeeconnect_user.xml). We did not find the
  length check itself in the SDK sources we could read.
- Xee pin: by default exactly 4 digits (api-notes.md: the SDK sizes it at 4; the same
  3.x layout makes the pin field numeric).
- Both formats can be replaced by a regular expression (settings xee/deviceIdPattern
  and xee/pinPattern, CLI --device-id-pattern / --pin-pattern), through
  `set_xee_formats`: a typo must not reach Xee, where every wrong pin counts toward its
  3-failure lock. Whatever the pattern, an id stays letters, digits, '-' and '_' (up to
  64: it goes into a URL path) and a pin letters and digits (up to 16).
- Zype pin: documented as "7 digit", yet every example is 'z' + 3 letters +
  3 digits ('zabc123'): we accept exactly 7 letters/digits and lowercase them,
  because every documented pin is lowercase and staff often read the pin off a
  TV screen or hear it on the phone, where case is lost.
- Zype email: kept as typed (the lookup's case rules are undocumented).
- RUFUS deviceid: documented as 64 uppercase hex; we accept either case and
  uppercase it.
- API keys and tokens go into headers or query strings: printable ASCII, no
  spaces, at most 256 characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from app.core.errors import InputError
from app.core.messages import INPUT_ERROR, Message

MAX_FREE_TEXT = 128
MAX_KEY = 256

# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): characters that
# render as nothing, e.g. U+00AD, U+180E, U+2062, U+3164, U+FE0F, tag characters. Pasting
# brings them along; inside an identifier they make look-alikes ("RR-0001" twice).
_IGNORABLE = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
              "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
              "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff")
_IGNORABLE_CHAR = re.compile(f"[{_IGNORABLE}]")
# Whitespace and those invisible characters, in any mix, at either end.
_EDGES = re.compile(f"\\A[\\s{_IGNORABLE}]+|[\\s{_IGNORABLE}]+\\Z")


def _strip_edges(text: str) -> str:
    # The regex scans the whole value for a trailing run: skip it when both ends are clean
    # (printable ASCII at both ends is neither whitespace nor ignorable).
    if text and "\x21" <= text[0] <= "\x7e" and "\x21" <= text[-1] <= "\x7e":
        return text
    return _EDGES.sub("", text)

# Bidirectional overrides/isolates: never meaningful in an id, a spoofing risk.
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BAD_CATEGORIES = {"Cc", "Cs", "Zl", "Zp"}

_XEE_DEVICE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_XEE_PIN = re.compile(r"[A-Za-z0-9]{1,16}")
_ZYPE_PIN = re.compile(r"[a-z0-9]{7}")
_HEX64 = re.compile(r"[0-9A-F]{64}")
_PRINTABLE_ASCII = re.compile(r"[\x21-\x7e]+")


def _clean(text: object, field: str, label: str, max_len: int, provider: str | None,
           *, identifier: bool = False) -> str:
    """Common checks: text, stripped, non-empty, no control characters, bounded. An
    `identifier` (free text that identifies a device or a customer; the ids with an ASCII
    pattern refuse anything else anyway) is also NFKC-normalised and may hold no invisible
    character inside."""
    name = Message(INPUT_ERROR, label)
    if not isinstance(text, str):
        raise InputError(field, Message(INPUT_ERROR, "The {label} is missing: enter it.",
                                        label=name), provider=provider)
    if identifier and not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    value = _strip_edges(text)
    if identifier and not value.isascii() and _IGNORABLE_CHAR.search(value):
        raise InputError(
            field,
            Message(INPUT_ERROR, "The {label} contains an invisible character (such as a "
                    "soft hyphen or a zero-width space): type it again without it.",
                    label=name),
            provider=provider,
        )
    if not value:
        raise InputError(field, Message(INPUT_ERROR, "The {label} is empty: enter it.",
                                        label=name), provider=provider)
    # Printable ASCII (the usual case) holds none of them: skip the per-character look-up.
    for char in ("" if value.isascii() and value.isprintable() else value):
        if unicodedata.category(char) in _BAD_CATEGORIES or char in _BIDI:
            raise InputError(
                field,
                Message(INPUT_ERROR, "The {label} contains an invisible or control "
                        "character (such as a tab or a line break): type it again without "
                        "it.", label=name),
                provider=provider,
            )
    if len(value) > max_len:
        raise InputError(
            field,
            Message(INPUT_ERROR, "The {label} is too long ({len_value} characters; at most "
                    "{max_len}): check that only this value was pasted.", label=name,
                    len_value=len(value), max_len=max_len),
            provider=provider,
        )
    return value


# ----------------------------------------------------------------------- Xee

XEE_DEVICE_ID_FORMAT = re.compile(r"[A-Za-z0-9]{10}")
XEE_PIN_FORMAT = re.compile(r"[0-9]{4}")
# The override patterns (None: the formats above). Set once from the settings or the
# command line, read by every validation: the wizard, the CLI and the batch share them.
_xee_overrides: dict[str, re.Pattern[str] | None] = {"device_id": None, "pin": None}


def compile_xee_pattern(text: object, setting: str) -> re.Pattern[str] | None:
    """A format override as typed in a setting (empty: None, the default format)."""
    pattern = text.strip() if isinstance(text, str) else ""
    if not pattern:
        return None
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise InputError(
            setting,
            Message(INPUT_ERROR, "The format in {setting} is not a valid regular expression "
                    "({exc}): fix it, or clear it to use Xee's usual format.",
                    setting=setting, exc=exc),
            provider="xee",
        ) from None


def set_xee_formats(device_id_pattern: str | None = None,
                    pin_pattern: str | None = None) -> None:
    """Replace (or, with None/"", restore) the device id and pin formats. Raises
    InputError, changing nothing, when a pattern is not a regular expression."""
    device_id = compile_xee_pattern(device_id_pattern, "xee/deviceIdPattern")
    pin = compile_xee_pattern(pin_pattern, "xee/pinPattern")
    _xee_overrides.update(device_id=device_id, pin=pin)


def xee_format_patterns() -> dict[str, str | None]:
    """The override patterns in force (None: the default format)."""
    return {k: (v.pattern if v is not None else None) for k, v in _xee_overrides.items()}


def validate_xee_device_id(text: object) -> str:
    value = _clean(text, "device_id", "Xee device id", 64, "xee")
    if not _XEE_DEVICE_ID.fullmatch(value):
        raise InputError(
            "device_id",
            "The Xee device id may contain only letters, digits, '-' and '_' (it looks like "
            "E133742015, printed on the box).",
            provider="xee",
        )
    override = _xee_overrides["device_id"]
    if override is None and not XEE_DEVICE_ID_FORMAT.fullmatch(value):
        raise InputError(
            "device_id",
            Message(INPUT_ERROR, "The Xee device id must be exactly 10 letters or digits, "
                    "like E133742015 (printed on the box); this one has {len_value}. Check "
                    "it before sending: Xee counts every refused attempt toward locking the "
                    "box.", len_value=len(value)),
            provider="xee",
        )
    if override is not None and not override.fullmatch(value):
        raise InputError(
            "device_id",
            Message(INPUT_ERROR, "The Xee device id does not have the format set in the "
                    "settings (xee/deviceIdPattern: {override_pattern}). Check it against "
                    "the box.", override_pattern=override.pattern),
            provider="xee",
        )
    return value


def validate_xee_pin(text: object) -> str:
    value = _clean(text, "pin", "Xee pin", 16, "xee")
    if not _XEE_PIN.fullmatch(value):
        raise InputError(
            "pin",
            "The Xee pin may contain only letters and digits (it is printed on the box, "
            "usually 4 digits).",
            provider="xee",
        )
    override = _xee_overrides["pin"]
    if override is None and not XEE_PIN_FORMAT.fullmatch(value):
        raise InputError(
            "pin",
            "The Xee pin must be exactly 4 digits (on the card delivered with the box). "
            "Check it before sending: three wrong pins lock the box.",
            provider="xee",
        )
    if override is not None and not override.fullmatch(value):
        raise InputError(
            "pin",
            Message(INPUT_ERROR, "The Xee pin does not have the format set in the settings "
                    "(xee/pinPattern: {override_pattern}). Check it against the box's card.",
                    override_pattern=override.pattern),
            provider="xee",
        )
    return value


# ---------------------------------------------------------------------- RUFUS


def validate_rufus_model(text: object) -> str:
    return _clean(text, "model", "RUFUS device model", MAX_FREE_TEXT, "rufus",
                  identifier=True)


def validate_rufus_serial_number(text: object) -> str:
    return _clean(text, "serial_number", "RUFUS serial number", MAX_FREE_TEXT, "rufus",
                  identifier=True)


def _optional(text: object, field: str, label: str) -> str | None:
    if text is None or (isinstance(text, str) and not _strip_edges(text)):
        return None
    return _clean(text, field, label, MAX_FREE_TEXT, "rufus")


def validate_rufus_alias(text: object) -> str | None:
    """Optional: empty means no alias."""
    return _optional(text, "alias", "RUFUS device alias")


def validate_rufus_firmware(text: object) -> str | None:
    """Optional: empty means no firmware version."""
    return _optional(text, "firmware", "RUFUS firmware version")


def validate_rufus_type(text: object) -> str | None:
    """Optional: empty means no type is sent (one rendering of RUFUS's bind page lists a
    required `type`; the seed does not)."""
    return _optional(text, "type", "RUFUS device type")


def validate_rufus_deviceid(text: object) -> str:
    value = _clean(text, "deviceid", "RUFUS deviceid", 64, "rufus").upper()
    if not _HEX64.fullmatch(value):
        raise InputError(
            "deviceid",
            "The RUFUS deviceid must be exactly 64 hexadecimal characters (0-9, A-F), as "
            "returned by the bind.",
            provider="rufus",
        )
    return value


def _validate_key(text: object, field: str, label: str, provider: str) -> str:
    value = _clean(text, field, label, MAX_KEY, provider)
    if not _PRINTABLE_ASCII.fullmatch(value):
        raise InputError(
            field,
            Message(INPUT_ERROR, "The {label} may contain only printable ASCII characters "
                    "without spaces: copy it again from the provider's console.",
                    label=Message(INPUT_ERROR, label)),
            provider=provider,
        )
    return value


def validate_rufus_api_key(text: object) -> str:
    return _validate_key(text, "api_key", "RUFUS api key", "rufus")


# ----------------------------------------------------------------------- Zype


def validate_zype_api_key(text: object) -> str:
    return _validate_key(text, "api_key", "Zype api key", "zype")


def validate_zype_pin(text: object) -> str:
    value = _clean(text, "pin", "Zype pin", 64, "zype").lower()
    if not _ZYPE_PIN.fullmatch(value):
        raise InputError(
            "pin",
            "The Zype pin must be exactly 7 letters or digits, as shown by the TV app "
            "(for example zabc123).",
            provider="zype",
        )
    return value


def validate_zype_consumer_id(text: object) -> str:
    value = _clean(text, "consumer_id", "Zype consumer id", MAX_FREE_TEXT, "zype",
                   identifier=True)
    if not _PRINTABLE_ASCII.fullmatch(value):
        raise InputError(
            "consumer_id",
            "The Zype consumer id may contain only letters, digits and punctuation, without "
            "spaces: find it with the customer's email.",
            provider="zype",
        )
    return value


def validate_zype_linked_device_id(text: object) -> str:
    return _clean(text, "linked_device_id", "Zype linked device id", MAX_KEY, "zype",
                  identifier=True)


def validate_email(text: object) -> str:
    value = _clean(text, "email", "customer's email", 254, "zype")
    local, at, domain = value.rpartition("@")
    labels = domain.split(".")
    if (
        not at
        or not local
        or "@" in local
        or len(local) > 64
        or any(char.isspace() for char in value)
        or len(labels) < 2
        or any(not label or label.startswith("-") or label.endswith("-") for label in labels)
    ):
        raise InputError(
            "email",
            "The customer's email does not look like an address (name@example.com): check "
            "it.",
            provider="zype",
        )
    return value


# The wizard validates as the user types: field name -> validator.
VALIDATORS: dict[str, Callable[[object], str | None]] = {
    "xee.device_id": validate_xee_device_id,
    "xee.pin": validate_xee_pin,
    "rufus.api_key": validate_rufus_api_key,
    "rufus.model": validate_rufus_model,
    "rufus.serial_number": validate_rufus_serial_number,
    "rufus.alias": validate_rufus_alias,
    "rufus.firmware": validate_rufus_firmware,
    "rufus.type": validate_rufus_type,
    "rufus.deviceid": validate_rufus_deviceid,
    "zype.api_key": validate_zype_api_key,
    "zype.pin": validate_zype_pin,
    "zype.consumer_id": validate_zype_consumer_id,
    "zype.linked_device_id": validate_zype_linked_device_id,
    "zype.email": validate_email,
}
