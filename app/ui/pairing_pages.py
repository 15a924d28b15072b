"""The wizard's pages after the provider page: credentials (Xee sign-in or an api
key), device, review, pairing and result. Imported and built after the first paint
(see PairingWizard.build_pages); what a page is: app.ui.pages.WizardPage."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import flow
from app.core.flow import Page
from app.core.messages import FLOW, Message
from app.ui import theme
from app.ui.i18n import advice as advice_text
from app.ui.i18n import flow_text, locale_time, translate
from app.ui.pages import WizardPage, field_error
from app.ui.widgets import (
    Card,
    FieldRow,
    RichTextLabel,
    StatusLine,
    button,
    copy_text,
    hbox,
    label,
)

if TYPE_CHECKING:
    from app.ui.host import WizardHost

log = logging.getLogger(__name__)


# --- 2. credentials ---------------------------------------------------------------------

class XeeSignInPanel(QWidget):
    """Sign in with Xee in the browser: countdown, Cancel, the URL with Copy."""

    def __init__(self, page: CredentialsPage) -> None:
        super().__init__()
        self.page = page
        self.attempt: Any = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)

        self.intro = label(self.tr("Sign in with the Xee account the box will belong to. The "
                                   "sign-in happens in your browser; Pairing Wizard never "
                                   "sees the password."), "help")
        layout.addWidget(self.intro)

        self.sign_in = button(self.tr("&Sign in with Xee"), "xeeSignInButton", "sign-in",
                              self.tr("Opens the Xee sign-in page in your browser"))
        self.sign_in.setMinimumHeight(34)
        layout.addLayout(hbox(self.sign_in, stretch_at=1))
        self.no_sign_in = label(self.tr("Xee's online sandbox needs no sign-in: continue to "
                                        "the device."), "help", object_name="xeeNoSignInNote")
        self.no_sign_in.hide()
        layout.addWidget(self.no_sign_in)

        self.waiting = Card()
        self.countdown = label("", "sectionTitle", object_name="xeeCountdownLabel")
        self.waiting.add(self.countdown)
        self.waiting.add(label(self.tr("Finish the sign-in in the browser window that opened. "
                                       "If no browser opened, copy this address into one:"),
                               "help"))
        self.url = QLineEdit()
        self.url.setObjectName("xeeSignInUrlEdit")
        self.url.setReadOnly(True)
        self.url.setAccessibleName(self.tr("Sign-in address"))
        self.url.setAccessibleDescription(self.tr("The Xee sign-in address, to open in a "
                                                  "browser if none opened"))
        self.copy_url = button(self.tr("Copy"), "xeeCopyUrlButton", "copy",
                               self.tr("Copy the sign-in address"))
        self.cancel = button(self.tr("Cancel sign-in"), "xeeCancelSignInButton",
                             description=self.tr("Stop waiting for the browser"))
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.copy_url)
        self.waiting.layout_.addLayout(row)
        self.waiting.layout_.addLayout(hbox(self.cancel, stretch_at=1))
        self.waiting.hide()
        layout.addWidget(self.waiting)

        self.account = Card()
        head = QHBoxLayout()
        self.account_icon = QLabel()
        head.addWidget(self.account_icon)
        self.account_label = label("", "sectionTitle", object_name="xeeAccountLabel")
        head.addWidget(self.account_label, 1)
        self.sign_out = button(self.tr("Sign out"), "xeeSignOutButton",
                               description=self.tr("Forget this Xee sign-in on this "
                                                   "computer"))
        head.addWidget(self.sign_out)
        self.account.layout_.addLayout(head)
        self.account_note = label("", "help", object_name="xeeAccountNote")
        self.account.add(self.account_note)
        self.account.hide()
        layout.addWidget(self.account)

        self.status = StatusLine("xeeSignInStatus")
        layout.addWidget(self.status)
        self.demo_accounts = label("", "help", object_name="xeeDemoAccounts", selectable=True)
        self.demo_accounts.hide()
        layout.addWidget(self.demo_accounts)
        layout.addStretch(1)

        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._tick)
        self.sign_in.clicked.connect(self._start)
        self.cancel.clicked.connect(self.cancel_attempt)
        self.copy_url.clicked.connect(lambda: copy_text(self.url.text()))
        self.sign_out.clicked.connect(self._sign_out)

    @property
    def wizard(self) -> WizardHost:
        return self.page.wizard

    def enter(self) -> None:
        self.show_account()
        if self.wizard.render_only:
            return
        if self.page.state.get("environment") == flow.ONLINE_SANDBOX:
            self.demo_accounts.hide()
            self.status.clear()
            return
        # The page's own tasks: leaving the page (or another environment) cancels them,
        # the stored sign-in's check too (it may be for another environment by the time
        # it ends; the session slot closes what it built).
        scope = self.wizard.page_scope
        if not self.page.state.get("xee_account") and self.attempt is None:
            scope.spawn(self._restore(), "xee-restore")
        if self.page.state.get("environment") == flow.DEMO:
            scope.spawn(self._show_demo_accounts(), "xee-demo-accounts")
        else:
            self.demo_accounts.hide()
            scope.spawn(self._check_app_credentials(), "xee-app-check")

    def missing_app_message(self, env: str) -> str:
        return self.tr(
            "Pairing Wizard needs the Xee app's client id and secret to sign in to "
            "{environment}. Enter them on the Provider page, under Advanced settings (or set "
            "XEE_CLIENT_ID and XEE_CLIENT_SECRET).").format(
                environment=flow_text(flow.ENVIRONMENT_TITLES.get(env, env)))

    async def _check_app_credentials(self) -> None:
        """Outside the demo, say at once when the Xee app's credentials are missing."""
        env = str(self.page.state.get("environment") or "")
        if not env or env == flow.DEMO:
            return
        creds = await self.wizard.services.xee_app_credentials(env)
        if self.page.state.get("environment") != env or self.attempt is not None:
            return
        if creds is None:
            self.status.show_message("error", self.missing_app_message(env))
        elif self.status.message() == self.missing_app_message(env):
            self.status.clear()     # entered since: the message is stale

    def show_account(self) -> None:
        who = self.page.state.get("xee_account")
        waiting = self.attempt is not None
        open_sandbox = self.page.state.get("environment") == flow.ONLINE_SANDBOX
        self.no_sign_in.setVisible(open_sandbox and not who and not waiting)
        self.account.setVisible(bool(who) and not waiting)
        self.sign_in.setVisible(not who and not waiting and not open_sandbox)
        self.intro.setVisible(not who and not open_sandbox)
        self.sign_in.setEnabled(not waiting)
        if who:
            self.demo_accounts.hide()
        if who:
            self.account_icon.setPixmap(theme.svg_pixmap("check", 20,
                                                         theme.colors()["success"]))
            self.account_label.setText(self.tr("Signed in as {account}").format(account=who))
            session = self.wizard.services.xee_session
            persistent = getattr(getattr(session, "store", None), "persistent", True)
            self.account_note.setText(
                self.tr("The sign-in is kept in the system keychain for the next time.")
                if persistent else
                self.tr("The sign-in is kept for this session only (no usable keychain)."))

    async def _show_demo_accounts(self) -> None:
        try:
            fixtures = await self.wizard.services.fixtures(refresh=False)
        except Exception as exc:  # the sandbox failed: the banner says so
            log.warning("No demo accounts: %s", type(exc).__name__)
            return
        users = fixtures["xee"]["users"][:3]
        lines = ", ".join(f"{u['login']} / {u['password']}" for u in users)
        self.demo_accounts.setText(self.tr("Demo accounts for the sandbox's sign-in page: "
                                           "{accounts}").format(accounts=lines))
        self.demo_accounts.setVisible(not self.page.state.get("xee_account"))

    async def _restore(self) -> None:
        from app.auth.errors import SignInError
        from app.core.errors import ProviderError

        state = self.page.state
        services = self.wizard.services
        chosen = (state.get("provider"), state.get("environment"))
        session = None

        def stale() -> bool:
            # Another provider, environment or API version was chosen meanwhile.
            now = self.page.state
            return ((now.get("provider"), now.get("environment")) != chosen
                    or services.xee_session is not session)

        try:
            root = await services.api_root("xee", state["environment"])
            session = await services.xee_restore(root)
            if session is None:
                return
            self.status.show_message("info", self.tr("Checking the stored sign-in…"))
            user = await session.me()
            if stale():
                return   # not this sign-in: the one for the environment chosen now counts
        except (SignInError, ProviderError) as error:
            if session is not None and stale():
                return
            kind = (error.provider_kind if isinstance(error, SignInError)
                    else error.kind)
            self.status.show_message("warning", self.tr(
                "The stored sign-in no longer works: {advice}").format(
                    advice=advice_text(error.advice, kind)))
            await self.wizard.services.xee_drop()
            return
        self.status.clear()
        state = self.page.state
        state["xee_account"] = user.display_name
        state["xee_user_id"] = str(user.id)
        self.show_account()
        self.page.changed.emit()

    def _start(self) -> None:
        if self.attempt is not None or self.wizard.is_busy():
            return
        self.wizard.spawn(self._sign_in(), "xee-sign-in")

    async def _sign_in(self) -> None:
        from app.auth.wizard_sign_in import sign_in
        from app.ui.services import imported

        services = self.wizard.services
        env = self.page.state["environment"]
        self.status.clear()
        self.sign_in.setEnabled(False)
        try:
            # A busy reason is never shown nor logged: the window only counts them.
            async with self.wizard.busy("Signing in"):
                # app.auth.oauth imports authlib: in a worker thread, not the GUI's.
                oauth = await imported("app.auth.oauth")
                outcome = await sign_in(services, self, env, sign_in_class=oauth.XeeSignIn,
                                        on_attempt=self._set_attempt)
        finally:
            self.attempt = None
            self.waiting.hide()
            self.show_account()
        if outcome.kind != "signed_in":
            self._show_failure(outcome, env)
            return
        self.status.clear()
        if outcome.kept_for_this_session_only:
            self.status.show_message("warning", self.tr(
                "Signed in, but the keychain refused to keep the sign-in: it lasts for this "
                "session only."))
        self.page.state["xee_account"] = outcome.user.display_name
        self.page.state["xee_user_id"] = str(outcome.user.id)
        self.show_account()
        self.page.changed.emit()
        # The browser is in front: bring the wizard back, focus on Next.
        window = self.wizard.window()
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        if self.wizard.next_button.isEnabled():
            self.wizard.next_button.setFocus()

    def _show_failure(self, outcome: Any, env: str) -> None:
        from app.auth.errors import SignInError

        if outcome.kind == "no_app":
            self.status.show_message("error", self.missing_app_message(env))
        elif outcome.kind == "not_kept":
            self.status.show_message("info", self.tr("Sign-in cancelled: nothing kept."))
        elif outcome.kind == "bad_redirect":
            self.status.show_message("error", self.tr(
                "The Xee redirect URI setting cannot be used: {reason}").format(
                    reason=outcome.reason))
        elif isinstance(outcome.error, SignInError):
            error = outcome.error
            text = advice_text(error.advice, error.provider_kind)
            if error.provider_message and error.kind == "network":
                # Our transport's exception name (ReadError), not Xee's words.
                text = self.tr("{advice} (technical detail: {detail})").format(
                    advice=text, detail=error.provider_message)
            elif error.provider_message:   # Xee's own words, exactly as sent
                text = self.tr("{advice} (Xee said: {message})").format(
                    advice=text, message=error.provider_message)
            self.status.show_message("info" if error.kind == "cancelled" else "error", text)
        elif outcome.error is not None:
            self.status.show_message("error", advice_text(outcome.error.advice,
                                                          outcome.error.kind))

    # -- app.auth.wizard_sign_in.SignInView: what the sign-in asks of this panel ----------

    def _set_attempt(self, attempt: Any) -> None:
        self.attempt = attempt

    async def keep_for_this_session(self) -> bool:
        from app.ui import dialogs  # not before the first paint

        return await dialogs.ask(
            self, self.tr("No keychain"),
            self.tr("This computer has no usable keychain, so the Xee sign-in "
                    "cannot be kept after Pairing Wizard closes."),
            informative=self.tr("Keep the sign-in for this session only?"),
            yes=self.tr("Keep for this session"), no=self.tr("Cancel"),
            object_name="sessionOnlyDialog", default_yes=True)

    def show_attempt(self, attempt: Any) -> None:
        self.url.setText(attempt.url)
        self.url.setCursorPosition(0)
        self.waiting.show()
        self.show_account()
        self._tick()
        self.timer.start()

    def done_waiting(self) -> None:
        self.timer.stop()
        self.waiting.hide()

    def browser_not_opened(self) -> None:
        self.status.show_message("warning", self.tr(
            "The browser could not be opened: copy the address above into a browser."))

    def reading_account(self) -> None:
        self.status.show_message("info", self.tr("Signed in. Reading the account…"))

    async def confirm_account(self, who: str) -> bool:
        from app.ui import dialogs

        return await dialogs.ask(
            self, self.tr("Confirm the Xee account"),
            self.tr("Signed in as {account}.").format(account=who),
            informative=self.tr("Xee did not return the sign-in's check value (state), so "
                                "make sure this is the customer's Xee account before "
                                "pairing."),
            yes=self.tr("This is the right account"), no=self.tr("Not this account"),
            object_name="xeeConfirmAccountDialog")

    def _tick(self) -> None:
        if self.attempt is None:
            return
        if self.attempt.refused_without_state:
            from app.auth.errors import ADVICE

            text = advice_text(ADVICE["state_missing"], "sign_in")
            if self.status.message() != text:
                self.status.show_message("error", text)
        left = int(self.attempt.seconds_left())
        self.countdown.setText(self.tr("Waiting for the browser… {time} left").format(
            time=f"{left // 60}:{left % 60:02d}"))

    def cancel_attempt(self) -> None:
        if self.attempt is not None:
            self.attempt.cancel()

    def _sign_out(self) -> None:
        self.wizard.spawn(self._do_sign_out(), "xee-sign-out")

    async def _do_sign_out(self) -> None:
        from app.auth.errors import SignInError
        from app.auth.wizard_sign_in import history_error

        services = self.wizard.services
        session = services.xee_session
        who = {"provider": "xee", "environment": self.page.state.get("environment"),
               "xee_account": self.page.state.get("xee_account")}
        try:
            if session is not None:
                await session.sign_out()
        except SignInError as error:
            self.status.show_message("warning", advice_text(error.advice,
                                                            error.provider_kind))
            await services.record(who, "sign-out", error=history_error(error))
        else:
            await services.record(who, "sign-out")
        await services.xee_drop()
        self.page.state["xee_account"] = ""
        self.page.state["xee_user_id"] = ""
        self.show_account()
        self.page.changed.emit()


