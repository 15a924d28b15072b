"""Small widgets the pages compose: labelled fields with inline validation, cards,
the demo banner, status lines. No flow logic here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.ui import theme

if TYPE_CHECKING:
    from PySide6.QtGui import QAction


def label(text: str = "", role: str | None = None, *, wrap: bool = True,
          object_name: str | None = None, selectable: bool = False) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        widget.setProperty("role", role)
    if object_name:
        widget.setObjectName(object_name)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def button(text: str, object_name: str, icon_name: str | None = None,
           description: str = "", min_height: int = 0, min_width: int = 0) -> QPushButton:
    """A push button with its automation name, accessible name and description."""
    widget = QPushButton(text)
    widget.setObjectName(object_name)
    widget.setAutoDefault(False)
    if min_height:
        widget.setMinimumHeight(min_height)
    if min_width:
        widget.setMinimumWidth(min_width)
    widget.setAccessibleName(text.replace("&", "").rstrip("…"))
    widget.setAccessibleDescription(description or text.replace("&", ""))
    if description:
        widget.setToolTip(description)
    if icon_name:
        widget.setIcon(theme.icon(icon_name))
    return widget


def copy_text(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


class Card(QFrame):
    """A quiet framed area that groups related controls."""

    def __init__(self, parent: QWidget | None = None, margins: int = 16, spacing: int = 10):
        super().__init__(parent)
        self.setProperty("role", "card")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(margins, margins, margins, margins)
        self.layout_.setSpacing(spacing)

    def add(self, widget: QWidget) -> QWidget:
        self.layout_.addWidget(widget)
        return widget


class RichTextLabel(QLabel):
    """A word-wrapped rich-text label (the Result page's table of details) whose size
    hints cost one layout of its text per width, not ten.

    QLabel lays its QTextDocument out again on each heightForWidth() call (the window's
    layouts ask several times for the same few widths when a page is shown) and tries
    several widths for a "nice" sizeHint(): ~10 ms of the turn that shows a Result page
    (bench/first_pair.py). Here each width's height is kept until the text, the font or
    the style changes, and sizeHint() asks for one width, about 80 characters: its width
    only matters to the scroll area around the page, which gives the page its own."""

    HINT_CHARACTERS = 80

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self._heights: dict[tuple[int, str], int] = {}

    def heightForWidth(self, width: int) -> int:
        key = (width, self.text())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 32:
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def sizeHint(self) -> QSize:
        width = min(self.fontMetrics().averageCharWidth() * self.HINT_CHARACTERS,
                    self.maximumWidth())
        return QSize(width, self.heightForWidth(width))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)


class StatusLine(QWidget):
    """An icon and a sentence: info, success, warning or error. Hidden when empty."""

    KINDS = {"info": ("info", "muted"), "success": ("check", "success"),
             "warning": ("warning", "warning"), "error": ("error", "error")}

    def __init__(self, object_name: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.icon = QLabel()
        self.icon.setFixedSize(18, 18)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = label()
        if object_name:
            self.text.setObjectName(object_name)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, kind: str, message: str) -> None:
        if not message:
            self.clear()
            return
        icon_name, role = self.KINDS[kind]
        color = theme.colors()["muted" if role == "muted" else role]
        self.icon.setPixmap(theme.svg_pixmap(icon_name, 18, color))
        self.text.setProperty("role", role if role != "muted" else "help")
        theme.repolish(self.text)
        self.text.setText(message)
        self.show()

    def clear(self) -> None:
        self.text.setText("")
        self.hide()

    def message(self) -> str:
        return self.text.text() if self.isVisible() or self.text.text() else ""


class FieldRow(QWidget):
    """Label, line edit, then one line under it: the help text, or the error in red.

    The error only shows once the user has typed in the field (or `touch()` was
    called), so a fresh page is calm; Next stays disabled regardless.
    """

    edited = Signal(str)

    def __init__(self, title: str, help_text: str, object_name: str,
                 placeholder: str = "", *, secret: bool = False, optional: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.help_text = help_text
        self.touched = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        head = QHBoxLayout()
        head.setSpacing(6)
        self.title = label(title, "fieldLabel", wrap=True)
        if "&" in title:   # a mnemonic: Alt+letter moves the focus to the field
            self.title.setTextFormat(Qt.TextFormat.AutoText)
        plain_title = title.replace("&", "")
        head.addWidget(self.title, 1 if not optional else 0)
        if optional:
            head.addWidget(label(self.tr("optional"), "help", wrap=False))
        head.addStretch(1)
        layout.addLayout(head)
        self.edit = QLineEdit()
        self.edit.setObjectName(object_name)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(not secret)
        self.edit.setMinimumHeight(30)
        self.edit.installEventFilter(_NoAltTyping(self.edit))
        self.title.setBuddy(self.edit)
        self.edit.setAccessibleName(plain_title)
        self.edit.setAccessibleDescription(help_text or plain_title)
        layout.addWidget(self.edit)
        self.note = label(help_text, "help")
        self.note.setObjectName(object_name + "Note")
        layout.addWidget(self.note)
        self.reveal_action: QAction | None = None
        if secret:
            # Here, not at the top: QKeySequence's enums cost ~4 ms, and this module
            # loads before the first paint, which shows no secret field.
            from PySide6.QtGui import QAction, QKeySequence

            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.reveal_action = QAction(theme.icon("eye", theme.colors()["muted"]),
                                         self.tr("Show"), self.edit)
            self.reveal_action.setObjectName(object_name + "Reveal")
            self.reveal_action.setCheckable(True)
            self.reveal_action.setToolTip(self.tr("Show the value (Ctrl+Shift+R)"))
            # The eye in the field takes no focus: a shortcut reveals from the keyboard.
            self.reveal_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
            self.reveal_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.reveal_action.toggled.connect(self.set_revealed)
            self.edit.addAction(self.reveal_action, QLineEdit.ActionPosition.TrailingPosition)
        self.edit.textEdited.connect(self._on_edited)

    def _on_edited(self, text: str) -> None:
        self.touched = True
        self.edited.emit(text)

    def set_revealed(self, revealed: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if revealed
                              else QLineEdit.EchoMode.Password)
        if self.reveal_action is not None:
            self.reveal_action.setIcon(theme.icon("eye-off" if revealed else "eye",
                                                  theme.colors()["muted"]))
            self.reveal_action.setToolTip(self.tr("Hide the value (Ctrl+Shift+R)") if revealed
                                          else self.tr("Show the value (Ctrl+Shift+R)"))
            if self.reveal_action.isChecked() != revealed:
                self.reveal_action.setChecked(revealed)

    def set_text(self, text: str) -> None:
        """Programmatic fill (demo values, lookups): counts as typed."""
        if self.edit.text() != text:
            self.edit.setText(text)
        self.touched = bool(text)
        self.edited.emit(text)

    def text(self) -> str:
        return self.edit.text()

    def touch(self) -> None:
        self.touched = True

    def show_error(self, error: str | None) -> None:
        visible = bool(error) and self.touched
        self.note.setText(error if visible else self.help_text)
        self.note.setProperty("role", "error" if visible else "help")
        theme.set_flags(self.edit, invalid=visible)
        self.edit.setAccessibleDescription((error if visible else self.help_text)
                                           or self.edit.accessibleName())
        theme.repolish(self.note)

    def error_text(self) -> str:
        return self.note.text() if self.note.property("role") == "error" else ""


class _NoAltTyping(QObject):
    """Alt+letter is a mnemonic, never typing: when its button is disabled (say Next, or
    Alt+S in French), the letter must not land in the field. Not on macOS, where Option
    types characters; AltGr (Ctrl+Alt on Windows) is left alone."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        import sys

        if sys.platform == "darwin" or event.type() != QEvent.Type.KeyPress:
            return False
        mods = event.modifiers()  # type: ignore[attr-defined]
        text = event.text()  # type: ignore[attr-defined]
        return bool(mods & Qt.KeyboardModifier.AltModifier) \
            and not mods & Qt.KeyboardModifier.ControlModifier \
            and bool(text) and text.isprintable()


class DemoBanner(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("demoBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(10)
        self.icon = QLabel()
        self.icon.setPixmap(theme.svg_pixmap("demo", 18, theme.colors()["banner_text"]))
        layout.addWidget(self.icon)
        self.text = label(self.tr("Offline demo — sandbox data"), wrap=False,
                          object_name="demoBannerText")
        layout.addWidget(self.text)
        self.detail = label(self.tr("Nothing leaves this computer. Starting the sandbox…"),
                            wrap=True, object_name="demoBannerDetail")
        self.detail.setMinimumWidth(1)
        layout.addWidget(self.detail, 1)
        # Fresh demo fixtures (free boxes and pins) without restarting: sign-in and keys stay.
        self.reset = QPushButton(self.tr("Reset demo data"))
        self.reset.setObjectName("demoResetButton")
        self.reset.setAutoDefault(False)
        self.reset.setAccessibleName(self.tr("Reset demo data"))
        self.reset.setAccessibleDescription(self.tr(
            "Put the demo's boxes, devices and pins back as they were; the sign-in and the "
            "keys stay"))
        layout.addWidget(self.reset)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def set_detail(self, text: str) -> None:
        self.detail.setText(text)


def hbox(*widgets: QWidget | None, stretch_at: int | None = None,
         spacing: int = 8) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    for index, widget in enumerate(widgets):
        if stretch_at == index:
            layout.addStretch(1)
        if widget is not None:
            layout.addWidget(widget)
    if stretch_at is not None and stretch_at >= len(widgets):
        layout.addStretch(1)
    return layout


class _WheelNeedsFocus(QObject):
    """A wheel over an unfocused combo or spin box scrolls the page instead: passing the
    mouse over the Environment list must not switch Offline demo and Production."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Wheel and not watched.hasFocus():  # type: ignore
            event.ignore()      # on to the parent: the scroll area scrolls
            return True
        return False


_wheel_needs_focus: _WheelNeedsFocus | None = None


def wheel_only_when_focused(widget: QWidget) -> QWidget:
    """The widget takes the mouse wheel only once it has the focus (a click or Tab)."""
    global _wheel_needs_focus
    if _wheel_needs_focus is None:
        _wheel_needs_focus = _WheelNeedsFocus()
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)   # not WheelFocus: no focus by wheel
    widget.installEventFilter(_wheel_needs_focus)
    return widget
