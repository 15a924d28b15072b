"""The History window, the batch dialog and the network check in French: their own
labels, and app.core.batch's and app.core.netcheck's sentences (check reasons, row
outcomes, slow-down notices, step details) translated by their templates, the values
(serial numbers, lines, seconds, hosts) kept as they were."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, QSettings, Qt

from app.core.batch import Progress, check_bytes
from app.core.messages import BATCH, NETCHECK, Message
from app.core.netcheck import NetCheckReport, Step
from app.ui import i18n
from app.ui.network_check import step_lines
from app.ui.screenshots import build_tool

from .conftest import tool as translations
from .drive import find

SLOW_DOWN = Message(BATCH, "{provider} asked us to slow down: waiting {seconds} s (now "
                    "{limit} at a time)", provider="RUFUS", seconds=7, limit=3)






def open_tool(qtbot, tmp_path: Path, name: str):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    wizard, window = build_tool(name, settings)
    qtbot.addWidget(wizard)
    qtbot.waitExposed(window)
    return wizard, window


def test_the_batch_and_network_check_templates_are_extracted():
    templates = translations.collect()   # from the code's Message(...) calls
    assert "{provider} asked us to slow down: waiting {seconds} s (now {limit} at a time)" \
        in templates["batch"]
    # The window's wording of a command-line sentence (Resume, not --resume) too.
    assert "Cancelled: use Resume to continue." in templates["batch"]
    assert "cannot connect to {host} port {port} ({join_errors})" in templates["netcheck"]


def test_history_window_in_french(qtbot, qloop, french, tmp_path):
    wizard, window = open_tool(qtbot, tmp_path, "history")
    assert window.windowTitle() == "Historique des appairages — Pairing Wizard"
    assert find(window, "historyTitle").text() == "Historique des appairages"
    assert find(window, "historyExportButton").text() == "&Exporter en CSV…"
    assert find(window, "historySearchEdit").accessibleName() == \
        "Rechercher dans l'historique"
    model = window.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers[:3] == ["Heure", "Fournisseur", "Environnement"]
    failed = [model.data(model.index(r, 5)) for r in range(model.rowCount())]
    assert "Échec" in failed and "OK" in failed
    assert model.data(model.index(0, 2)) == "Démo hors ligne"
    assert find(window, "historyCountLabel").text() == "7 entrées."   # a plural form
    details = find(window, "historyDetails").toPlainText()
    local = QLocale().toString(QDateTime.fromString("2026-03-12T09:38:52Z",
                                                    Qt.DateFormat.ISODate).toLocalTime(),
                               QLocale.FormatType.ShortFormat)
    assert f"Heure : {local} (2026-03-12T09:38:52Z)" in details   # local, as the UI says
    assert "Numéro de série : DEVICE-122" in details        # the field's label, in French
    window.close()
    wizard.close()


def test_batch_dialog_in_french(qtbot, qloop, french, tmp_path):
    wizard, dialog = open_tool(qtbot, tmp_path, "batch")
    assert find(dialog, "batchTitle").text() == "Appairage par lot avec RUFUS"
    assert find(dialog, "batchStartButton").text() == "&Démarrer"
    assert find(dialog, "batchSaveResultsButton").accessibleName() == \
        "Enregistrer les résultats"
    assert find(dialog, "batchCheckStatus").text().startswith(
        "30 lignes pour RUFUS : 28 valides, 2 invalides (les raisons sont dans le tableau).")
    model = dialog.model
    states = {model.data(model.index(r, model.columns.index("state")))
              for r in range(model.rowCount())}
    assert {"Faite", "Écartée", "Échec", "Inconnu : à vérifier à la main"} <= states
    # A row's outcome made by app.core.batch, its values (reason, serial) kept.
    unknown = model.data(model.index(3, model.columns.index("details")))
    assert unknown == ("La réponse de RUFUS a été perdue (network.timeout) et la liste des "
                       "appareils n'a pas pu être lue : vérifiez à la main si le numéro de "
                       "série SHOP-0004 est lié (console RUFUS).")
    # A provider error's advice in a row, its deviceid kept.
    failed = model.data(model.index(8, model.columns.index("details")))
    assert failed.startswith("Un appareil avec ce numéro de série est déjà lié à ce compte "
                             "RUFUS (deviceid 7F3A9C01).") and failed.endswith("(HTTP 409)")

    # The check's reasons: a field's sentence (InputError) and the batch's own.
    report = check_bytes(b"model,serial_number\nModel X1,\nModel X1,S-1\nModel X1,S-1\n",
                         "rufus", "shop.csv")
    dialog.model.load(report)
    dialog.show_check(report)
    details = [model.data(model.index(r, model.columns.index("details"))) for r in range(3)]
    assert details[0] == "Le champ « numéro de série RUFUS » est vide : remplissez-le."
    assert details[1] == ""
    assert details[2] == ("Le serial_number S-1 figure déjà ligne 3 : un appareil s'appaire "
                          "une seule fois ; supprimez l'une des lignes.")
    assert find(dialog, "batchCheckStatus").text().startswith(
        "3 lignes pour RUFUS : 1 valides, 2 invalides")
    assert "2 lignes invalides" in find(dialog, "batchSkipInvalidCheck").text()

    # A slow-down notice from the runner: translated, the numbers kept; the English
    # sentence is what the dialog keeps (logs, tests).
    dialog._on_progress(Progress(total=3, done=1, failed=0, unknown=0, skipped=0,
                                 pending=2, in_flight=1, elapsed=2.0, eta=65.0,
                                 concurrency=3, event="slowdown", message=SLOW_DOWN))
    assert find(dialog, "batchNoticeLabel").text() == (
        "RUFUS nous demande de ralentir : attente de 7 s (3 requêtes à la fois désormais)")
    assert dialog.slowdowns[-1] == "RUFUS asked us to slow down: waiting 7 s (now 3 at a time)"
    assert find(dialog, "batchStatusLabel").text() == (
        "1 lignes sur 3 · 1 faites · 1 en cours (3 à la fois) · environ 1 min 05 s "
        "restantes")
    dialog.close()
    wizard.close()


def test_network_check_steps_in_french(qtbot, qloop, french):
    report = NetCheckReport("rufus", "http://127.0.0.1:9/rufus/v0", [
        Step("DNS", True, Message(NETCHECK, "{host} is {join_addresses}", host="127.0.0.1",
                                  join_addresses="127.0.0.1")),
        Step("TCP", False, Message(
            NETCHECK, "cannot connect to {host} port {port} ({join_errors})", host="127.0.0.1",
            port=9, join_errors=Message(NETCHECK, "{address}: no answer in {step_timeout} s",
                                        address="127.0.0.1", step_timeout="8")),
            Message(NETCHECK, "a firewall may block it, or the network is down: check the "
                    "network or ask IT")),
    ])
    assert step_lines(report) == [
        "✓ DNS: 127.0.0.1 correspond à 127.0.0.1",
        "✗ TCP: connexion impossible à 127.0.0.1 port 9 (127.0.0.1 : pas de réponse en 8 s)"
        " — un pare-feu la bloque peut-être, ou le réseau est coupé : vérifiez le réseau ou "
        "demandez au service informatique",
    ]


def test_english_is_unchanged(qapp):
    i18n.uninstall(qapp)
    assert i18n.core_text(SLOW_DOWN) == str(SLOW_DOWN)
    plain = "Give the consumer_id or the customer's email.  Two spaces."
    assert i18n.core_text(plain) == plain