class ApiKeyPanel(QWidget):
    """The api key (masked, reveal), Remember in keychain, Test key."""

    def __init__(self, page: CredentialsPage) -> None:
        super().__init__()
        self.page = page
        self._loaded_for: tuple[str, str] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        card = Card()
        self.key = FieldRow(self.tr("&Api key"), "", "apiKeyEdit", secret=True)
        card.add(self.key)
        self.remember = QCheckBox(self.tr("&Remember in keychain"))
        self.remember.setObjectName("rememberKeyCheck")
        remember_tip = self.tr("Keep the key in the system keychain for this provider and "
                               "environment; never in a settings file.")
        self.remember.setToolTip(remember_tip)
        self.remember.setAccessibleName(self.tr("Remember in keychain"))
        self.remember.setAccessibleDescription(remember_tip)
        self.test = button(self.tr("&Test key"), "testKeyButton", "key",
                           self.tr("Try the key with a harmless read"))
        row = QHBoxLayout()
        row.addWidget(self.remember)
        row.addStretch(1)
        row.addWidget(self.test)
        card.layout_.addLayout(row)
        self.test_status = StatusLine("keyTestStatus")
        card.add(self.test_status)
        layout.addWidget(card)
        self.fill_demo = button(self.tr("Fill &demo values"), "fillDemoKeyButton", "demo",
                                self.tr("Use a key of the offline sandbox"))
        layout.addLayout(hbox(self.fill_demo, stretch_at=1))
        layout.addStretch(1)
        page.bind(self.key, "api_key")
        self.key.edit.returnPressed.connect(lambda: self.wizard.next())   # Enter: Next
        self.key.edited.connect(lambda _t: self.test_status.clear())
        self.test.clicked.connect(self._test)
        self.fill_demo.clicked.connect(self._fill_demo)

    @property
    def wizard(self) -> WizardHost:
        return self.page.wizard

    def enter(self) -> None:
        state = self.page.state
        provider = state["provider"]
        fld = flow.field("api_key", provider)
        self.key.help_text = flow_text(fld.help)
        if self.key.text() != state.get("api_key", ""):
            self.key.edit.setText(state.get("api_key", ""))
            self.key.touched = bool(state.get("api_key"))   # no "empty" before any typing
        self.key.set_revealed(False)
        self.fill_demo.setVisible(state.get("environment") == flow.DEMO)
        self.test_status.clear()
        self.page.refresh_errors()
        where = (provider, state["environment"])
        if not self.wizard.render_only and self._loaded_for != where:
            self._loaded_for = where
            # The selection's: another provider or environment cancels it (then it is
            # loaded again when this one is chosen again).
            task = self.wizard.selection_scope.spawn(self._load_remembered(*where),
                                                     "load-key")
            task.add_done_callback(lambda done: self._load_ended(done, where))

    def _load_ended(self, task: Any, where: tuple[str, str]) -> None:
        if task.cancelled() and self._loaded_for == where:
            self._loaded_for = None

    async def _load_remembered(self, provider: str, environment: str) -> None:
        services = self.wizard.services
        if not await services.keyring_usable():
            self.remember.setChecked(False)
            self.remember.setEnabled(False)
            self.remember.setToolTip(self.tr("No usable keychain on this computer: the key "
                                             "is kept for this session only."))
            return
        self.remember.setEnabled(True)
        if self.page.state.get("api_key"):
            return
        stored = await services.load_key(provider, environment)
        if stored and not self.page.state.get("api_key"):
            self.key.set_text(stored)
            self.remember.setChecked(True)
            self.test_status.show_message("info", self.tr("Key read from the keychain."))

    def leave(self, forward: bool) -> None:
        if not forward or self.wizard.render_only:
            return
        state = self.page.state
        provider, env, key = state["provider"], state["environment"], state.get("api_key", "")
        services = self.wizard.services
        if self.remember.isEnabled() and self.remember.isChecked():
            self.wizard.spawn(services.save_key(provider, env, key.strip()), "save-key")
        elif self.remember.isEnabled():
            self.wizard.spawn(services.forget_key(provider, env), "forget-key")

    def _test(self) -> None:
        if self.wizard.is_busy():
            return
        self.key.touch()
        self.page.refresh_errors()
        if not flow.is_valid(Page.CREDENTIALS, self.page.state):
            return
        self.wizard.page_scope.spawn(self._run_test(), "test-key")

    async def _run_test(self) -> None:
        from app.core.errors import ProviderError

        state = self.page.state
        self.test_status.show_message("info", self.tr("Testing the key with a harmless "
                                                      "read…"))
        self.test.setEnabled(False)
        try:
            async with self.wizard.busy("Testing the key"):
                api = await self.wizard.services.provider_api(state)
                check = await flow.check_key(api, state["provider"])
        except ProviderError as error:
            self.test_status.show_message("error", advice_text(error.advice, error.kind))
            return
        finally:
            self.test.setEnabled(True)
        kind = {True: "success", False: "error", None: "warning"}[check.ok]
        self.test_status.show_message(kind, flow_text(check.message))

    def _fill_demo(self) -> None:
        self.wizard.page_scope.spawn(self._do_fill_demo(), "fill-demo-key")

    async def _do_fill_demo(self) -> None:
        fixtures = await self.wizard.services.fixtures()
        key = flow.demo_api_key(fixtures, self.page.state["provider"])
        if key:
            self.key.set_text(key)
            self.test_status.show_message("info", self.tr("Demo key filled in."))


