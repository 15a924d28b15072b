"""The wizard's pages. They compose widgets and bind them to the flow's state;
the decisions (validity, order, where an error is fixed) live in app.core.flow.

Here: what every page is (WizardPage) and the first page, the only one built before
the wizard's first paint. The later pages are in app.ui.pairing_pages, imported after
that paint."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core import flow
from app.core.flow import Page
from app.ui import theme
from app.ui.i18n import advice as advice_text
from app.ui.i18n import flow_text
from app.ui.widgets import Card, FieldRow, label, wheel_only_when_focused

if TYPE_CHECKING:
    from app.ui.advanced_settings import AdvancedSettings
    from app.ui.host import WizardHost


def field_error(key: str, state: dict[str, Any]) -> str | None:
    """The flow's sentence for a field, in the UI language."""
    error = flow.field_error(key, state)
    return advice_text(error, "input.") if error else None


class WizardPage(QWidget):
    """A page: title, subtitle, and the widgets bound to some state keys."""

    page: Page
    changed = Signal()

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__()
        self.wizard = wizard
        self.setObjectName(f"{self.page.value}Page")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(14)

    @property
    def state(self) -> dict[str, Any]:
        return self.wizard.state

    @property
    def provider(self) -> str | None:
        return self.state.get("provider")

    @property
    def info(self) -> flow.ProviderInfo | None:
        """The chosen provider's spec (what it has and does), None before a choice."""
        return flow.provider_info(self.provider)

    def title(self) -> str:
        return flow_text(flow.PAGE_TITLES[self.page])

    def subtitle(self) -> str:
        return ""

    def enter(self) -> None:
        """Shown: refresh the widgets from the state."""

    def leave(self, forward: bool) -> None:
        """Left (forward: by Next)."""

    def refresh_errors(self) -> None:
        """Show each touched field's error under it."""

    def touch_fields(self) -> None:
        """Back to fix a failure: each field counts as typed in (its error shows)."""

    def cancel_wait(self) -> bool:
        """Cancel pressed with no request in flight: stop the page's own wait, if any.
        True when there was one (then Cancel does not close the window)."""
        return False

    def set_actions_enabled(self, enabled: bool) -> None:
        """The page's own action buttons clickable or not (not while busy)."""

    def show_action_status(self, kind: str, text: str) -> None:
        """A line on the page's own action (the result's undo): "info" while it runs,
        then "success" or "error"."""

    def show_outcome(self) -> None:
        """The pairing's end changed (it was undone): show it again."""

    def sandbox_ready(self) -> None:
        """The offline demo's sandbox answers now: refresh what shows its address."""

    def first_control(self) -> QWidget | None:
        """Where the keyboard focus starts when the page is shown: its first field that
        can be typed in, None when it has none."""
        return next((w for w in self.findChildren(QLineEdit)
                     if w.isVisibleTo(self) and w.isEnabled() and not w.isReadOnly()), None)

    def warm_up(self) -> None:
        """After the first paint, hidden, on an idle turn: what its first showing would
        do on the spot (the style sheet, its buttons' icons at this screen's ratio)."""
        from PySide6.QtWidgets import QAbstractButton

        self.ensurePolished()
        ratio = self.devicePixelRatioF()
        for button in self.findChildren(QAbstractButton):
            icon = button.icon()
            if not icon.isNull():
                icon.pixmap(button.iconSize(), ratio)

    def bind(self, row: FieldRow, key: str) -> FieldRow:
        def edited(text: str) -> None:
            self.state[key] = text
            self.on_edited(key)
            self.changed.emit()

        row.edited.connect(edited)
        return row

    def on_edited(self, key: str) -> None:
        pass


# --- 1. provider and environment -------------------------------------------------------

