"""Sign-in errors as data: a stable `kind` plus one sentence a support engineer can act on."""

from __future__ import annotations

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
    "not_signed_in": "No one is signed in to Xee. Sign in first.",
    "session_expired": "The Xee sign-in has expired or was revoked. Sign in again.",
    "keychain_failed": "The sign-in could not be read from or saved to the system "
    "keychain. Unlock the keychain or keep the sign-in for this session only.",
}


class SignInError(Exception):
    """A sign-in or session problem. Never carries a token, code or secret."""

    def __init__(
        self,
        kind: str,
        advice: str | None = None,
        provider_message: str | None = None,
        status: int | None = None,
    ) -> None:
        self.kind = kind
        self.advice = advice or ADVICE.get(kind, "The Xee sign-in failed. Try again.")
        self.provider_message = provider_message or None
        self.status = status
        super().__init__(self.describe())

    def describe(self) -> str:
        if self.provider_message:
            return f"{self.advice} (Xee said: {self.provider_message})"
        return self.advice

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "advice": self.advice,
            "message": self.provider_message,
            "status": self.status,
        }