class CredentialsPage(WizardPage):
    page = Page.CREDENTIALS

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard)
        self.stack = QStackedWidget()
        self.xee = XeeSignInPanel(self)
        self.api_key = ApiKeyPanel(self)
        self.stack.addWidget(self.xee)
        self.stack.addWidget(self.api_key)
        self.body.addWidget(self.stack)

    def title(self) -> str:
        provider, info = self.provider, self.info
        if info is not None and info.signs_in:
            return self.tr("Sign in to {provider}").format(provider=info.title)
        if provider:
            return self.tr("{provider} api key").format(
                provider=flow.PROVIDERS[provider].title)
        return flow_text(flow.PAGE_TITLES[self.page])

    def subtitle(self) -> str:
        env = flow_text(flow.ENVIRONMENT_TITLES.get(self.state.get("environment", ""), ""))
        if self.info is not None and self.info.signs_in:
            return self.tr("The box will be associated to this account. Environment: "
                           "{environment}.").format(environment=env)
        return self.tr("The key authorises the request. Environment: {environment}.").format(
            environment=env)

    def enter(self) -> None:
        if self.info is not None and self.info.signs_in:
            self.stack.setCurrentWidget(self.xee)
            self.xee.enter()
        else:
            self.stack.setCurrentWidget(self.api_key)
            self.api_key.enter()

    def leave(self, forward: bool) -> None:
        if self.info is not None and self.info.signs_in:
            self.xee.cancel_attempt()   # its task then ends with the sign-in's own words
        else:
            self.api_key.leave(forward)

    def refresh_errors(self) -> None:
        if self.info is not None and self.info.has_api_key:
            self.api_key.key.show_error(field_error("api_key", self.state))

    def cancel_wait(self) -> bool:
        if self.xee.attempt is None:
            return False
        self.xee.cancel_attempt()
        return True

    def first_control(self) -> QWidget | None:
        """The api key; signed out of Xee, its sign-in button (signed in: None, Next)."""
        first = super().first_control()
        if first is None and self.xee.sign_in.isVisibleTo(self):
            return self.xee.sign_in
        return first


