"""Colours, icons and the style sheet, derived from the current (OS) palette.

The app follows the OS light or dark palette: nothing here hard-codes a background;
accent colours have a light and a dark variant picked from the palette's lightness.
Every text colour is then nudged towards the palette's text colour until it reaches
WCAG AA contrast (4.5:1) on the backgrounds it is drawn on, whatever the OS palette.
Icons are SVG, rendered at each screen's device pixel ratio (crisp on high-DPI).
`light_palette()` / `dark_palette()` are for the screenshot renderer.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QWidget

ICON_NAMES = ("xee", "rufus", "zype", "demo", "check", "error", "warning", "copy", "save",
              "eye", "eye-off", "key", "search", "undo", "sign-in", "app", "info")


@cache   # the folders do not move while the app runs; resolve() costs syscalls
def icon_dirs() -> tuple[Path, ...]:
    dirs = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.append(Path(bundle) / "resources" / "icons")
    dirs.append(Path(__file__).resolve().parents[2] / "resources" / "icons")
    return tuple(dirs)


@cache
def _svg_text(name: str) -> str:
    for folder in icon_dirs():
        path = folder / f"{name}.svg"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return ""


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


AA_TEXT = 4.5   # WCAG 2.x AA, normal-size text


def as_color(color: QColor | str) -> QColor:
    return color if isinstance(color, QColor) else QColor(color)


def relative_luminance(color: QColor | str) -> float:
    c = as_color(color)
    channels = []
    for value in (c.redF(), c.greenF(), c.blueF()):
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast_ratio(foreground: QColor | str, background: QColor | str) -> float:
    """WCAG contrast ratio, 1 to 21."""
    high, low = sorted((relative_luminance(foreground), relative_luminance(background)),
                       reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(color: QColor | str, toward: QColor | str, *backgrounds: QColor | str,
             minimum: float = AA_TEXT + 0.1) -> str:
    """`color`, moved towards `toward` (the palette's text colour) just enough to reach
    `minimum` contrast on every background."""
    start, end = as_color(color), as_color(toward)
    for step in range(0, 21):
        t = step / 20
        mixed = QColor(round(start.red() + (end.red() - start.red()) * t),
                       round(start.green() + (end.green() - start.green()) * t),
                       round(start.blue() + (end.blue() - start.blue()) * t))
        if all(contrast_ratio(mixed, bg) >= minimum for bg in backgrounds):
            return mixed.name()
    return end.name()


_colors_cache: dict[tuple[int, ...], dict[str, str]] = {}


def colors(palette: QPalette | None = None) -> dict[str, str]:
    """The named colours for `palette` (default: the application's). Cached by the
    palette colours they derive from: icons and pages ask often, before the first paint."""
    palette = palette or QApplication.palette()
    roles = QPalette.ColorRole
    key = tuple(palette.color(role).rgba() for role in (
        roles.Window, roles.WindowText, roles.Highlight, roles.HighlightedText))
    if key not in _colors_cache:
        _colors_cache[key] = _colors(palette)
    return dict(_colors_cache[key])


def _colors(palette: QPalette) -> dict[str, str]:
    dark = is_dark(palette)
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    muted = QColor(
        (text.red() * 3 + window.red() * 2) // 5,
        (text.green() * 3 + window.green() * 2) // 5,
        (text.blue() * 3 + window.blue() * 2) // 5,
    )
    card = window.lighter(112) if dark else window.lighter(103)
    border = window.lighter(160) if dark else window.darker(118)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    accent_soft = _blend(highlight, window, 0.22 if dark else 0.12)
    grounds = (window, card)
    banner_bg = "#3d3212" if dark else "#fff3cd"
    return {
        "text": text.name(),
        "muted": readable(muted, text, *grounds),
        "window": window.name(),
        "card": card.name(),
        "border": border.name(),
        "accent": highlight.name(),
        "accent_soft": accent_soft,
        "accent_strong": readable(highlight.lighter(135) if dark else highlight.darker(115),
                                  text, accent_soft, *grounds),
        "accent_text": palette.color(QPalette.ColorRole.HighlightedText).name(),
        # The primary (default) button: the accent, dark or light enough for its text.
        "primary_bg": readable(highlight, "#000000" if relative_luminance(
            palette.color(QPalette.ColorRole.HighlightedText)) > 0.4 else "#ffffff",
            palette.color(QPalette.ColorRole.HighlightedText)),
        # The focus ring: a non-text mark, 3:1 against the backgrounds (WCAG 1.4.11).
        "focus": readable(highlight, text, *grounds, minimum=3.0),
        "success": readable("#5cc98a" if dark else "#1e7b45", text, *grounds),
        "error": readable("#ff8f86" if dark else "#b3261e", text, *grounds),
        "warning": readable("#f2c14e" if dark else "#8a5a00", text, *grounds),
        "banner_bg": banner_bg,
        "banner_text": readable("#f7dc8f" if dark else "#5c4300",
                                "#ffffff" if dark else "#000000", banner_bg),
        "banner_border": "#6b5718" if dark else "#f0d68a",
    }


# Text/background pairs the style sheet and the pages draw (the contrast test's list).
TEXT_PAIRS = (
    ("text", "window"), ("text", "card"), ("muted", "window"), ("muted", "card"),
    ("error", "window"), ("error", "card"), ("success", "window"), ("success", "card"),
    ("warning", "window"), ("warning", "card"), ("banner_text", "banner_bg"),
    ("accent_strong", "accent_soft"), ("accent_strong", "window"),
    ("accent_text", "primary_bg"),
)
FOCUS_PAIRS = (("focus", "window"), ("focus", "card"))


def _blend(top: QColor, bottom: QColor, alpha: float) -> str:
    return QColor(
        round(top.red() * alpha + bottom.red() * (1 - alpha)),
        round(top.green() * alpha + bottom.green() * (1 - alpha)),
        round(top.blue() * alpha + bottom.blue() * (1 - alpha)),
    ).name()


def screen_ratio() -> float:
    """The highest device pixel ratio of the screens (1 without a GUI application)."""
    app = QGuiApplication.instance()
    if app is None:
        return 1.0
    ratios = [screen.devicePixelRatio() for screen in QGuiApplication.screens()]
    return max([1.0, *ratios])


def svg_pixmap(name: str, size: int, color: str | None = None,
               ratio: float | None = None) -> QPixmap:
    """The SVG icon `name` at `size` logical pixels in `color` (default: the palette's
    text colour), rendered for `ratio` (default: the screens' device pixel ratio), so
    it is as sharp as the screen."""
    svg = _svg_text(name)
    ratio = ratio or screen_ratio()
    if not svg:
        side = int(size * ratio)
        pixmap = QPixmap(QSize(side, side))
        pixmap.fill(QColor(0, 0, 0, 0))   # transparent
        return pixmap
    return render_svg(svg, size, color or colors()["text"], ratio)


# The renderings kept, most recently used last. Keyed on everything a rendering is
# drawn from (the SVG text itself, size, pixel ratio, colour), so none outlives a
# changed SVG, theme or screen; bounded, so a session's sizes and screens cannot grow
# it. Rendering is cheap (the first window's seven icons: ~3 ms, QtSvg's loading
# included; bench/notes.md): nothing is kept on disk.
RENDERINGS_KEPT = 256
_renderings: OrderedDict[tuple[str, int, float, str], QPixmap] = OrderedDict()


def render_svg(svg: str, size: int, color: str, ratio: float = 1.0) -> QPixmap:
    """`svg` (its `currentColor` in `color`) at `size` logical pixels for `ratio`."""
    key = (svg, size, ratio, color)
    pixmap = _renderings.get(key)
    if pixmap is None:
        pixmap = _render(svg.replace("currentColor", color), int(size * ratio))
        pixmap.setDevicePixelRatio(ratio)
        _renderings[key] = pixmap
        while len(_renderings) > RENDERINGS_KEPT:
            _renderings.popitem(last=False)
    else:
        _renderings.move_to_end(key)
    return QPixmap(pixmap)   # shares the pixels; the caller may change its own copy


def renderings_kept() -> int:
    return len(_renderings)


def _render(svg: str, side: int) -> QPixmap:
    from PySide6.QtSvg import QSvgRenderer

    pixmap = QPixmap(QSize(side, side))
    pixmap.fill(QColor(0, 0, 0, 0))   # transparent
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    return pixmap


class SvgIconEngine(QIconEngine):
    """One of our SVG icons, rendered when Qt asks for a size and pixel ratio (kept by
    render_svg): nothing is drawn before the icon is shown, each screen gets a rendering
    as sharp as its pixel ratio, and the colour is the palette's at that moment (light
    or dark). Disabled, it is the same SVG in the muted colour."""

    def __init__(self, name: str, color: str | None, size: int) -> None:
        super().__init__()
        self.name, self.color, self.size = name, color, size

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self.name, self.color, self.size)

    def actualSize(self, size: QSize, _mode: QIcon.Mode, _state: QIcon.State) -> QSize:  # noqa: N802
        side = min(size.width(), size.height())
        return QSize(side, side)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, _state: QIcon.State,  # noqa: N802
                     scale: float) -> QPixmap:
        side = min(size.width(), size.height()) or self.size
        color = colors()["muted"] if mode == QIcon.Mode.Disabled else self.color
        return svg_pixmap(self.name, side, color, scale)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatio()
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))


def icon(name: str, color: str | None = None, size: int = 20) -> QIcon:
    """The SVG icon `name`, drawn in `color`, at any size and pixel ratio (SvgIconEngine);
    `size` is the one it is drawn at when nobody asks for another."""
    return QIcon(SvgIconEngine(name, color, size))


def style_sheet(palette: QPalette | None = None) -> str:
    c = colors(palette)
    return f"""
#pairingWizard QLabel[role="pageTitle"] {{ font-size: 17pt; font-weight: 600; }}
#pairingWizard QLabel[role="pageSubtitle"] {{ color: {c['muted']}; }}
#pairingWizard QLabel[role="help"] {{ color: {c['muted']}; }}
#pairingWizard QLabel[role="error"] {{ color: {c['error']}; }}
#pairingWizard QLabel[role="warning"] {{ color: {c['warning']}; }}
#pairingWizard QLabel[role="success"] {{ color: {c['success']}; }}
#pairingWizard QLabel[role="fieldLabel"] {{ font-weight: 600; }}
#pairingWizard QLabel[role="sectionTitle"] {{ font-weight: 600; font-size: 11pt; }}
#pairingWizard QLabel[role="resultTitle"] {{ font-size: 17pt; font-weight: 600; }}
#pairingWizard QLabel[role="mono"] {{ font-family: monospace; }}
#pairingWizard QFrame[role="card"] {{
    background: {c['card']}; border: 1px solid {c['border']}; border-radius: 8px; }}
