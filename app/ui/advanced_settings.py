"""The provider page's Advanced settings: the API address, the browser command, the
Xee app's client id and secret, the language and the network check.

Built the first time it is opened (or read), not before the wizard's first paint: it
is most of the provider page's widgets, and nobody needs it to choose a provider.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.core import flow
from app.ui import i18n, theme
from app.ui.i18n import advice as advice_text
from app.ui.i18n import flow_text
from app.ui.network_check import NetworkCheckPanel
from app.ui.widgets import hbox, label

if TYPE_CHECKING:
    from app.ui.pages import ProviderPage
    from app.ui.wizard import PairingWizard


class AdvancedSettings(QWidget):
    """The section under the provider page's "Advanced settings" toggle."""

    def __init__(self, page: ProviderPage) -> None:
        super().__init__()
        self.page = page
        self.setObjectName("advancedSettings")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        # Labels above their fields: room for long labels and long placeholders alike.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form
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

        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setAccessibleDescription(
            self.tr("The language of Pairing Wizard; applied the next time it starts"))
        self.language.addItem(self.tr("System ({language})").format(
            language=i18n.LANGUAGE_NAMES[i18n.system_language()]), "")
        for code in i18n.LANGUAGES:
            self.language.addItem(i18n.LANGUAGE_NAMES[code], code)
        self.language_note = label("", "help", object_name="languageNote")
        language_box = QWidget()
        language_layout = QVBoxLayout(language_box)
        language_layout.setContentsMargins(0, 0, 0, 0)
        language_layout.setSpacing(4)
        language_layout.addLayout(hbox(self.language, stretch_at=1))
        language_layout.addWidget(self.language_note)
        form.addRow(self.tr("&Language"), language_box)
        self.network = NetworkCheckPanel(page.wizard)
        form.addRow(self.tr("Network"), self.network)

        self.api_root.editingFinished.connect(self._root_edited)
        self.browser.editingFinished.connect(self._browser_edited)
        self.xee_client_id.editingFinished.connect(self._xee_app_edited)
        self.xee_client_secret.editingFinished.connect(self._xee_app_edited)
        self.language.currentIndexChanged.connect(self._language_changed)

    @property
    def wizard(self) -> PairingWizard:
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

    def show_root(self) -> None:
        provider, env = self.provider, self.state.get("environment")
        services = self.wizard.services
        self.network.refresh()
        self._show_xee_app()
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
        if self.provider == "xee" and env and env != flow.DEMO:
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

    # -- the language ----------------------------------------------------------------------

    def _show_language(self) -> None:
        chosen = i18n.chosen_language(self.wizard.services.settings)
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(self.language.findData(chosen), 0))
        self.language.blockSignals(False)
        self.language_note.setText(self.tr("Applied the next time Pairing Wizard starts."))

    def _language_changed(self, _index: int) -> None:
        code = self.language.currentData() or ""
        settings = self.wizard.services.settings
        if code:
            settings.setValue(i18n.LANGUAGE_KEY, code)
        else:
            settings.remove(i18n.LANGUAGE_KEY)
        self.language_note.setText(self.tr("Saved: applied the next time Pairing Wizard "
                                           "starts."))


# --- 2. credentials ---------------------------------------------------------------------