# --- 3. device --------------------------------------------------------------------------

class DevicePage(WizardPage):
    page = Page.DEVICE

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard)
        self.rows: dict[str, FieldRow] = {}
        self.panels: dict[str, QWidget] = {}
        # The device rows each panel was built with (device_rows when it was built).
        self.panel_rows: dict[str, tuple[tuple[str, str, str], ...]] = {}
        self.stack = QStackedWidget()
        for provider in flow.PROVIDERS:
            self._build_panel(provider)
        self.body.addWidget(self.stack)
        self.fill_demo = button(self.tr("Fill &demo values"), "fillDemoDeviceButton", "demo",
                                self.tr("Use a device of the offline sandbox"))
        self.demo_status = StatusLine("demoFillStatus")
        self.body.addLayout(hbox(self.fill_demo, stretch_at=1))
        self.body.addWidget(self.demo_status)
        self.body.addStretch(1)
        self.fill_demo.clicked.connect(self._fill_demo)

    @staticmethod
    def device_rows(provider: str | None) -> tuple[tuple[str, str, str], ...]:
        """The provider's device fields, in order: state key, object name, placeholder
        (flow.FIELDS holds them with every other name of the field), as the registry has
        them now: a provider registered after this module was imported has its own."""
        return tuple((f.key, f.object_name, f.placeholder)
                     for f in flow.fields_for(Page.DEVICE, provider))

    def _has_panel(self, provider: str | None) -> bool:
        """The provider's panel, built (again) if the registry has it and the panel is
        missing or was built from other fields (a spec registered or replaced later)."""
        if provider not in flow.PROVIDERS:
            return False
        if self.panel_rows.get(provider) != self.device_rows(provider):
            self._build_panel(provider)
        return True

    def _build_panel(self, provider: str) -> None:
        old = self.panels.pop(provider, None)
        if old is not None:   # its spec changed: the new fields replace the old rows
            for key, _name, _placeholder in self.panel_rows.pop(provider):
                self.rows.pop(key, None)
            self.stack.removeWidget(old)
            old.deleteLater()
        rows = self.device_rows(provider)
        info = flow.PROVIDERS[provider]
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        card = Card(spacing=12)
        for key, name, placeholder in rows:
            fld = flow.field(key, provider)
            # The spec's example (words, such as RUFUS's "Front door", in the UI language).
            row = FieldRow(flow_text(fld.label), flow_text(fld.help), name,
                           flow_text(placeholder), optional=not fld.required)
            row.edit.returnPressed.connect(self._return_pressed)
            self.bind(row, key)
            self.rows[key] = row
            if key == info.lookup_field:
                card.add(self._lookup_block(row))
            else:
                card.add(row)
        if info.grid_form:
            grid = QGridLayout()
            grid.setHorizontalSpacing(16)
            grid.setVerticalSpacing(12)
            for index, (key, _n, _p) in enumerate(rows):
                card.layout_.removeWidget(self.rows[key])
                grid.addWidget(self.rows[key], index // 2, index % 2)
            card.layout_.addLayout(grid)
        layout.addWidget(card)
        if info.pin_lock:
            self.pin_warning = StatusLine("xeePinWarning")
            layout.addWidget(self.pin_warning)
        if (handover := flow.handover(provider)) is not None:
            layout.addWidget(label(flow_text(handover.note), "help"))
        layout.addStretch(1)
        self.panels[provider] = panel
        self.panel_rows[provider] = rows
        self.stack.addWidget(panel)

    def _lookup_block(self, email_row: FieldRow) -> QWidget:
        block = QFrame()
        layout = QVBoxLayout(block)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.lookup = button(self.tr("&Find consumer"), "zypeLookupButton", "search",
                             self.tr("Look the consumer up by the email of their account"))
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(email_row, 1)
        row.addWidget(self.lookup, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(row)
        self.consumers = QListWidget()
        self.consumers.setObjectName("zypeConsumerList")
        self.consumers.setAccessibleName(self.tr("Consumers found"))
        self.consumers.setAccessibleDescription(self.tr("Pick the consumer to link: Enter "
                                                        "fills in the consumer id"))
        self.consumers.setMaximumHeight(96)
        self.consumers.hide()
        layout.addWidget(self.consumers)
        self.lookup_status = StatusLine("zypeLookupStatus")
        layout.addWidget(self.lookup_status)
        self.lookup.clicked.connect(self._lookup)
        self.consumers.itemClicked.connect(self._pick_consumer)
        self.consumers.itemActivated.connect(self._pick_consumer)
        return block

    def _return_pressed(self) -> None:
        """Enter in a field: the email looks the consumer up; elsewhere it means Next."""
        sender = self.sender()
        lookup = self.info.lookup_field if self.info is not None else ""
        if lookup and sender is self.rows[lookup].edit:
            self._lookup()
            return
        self.wizard.next()

    def title(self) -> str:
        info = self.info
        return flow_text(info.device_title if info is not None
                         else flow.PAGE_TITLES[self.page])

    def subtitle(self) -> str:
        info = self.info
        return flow_text(info.device_subtitle) if info is not None else ""

    def enter(self) -> None:
        provider = self.provider
        if not self._has_panel(provider):
            return
        self.stack.setCurrentWidget(self.panels[provider])
        default_key, default_setting = self.info.default_field
        if default_key and not str(self.state.get(default_key) or "").strip():
            # The default type (setting rufus/defaultType, or IT's managed preset).
            default_value = str(self.wizard.services.setting(default_setting, "") or "")
            if default_value.strip():
                self.state[default_key] = default_value.strip()
        for key, _name, _placeholder in self.panel_rows[provider]:
            row = self.rows[key]
            value = str(self.state.get(key) or "")
            if row.text() != value:
                row.edit.setText(value)
            row.touched = bool(value)
        self.fill_demo.setVisible(self.state.get("environment") == flow.DEMO)
        self.demo_status.clear()
        if self.info.lookup_field:
            self.consumers.clear()
            self.consumers.hide()
            self.lookup_status.clear()
        self.refresh_errors()

    def touch_fields(self) -> None:
        for row in self.rows.values():
            row.touch()

    def refresh_errors(self) -> None:
        provider = self.provider
        if provider not in self.panel_rows:   # built by enter()
            return
        for key, _name, _placeholder in self.panel_rows[provider]:
            self.rows[key].show_error(field_error(key, self.state))
        info = flow.PROVIDERS[provider]
        if info.pin_lock:
            warning = flow.pin_warning(self.state)
            # A format setting that is not a regular expression: the usual formats apply.
            problem = getattr(self.wizard.services, "xee_format_problem", None)
            if warning:
                self.pin_warning.show_message("warning", flow_text(warning))
            elif problem:
                self.pin_warning.show_message("warning", advice_text(problem, "input.format"))
            else:
                self.pin_warning.clear()
        if info.lookup_field:
            self.lookup.setEnabled(bool(self.state.get(info.lookup_field, "").strip())
                                   and flow.field_error(info.lookup_field, self.state) is None)

    def on_edited(self, key: str) -> None:
        self.refresh_errors()

    def _lookup(self) -> None:
        if self.wizard.is_busy():
            return
        lookup = self.info.lookup_field if self.info is not None else ""
        if not lookup:
            return
        self.rows[lookup].touch()
        self.refresh_errors()
        if flow.field_error(lookup, self.state) or not self.state.get(lookup):
            return
        self.wizard.page_scope.spawn(self._run_lookup(), "zype-lookup")

    async def _run_lookup(self) -> None:
        from app.core.errors import ProviderError

        email = self.state[self.info.lookup_field].strip()
        self.consumers.clear()
        self.consumers.hide()
        self.lookup_status.show_message("info", self.tr("Looking for {email}…").format(
            email=email))
        try:
            async with self.wizard.busy("Finding the consumer"):
                found = await self.wizard.services.call_provider(
                    self.state, lambda api: api.find_consumers(email))
        except ProviderError as error:
            self.lookup_status.show_message("error", advice_text(error.advice, error.kind))
            return
        choices = flow.consumer_choices(found)
        if not choices:
            self.lookup_status.show_message("warning", self.tr(
                "No {provider} consumer has the email {email}. Check the spelling with the "
                "customer.").format(provider=self.info.title, email=email))
            return
        devices = {c.id: tuple(getattr(c, "linked_devices", ()) or ()) for c in found}
        for consumer_id, text in choices:
            linked = devices.get(consumer_id, ())
            # What is already linked tells a support engineer whether the TV is new.
            text += "\n" + (self.tr("Linked devices: {devices}").format(
                devices=", ".join(linked)) if linked else self.tr("No linked device yet"))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, consumer_id)
            self.consumers.addItem(item)
        self.consumers.show()
        if len(choices) == 1:
            self.consumers.setCurrentRow(0)
            self._pick_consumer(self.consumers.item(0))
            self.lookup_status.show_message("success", self.tr("Found one consumer: filled "
                                                               "in."))
        else:
            self.lookup_status.show_message("info", self.tr(
                "%n consumers have this email: pick the right one.", "", len(choices)))

    def _pick_consumer(self, item: QListWidgetItem) -> None:
        if self.info is not None and self.info.lookup_fills:
            self.rows[self.info.lookup_fills].set_text(
                str(item.data(Qt.ItemDataRole.UserRole)))

    def _fill_demo(self) -> None:
        self.wizard.page_scope.spawn(self._do_fill_demo(), "fill-demo-device")

    async def _do_fill_demo(self) -> None:
        fixtures = await self.wizard.services.fixtures()
        values = flow.demo_device_values(fixtures, self.state)
        if not values:
            self.demo_status.show_message("warning", self.tr(
                "The sandbox has no free demo device left: restart the demo to reset it."))
            return
        for key, value in values.items():
            self.rows[key].set_text(value)
        self.demo_status.show_message("info", self.tr("Demo values filled in."))


# --- 4. review --------------------------------------------------------------------------

class ReviewPage(WizardPage):
    page = Page.REVIEW

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard)
        self.card = Card()
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setHorizontalSpacing(18)
        self.form.setVerticalSpacing(8)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.card.layout_.addLayout(self.form)
        self.body.addWidget(self.card)
        self.warning = StatusLine("reviewWarning")
        self.body.addWidget(self.warning)
        self.note = label("", "help", object_name="reviewNote")
        self.body.addWidget(self.note)
        # After "Try again" from an unknown outcome: was the last request carried out?
        self.check_now = button(self.tr("Check &now"), "reviewCheckNowButton",
                                description=self.tr("Ask the provider whether the last "
                                                    "request was carried out"))
        self.check_now.clicked.connect(self._check_now)
        self.check_status = StatusLine("reviewCheckStatus")
        self.body.addLayout(hbox(self.check_now, stretch_at=1))
        self.body.addWidget(self.check_status)
        self.check_now.hide()
        self.body.addStretch(1)

    def title(self) -> str:
        return flow_text(flow.PAGE_TITLES[self.page])

    def subtitle(self) -> str:
        note = flow.uncertain_review_note(self.state)
        if note:
            return flow_text(note)
        return self.tr("Nothing has been sent yet. Check what will be sent, where, and as "
                       "whom.")

    def _check_now(self) -> None:
        self.wizard.page_scope.spawn(self._run_check(), "check-outcome")

    async def _run_check(self) -> None:
        from app.auth.errors import SignInError
        from app.core.errors import ProviderError

        state = self.state
        self.check_status.show_message("info", self.tr("Checking…"))
        try:
            async with self.wizard.busy("Checking the last request"):
                found = await self.wizard.services.call_provider(
                    state, lambda api: flow.check_last_request(api, state, locale_time))
        except (ProviderError, SignInError) as error:
            self.check_status.show_message("error", flow_text(Message(
                FLOW, flow.CHECK_FAILED, advice=error.advice_message)))
            return
        role = {True: "warning", False: "success"}.get(found.done, "info")
        self.check_status.show_message(role, flow_text(found.message))

    def rows(self) -> list[tuple[str, str]]:
        provider, env = self.provider, self.state.get("environment")
        root = ""
        if provider and env:
            root = (self.wizard.services.root_override(provider, env)
                    or self.wizard.services.default_root(provider, env))
        return flow.review_rows(self.state, root or None)

    def enter(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        # The rows of the provider's secret fields (Field.secret: Xee's pin), masked by
        # the spec, are revealed by "Show".
        secrets = {f.label: f.key for f in flow.FIELDS
                   if f.secret and f.provider == self.provider}
        for name, value in self.rows():
            key = label(flow_text(name), "help", wrap=False)
            if name in ("Environment", "As") or value in ("—", "not signed in"):
                value = flow_text(value)   # the flow's words; the user's values as typed
            val = label(value, selectable=True)
            val.setObjectName("review" + name.replace(" ", ""))
            val.setAccessibleName(flow_text(name))
            key.setBuddy(val)
            if name in secrets:
                self.form.addRow(key, self._revealable(val, name, secrets[name]))
                continue
            self.form.addRow(key, val)
        if self.state.get("environment") == flow.PRODUCTION:
            self.warning.show_message("warning", self.tr(
                "Production: this changes a real customer's device right away."))
        else:
            self.warning.clear()
        warning = (flow.pin_warning(self.state) if self.info is not None and self.info.pin_lock
                   else None)
        if warning:
            self.warning.show_message("warning", flow_text(warning))
        self.check_status.clear()
        self.check_now.setVisible(bool(self.state.get("uncertain")))
        info = flow.provider_info(self.provider)
        self.note.setText(self.tr("“{action}” sends one request. You can undo it from the "
                                  "result page.").format(action=flow_text(info.action))
                          if info else "")


    def _revealable(self, value: QLabel, name: str, key: str) -> QHBoxLayout:
        """A secret field's value (state key `key`, its row `name`: the field's label),
        masked until "Show" is pressed (Xee's pin, of which a wrong one costs one of 3
        tries). The button names the field by its own label."""
        from PySide6.QtWidgets import QToolButton

        pin = str(self.state.get(key) or "").strip()
        masked = value.text()
        show = QToolButton()
        show.setObjectName("review" + name.replace(" ", "") + "Show")   # reviewPinShow
        show.setCheckable(True)
        show.setText(self.tr("Show"))
        field = flow_text(name)
        show.setAccessibleName(self.tr("Show {field}").format(field=field))
        show.setAccessibleDescription(self.tr("Show or hide {field}, about to be sent")
                                      .format(field=field))

        def toggled(on: bool) -> None:
            value.setText(pin if on else masked)
            show.setText(self.tr("Hide") if on else self.tr("Show"))

        show.toggled.connect(toggled)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(value)
        row.addWidget(show)
        row.addStretch(1)
        return row


# --- 5. pairing -------------------------------------------------------------------------

class PairingPage(WizardPage):
    page = Page.PAIRING

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard)
        card = Card(margins=24, spacing=12)
        self.status = label("", "sectionTitle", object_name="pairingStatus")
        card.add(self.status)
        self.progress = QProgressBar()
        self.progress.setObjectName("pairingProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.setAccessibleName(self.tr("Waiting for the provider"))
        card.add(self.progress)
        self.elapsed = label("", "help", object_name="pairingElapsed")
        card.add(self.elapsed)
        card.add(label(self.tr("Cancel stops waiting. A request that already reached the "
                               "provider may still be carried out: the result page tells you "
                               "how to check."), "help"))
        self.body.addWidget(card)
        self.body.addStretch(1)
        self.started = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._tick)

    def title(self) -> str:
        return flow_text(flow.PAGE_TITLES[self.page])

    def subtitle(self) -> str:
        return self.tr("Talking to the provider. The window stays usable; Cancel is always "
                       "available.")

    def enter(self) -> None:
        info = self.info
        self.status.setText(flow_text(info.pairing_status) if info is not None
                            else self.tr("Pairing…"))
        self.started = time.monotonic() if not self.wizard.render_only else 0
        self.elapsed.setText(self.tr("Sending the request…"))
        if not self.wizard.render_only:
            self.timer.start()

    def leave(self, forward: bool) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        seconds = time.monotonic() - self.started
        self.elapsed.setText(self.waiting_text(seconds))

    def waiting_text(self, seconds: float) -> str:
        return self.tr("Waiting for the answer… {seconds} s").format(
            seconds=QLocale().toString(seconds, "f", 1))