#pairingWizard QFrame#sidebar {{ border-right: 1px solid {c['border']}; }}
#pairingWizard QLabel[role="step"] {{ color: {c['muted']}; padding: 4px 8px; }}
#pairingWizard QLabel[role="step"][current="true"] {{
    color: {c['accent_strong']}; font-weight: 600; background: {c['accent_soft']};
    border-radius: 6px; }}
#pairingWizard QFrame[role="card"][selected="true"] {{
    border: 2px solid {c['accent']}; }}
#pairingWizard QPushButton {{ min-height: 26px; padding: 2px 12px; }}
#pairingWizard QLabel[role="step"][done="true"] {{ color: {c['text']}; }}
#demoBanner {{ background: {c['banner_bg']}; color: {c['banner_text']};
    border-bottom: 1px solid {c['banner_border']}; }}
#demoBanner QLabel {{ color: {c['banner_text']}; font-weight: 600; }}
#demoBanner QLabel#demoBannerDetail {{ font-weight: normal; }}
#pairingWizard QRadioButton[role="providerChoice"] {{ font-size: 12pt; font-weight: 600; }}
#pairingWizard QFrame#buttonBar {{ border-top: 1px solid {c['border']}; }}
#pairingWizard QScrollArea, #pairingWizard QScrollArea > QWidget > QWidget {{
    background: transparent; }}
{focus_rules(c)}
"""


def focus_rules(c: dict[str, str]) -> str:
    """A clear keyboard-focus ring (2 px, the focus colour) on every control, in both
    palettes: the native focus rectangles are faint or absent in several styles."""
    ring = f"2px solid {c['focus']}"
    return f"""
