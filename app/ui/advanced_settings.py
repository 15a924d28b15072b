"""The provider page's Advanced settings: the API address, the browser command, the
Xee app's client id and secret, the language and the network check.

Built the first time it is opened (or read), not before the wizard's first paint: it
is most of the provider page's widgets, and nobody needs it to choose a provider.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core import flow
from app.ui import i18n, theme
from app.ui.i18n import advice as advice_text
from app.ui.i18n import flow_text
from app.ui.network_check import NetworkCheckPanel
from app.ui.widgets import button, hbox, label, wheel_only_when_focused

if TYPE_CHECKING:
    from app.ui.host import SettingsHost, WizardHost


class AdvancedSettings(QWidget):
    """The section under the provider page's "Advanced settings" toggle."""

    def __init__(self, page: SettingsHost) -> None:
        super().__init__()
        self.page = page
        self.setObjectName("advancedSettings")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        # Labels above their fields: room for long labels and long placeholders alike.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form
        # Shown when IT's managed configuration locks a setting shown here.
        self.managed_note = label(self.tr("Settings shown greyed out are managed by your IT "
                                          "department (managed configuration file)."),
                                  "help", object_name="managedSettingsNote")
        self.managed_note.setVisible(False)
        form.addRow(self.managed_note)
        self.api_root = QLineEdit()
        self.api_root.setObjectName("apiRootEdit")
        self.api_root.setClearButtonEnabled(True)
        self.api_root.setAccessibleName(self.tr("API address"))
        self.api_root.setAccessibleDescription(
            self.tr("The provider's API address; leave empty for the usual one"))
        form.addRow(self.tr("API &address"), self.api_root)
        self.api_root_note = label("", "help", object_name="apiRootNote")
        form.addRow("", self.api_root_note)
        self.browser = QLineEdit()
        self.browser.setObjectName("browserCommandEdit")
        self.browser.setPlaceholderText(self.tr("system default browser"))
        browser_tip = self.tr("A command that opens a URL; {url} is replaced by the "
                              "address. PAIRING_WIZARD_BROWSER, when set, wins.")
        self.browser.setToolTip(browser_tip)
        self.browser.setAccessibleName(self.tr("Browser command"))
        self.browser.setAccessibleDescription(browser_tip)
        form.addRow(self.tr("B&rowser command"), self.browser)

        # Xee outside the demo: the OAuth app's client id and secret (the secret goes to
        # the keychain only, never to the settings file).
        self.xee_app_title = label(self.tr("Xee app"), "fieldLabel", wrap=True)
        self.xee_client_id = QLineEdit()
        self.xee_client_id.setObjectName("xeeClientIdEdit")
        self.xee_client_id.setAccessibleName(self.tr("Xee client id"))
        self.xee_client_id.setAccessibleDescription(
            self.tr("The client id of the Xee app Pairing Wizard signs in with"))
        self.xee_client_id.setPlaceholderText(self.tr("client id"))
        self.xee_client_secret = QLineEdit()
        self.xee_client_secret.setObjectName("xeeClientSecretEdit")
        self.xee_client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.xee_client_secret.setAccessibleName(self.tr("Xee client secret"))
        self.xee_client_secret.setAccessibleDescription(
            self.tr("The Xee app's client secret, kept in the system keychain"))
        self.xee_client_secret.setPlaceholderText(self.tr("client secret"))
        self.xee_app_note = label("", "help", object_name="xeeAppNote")
        self.xee_app = QWidget()
        self.xee_app.setObjectName("xeeAppSettings")
        xee_form = QVBoxLayout(self.xee_app)
        xee_form.setContentsMargins(0, 0, 0, 0)
        xee_form.setSpacing(6)
        xee_form.addWidget(self.xee_client_id)
        xee_form.addWidget(self.xee_client_secret)
        xee_form.addWidget(self.xee_app_note)
        form.addRow(self.xee_app_title, self.xee_app)
        self._xee_secret_stored = False
        self._build_xee_sign_in(form)
        self._build_xee_api(form)

        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        wheel_only_when_focused(self.language)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setAccessibleDescription(
            self.tr("The language of Pairing Wizard; applied the next time it starts"))
        self.language.addItem(self.tr("System ({language})").format(
            language=i18n.LANGUAGE_NAMES[i18n.system_language()]), "")
        for code in i18n.LANGUAGES:
            self.language.addItem(i18n.LANGUAGE_NAMES[code], code)
        self.language_note = label("", "help", object_name="languageNote")
        self.language_note.setMinimumWidth(1)
        # Offered once the setting differs from the language in use (it applies at a start).
        self.restart_button = button(
            self.tr("Restart now"), "languageRestartButton",
            description=self.tr("Close Pairing Wizard and open it again in the chosen "
                                "language"))
        self.restart_button.setVisible(False)
        language_box = QWidget()
        language_layout = QVBoxLayout(language_box)
        language_layout.setContentsMargins(0, 0, 0, 0)
        language_layout.setSpacing(4)
        language_layout.addLayout(hbox(self.language, stretch_at=1))
        language_note_row = hbox(self.language_note, self.restart_button)
        language_note_row.setStretch(0, 1)
        language_layout.addLayout(language_note_row)
        form.addRow(self.tr("&Language"), language_box)
        self._build_timeout(form)
        self.network = NetworkCheckPanel(page.wizard)
        form.addRow(self.tr("Network"), self.network)

        self.api_root.editingFinished.connect(self._root_edited)
        self.browser.editingFinished.connect(self._browser_edited)
        self.xee_client_id.editingFinished.connect(self._xee_app_edited)
        self.xee_client_secret.editingFinished.connect(self._xee_app_edited)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.restart_button.clicked.connect(self.wizard.restart)
        self.wizard.restart_failed.connect(self._restart_failed)

    @property
    def wizard(self) -> WizardHost:
        return self.page.wizard

    @property
    def state(self) -> dict[str, Any]:
        return self.page.state

    @property
    def provider(self) -> str | None:
        return self.page.provider

    def load(self) -> None:
        """Everything from the settings and the state (the page was entered)."""
        self.show_root()
        self.browser.setText(self.wizard.services.browser_command() or "")
        self._show_language()
        self._show_timeout()
        self.apply_locks()

    def apply_locks(self) -> None:
        """Settings IT's managed configuration locks: disabled, with a line saying so."""
        services = self.wizard.services
        env = str(self.state.get("environment") or "")
        fields = [(self.browser, "browser/command"),
                  (self.xee_client_id, f"xee/{env}/clientId"),
                  (self.xee_redirect_uri, "xee/redirectUri"),
                  (self.xee_redirect_ports, "xee/redirectPorts"),
                  (self.xee_scopes, "xee/scopes"),
                  (self.xee_no_state, "xee/stateEchoed"),
                  (self.xee_no_scope, "xee/sendScope"),
                  (self.timeout, "network/timeoutSeconds"),
                  (self.xee_api_version, "xee/apiVersion"),
                  (self.xee_device_id_pattern, "xee/deviceIdPattern"),
                  (self.xee_pin_pattern, "xee/pinPattern")]
        if self.provider and env and env != flow.DEMO:
            fields.append((self.api_root, f"roots/{self.provider}/{env}"))
        managed_tip = self.tr("Managed by your IT department")
        any_locked = False
        for widget, key in fields:
            if services.locked(key):
                widget.setEnabled(False)
                widget.setToolTip(managed_tip)
                any_locked = any_locked or not widget.isHidden()
        if services.managed.xee_client_secret:
            self.xee_client_secret.setEnabled(False)
            self.xee_client_secret.setPlaceholderText(
                self.tr("set by your IT department"))
        self.managed_note.setVisible(any_locked)

    def show_root(self) -> None:
        provider, env = self.provider, self.state.get("environment")
        services = self.wizard.services
        self.network.refresh()
        self._show_xee_app()
        self._show_xee_sign_in()
        self._show_xee_api()
        """The API address, the Xee app and the network check for the provider and
        environment chosen."""
        if not provider or not env:
            self.api_root.setEnabled(False)
            self.api_root.setText("")
            self.api_root_note.setText("")
            return
        if env == flow.DEMO:
            self.api_root.setEnabled(False)
            self.api_root.setText(services.default_root(provider, env))
            self.api_root.setPlaceholderText("")
            self.api_root_note.setText(self.tr("The offline sandbox runs on this computer; "
                                               "its address shows once it has started."))
            return
        self.api_root.setEnabled(True)
        self.api_root.setPlaceholderText(services.default_root(provider, env))
        self.api_root.setText(services.root_override(provider, env))
        self.api_root_note.setText(self.tr("Leave empty for the provider's address shown in "
                                           "grey."))
        self.apply_locks()

    def _root_edited(self) -> None:
        provider, env = self.provider, self.state.get("environment")
        if not provider or not env or env == flow.DEMO:
            return
        from app.core.environments import api_root
        from app.core.errors import InputError

        text = self.api_root.text().strip()
        try:
            if text:
                api_root(provider, env, overrides={provider: text})
        except InputError as error:
            self.api_root_note.setText(advice_text(error.advice, error.kind))
            self.api_root_note.setProperty("role", "error")
            theme.repolish(self.api_root_note)
            return
        self.api_root_note.setProperty("role", "help")
        theme.repolish(self.api_root_note)
        self.wizard.services.set_root_override(provider, env, text)
        self.show_root()

    def _browser_edited(self) -> None:
        settings = self.wizard.services.settings
        text = self.browser.text().strip()
        if text:
            settings.setValue("browser/command", text)
        else:
            settings.remove("browser/command")

    # -- the Xee app's client id and secret (online sandbox and production) --------------

    def _xee_app_env(self) -> str | None:
        env = self.state.get("environment")
        # Not on Xee's online sandbox either: it needs no sign-in, so no app credentials.
        info = self.page.info
        if info and info.needs_sign_in(env) and env and env != flow.DEMO:
            return str(env)
        return None

    def _show_xee_app(self) -> None:
        env = self._xee_app_env()
        visible = env is not None
        self.xee_app_title.setVisible(visible)
        self.xee_app.setVisible(visible)
        if not visible:
            return
        import os

        services = self.wizard.services
        self.xee_client_id.setText(services.xee_client_id_setting(env))
        self.xee_client_secret.clear()
        self._set_xee_note("help", self._xee_app_help(env))
        if os.environ.get("XEE_CLIENT_ID") or os.environ.get("XEE_CLIENT_SECRET"):
            self._set_xee_note("help", self.tr(
                "XEE_CLIENT_ID / XEE_CLIENT_SECRET are set in the environment: they win over "
                "these fields."))
        if not self.wizard.render_only:
            self.wizard.spawn(self._load_xee_secret_state(env), "xee-app-secret")

    def _xee_app_help(self, env: str) -> str:
        if self._xee_secret_stored:
            return self.tr("The secret is stored in the system keychain; type a new one to "
                           "replace it.")
        return self.tr("Needed to sign in to Xee outside the demo ({environment}). The "
                       "secret is kept in the system keychain, never in a file.").format(
                           environment=flow_text(flow.ENVIRONMENT_TITLES.get(env, env)))

    async def _load_xee_secret_state(self, env: str) -> None:
        stored = await self.wizard.services.load_key("xee-app", env)
        if self._xee_app_env() != env:
            return
        self._xee_secret_stored = self._xee_secret_stored or bool(stored)
        self.xee_client_secret.setPlaceholderText(
            self.tr("stored in the keychain") if stored else self.tr("client secret"))
        if self.xee_app_note.property("role") == "help":   # never over an error or "Saved"
            self._set_xee_note("help", self._xee_app_help(env))

    def _set_xee_note(self, role: str, text: str) -> None:
        self.xee_app_note.setText(text)
        self.xee_app_note.setProperty("role", role)
        for edit in (self.xee_client_id, self.xee_client_secret):
            theme.set_flags(edit, invalid=False)
        theme.repolish(self.xee_app_note)

    def _xee_app_edited(self) -> None:
        env = self._xee_app_env()
        if env is None:
            return
        client_id = self.xee_client_id.text().strip()
        secret = self.xee_client_secret.text().strip()
        errors = flow.xee_app_errors(client_id, secret, self._xee_secret_stored)
        focus = self.focusWidget()
        if focus is self.xee_client_id and not secret and "client_id" not in errors:
            errors.pop("client_secret", None)      # still to be typed: not an error yet
        if errors:
            first = errors.get("client_id") or errors["client_secret"]
            self._set_xee_note("error", flow_text(first))
            bad = self.xee_client_id if "client_id" in errors else self.xee_client_secret
            theme.set_flags(bad, invalid=True)
            bad.setAccessibleDescription(flow_text(first))
            return
        services = self.wizard.services
        services.set_xee_client_id_setting(env, client_id)
        if secret:
            self.xee_client_secret.clear()
            self.wizard.spawn(self._save_xee_secret(env, secret), "xee-app-save")
        elif self._xee_secret_stored:
            self._set_xee_note("success", self.tr("Saved: the client id in the settings; "
                                                  "the secret stays in the keychain."))

    async def _save_xee_secret(self, env: str, secret: str) -> None:
        saved = await self.wizard.services.save_key("xee-app", env, secret)
        if saved:
            self._xee_secret_stored = True
            self.xee_client_secret.setPlaceholderText(self.tr("stored in the keychain"))
            self._set_xee_note("success", self.tr("Saved: the client id in the settings, "
                                                  "the secret in the system keychain."))
        else:
            self._set_xee_note("error", self.tr(
                "The keychain refused the secret: unlock it, or set XEE_CLIENT_SECRET in the "
                "environment."))

    # -- the Xee sign-in: registered redirect URI, state, scope (issue 13) -----------------

    def _build_xee_sign_in(self, form: QFormLayout) -> None:
        self.xee_sign_in_title = label(self.tr("Xee sign-in"), "fieldLabel", wrap=True)
        self.xee_redirect_uri = QLineEdit()
        self.xee_redirect_uri.setObjectName("xeeRedirectUriEdit")
        self.xee_redirect_uri.setPlaceholderText(self.tr("default: 127.0.0.1, any port"))
        self.xee_redirect_uri.setAccessibleName(self.tr("Xee redirect URI"))
        self.xee_redirect_uri.setAccessibleDescription(self.tr(
            "The redirect URI exactly as registered for the Xee app, such as "
            "http://localhost:8080/callback; Xee refuses any other"))
        self.xee_redirect_ports = QLineEdit()
        self.xee_redirect_ports.setObjectName("xeeRedirectPortsEdit")
        self.xee_redirect_ports.setPlaceholderText(self.tr("ports, in order: e.g. 8080,8081"))
        self.xee_redirect_ports.setAccessibleName(self.tr("Xee redirect ports"))
        self.xee_redirect_ports.setAccessibleDescription(self.tr(
            "Ports registered for the Xee app, tried in order when one is busy"))
        # A check box's text never wraps: a short one, and what it means in a label below
        # that wraps (the section fits the wizard's minimum width in every language).
        self.xee_no_state = QCheckBox(self.tr("Xee does not echo state"))
        self.xee_no_state_help = self._check_help(self.tr(
            "Confirm the signed-in account after each sign-in."), "xeeNoStateEchoHelp")
        self.xee_no_state.setObjectName("xeeNoStateEchoCheck")
        self.xee_no_state.setAccessibleName(self.tr("Xee does not echo state"))
        self.xee_no_state.setAccessibleDescription(self.tr(
            "Accept Xee's sign-in answer without state, then confirm the signed-in account"))
        self.xee_no_scope = QCheckBox(self.tr("Send no scope"))
        self.xee_no_scope_help = self._check_help(self.tr(
            "The scopes set for the app at Xee apply."), "xeeNoScopeHelp")
        self.xee_no_scope.setObjectName("xeeNoScopeCheck")
        self.xee_no_scope.setAccessibleName(self.tr("Send no scope"))
        self.xee_no_scope.setAccessibleDescription(self.tr(
            "Leave scope out of the sign-in address, as Xee's own SDK does"))
        from app.auth.scopes import DEFAULT_SCOPES

        self.xee_scopes = QLineEdit()
        self.xee_scopes.setObjectName("xeeScopesEdit")
        self.xee_scopes.setPlaceholderText(" ".join(DEFAULT_SCOPES))
        self.xee_scopes.setAccessibleName(self.tr("Xee scopes"))
        self.xee_scopes.setAccessibleDescription(self.tr(
            "Space-separated scopes to ask for; empty for the usual ones"))
        self.xee_sign_in_note = label("", "help", object_name="xeeSignInNote")
        self.xee_sign_in = QWidget()
        self.xee_sign_in.setObjectName("xeeSignInSettings")
        box = QVBoxLayout(self.xee_sign_in)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        for widget in (self.xee_redirect_uri, self.xee_redirect_ports, self.xee_no_state,
                       self.xee_no_state_help, self.xee_no_scope, self.xee_no_scope_help,
                       self.xee_scopes, self.xee_sign_in_note):
            box.addWidget(widget)
        form.addRow(self.xee_sign_in_title, self.xee_sign_in)
        self.xee_redirect_uri.editingFinished.connect(self._xee_redirect_edited)
        self.xee_redirect_ports.editingFinished.connect(self._xee_redirect_edited)
        self.xee_scopes.editingFinished.connect(self._xee_scopes_edited)
        self.xee_no_state.toggled.connect(
            lambda on: self._save_xee_flag("xee/stateEchoed", not on))
        self.xee_no_scope.toggled.connect(self._xee_no_scope_toggled)

    def _check_help(self, text: str, object_name: str) -> QLabel:
        """The wrapped line under a check box, in line with the check box's text."""
        help_label = label(text, "help", object_name=object_name)
        help_label.setContentsMargins(24, 0, 0, 0)
        help_label.setMinimumWidth(1)
        return help_label

    def _show_xee_sign_in(self) -> None:
        """Shown for Xee where it signs in (not on Xee's online sandbox, which needs none)."""
        info = self.page.info
        visible = bool(info and info.needs_sign_in(self.state.get("environment")))
        self.xee_sign_in_title.setVisible(visible)
        self.xee_sign_in.setVisible(visible)
        if not visible:
            return
        services = self.wizard.services
        self.xee_redirect_uri.setText(str(services.setting("xee/redirectUri", "") or ""))
        self.xee_redirect_ports.setText(str(services.setting("xee/redirectPorts", "") or ""))
        self.xee_scopes.setText(str(services.setting("xee/scopes", "") or ""))
        for check, key in ((self.xee_no_state, "xee/stateEchoed"),
                           (self.xee_no_scope, "xee/sendScope")):
            check.blockSignals(True)
            check.setChecked(not services.setting(key, True))
            check.blockSignals(False)
        self.xee_scopes.setEnabled(not self.xee_no_scope.isChecked())
        self._set_xee_sign_in_note("help", "")

    def _set_xee_sign_in_note(self, role: str, text: str) -> None:
        self.xee_sign_in_note.setText(text)
        self.xee_sign_in_note.setVisible(bool(text))
        self.xee_sign_in_note.setProperty("role", role)
        theme.repolish(self.xee_sign_in_note)

    def _xee_redirect_edited(self) -> None:
        from app.auth.redirect import RedirectSettingError, parse_registered_redirect

        uri = self.xee_redirect_uri.text().strip()
        ports = self.xee_redirect_ports.text().strip()
        try:
            parse_registered_redirect(uri, ports)
        except RedirectSettingError as exc:
            self._set_xee_sign_in_note("error", self.tr(
                "The Xee redirect URI setting cannot be used: {reason}").format(
                    reason=str(exc)))
            bad = self.xee_redirect_ports if "port list" in str(exc) else self.xee_redirect_uri
            theme.set_flags(bad, invalid=True)
            return
        for edit in (self.xee_redirect_uri, self.xee_redirect_ports):
            theme.set_flags(edit, invalid=False)
        settings = self.wizard.services.settings
        for key, value in (("xee/redirectUri", uri), ("xee/redirectPorts", ports)):
            if value:
                settings.setValue(key, value)
            else:
                settings.remove(key)
        self._set_xee_sign_in_note("success", self.tr("Saved: the next sign-in uses it."))

    def _xee_scopes_edited(self) -> None:
        scopes = " ".join(self.xee_scopes.text().split())
        settings = self.wizard.services.settings
        if scopes:
            settings.setValue("xee/scopes", scopes)
        else:
            settings.remove("xee/scopes")
        self._set_xee_sign_in_note("success", self.tr("Saved: the next sign-in uses it."))

    def _xee_no_scope_toggled(self, on: bool) -> None:
        self.xee_scopes.setEnabled(not on)
        self._save_xee_flag("xee/sendScope", not on)

    def _save_xee_flag(self, key: str, value: bool) -> None:
        settings = self.wizard.services.settings
        if value:
            settings.remove(key)        # the default
        else:
            settings.setValue(key, False)
        self._set_xee_sign_in_note("success", self.tr("Saved: the next sign-in uses it."))

    # -- Xee's API version and formats (issue 13) -----------------------------------------

    def _build_xee_api(self, form: QFormLayout) -> None:
        self.xee_api_title = label(self.tr("Xee API"), "fieldLabel", wrap=True)
        self.xee_api_version = QComboBox()
        self.xee_api_version.setObjectName("xeeApiVersionCombo")
        wheel_only_when_focused(self.xee_api_version)
        self.xee_api_version.setAccessibleName(self.tr("Xee API version"))
        self.xee_api_version.setAccessibleDescription(self.tr(
            "The Xee API the pairing and the sign-in use; changing it asks for a new sign-in"))
        self.xee_api_version.addItem(self.tr("v3 (the product's documented API)"), "v3")
        self.xee_api_version.addItem(self.tr("v4 (Xee's current SDK)"), "v4")
        self.xee_device_id_pattern = QLineEdit()
        self.xee_device_id_pattern.setObjectName("xeeDeviceIdPatternEdit")
        self.xee_device_id_pattern.setPlaceholderText(
            self.tr("device id: 10 letters or digits"))
        self.xee_device_id_pattern.setAccessibleName(self.tr("Xee device id format"))
        self.xee_device_id_pattern.setAccessibleDescription(self.tr(
            "A regular expression the whole device id must match; empty for Xee's usual "
            "format"))
        self.xee_pin_pattern = QLineEdit()
        self.xee_pin_pattern.setObjectName("xeePinPatternEdit")
        self.xee_pin_pattern.setPlaceholderText(self.tr("pin format: exactly 4 digits"))
        self.xee_pin_pattern.setAccessibleName(self.tr("Xee pin format"))
        self.xee_pin_pattern.setAccessibleDescription(self.tr(
            "A regular expression the whole pin must match; empty for Xee's usual format"))
        self.xee_api_note = label("", "help", object_name="xeeApiNote")
        self.xee_api = QWidget()
        self.xee_api.setObjectName("xeeApiSettings")
        box = QVBoxLayout(self.xee_api)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        for widget in (self.xee_api_version, self.xee_device_id_pattern, self.xee_pin_pattern,
                       self.xee_api_note):
            box.addWidget(widget)
        form.addRow(self.xee_api_title, self.xee_api)
        self.xee_api_version.currentIndexChanged.connect(self._xee_api_version_changed)
        self.xee_device_id_pattern.editingFinished.connect(self._xee_formats_edited)
        self.xee_pin_pattern.editingFinished.connect(self._xee_formats_edited)

    def _show_xee_api(self) -> None:
        info = self.page.info
        visible = bool(info and info.api_versions)
        self.xee_api_title.setVisible(visible)
        self.xee_api.setVisible(visible)
        if not visible:
            return
        services = self.wizard.services
        self.xee_api_version.blockSignals(True)
        self.xee_api_version.setCurrentIndex(
            max(0, self.xee_api_version.findData(services.api_version("xee"))))
        self.xee_api_version.blockSignals(False)
        self.xee_device_id_pattern.setText(
            str(services.setting("xee/deviceIdPattern", "") or ""))
        self.xee_pin_pattern.setText(str(services.setting("xee/pinPattern", "") or ""))
        problem = services.xee_format_problem
        self._set_xee_api_note("error" if problem else "help",
                               advice_text(problem, "input.format") if problem else "")

    def _set_xee_api_note(self, role: str, text: str) -> None:
        self.xee_api_note.setText(text)
        self.xee_api_note.setVisible(bool(text))
        self.xee_api_note.setProperty("role", role)
        theme.repolish(self.xee_api_note)

    def _xee_api_version_changed(self) -> None:
        version = self.xee_api_version.currentData() or "v3"
        settings = self.wizard.services.settings
        if version == "v3":
            settings.remove("xee/apiVersion")          # the default
        else:
            settings.setValue("xee/apiVersion", version)
        # A sign-in belongs to one API root: the other version signs in again.
        self.state["xee_account"] = ""
        self.wizard.spawn(self.wizard.services.xee_drop(), "xee-drop")
        self.show_root()
        self._set_xee_api_note("success", self.tr(
            "Saved: Xee's {version} is used from now on; sign in again.").format(
                version=version))

    def _xee_formats_edited(self) -> None:
        services = self.wizard.services
        settings = services.settings
        for key, edit in (("xee/deviceIdPattern", self.xee_device_id_pattern),
                          ("xee/pinPattern", self.xee_pin_pattern)):
            value = edit.text().strip()
            if value:
                settings.setValue(key, value)
            else:
                settings.remove(key)
        problem = services.xee_format_problem = services.apply_xee_formats()
        if problem:
            self._set_xee_api_note("error", advice_text(problem, "input.format"))
        else:
            self._set_xee_api_note("success", self.tr(
                "Saved: the device page checks these formats."))

    # -- the request timeout ---------------------------------------------------------------

    def _build_timeout(self, form: QFormLayout) -> None:
        from app.core.providers import sign_in_provider
        from app.ui.services import TIMEOUT_RANGE

        self.timeout = QSpinBox()
        self.timeout.setObjectName("requestTimeoutSpin")
        self.timeout.setRange(*TIMEOUT_RANGE)
        wheel_only_when_focused(self.timeout)
        self.timeout.setSuffix(self.tr(" s"))
        # Its inner line edit takes the fields' border and padding: room for them.
        self.timeout.setMinimumHeight(self.timeout.lineEdit().minimumSizeHint().height() + 8)
        self.timeout.setAccessibleName(self.tr("Request timeout"))
        # Every registered provider, and the sign-in app.auth runs (Xee's).
        titles = i18n.listed([info.title for info in flow.PROVIDERS.values()])
        signs_in = flow.provider_info(sign_in_provider())
        tip = (self.tr("How long to wait for an answer from {providers} (and the {provider} "
                       "sign-in) before giving up").format(providers=titles,
                                                         provider=signs_in.title)
               if signs_in else
               self.tr("How long to wait for an answer from {providers} before giving "
                       "up").format(providers=titles))
        self.timeout.setToolTip(tip)
        self.timeout.setAccessibleDescription(tip)
        form.addRow(self.tr("Request &timeout"), hbox(self.timeout, stretch_at=1))
        self.timeout.editingFinished.connect(self._timeout_edited)

    def _show_timeout(self) -> None:
        self.timeout.blockSignals(True)
        self.timeout.setValue(int(self.wizard.services.request_timeout()))
        self.timeout.blockSignals(False)

    def _timeout_edited(self) -> None:
        services = self.wizard.services
        if self.timeout.value() != int(services.request_timeout()) \
                or services.setting("network/timeoutSeconds") is None:
            self.wizard.spawn(services.set_request_timeout(self.timeout.value()),
                              "timeout-setting")

    # -- the language ----------------------------------------------------------------------

    def _show_language(self) -> None:
        chosen = i18n.chosen_language(self.wizard.services.settings)
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(self.language.findData(chosen), 0))
        self.language.blockSignals(False)
        if self._language_pending():
            self._offer_restart()
        else:
            self.language_note.setText(self.tr("Applied the next time Pairing Wizard starts."))
            self.restart_button.setVisible(False)

    def _language_pending(self) -> bool:
        """The setting names another language than the one the window shows."""
        return i18n.effective_language(self.wizard.services.settings) != i18n.in_effect()

    def _language_changed(self, _index: int) -> None:
        code = self.language.currentData() or ""
        settings = self.wizard.services.settings
        if code:
            settings.setValue(i18n.LANGUAGE_KEY, code)
        else:
            settings.remove(i18n.LANGUAGE_KEY)
        if self._language_pending():
            self._offer_restart()
        else:   # back to the language in use: nothing to restart for
            self.language_note.setText(self.tr("Saved: this is the language in use."))
            self.restart_button.setVisible(False)

    def _offer_restart(self) -> None:
        self.language_note.setText(self.tr("Saved: applied the next time Pairing Wizard "
                                           "starts. Restart now to use it at once."))
        self.restart_button.setVisible(True)

    def _restart_failed(self) -> None:
        self.language_note.setText(self.tr("Pairing Wizard could not be started again: "
                                           "close it and start it yourself."))


# --- 2. credentials ---------------------------------------------------------------------
