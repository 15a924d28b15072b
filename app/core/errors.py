"""Errors as data: every failure of the provider layer is a `ProviderError`.

The documented rows live in `errors_table.py`; this module only holds the
exception classes and builds them from a row. Categories (and the CLI exit code
the lead maps them to):

- ``input``      the user's input was rejected before any request (exit 2)
- ``refused``    the provider understood and refused (wrong pin, taken…) (exit 3)
- ``auth``       key, token, scope or permission problem (exit 3)
- ``network``    could not talk to the provider, or told to wait (exit 4)
- ``unexpected`` an answer the documents do not describe (exit 4)
"""

from __future__ import annotations

from typing import Any

from app.core.messages import INPUT_ERROR, PROVIDER_ERROR, Message, as_message

CATEGORIES = ("input", "refused", "auth", "network", "unexpected")

# How the command line turns a category into its exit status.
EXIT_CODES = {"input": 2, "refused": 3, "auth": 3, "network": 4, "unexpected": 4}


def provider_name(provider: str | None) -> str:
    """The display name (app.core.flow.PROVIDERS defines it, once)."""
    from app.core.flow import PROVIDERS  # flow imports this module: read it when called

    info = PROVIDERS.get(provider or "")
    return info.title if info else provider or "The provider"


class ProviderError(Exception):
    """One failure, described as data. ``str(err)`` is the advice sentence."""

    def __init__(
        self,
        kind: str,
        category: str,
        advice: str,
        *,
        status: int | None = None,
        type: str | None = None,  # the provider's own field name
        message: str = "",
        tip: str = "",
        provider: str | None = None,
        endpoint: str | None = None,
        may_have_reached_server: bool = False,
        retry_after: float | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        if category not in CATEGORIES:
            raise ValueError(f"unknown error category {category!r}")
        super().__init__(advice)
        self.kind = kind
        self.category = category
        self.advice = advice
        self.status = status
        self.type = type
        self.message = message
        self.tip = tip
        self.provider = provider
        self.endpoint = endpoint
        self.may_have_reached_server = may_have_reached_server
        self.retry_after = retry_after
        self.details = dict(details or {})

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "status": self.status,
            "type": self.type,
            "message": self.message,
            "tip": self.tip,
            "advice": self.advice,
            "category": self.category,
            "provider": self.provider,
            "endpoint": self.endpoint,
            "may_have_reached_server": self.may_have_reached_server,
            "retry_after": self.retry_after,
            "details": dict(self.details),
        }

    @property
    def advice_message(self) -> Message:
        """The advice as a Message (template and values), for translation."""
        return as_message(self.advice, INPUT_ERROR if self.category == "input"
                          else PROVIDER_ERROR)

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.category]

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(kind={self.kind!r}, status={self.status!r}, "
            f"endpoint={self.endpoint!r}, advice={self.advice!r})"
        )


class InputError(ProviderError):
    """A value the user typed was rejected before any request was sent."""

    def __init__(self, field: str, advice: str, *, provider: str | None = None) -> None:
        super().__init__(f"input.{field}", "input", advice, provider=provider)
        self.field = field

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["field"] = self.field
        return data


class XeeTokenExpired(ProviderError):
    """Xee's 403 "Token has expired": the sign-in layer refreshes and retries once."""


# Kinds that raise a subclass, so callers can `except XeeTokenExpired`.
SUBCLASS_BY_KIND: dict[str, type[ProviderError]] = {"xee.token_expired": XeeTokenExpired}


def build_error(
    kind: str,
    category: str,
    advice_template: str,
    *,
    provider: str | None,
    may_have_reached_server: bool,
    values: dict[str, Any] | None = None,
    **fields: Any,
) -> ProviderError:
    """Build the right class for ``kind``, filling the advice template."""
    retry_after = fields.get("retry_after")
    fill: dict[str, Any] = {
        "provider": provider_name(provider),
        "status": fields.get("status") if fields.get("status") is not None else "none",
        "wait": wait_phrase(retry_after),
    }
    fill.update(values or {})
    # Only the template's own placeholders (a missing one is left empty).
    advice = Message(PROVIDER_ERROR, advice_template,
                     **{k: v for k, v in fill.items() if "{" + k + "}" in advice_template})
    cls = SUBCLASS_BY_KIND.get(kind, ProviderError)
    return cls(
        kind,
        category,
        advice,
        provider=provider,
        may_have_reached_server=may_have_reached_server,
        **fields,
    )


def wait_phrase(retry_after: float | None) -> str:
    if retry_after is None:
        return ""
    seconds = max(0, round(retry_after))
    if seconds < 120:
        return Message(PROVIDER_ERROR, " and asked us to wait {seconds} second" if seconds == 1
                       else " and asked us to wait {seconds} seconds", seconds=seconds)
    return Message(PROVIDER_ERROR, " and asked us to wait {minutes} minutes",
                   minutes=round(seconds / 60))
