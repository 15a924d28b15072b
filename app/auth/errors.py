"""Sign-in errors as data: a stable `kind` plus one sentence a support engineer can act on.

Exit codes follow the command line's contract (0 done, 2 invalid input, 3 the provider
refused, 4 network failure or unexpected response), as ProviderError's categories do:

- 3: denied, authorization_failed, token_exchange_failed, session_expired,
  not_signed_in, account_not_confirmed — Xee (or its account) refused, like
  ProviderError's "auth" (3).
- 4: network, listener_failed, redirect_port_busy, timeout, state_mismatch,
  state_missing, and any unknown kind — the sign-in could not be completed for a
  reason that is neither input nor a refusal.
- 2: keychain_failed — a problem on this computer, like the CLI's "input.keychain"
  (no usable keychain): nothing more was sent; fix the keychain and run it again.
- 130: cancelled — the user gave up; the same code the CLI returns for Ctrl+C, so a
  cancel reads the same whichever way it arrives (it is neither a refusal nor a failure).
"""

from __future__ import annotations

from typing import Any

from app.core import providers
from app.core.http import clean_text
from app.core.messages import SIGN_IN_ERROR, Message, as_message

# kind -> default advice (what happened, what to do). The provider's own message, when
# there is one, travels beside it in `provider_message`.
ADVICE: dict[str, str] = {
    "denied": "The Xee sign-in was declined in the browser. Sign in again and approve "
    "the access Pairing Wizard asks for.",
    "authorization_failed": "Xee did not authorize the sign-in. Check the Xee account "
    "and the app's settings, then sign in again.",
    "timeout": "The sign-in was not finished in time. Start the sign-in again and "
    "complete it in the browser.",
    "cancelled": "The sign-in was cancelled. Start it again when you are ready.",
    "state_mismatch": "The browser returned a sign-in that Pairing Wizard did not start. "
    "Close old sign-in tabs and start the sign-in again.",
    "token_exchange_failed": "Xee refused to complete the sign-in. Start the sign-in "
    "again; if it keeps failing, check the app's client id and secret.",
    "network": "Xee could not be reached. Check the internet connection (or that the "
    "demo sandbox is running), then try again.",
    "listener_failed": "Pairing Wizard could not listen for the browser's answer on this "
    "computer. Check that local connections to 127.0.0.1 are allowed, then try again.",
    "redirect_port_busy": "Pairing Wizard could not listen on the redirect port registered "
    "for the Xee app: another program may be using it. Close that program, or register "
    "another port for the Xee app and add it to the Xee redirect ports setting, then try "
    "again.",
    "state_missing": "Xee sent the sign-in back without the state check value, so Pairing "
    "Wizard refused it. If this Xee app never returns it, turn on the setting \"Xee does "
    "not echo state\" (Advanced settings, or --no-state-echo on the command line) and sign "
    "in again; you will then confirm the signed-in account.",
    "account_not_confirmed": "The signed-in Xee account was not confirmed, so nothing was "
    "kept and nothing will be paired. Sign in again with the customer's account.",
    "not_signed_in": "No one is signed in to Xee. Sign in first.",
    "session_expired": "The Xee sign-in has expired or was revoked. Sign in again.",
    "keychain_failed": "The sign-in could not be read from or saved to the system "
    "keychain. Unlock the keychain or keep the sign-in for this session only.",
}


EXIT_CODES: dict[str, int] = {
    "denied": 3,
    "authorization_failed": 3,
    "token_exchange_failed": 3,
    "session_expired": 3,
    "not_signed_in": 3,
    "network": 4,
    "listener_failed": 4,
    "timeout": 4,
    "state_mismatch": 4,
    "keychain_failed": 2,
    "cancelled": 130,
    "redirect_port_busy": 4,
    "state_missing": 4,
    "account_not_confirmed": 3,
}
UNKNOWN_KIND_EXIT_CODE = 4