# --- 6. result --------------------------------------------------------------------------

class ResultPage(WizardPage):
    page = Page.RESULT

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard)
        head = QHBoxLayout()
        head.setSpacing(12)
        self.icon = QLabel()
        self.icon.setFixedSize(32, 32)
        head.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        self.result_title = label("", "resultTitle", object_name="resultTitle")
        head.addWidget(self.result_title, 1)
        self.body.addLayout(head)

        self.details_card = Card()
        self.details = RichTextLabel()
        self.details.setObjectName("resultDetails")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_card.add(self.details)
        self.body.addWidget(self.details_card)

        # The id the provider hands over (RUFUS's deviceid) must be stored on the device;
        # never lose it. Its words are the spec's (flow.handover), set when shown.
        self.deviceid_card = Card()
        self.deviceid_note = label("", "warning", object_name="deviceIdNote")
        self.deviceid_card.add(self.deviceid_note)
        self.deviceid = QLineEdit()
        self.deviceid.setObjectName("rufusDeviceIdEdit")
        self.deviceid.setReadOnly(True)
        self.deviceid.setMinimumHeight(30)
        self.copy_deviceid = button(self.tr("&Copy"), "copyDeviceIdButton", "copy")
        self.save_deviceid = button(self.tr("&Save…"), "saveDeviceIdButton", "save")
        row = QHBoxLayout()
        row.addWidget(self.deviceid, 1)
        row.addWidget(self.copy_deviceid)
        row.addWidget(self.save_deviceid)
        self.deviceid_card.layout_.addLayout(row)
        self.deviceid_status = StatusLine("deviceIdStatus")
        self.deviceid_card.add(self.deviceid_status)
        self.body.addWidget(self.deviceid_card)

        self.copy_details = button(self.tr("Cop&y details"), "copyDetailsButton", "copy",
                                   self.tr("Copy what happened, without any key or pin"))
        self.fix = button(self.tr("Fix"), "fixInputButton",
                          description=self.tr("Go back to the page where this can be fixed"))
        self.undo = button(self.tr("&Undo"), "undoButton", "undo",
                           self.tr("Reverse this pairing (asks first)"))
        self.check_network = button(self.tr("Check the net&work…"), "resultCheckNetworkButton",
                                    description=self.tr("Can this computer reach the "
                                                        "provider? DNS, connection, TLS and "
                                                        "one harmless request"))
        self.pair_another = button(self.tr("&Pair another device"), "pairAnotherButton",
                                   description=self.tr("Same provider and credentials, a new "
                                                       "device"))
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for widget in (self.copy_details, self.fix, self.undo, self.check_network):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.pair_another)
        self.body.addLayout(actions)
        self.action_status = StatusLine("resultActionStatus")
        self.body.addWidget(self.action_status)
        self.body.addStretch(1)

        self.copy_details.clicked.connect(self._copy_details)
        self.fix.clicked.connect(lambda: self.wizard.go_fix())
        self.check_network.clicked.connect(lambda: self.wizard.check_network())
        self.undo.clicked.connect(lambda: self.wizard.start_undo())
        self.pair_another.clicked.connect(lambda: self.wizard.pair_another())
        self.copy_deviceid.clicked.connect(self._copy_deviceid)
        self.save_deviceid.clicked.connect(self._save_deviceid)

    def title(self) -> str:
        return flow_text(flow.PAGE_TITLES[self.page])

    def subtitle(self) -> str:
        return ""

    def outcome_pixmap(self, name: str, color: str) -> QPixmap:
        """The outcome's icon: theme's rendering of its SVG, which theme keeps (rendered
        in memory by warm_up, not on the turn the outcome arrives; nothing on disk)."""
        return theme.svg_pixmap(name, 32, color)

    def warm_up(self) -> None:
        super().warm_up()
        c = theme.colors()
        for name, color in (("check", c["success"]), ("error", c["error"])):
            self.outcome_pixmap(name, color)

    def enter(self) -> None:
        self.action_status.clear()
        self.deviceid_status.clear()
        self.show_outcome()

    def first_control(self) -> QWidget | None:
        return self.fix

    def set_actions_enabled(self, enabled: bool) -> None:
        for action in (self.undo, self.pair_another, self.fix):
            action.setEnabled(enabled)

    def show_action_status(self, kind: str, text: str) -> None:
        self.action_status.show_message(kind, text)

    def show_outcome(self) -> None:
        state = self.state
        error = state.get("error")
        c = theme.colors()
        if error:
            self.icon.setPixmap(self.outcome_pixmap("error", c["error"]))
            self.result_title.setText(flow_text(flow.failure_title(error)))
            self.details.setText(failure_html(state, error))
            self.details.setAccessibleName(self.result_title.text())
            self.details.setAccessibleDescription(failure_text(state, error))
            fix = flow.fix_action(state)   # where "Try again" leads, and its label
            assert fix is not None
            self.fix.setText(flow_text(fix.label))
            self.fix.setAccessibleName(self.fix.text().replace("&", ""))
            self.fix.setIcon(theme.icon("undo"))
            self.check_network.setVisible(is_network_error(error))
            self.fix.setVisible(fix.offered)   # a locked box: another pin will not help
            self.undo.hide()
            self.pair_another.hide()
            self.deviceid_card.hide()
            return
        undone = bool(state.get("undone"))
        self.icon.setPixmap(self.outcome_pixmap("check" if not undone else "undo",
                                                c["success"] if not undone else c["muted"]))
        self.result_title.setText(flow_text(flow.success_title(state)))
        rows = translated_result_rows(state)
        self.details.setText(rows_html(rows))
        self.details.setAccessibleName(self.result_title.text())
        self.details.setAccessibleDescription("\n".join(f"{k}: {v}" for k, v in rows))
        self.fix.hide()
        self.check_network.hide()
        info = flow.PROVIDERS[state["provider"]]
        self.undo.setText("&" + flow_text(info.undo_action))
        self.undo.setAccessibleName(flow_text(info.undo_action))
        self.undo.setVisible(not undone)
        self.undo.setEnabled(not self.wizard.is_busy())
        self.pair_another.show()
        handover = flow.handover(state["provider"])
        deviceid = (state.get("result") or {}).get(handover.key) if handover else None
        if handover is not None:
            self._show_handover_words(handover)
        self.deviceid_card.setVisible(bool(deviceid) and not undone)
        self.deviceid.setText(deviceid or "")
        self.deviceid.setCursorPosition(0)  # show its start, not its end (issue 17)

    def _show_handover_words(self, handover: Any) -> None:
        """The card's words for the id this provider hands over (the spec's)."""
        self.deviceid_note.setText(flow_text(handover.store))
        self.deviceid.setAccessibleName(handover.key)
        self.deviceid.setAccessibleDescription(flow_text(handover.description))
        for widget, tip in ((self.copy_deviceid, handover.copy_tip),
                            (self.save_deviceid, handover.save_tip)):
            widget.setToolTip(flow_text(tip))
            widget.setAccessibleDescription(flow_text(tip))

    def _copy_details(self) -> None:
        state = self.state
        if state.get("error"):
            root = self.wizard.current_root()
            copy_text(flow.diagnostics(state, state["error"], api_root=root))
        else:
            lines = [flow_text(flow.success_title(state))] + [
                f"{k}: {v}" for k, v in translated_result_rows(state)]
            copy_text("\n".join(lines))
        self.action_status.show_message("success", self.tr("Details copied to the "
                                                           "clipboard."))

    def _copy_deviceid(self) -> None:
        handover = flow.handover(self.state.get("provider"))
        copy_text(self.deviceid.text())
        self.wizard.deviceid_kept = True
        if handover is not None:
            self.deviceid_status.show_message("success", flow_text(handover.copied))

    def _save_deviceid(self) -> None:
        self.wizard.spawn(self._do_save_deviceid(), "save-deviceid")

    async def _do_save_deviceid(self) -> None:
        import asyncio

        handover = flow.handover(self.state.get("provider"))
        if handover is None:
            return
        # The spec's name and lines (RUFUS: rufus-deviceid-…).
        suggested, text = handover.file(self.state.get("result") or {})
        from app.ui import dialogs

        path = await dialogs.save_file_name(self, flow_text(handover.save_title), suggested)
        if not path:
            return
        try:
            await asyncio.to_thread(_write_text, path, text)
        except OSError as exc:
            self.deviceid_status.show_message("error", self.tr(
                "Could not save to {path}: {reason}. Copy it instead.").format(
                    path=path, reason=exc.strerror or exc))
            return
        self.wizard.deviceid_kept = True
        self.deviceid_status.show_message("success", self.tr("Saved to {path}.").format(
            path=path))


