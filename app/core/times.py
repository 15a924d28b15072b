"""The providers' timestamps (ISO 8601: "2026-12-03T14:05:00Z", "…+00:00", "…-04:00",
with or without fractional seconds) as aware datetimes, and as text for people.

GUI-free: the wizard passes its own formatter (QLocale's short date-time, in the UI
language); the command line's text uses `local_text`. The JSON output keeps the raw
values. Whatever cannot be read stays as it came (or "—" when empty): never a crash."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

TimeFormat = Callable[[datetime], str]

MISSING = "—"

# Fractional seconds of any length, with a point or a comma: cut or padded to the six
# digits of a microsecond, so every Python the app runs on reads them alike.
_FRACTION = re.compile(r"(T\d{2}:\d{2}:\d{2})[.,](\d+)")


def parse_time(value: object) -> datetime | None:
    """An ISO 8601 date-time as an aware datetime (no offset: UTC, as the providers
    send), or None when `value` is not one (empty, a number, free text)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or "T" not in text.upper():
        return None
    if len(text) > 10 and text[10] == "t":
        text = text[:10] + "T" + text[11:]      # a lower-case "t" is ISO too
    text = _FRACTION.sub(lambda m: f"{m.group(1)}.{m.group(2)[:6].ljust(6, '0')}", text)
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def local_text(moment: datetime) -> str:
    """The default format: the computer's local time, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def time_text(value: object, time_format: TimeFormat | None = None) -> str:
    """A provider's timestamp for people: local, in `time_format` (default local_text);
    unreadable text as it came; nothing as "—"."""
    moment = parse_time(value)
    if moment is not None:
        return (time_format or local_text)(moment)
    if value is None or (isinstance(value, str) and not value.strip()):
        return MISSING
    return str(value).strip()
