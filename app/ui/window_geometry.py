"""Where the wizard and its tool windows open, and the size they keep.

Each window remembers its size and position in the app's settings (QSettings,
`windows/<name>/size` and `windows/<name>/position`), saved when it is hidden or
closed. It opens there again if that place is still on a screen; otherwise, and the
first time, centred over the wizard (the wizard itself: on the primary screen), moved
and if need be shrunk to lie fully inside the screen the wizard is on.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# How much of a window's top edge must be on a screen for its remembered place to be
# kept: enough to grab it by the title bar.
GRAB_WIDTH = 100


def on_screen_geometry(wanted: QRect, screens: list[QRect], home: QRect,
                       minimum: QSize | None = None) -> QRect:
    """`wanted` if its top edge is reachable on one of `screens` (a screen's available
    area holds a GRAB_WIDTH stretch of it); otherwise `wanted` moved, and shrunk (not
    below `minimum`) when larger, to lie fully inside `home`."""
    for screen in screens:
        top = QRect(wanted.left(), wanted.top(), wanted.width(), 1).intersected(screen)
        if top.width() >= min(GRAB_WIDTH, wanted.width()):
            return QRect(wanted)
    return fitted_inside(wanted, home, minimum)


def fitted_inside(wanted: QRect, area: QRect, minimum: QSize | None = None) -> QRect:
    """`wanted` moved (and shrunk, not below `minimum`) to lie fully inside `area`."""
    minimum = minimum or QSize(0, 0)
    width = max(min(wanted.width(), area.width()), minimum.width())
    height = max(min(wanted.height(), area.height()), minimum.height())
    left = min(max(wanted.left(), area.left()), area.left() + area.width() - width)
    top = min(max(wanted.top(), area.top()), area.top() + area.height() - height)
    return QRect(max(left, area.left()), max(top, area.top()), width, height)


def centred_over(size: QSize, anchor: QRect) -> QRect:
    return QRect(anchor.center().x() - size.width() // 2 + 1,
                 anchor.center().y() - size.height() // 2 + 1, size.width(), size.height())


def available_screens() -> list[QRect]:
    return [screen.availableGeometry() for screen in QGuiApplication.screens()]


class WindowPlacement(QObject):
    """Installed on a window: places it each time it is shown (from hidden) and
    remembers its size and position each time it is hidden or closed.

    `enabled` False (the screenshots and layout tests, which size windows themselves):
    the window gets its default size and nothing else, no place read or written."""

    def __init__(self, window: QWidget, settings: Any, name: str, default_size: QSize,
                 anchor: QWidget | None = None, *, enabled: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.name = name
        self.default_size = default_size
        self.anchor = anchor
        self.enabled = enabled
        window.resize(default_size)
        if enabled:
            window.installEventFilter(self)

    def _keys(self) -> tuple[str, str]:
        return f"windows/{self.name}/size", f"windows/{self.name}/position"

    def remembered(self) -> QRect | None:
        size_key, position_key = self._keys()
        size, position = self.settings.value(size_key), self.settings.value(position_key)
        if isinstance(size, QSize) and isinstance(position, QPoint) and size.isValid():
            return QRect(position, size)
        return None

    def home(self) -> QRect:
        """The available area of the screen the wizard is on (else the primary one)."""
        screen = None
        if self.anchor is not None and self.anchor.isVisible():
            screen = QGuiApplication.screenAt(self.anchor.frameGeometry().center()) \
                or self.anchor.screen()
        screen = screen or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 768)

    def frame_extra(self) -> QSize:
        """How much the window manager's frame adds to the window's size: its own
        margins once known, else the wizard's."""
        handle = self.window.windowHandle()
        margins = handle.frameMargins() if handle is not None else None
        if margins is not None and not margins.isNull():
            return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
        if self.anchor is not None and self.anchor.isVisible():
            return self.anchor.frameGeometry().size() - self.anchor.size()
        return QSize(0, 0)

    def place(self) -> QRect:
        """Resize and move the window where it opens (see the module's docstring).
        Returns its frame's geometry; the sizes kept are the window's own (no frame)."""
        home = self.home()
        extra = self.frame_extra()
        minimum = self.window.minimumSize().expandedTo(QSize(1, 1)) + extra
        wanted = self.remembered()
        if wanted is None:
            around = self.anchor.frameGeometry() if self.anchor is not None \
                and self.anchor.isVisible() else home
            wanted = fitted_inside(centred_over(self.default_size + extra, around), home,
                                   minimum)
        else:
            wanted.setSize((wanted.size() + extra).expandedTo(minimum))
        placed = on_screen_geometry(wanted, available_screens(), home, minimum)
        self.window.resize(placed.size() - extra)
        self.window.move(placed.topLeft())   # a top-level's move() places its frame
        return placed

    def remember(self) -> None:
        size_key, position_key = self._keys()
        normal = self.window.normalGeometry() if self.window.isMaximized() \
            or self.window.isMinimized() else None
        size = normal.size() if normal is not None and normal.isValid() \
            else self.window.size()
        position = normal.topLeft() if normal is not None and normal.isValid() \
            else self.window.pos()
        self.settings.setValue(size_key, size)
        self.settings.setValue(position_key, position)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and not event.spontaneous():
            kind = event.type()
            if kind == QEvent.Type.Show:
                self.place()
            elif kind == QEvent.Type.Hide:
                self.remember()
        return False