def _write_text(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def translated_result_rows(state: dict[str, Any]) -> list[tuple[str, str]]:
    """flow.result_rows with the labels (and yes/no) in the UI language, the provider's
    times as local date-times in the UI language's short format."""
    return [(flow_text(k), flow_text(v) if v in ("yes", "no") else v)
            for k, v in flow.result_rows(state, locale_time)]


def rows_html(rows: list[tuple[str, str]]) -> str:
    import html  # not before the first paint

    c = theme.colors()
    cells = "".join(
        f"<tr><td style='color:{c['muted']}; padding:3px 18px 3px 0'>{html.escape(k)}</td>"
        f"<td style='padding:3px 0'>{html.escape(v)}</td></tr>" for k, v in rows)
    return f"<table cellspacing='0'>{cells}</table>"


def failure_text(state: dict[str, Any], error: dict[str, Any]) -> str:
    """The failure as plain text (the details' accessible description)."""
    from PySide6.QtGui import QTextDocument

    text = QTextDocument()
    text.setHtml(failure_html(state, error))
    return text.toPlainText().strip()


def failure_html(state: dict[str, Any], error: dict[str, Any]) -> str:
    import html

    c = theme.colors()
    provider = flow.PROVIDERS.get(state.get("provider") or "")
    who = provider.title if provider else translate("ResultPage", "The provider")
    advice = advice_text(error.get("advice") or "", str(error.get("kind") or ""))
    parts = [f"<p style='margin-bottom:10px'>{html.escape(advice)}</p>"]
    said = []
    if error.get("message") and is_network_error(error):
        # Our own transport's words ("All connection attempts failed", "ReadError"), not
        # the provider's: a technical detail, never "RUFUS said".
        said.append(translate("ResultPage", "<b>Technical detail:</b> {detail}").format(
            detail=html.escape(str(error["message"]))))
    # The provider's own message and tip: exactly as sent, never translated.
    elif error.get("message"):
        said.append(translate("ResultPage", "<b>{provider} said:</b> {message}").format(
            provider=html.escape(who), message=html.escape(str(error["message"]))))
    if error.get("tip"):
        said.append(translate("ResultPage", "<b>Tip:</b> {tip}").format(
            tip=html.escape(str(error["tip"]))))
    if said:
        parts.append("<p>" + "<br>".join(said) + "</p>")
    meta = []
    if error.get("status"):
        meta.append(f"HTTP {error['status']}")
    if error.get("endpoint"):
        meta.append(html.escape(str(error["endpoint"]).split("?", 1)[0]))
    if error.get("kind") == "cancelled":
        meta.append(html.escape(translate("ResultPage", "cancelled")))
    elif error.get("kind"):
        meta.append(html.escape(str(error["kind"])))
    note = flow.pin_result_note(state)
    if note:
        parts.insert(1, f"<p style='margin-bottom:10px'><b>{html.escape(flow_text(note))}"
                        "</b></p>")
    if meta:
        parts.append(f"<p style='color:{c['muted']}'>{' · '.join(meta)}</p>")
    return "".join(parts)


def is_network_error(error: dict[str, Any]) -> bool:
    """A failure of the network between us and the provider (not a cancel by the user)."""
    kind = str(error.get("kind") or "")
    return kind.startswith("network.") or (
        error.get("category") == "network" and kind != "cancelled")


PAGE_CLASSES: dict[Page, type[WizardPage]] = {
    page.page: page
    for page in (CredentialsPage, DevicePage, ReviewPage, PairingPage, ResultPage)
}