#pairingWizard QPushButton {{ border: 1px solid {c['border']}; border-radius: 6px;
    background: {c['card']}; color: {c['text']}; padding: 3px 12px; }}
#pairingWizard QPushButton:hover {{ border-color: {c['focus']}; }}
#pairingWizard QPushButton:pressed {{ background: {c['accent_soft']}; }}
#pairingWizard QPushButton:default {{ border: 1px solid {c['primary_bg']};
    background: {c['primary_bg']}; color: {c['accent_text']}; }}
#pairingWizard QPushButton:default:disabled {{ background: {c['card']};
    color: {c['muted']}; border-color: {c['border']}; }}
#pairingWizard QPushButton:disabled {{ color: {c['muted']}; border-color: {c['border']}; }}
#pairingWizard QPushButton:focus {{ border: {ring}; padding: 2px 11px; }}
#pairingWizard QPushButton:default:focus {{ border: 2px solid {c['text']}; }}
#pairingWizard QLineEdit {{ border: 1px solid {c['border']}; border-radius: 4px;
    padding: 3px 6px; background: palette(base); }}
#pairingWizard QLineEdit[invalid="true"] {{ border: 1px solid {c['error']}; }}
#pairingWizard QLineEdit:focus {{ border: {ring}; padding: 2px 5px; }}
#pairingWizard QComboBox:focus, #pairingWizard QListWidget:focus,
#pairingWizard QTableView:focus, #pairingWizard QPlainTextEdit:focus,
#pairingWizard QDateEdit:focus, #pairingWizard QSpinBox:focus {{ border: {ring};
    border-radius: 4px; }}