class SignInError(Exception):
    """A sign-in or session problem. Never carries a token, code or secret.

    `message`, `tip` and `type` are Xee's own fields when it sent an error object (the
    token endpoint's [{type, message, tip}]), else `message` says what went wrong;
    `provider_message` is them joined, for display. `provider` is the key of the
    provider signed in to (default: the one whose sign-in app.auth runs,
    providers.sign_in_provider(): Xee).
    """

    def __init__(
        self,
        kind: str,
        advice: str | None = None,
        provider_message: str | None = None,
        status: int | None = None,
        *,
        type: str | None = None,  # noqa: A002 - Xee's own field name, as in ProviderError
        tip: str | None = None,
        provider: str | None = None,
    ) -> None:
        self.kind = kind
        self.provider = provider or providers.sign_in_provider()
        self.advice = as_message(advice or ADVICE.get(kind, "The Xee sign-in failed. Try again."),
                                 SIGN_IN_ERROR)
        # What Xee (or a page that redirected to us) said reaches a terminal and the JSON:
        # no escape sequences, bounded.
        self.message = clean_text(provider_message) if provider_message else ""
        self.tip = clean_text(tip) if tip else ""
        self.type = clean_text(type) if type else None
        self.status = status
        super().__init__(self.describe())

    @property
    def provider_message(self) -> str | None:
        """What Xee said (message and tip), or None."""
        return " — ".join(part for part in (self.message, self.tip) if part) or None

    @property
    def provider_title(self) -> str:
        """The display name of the provider signed in to ("Xee"), as errors.provider_name
        gives it."""
        from app.core.errors import provider_name

        return provider_name(self.provider)

    @property
    def provider_kind(self) -> str:
        """Its kind as app.core's errors and the history name it: "<provider>.sign_in.<kind>"
        ("xee.sign_in.session_expired")."""
        return f"{self.provider}.sign_in.{self.kind}"

    @property
    def advice_message(self) -> Message:
        """The advice as a Message, for translation."""
        return self.advice

    @property
    def exit_code(self) -> int:
        """The command line's exit status for this error (see the module docstring)."""
        return EXIT_CODES.get(self.kind, UNKNOWN_KIND_EXIT_CODE)

    @property
    def category(self) -> str:
        """Its app.core category (the one decision: the wizard's error data, the history
        and the batch read it): a refusal by Xee or its account is "auth" (sign in
        again), an unreachable Xee "network" (nothing was refused nor paired: try again),
        anything else "unexpected" (exits: 3 for "auth", 4 for "network", and for
        "unexpected" 4, except a keychain failure 2 and a cancel 130: see exit_code)."""
        if self.kind == "network":
            return "network"
        return "auth" if self.exit_code == 3 else "unexpected"

    def describe(self) -> str:
        if self.provider_message:
            return f"{self.advice} ({self.provider_title} said: {self.provider_message})"
        return self.advice

    def to_dict(self) -> dict[str, Any]:
        """The same error shape as ProviderError.to_dict(): a missing type is None, a
        missing message or tip is ""."""
        return {
            "kind": self.kind,
            "status": self.status,
            "type": self.type,
            "message": self.message,
            "tip": self.tip,
            "advice": self.advice,
        }

    def as_provider_error(self) -> Any:
        """The same problem as an app.core ProviderError (kind `provider_kind`,
        "xee.sign_in.<kind>"), for code that knows only those (the batch), in its
        `category`: a dead sign-in is "auth" (sign in again), an unreachable token
        endpoint "network" (nothing was paired; try again)."""
        from app.core.errors import ProviderError

        return ProviderError(self.provider_kind, self.category, self.advice,
                             status=self.status, type=self.type, message=self.message,
                             tip=self.tip, provider=self.provider)


def as_provider_errors(call: Any) -> Any:
    """`call(fn)` (a Xee session's call path) for code that knows only ProviderError (the
    batch): a SignInError comes out as its as_provider_error()."""
    async def wrapped(fn: Any) -> Any:
        try:
            return await call(fn)
        except SignInError as error:
            raise error.as_provider_error() from None
    return wrapped
