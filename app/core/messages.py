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


class _Blank(dict):
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
        english = template.format_map(_Blank({k: str(v) for k, v in params.items()})) \
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