#pairingWizard QRadioButton:focus, #pairingWizard QCheckBox:focus,
#pairingWizard QToolButton:focus {{ border: {ring}; border-radius: 4px; }}
#pairingWizard QRadioButton, #pairingWizard QCheckBox,
#pairingWizard QToolButton {{ border: 2px solid transparent; border-radius: 4px; }}
"""


def apply_app_style(app: QApplication) -> None:
    """The app keeps the platform style and palette (light or dark, as the OS says)."""
    app.setWindowIcon(icon("app", colors()["accent"], 64))


def light_palette() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, "#f6f7f9"), (roles.WindowText, "#1d2330"), (roles.Base, "#ffffff"),
        (roles.AlternateBase, "#eef1f5"), (roles.Text, "#1d2330"), (roles.Button, "#ffffff"),
        (roles.ButtonText, "#1d2330"), (roles.Highlight, "#2f6fde"),
        (roles.HighlightedText, "#ffffff"), (roles.ToolTipBase, "#ffffff"),
        (roles.ToolTipText, "#1d2330"), (roles.PlaceholderText, "#8a92a3"),
        (roles.Link, "#2f6fde"), (roles.Mid, "#c9ced8"), (roles.Dark, "#9aa1ae"),
        (roles.Light, "#ffffff"), (roles.Midlight, "#e3e6ec"), (roles.Shadow, "#6b7280"),
    ):
        p.setColor(role, QColor(value))
    p.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#a3a9b5"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#a3a9b5"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor("#a3a9b5"))
    return p


def dark_palette() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, "#1e2128"), (roles.WindowText, "#e6e8ec"), (roles.Base, "#15171c"),
        (roles.AlternateBase, "#262a32"), (roles.Text, "#e6e8ec"), (roles.Button, "#2a2e37"),
        (roles.ButtonText, "#e6e8ec"), (roles.Highlight, "#5b8def"),
        (roles.HighlightedText, "#ffffff"), (roles.ToolTipBase, "#2a2e37"),
        (roles.ToolTipText, "#e6e8ec"), (roles.PlaceholderText, "#7d8493"),
        (roles.Link, "#7aa5f5"), (roles.Mid, "#3a3f4a"), (roles.Dark, "#111318"),
        (roles.Light, "#3d434f"), (roles.Midlight, "#333843"), (roles.Shadow, "#000000"),
    ):
        p.setColor(role, QColor(value))
    p.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#6b7180"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#6b7180"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor("#6b7180"))
    return p


def set_flags(widget: QWidget, **flags: bool) -> None:
    """Set the style sheet's "true"/"false" properties (e.g. selected=True), and repolish
    only when one changed: an unset flag reads as "false". So the initial state costs no
    repolish before the first paint (see repolish)."""
    changed = False
    for name, on in flags.items():
        value = "true" if on else "false"
        if (widget.property(name) or "false") != value:
            widget.setProperty(name, value)
            changed = True
    if changed:
        repolish(widget)


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        # Not polished yet (not shown): its first polish reads the property anyway.
        # And widget.style() would create QStyle's enums (~15 ms before the first paint).
        widget.update()
        return
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class _PaletteFollower(QObject):
    """Re-applies a window's style sheet when the OS switches light/dark while the app
    runs (the sheet's colours were computed from the palette at construction)."""

    def __init__(self, widget: QWidget, scope: str) -> None:
        super().__init__(widget)
        self.widget, self.scope = widget, scope
        widget.installEventFilter(self)
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):  # Qt 6.5+
            hints.colorSchemeChanged.connect(self.refresh)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget and event.type() in (
                QEvent.Type.ApplicationPaletteChange, QEvent.Type.ThemeChange):
            self.refresh()
        return False

    def refresh(self, *_args: object) -> None:
        # The application's palette, not the widget's: a style sheet alters the latter.
        sheet = style_sheet(QApplication.palette()).replace("#pairingWizard", self.scope)
        if sheet != self.widget.styleSheet():
            self.widget.setStyleSheet(sheet)
        app = QApplication.instance()
        if isinstance(app, QApplication) and self.scope == "#pairingWizard":
            apply_app_style(app)  # the window icon's accent colour


def follow_palette(widget: QWidget, scope: str = "#pairingWizard") -> None:
    """Style `widget` (object name `scope`) now and after every palette/colour-scheme
    change: every window of the app calls this instead of setting its sheet once."""
    follower = _PaletteFollower(widget, scope)
    follower.refresh()
