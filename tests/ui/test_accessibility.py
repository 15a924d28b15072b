"""Accessibility: names and descriptions, tab order, visible focus, contrast (WCAG AA)
in both palettes, crisp icons on high-DPI screens; in the wizard and in the History
window, the batch dialog and the network check."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)

from app.core.flow import Page
from app.ui import theme
from app.ui.screenshots import PROVIDERS, TOOLS, build_scene, build_tool, scene_names

from .keyboard import activate, focused, press

ROOT = Path(__file__).resolve().parents[2]
INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox)


def focusable(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget)
            if w.isVisible() and not w.isWindow()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not isinstance(w.parent(), QLineEdit | QComboBox | QAbstractSpinBox)]
    # (the children of a field, a combo box or a spin box are Qt's own parts)


def scene(qtbot, tmp_path: Path, provider: str, name: str, advanced: bool = False):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    wizard = build_scene(provider, name, settings)
    qtbot.addWidget(wizard)
    if advanced:
        if provider == "xee":
            wizard.select("xee", "production")
            wizard.go(Page.PROVIDER)
        wizard.pages[Page.PROVIDER].advanced_toggle.setChecked(True)
    qtbot.waitExposed(wizard)
    QApplication.processEvents()
    return wizard


ALL_SCENES = [(p, n, False) for p in PROVIDERS for n in scene_names(p)] + \
    [(p, "1-provider", True) for p in PROVIDERS]


@pytest.mark.parametrize(("provider", "name", "advanced"), ALL_SCENES)
def test_every_control_has_an_accessible_name_and_inputs_a_description(
        qtbot, qloop, tmp_path, provider, name, advanced):
    wizard = scene(qtbot, tmp_path, provider, name, advanced)
    controls = focusable(wizard)
    assert len(controls) >= 3
    nameless = [f"{type(w).__name__}#{w.objectName()}" for w in controls
                if not w.accessibleName().strip()]
    assert nameless == []
    undescribed = [f"{type(w).__name__}#{w.objectName()}" for w in controls
                   if isinstance(w, INPUTS) and not w.accessibleDescription().strip()]
    assert undescribed == []
    assert all("&" not in w.accessibleName() for w in controls)
    wizard.close()


def tool(qtbot, tmp_path: Path, name: str):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    wizard, window = build_tool(name, settings)
    qtbot.addWidget(wizard)
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return wizard, window


@pytest.mark.parametrize("name", TOOLS)
def test_every_tool_control_has_an_accessible_name_and_a_description(qtbot, qloop,
                                                                      tmp_path, name):
    wizard, window = tool(qtbot, tmp_path, name)
    controls = focusable(window)
    assert len(controls) >= 3
    nameless = [f"{type(w).__name__}#{w.objectName()}" for w in controls
                if not w.accessibleName().strip()]
    assert nameless == []
    undescribed = [f"{type(w).__name__}#{w.objectName()}" for w in controls
                   if not w.accessibleDescription().strip()]
    assert undescribed == []
    assert all("&" not in w.accessibleName() for w in controls)
    window.close()
    wizard.close()


def comes_before(a: QWidget, b: QWidget, page: QWidget) -> bool:
    """Reading order: `a` is above `b`, or on the same row (their heights overlap at the
    centre) and to its left."""
    ra = a.geometry().translated(a.parentWidget().mapTo(page, QPoint(0, 0)))
    rb = b.geometry().translated(b.parentWidget().mapTo(page, QPoint(0, 0)))
    if ra.bottom() < rb.center().y():
        return True
    if rb.bottom() < ra.center().y():
        return False
    return ra.x() < rb.x()


def assert_tab_order(qtbot, start: QWidget, container: QWidget) -> None:
    """Tab from `start` visits every enabled focusable control of `container` once, in
    reading order, and nothing else (it stops on leaving the container or looping)."""
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    visited = [start]
    for _ in range(40):
        press(Qt.Key.Key_Tab)
        widget = focused()
        if not container.isAncestorOf(widget) or widget in visited:
            break
        visited.append(widget)
    expected = [w for w in focusable(container) if w.isEnabled()]
    names = [w.objectName() for w in visited]
    assert sorted(names) == sorted(w.objectName() for w in expected), \
        f"Tab skipped or added controls: {names}"
    assert all(comes_before(a, b, container)
               for a, b in zip(visited, visited[1:], strict=False)), \
        f"not in visual order: {names}"


@pytest.mark.parametrize(("provider", "name", "advanced", "first"), [
    ("rufus", "3-device", False, "rufusModelEdit"),
    ("zype", "3-device", False, "zypeConsumerEdit"),
    ("xee", "3-device", False, "xeeDeviceIdEdit"),
    ("rufus", "2-credentials", False, "apiKeyEdit"),
    ("xee", "1-provider", True, "providerXee"),
    ("rufus", "1-provider", True, "providerRufus"),
])
def test_tab_visits_the_page_controls_in_visual_order(qtbot, qloop, tmp_path, provider, name,
                                                      advanced, first):
    wizard = scene(qtbot, tmp_path, provider, name, advanced)
    page = wizard.pages[wizard.current]
    activate(qtbot, wizard)
    assert_tab_order(qtbot, page.findChild(QWidget, first), page)
    wizard.close()


@pytest.mark.parametrize(("name", "first"), [
    ("history", "historySearchEdit"),
    ("batch", "batchSkipInvalidCheck"),
    ("network-check", "networkCheckCopyButton"),
])
def test_tab_visits_the_tool_controls_in_visual_order(qtbot, qloop, tmp_path, name, first):
    wizard, window = tool(qtbot, tmp_path, name)
    if name == "batch":   # the scene shows a running batch: make the file row usable
        for widget in (window.open_button, window.template_button, window.concurrency,
                       window.skip_invalid):
            widget.setEnabled(True)
        first = "batchOpenButton"
    activate(qtbot, window)
    assert_tab_order(qtbot, window.findChild(QWidget, first), window)
    window.close()
    wizard.close()


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_text_colours_meet_wcag_aa_contrast(palette):
    colors = theme.colors(theme.light_palette() if palette == "light"
                          else theme.dark_palette())
    for foreground, background in theme.TEXT_PAIRS:
        ratio = theme.contrast_ratio(colors[foreground], colors[background])
        assert ratio >= 4.5, (foreground, background, round(ratio, 2))
    for foreground, background in theme.FOCUS_PAIRS:   # a non-text mark: 3:1
        assert theme.contrast_ratio(colors[foreground], colors[background]) >= 3.0


def test_contrast_ratio_matches_wcag_reference_values():
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    # A poor OS palette still gets readable text colours.
    low = theme.readable("#aaaaaa", "#000000", "#ffffff")
    assert theme.contrast_ratio(low, "#ffffff") >= 4.5


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_focus_is_clearly_visible(qtbot, qloop, tmp_path, palette):
    colors = theme.colors(theme.light_palette() if palette == "light"
                          else theme.dark_palette())
    sheet = theme.style_sheet(theme.light_palette() if palette == "light"
                              else theme.dark_palette())
    for selector in ("QPushButton:focus", "QLineEdit:focus", "QComboBox:focus",
                     "QRadioButton:focus", "QCheckBox:focus", "QToolButton:focus"):
        assert selector in sheet
    assert f"2px solid {colors['focus']}" in sheet
    # And on screen: a focused button is drawn differently from an unfocused one.
    QApplication.instance().setPalette(theme.light_palette() if palette == "light"
                                       else theme.dark_palette())
    try:
        wizard = scene(qtbot, tmp_path, "rufus", "4-review")
        activate(qtbot, wizard)
        back = wizard.findChild(QAbstractButton, "backButton")
        wizard.pages[Page.REVIEW].setFocus()
        before = back.grab().toImage()
        back.setFocus()
        qtbot.waitUntil(back.hasFocus)
        after = back.grab().toImage()
        assert before != after
        ring = after.pixelColor(1, after.height() // 2).name()
        assert theme.contrast_ratio(ring, colors["window"]) >= 3.0
        wizard.close()
    finally:
        QApplication.instance().setPalette(QApplication.style().standardPalette())


HIDPI_PROBE = """
import json
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
app = QApplication([])
from app.ui import theme
pixmap = theme.svg_pixmap("check", 20)
icon = theme.icon("copy", size=20).pixmap(QSize(20, 20))
print(json.dumps({
    "ratio": app.primaryScreen().devicePixelRatio(),
    "pixmap": [pixmap.width(), pixmap.height(), pixmap.devicePixelRatio()],
    "logical": [pixmap.deviceIndependentSize().width(), pixmap.deviceIndependentSize().height()],
    "icon": [icon.width(), icon.height(), icon.devicePixelRatio()],
}))
"""


def test_icons_are_rendered_from_svg_at_the_screen_pixel_ratio(tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", HIDPI_PROBE], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["ratio"] == 2
    assert report["pixmap"] == [40, 40, 2]          # 2x the pixels, drawn from the SVG
    assert report["logical"] == [20, 20]            # at the same logical size
    assert report["icon"] == [40, 40, 2]


def test_icons_at_3x_are_crisp_not_upscaled(qapp):
    sharp = theme.svg_pixmap("check", 16, "#000000", ratio=3).toImage()
    assert (sharp.width(), sharp.height()) == (48, 48)
    blurry = theme.svg_pixmap("check", 16, "#000000", ratio=1).toImage().scaled(48, 48)
    assert sharp != blurry
