"""Sentences as data: a template, its translation context, and the values that fill it.

app/core never imports Qt, so it cannot translate; it returns a `Message` wherever it
fills a sentence (an error's advice, a field's problem, the flow's notes and checks).
A Message *is* the English text (a `str`: the command line prints it, the JSON, logs
and history store it unchanged), and it remembers how it was made: app/ui translates
`template` in `context` with Qt's own translate() and fills in `params`, a param that
is itself a Message translated first, any other value (a provider's own message, an id,
a number) shown exactly as it came. Nothing is parsed back out of English text.

A text made from a Message by str operations (`+`, slicing, an f-string) is a plain
str again: build a new Message instead, with the old one as a param.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# The translation contexts of app/core's and app/auth's sentences (the .ts files' names).
PROVIDER_ERROR = "ProviderError"
INPUT_ERROR = "InputError"
SIGN_IN_ERROR = "SignInError"
FLOW = "flow"
BATCH = "batch"
NETCHECK = "netcheck"
CONTEXTS = (PROVIDER_ERROR, INPUT_ERROR, SIGN_IN_ERROR, FLOW, BATCH, NETCHECK)


class BlankForMissing(dict):
    """format_map helper: a placeholder without a value is left empty."""

    def __missing__(self, key: str) -> str:
        return ""


class Message(str):
    """The English sentence `template.format(**params)`, which keeps `context`,
    `template` and `params` for translation."""

    context: str
    template: str
    params: Mapping[str, Any]

    def __new__(cls, context: str, template: str, /, **params: Any) -> Message:
        english = template.format_map(BlankForMissing({k: str(v) for k, v in params.items()})) \
            if params else template
        self = super().__new__(cls, english)
        self.context = context
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:   # copy, deepcopy and pickle keep the template
        return (_rebuild, (self.context, self.template, dict(self.params)))

    def __repr__(self) -> str:
        return f"Message({self.context!r}, {self.template!r}, **{dict(self.params)!r})"


def _rebuild(context: str, template: str, params: dict[str, Any]) -> Message:
    return Message(context, template, **params)


def as_message(text: str, context: str) -> Message:
    """`text` as a Message: itself if it is one, else a fixed sentence of `context`."""
    return text if isinstance(text, Message) else Message(context, str(text))


def joined(parts: list[str], separator: str = " ") -> str:
    """Several sentences as one text: a Message whose values are the parts (each one
    translated on its own), or the plain text when none of them is a Message."""
    if not any(isinstance(part, Message) for part in parts):
        return separator.join(parts)
    if len(parts) == 1:
        return parts[0]
    names = [f"part_{_letters(index)}" for index in range(len(parts))]
    template = separator.join("{" + name + "}" for name in names)
    return Message(parts[0].context if isinstance(parts[0], Message) else CONTEXTS[0],
                   template, **dict(zip(names, parts, strict=True)))


def _letters(index: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "ba": a placeholder name of lower-case letters only."""
    out = ""
    while True:
        index, rest = divmod(index, 26)
        out = chr(ord("a") + rest) + out
        if not index:
            return out


def replaced(text: str, old: str, new: str) -> str:
    """`text.replace(old, new)`, in a Message's template and its Message values too."""
    if not isinstance(text, Message):
        return text.replace(old, new)
    params = {name: replaced(value, old, new) if isinstance(value, Message) else value
              for name, value in text.params.items()}
    return Message(text.context, text.template.replace(old, new), **params)


def mapped(text: str, change: Any) -> str:
    """`change(text)`; for a Message, the Message with `change` applied to each of its
    values (the template is ours, never a secret). Falls back to `change(text)` (plain
    English) when the values' change is not the text's (a secret across two values)."""
    if not isinstance(text, Message):
        return change(text)
    params = {name: mapped(value, change) if isinstance(value, Message)
              else change(str(value)) for name, value in text.params.items()}
    result = Message(text.context, text.template, **params)
    return result if result == change(str(text)) else change(str(text))


# --- stored Messages (the history's and the batch journal's message_template column) ----

def to_data(text: str) -> dict[str, Any] | None:
    """A Message as JSON-ready data (None for a plain text): its context, template and
    values, a Message value as data in turn, any other as its text."""
    if not isinstance(text, Message):
        return None
    return {"context": text.context, "template": text.template,
            "params": {name: to_data(value) if isinstance(value, Message) else str(value)
                       for name, value in text.params.items()}}


def dumps(text: str) -> str | None:
    """The JSON stored next to a message's English text (None: a plain text)."""
    import json

    data = to_data(text)
    return json.dumps(data, ensure_ascii=False) if data is not None else None


def _from_data(data: Mapping[str, Any]) -> Message:
    params = {name: _from_data(value) if isinstance(value, Mapping) else str(value)
              for name, value in dict(data.get("params") or {}).items()}
    return Message(str(data["context"]), str(data["template"]), **params)


def loads(english: str, stored: str | None) -> str:
    """The stored message: a Message rebuilt from its JSON, or the English text as stored.
    The English text is the one allowed fallback: rows written before the column existed
    (or a plain text) have no JSON, and a JSON that does not give back the stored English
    text exactly is not trusted."""
    if not stored:
        return english
    import json

    try:
        text = _from_data(json.loads(stored))
    except (ValueError, TypeError, KeyError, AttributeError):
        return english
    return text if text == english else english