class ProviderPage(WizardPage):
    page = Page.PROVIDER

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
        """Enter on a provider card or the environment is Next when the page is valid."""
        if event.type() != QEvent.Type.KeyPress:
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.wizard.next()
            return True
        return False

    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        self.cards: dict[str, Card] = {}
        cards = QHBoxLayout()
        cards.setSpacing(12)
        for key, info in flow.PROVIDERS.items():
            card = Card(margins=14, spacing=6)
            radio = QRadioButton(info.title)
            radio.setObjectName("provider" + info.title.capitalize())
            radio.setProperty("role", "providerChoice")
            radio.setIcon(theme.icon(key, size=24))
            radio.setIconSize(radio.iconSize().expandedTo(radio.iconSize() * 1.3))
            radio.setAccessibleName(info.title)
            radio.setAccessibleDescription(flow_text(info.summary))
            self.group.addButton(radio)
            self.radios[key] = radio
            card.add(radio)
            card.add(label(flow_text(info.summary), "help"))
            card.layout_.addStretch(1)
            # The whole card picks, and takes the focus as a click on its radio does.
            card.mousePressEvent = lambda _event, r=radio: self._card_pressed(r)
            # The provider remembered from last time, set before any polish: see set_flags.
            card.setProperty("selected", "true" if key == self.provider else "false")
            self.cards[key] = card
            cards.addWidget(card, 1)
        self.body.addLayout(cards)

        env_card = Card()
        env_title = label(self.tr("&Environment"), "sectionTitle")
        env_card.add(env_title)
        self.environment = QComboBox()
        self.environment.setObjectName("environmentCombo")
        self.environment.setMinimumHeight(30)
        wheel_only_when_focused(self.environment)
        self._confirming_production = False
        self.environment.setAccessibleName(self.tr("Environment"))
        self.environment.setAccessibleDescription(
            self.tr("Where the device is paired: the offline demo, the provider's test "
                    "service, or production"))
        env_title.setBuddy(self.environment)
        env_title.setTextFormat(Qt.TextFormat.AutoText)   # the mnemonic
        env_card.add(self.environment)
        self.env_note = label("", "help", object_name="environmentNote")
        env_card.add(self.env_note)
        # A managed configuration file that could not be used: said, then ignored.
        managed_error = self.wizard.services.managed_error
        self.managed_error_note = label(
            self.tr("IT's configuration file was not used: {error}").format(
                error=managed_error or ""), "error", object_name="managedConfigError")
        self.managed_error_note.setVisible(bool(managed_error))
        env_card.add(self.managed_error_note)

        self.advanced_toggle = QToolButton()
        self.advanced_toggle.setObjectName("advancedToggle")
        self.advanced_toggle.setText(self.tr("Advanced settings"))
        self.advanced_toggle.setAccessibleName(self.tr("Advanced settings"))
        self.advanced_toggle.setAccessibleDescription(
            self.tr("Show or hide the API address, the browser command, the Xee app's "
                    "credentials, the language and the network check"))
        self.advanced_toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setAutoRaise(True)
        env_card.add(self.advanced_toggle)
        self.env_card = env_card
        self._advanced: AdvancedSettings | None = None
        self.body.addWidget(env_card)
        self.body.addStretch(1)

        self.group.buttonClicked.connect(self._provider_clicked)
        self.environment.currentIndexChanged.connect(self._environment_changed)
        self.advanced_toggle.toggled.connect(self._toggle_advanced)
        order = [self.radios[key] for key in flow.PROVIDERS]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        for radio in self.radios.values():
            radio.installEventFilter(self)   # Enter: Next

    def subtitle(self) -> str:
        return self.tr("Which cloud does the device belong to, and where should it be paired?")

    def first_control(self) -> QWidget | None:
        """The chosen provider's card (the first one before a choice)."""
        return self.radios.get(self.provider or "") or next(iter(self.radios.values()))

    def sandbox_ready(self) -> None:
        self.enter()   # the environments and the Advanced settings' address

    def enter(self) -> None:
        for key, radio in self.radios.items():
            radio.setChecked(key == self.provider)
        self._mark_selected()
        self._fill_environments()
        if self._advanced is not None:
            self._advanced.load()

    def _mark_selected(self) -> None:
        for key, card in self.cards.items():
            theme.set_flags(card, selected=key == self.provider)

    def _fill_environments(self) -> None:
        self.environment.blockSignals(True)
        self.environment.clear()
        services = self.wizard.services
        for env in flow.environments_for(self.provider):
            if not services.environment_hidden(env):   # IT may hide one (managed config)
                self.environment.addItem(flow_text(flow.ENVIRONMENT_TITLES[env]), env)
        index = self.environment.findData(self.state.get("environment"))
        self.environment.setCurrentIndex(max(index, 0))
        self.environment.setEnabled(self.provider is not None)
        self.environment.blockSignals(False)
        env = self.environment.currentData()
        if self.provider and env and env != self.state.get("environment"):
            self.wizard.select(self.provider, env)   # the remembered one is hidden now
        title = self.info.title if self.info is not None else ""
        notes = {
            flow.DEMO: self.tr("The built-in sandbox answers like the real service, with "
                               "demo data. Nothing leaves this computer."),
            flow.ONLINE_SANDBOX: self.tr("{provider}'s own test service: fake data, real "
                                         "network.").format(provider=title),
            flow.PRODUCTION: self.tr("Real customers and real devices: changes are live."),
        }
        self.env_note.setText(notes.get(env, self.tr("Choose a provider first.")))

    def _card_pressed(self, radio: QRadioButton) -> None:
        radio.setFocus(Qt.FocusReason.MouseFocusReason)
        radio.click()

    def _provider_clicked(self, radio: QRadioButton) -> None:
        provider = next(k for k, r in self.radios.items() if r is radio)
        # A card chosen while another card has the focus (an accessibility tool's press,
        # a click on the card's text) takes the focus: the focus ring never stays on a
        # card that is not chosen, and the arrows then move from the chosen one.
        if any(r.hasFocus() for r in self.radios.values()) and not radio.hasFocus():
            radio.setFocus(Qt.FocusReason.OtherFocusReason)
        self.wizard.select(provider, self.state.get("environment"))
        self._mark_selected()
        self._fill_environments()
        self._show_root()
        self.changed.emit()

    def _environment_changed(self, _index: int) -> None:
        env = self.environment.currentData()
        if env == flow.PRODUCTION and env != self.state.get("environment"):
            self._fill_environments()    # stays where it was until confirmed
            if not self._confirming_production:
                self._confirming_production = True
                self.wizard.spawn(self._confirm_production(), "confirm-production")
            return
        if env and env != self.state.get("environment"):
            self.wizard.select(self.provider, env)
        self._fill_environments()
        self._show_root()
        self.changed.emit()

    async def _confirm_production(self) -> None:
        """Production only when asked for: shown and awaited, never exec()."""
        from app.ui import dialogs  # not before the first paint (QMessageBox)

        info = flow.provider_info(self.provider)
        try:
            async with self.wizard.busy("Confirming production"):
                confirmed = await dialogs.ask(
                    self, self.tr("Switch to production?"),
                    self.tr("Production pairs real customers' devices with {name}: every "
                            "change is live.").format(name=info.title if info else ""),
                    informative=self.tr("Stay in the offline demo to practise."),
                    yes=self.tr("Use production"), no=self.tr("Stay here"),
                    object_name="productionDialog", icon=dialogs.QMessageBox.Icon.Warning)
        finally:
            self._confirming_production = False
        if confirmed and self.provider:
            self.wizard.select(self.provider, flow.PRODUCTION)
        self._fill_environments()
        self._show_root()
        self.changed.emit()

    def _toggle_advanced(self, on: bool) -> None:
        self.advanced.setVisible(on)
        self.advanced_toggle.setArrowType(Qt.ArrowType.DownArrow if on
                                          else Qt.ArrowType.RightArrow)

    @property
    def advanced(self) -> AdvancedSettings:
        """The Advanced settings section, built the first time it is opened or read."""
        if self._advanced is None:
            from app.ui.advanced_settings import AdvancedSettings

            self._advanced = AdvancedSettings(self)
            self._advanced.setVisible(self.advanced_toggle.isChecked())
            self.env_card.add(self._advanced)
            # Built last, its fields would come last in the Tab order: chain them after
            # their toggle, in the order they were made (top to bottom).
            previous: QWidget = self.advanced_toggle
            for field in self._advanced.findChildren(QWidget):
                if (field.focusPolicy() & Qt.FocusPolicy.TabFocus
                        and field.window() is self.window()   # not a combo's popup list
                        and not isinstance(field.parent(), QLineEdit | QComboBox)):
                    QWidget.setTabOrder(previous, field)
                    previous = field
            self._advanced.load()
        return self._advanced

    def _show_root(self) -> None:
        if self._advanced is not None:
            self._advanced.show_root()
