"""The batch's Retry-After cap is a setting (batch/maxRetryAfterSeconds), #15 item 3."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from app.core.batch import DEFAULT_MAX_RETRY_AFTER
from app.ui.services import Services


def _services(tmp_path, value=None) -> Services:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    if value is not None:
        settings.setValue("batch/maxRetryAfterSeconds", value)
    return Services(settings, demo=False, sandbox=None)


def test_the_default_cap_is_a_few_minutes(qtbot, tmp_path):
    assert 60 <= _services(tmp_path).batch_max_wait() == DEFAULT_MAX_RETRY_AFTER <= 600


def test_the_cap_follows_the_setting_and_ignores_nonsense(qtbot, tmp_path):
    assert _services(tmp_path, "45").batch_max_wait() == 45.0
    for n, bad in enumerate(("nan", "inf", "-1", "0", "soon")):
        assert _services(tmp_path / str(n), bad).batch_max_wait() == DEFAULT_MAX_RETRY_AFTER
