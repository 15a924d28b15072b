"""Colours, icons and the style sheet, derived from the current (OS) palette.

The app follows the OS light or dark palette: nothing here hard-codes a background;
accent colours have a light and a dark variant picked from the palette's lightness.
`light_palette()` / `dark_palette()` are for the screenshot renderer.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

ICON_NAMES = ("xee", "rufus", "zype", "demo", "check", "error", "warning", "copy", "save",
              "eye", "eye-off", "key", "search", "undo", "sign-in", "app", "info")


def icon_dirs() -> list[Path]:
    dirs = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.append(Path(bundle) / "resources" / "icons")
    dirs.append(Path(__file__).resolve().parents[2] / "resources" / "icons")
    return dirs


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


def colors(palette: QPalette | None = None) -> dict[str, str]:
    palette = palette or QApplication.palette()
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
    return {
        "text": text.name(),
        "muted": muted.name(),
        "window": window.name(),
        "card": card.name(),
        "border": border.name(),
        "accent": palette.color(QPalette.ColorRole.Highlight).name(),
        "accent_soft": _blend(palette.color(QPalette.ColorRole.Highlight), window,
                              0.22 if dark else 0.12),
        "accent_strong": (palette.color(QPalette.ColorRole.Highlight).lighter(135).name()
                          if dark else palette.color(QPalette.ColorRole.Highlight)
                          .darker(115).name()),
        "accent_text": palette.color(QPalette.ColorRole.HighlightedText).name(),
        "success": "#5cc98a" if dark else "#1e7b45",
        "error": "#ff8f86" if dark else "#b3261e",
        "warning": "#f2c14e" if dark else "#8a5a00",
        "banner_bg": "#3d3212" if dark else "#fff3cd",
        "banner_text": "#f7dc8f" if dark else "#5c4300",
        "banner_border": "#6b5718" if dark else "#f0d68a",
    }


def _blend(top: QColor, bottom: QColor, alpha: float) -> str:
    return QColor(
        round(top.red() * alpha + bottom.red() * (1 - alpha)),
        round(top.green() * alpha + bottom.green() * (1 - alpha)),
        round(top.blue() * alpha + bottom.blue() * (1 - alpha)),
    ).name()


def svg_pixmap(name: str, size: int, color: str | None = None, ratio: float = 2.0) -> QPixmap:
    from PySide6.QtSvg import QSvgRenderer

    svg = _svg_text(name)
    pixmap = QPixmap(QSize(int(size * ratio), int(size * ratio)))
    pixmap.fill(Qt.GlobalColor.transparent)
    if not svg:
        return pixmap
    svg = svg.replace("currentColor", color or colors()["text"])
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size * ratio, size * ratio))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def icon(name: str, color: str | None = None, size: int = 20) -> QIcon:
    return QIcon(svg_pixmap(name, size, color))


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
#pairingWizard QRadioButton[role="providerChoice"] {{ font-size: 12pt; font-weight: 600; }}
#pairingWizard QFrame#buttonBar {{ border-top: 1px solid {c['border']}; }}
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


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
