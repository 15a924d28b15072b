"""Translations: Qt Linguist files (resources/translations/*.ts, built to .qm by
`tools/translations.py build`), the language setting, the pseudo-translation used to
stress the layouts, and the sentences app/core makes (errors, validation, the flow).

app/core never imports Qt: it returns its filled sentences as `app.core.messages.Message`
(the English text, which keeps its context, template and values). `message` translates
the template in its context with Qt's translate() and fills in the values: a value that
is itself a Message translated first, any other (the provider's own message, ids,
numbers, names) exactly as it came. A fixed sentence (a plain str) is its own source
text. `core_sentences.py` (written by `tools/translations.py update`) lists app/core's
templates for pyside6-lupdate. The history and the batch journal store a Message's
template and values next to its English text and give it back as a Message
(`core_text` shows either).

Cheap to import: PySide6.QtCore only; no translator is loaded before `install()`.
"""

from __future__ import annotations

import logging
import re
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from app.core.messages import (
    FLOW,
    INPUT_ERROR,
    PROVIDER_ERROR,
    SIGN_IN_ERROR,
    BlankForMissing,
    Message,
)

log = logging.getLogger(__name__)

LANGUAGE_KEY = "ui/language"          # "" (follow the system), "en", "fr", "es"
LANGUAGES = ("en", "fr", "es")
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español"}  # never translated
PSEUDO = "pseudo"
CATALOGUE = "pairing_wizard"

# Contexts of the sentences app/core and app/auth make (app.core.messages names them).
_installed: list[QTranslator] = []
_in_effect = ["en"]   # the language install() put in effect (the UI's language now)


def translate(context: str, text: str, disambiguation: str | None = None,
              n: int = -1) -> str:
    """QCoreApplication.translate; `pyside6-lupdate` finds the calls by this name."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def translation_dirs() -> list[Path]:
    dirs = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.append(Path(bundle) / "resources" / "translations")
    dirs.append(Path(__file__).resolve().parents[2] / "resources" / "translations")
    return dirs


def qm_path(language: str) -> Path | None:
    for folder in translation_dirs():
        path = folder / f"{CATALOGUE}_{language}.qm"
        if path.is_file():
            return path
    return None


def chosen_language(settings: QSettings | None = None) -> str:
    """The setting ("" = follow the system)."""
    settings = settings if settings is not None else QSettings()
    value = str(settings.value(LANGUAGE_KEY, "") or "")
    return value if value in LANGUAGES or value == PSEUDO else ""


def system_language(locale: QLocale | None = None) -> str:
    """The first of the OS's UI languages we have, else English."""
    locale = locale or QLocale.system()
    for name in [*locale.uiLanguages(), locale.name()]:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def effective_language(settings: QSettings | None = None,
                       locale: QLocale | None = None) -> str:
    return chosen_language(settings) or system_language(locale)


class PseudoTranslator(QTranslator):
    """Every string about twice as long, accented, in brackets: shows the layouts'
    room for longer languages, and any text that never went through translate()."""

    ACCENTS = str.maketrans("aeiouyAEIOUYcnCN", "àéîõüÿÅÉÎÕÜŸçñÇÑ")
    _PLACEHOLDER = re.compile(r"(\{[a-z_]*\}|%n|%\d|<[^>]*>|&[a-z]+;)")

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # noqa: ARG002
                  n: int = -1) -> str | None:
        if not source:
            return None
        if n >= 0:
            source = source.replace("%n", str(n))
        return pseudo(source)

    def isEmpty(self) -> bool:  # noqa: N802
        return False


def pseudo(text: str) -> str:
    """"Next" -> "⟦Ñéxt·Ñéxt⟧": accented, doubled, placeholders and markup kept."""
    parts = PseudoTranslator._PLACEHOLDER.split(text)
    out = []
    for index, part in enumerate(parts):
        if index % 2:          # a placeholder or a tag: untouched
            out.append(part)
        else:
            out.append(part.translate(PseudoTranslator.ACCENTS))
    accented = "".join(out)
    pad_source = PseudoTranslator._PLACEHOLDER.sub("", text)
    padding = pad_source.replace("&", "").strip().translate(PseudoTranslator.ACCENTS)
    # The padding may wrap like normal words (long sentences), but not a short label.
    return f"⟦{accented}·{padding}⟧" if padding else text


def is_pseudo(text: str) -> bool:
    return "⟦" in text


def install(app: QCoreApplication, language: str | None = None,
            settings: QSettings | None = None) -> str:
    """Load the translation for `language` (default: the setting, else the OS's).
    Returns the language in effect ("en" when a catalogue is missing)."""
    uninstall(app)
    language = language or effective_language(settings)
    _in_effect[0] = _install(app, language)
    return _in_effect[0]


def in_effect() -> str:
    """The language the UI shows now: a change of the setting applies at the next start."""
    return _in_effect[0]


def _install(app: QCoreApplication, language: str) -> str:
    if language == PSEUDO:
        translator: QTranslator = PseudoTranslator(app)
    elif language == "en":   # the source language: its catalogue has the plurals only
        QLocale.setDefault(QLocale(QLocale.Language.English))
        path = qm_path("en")
        translator = QTranslator(app)
        if path is None or not translator.load(str(path)):
            return "en"   # "1 entries." at worst
    else:
        path = qm_path(language)
        translator = QTranslator(app)
        if path is None or not translator.load(str(path)):
            log.warning("No %s translation (%s): run `python tools/translations.py build`",
                        language, path)
            return "en"
        QLocale.setDefault(QLocale(language))
    app.installTranslator(translator)
    _installed.append(translator)
    return language


def uninstall(app: QCoreApplication) -> None:
    _in_effect[0] = "en"
    while _installed:
        app.removeTranslator(_installed.pop())


# --- the providers' times -----------------------------------------------------------------

def locale_time(moment: datetime) -> str:
    """An aware datetime (app.core.times) as the user's local date and time, in the UI
    language's short format (QLocale's default, set by install)."""
    from PySide6.QtCore import QDateTime

    local = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


def listed(words: list[str]) -> str:
    """"A", "A or B", "A, B or C" in the UI language: the command line's list wording
    (app.cli_tools.listed), of the providers' titles for instance."""
    if len(words) < 2:
        return "".join(words)
    return translate("i18n", "{choices} or {last}").format(choices=", ".join(words[:-1]),
                                                           last=words[-1])


# --- app/core's sentences ---------------------------------------------------------------


def message(text: Message) -> str:
    """A Message in the UI language: its template translated in its context, then filled
    with its values (a Message value translated in turn, any other as it came)."""
    target = translate(text.context, text.template)
    if not text.params:
        return target
    values = BlankForMissing({name: message(value) if isinstance(value, Message) else str(value)
                     for name, value in text.params.items()})
    try:
        return target.format_map(values)
    except (ValueError, IndexError):   # a translation with a stray brace: say it in English
        log.warning("Bad translation of %r in %s", text.template, text.context)
        return str(text)


def advice(text: str, kind: str | None = None) -> str:
    """An error's advice (ProviderError, InputError or SignInError; its `advice` or
    `advice_message`) in the UI language. A plain str is a fixed sentence: found in the
    context `kind` points to first."""
    if isinstance(text, Message):
        return message(text)
    if not text:
        return text
    kind = kind or ""
    if kind.startswith("input."):
        order = (INPUT_ERROR, PROVIDER_ERROR, FLOW)
    elif ".sign_in." in kind or kind == "sign_in":   # "<provider>.sign_in.<kind>"
        order = (SIGN_IN_ERROR, PROVIDER_ERROR, FLOW)
    else:
        order = (PROVIDER_ERROR, INPUT_ERROR, SIGN_IN_ERROR, FLOW)
    for context in order:
        result = translate(context, text)
        if result != text:
            return result
    return text


def flow_text(text: str) -> str:
    """A label or sentence from app.core.flow (titles, field labels, help, warnings, a
    Message of its notes and checks) in the UI language."""
    if isinstance(text, Message):
        return message(text)
    return translate(FLOW, text) if text else text


def core_text(text: str) -> str:
    """A text app/core made (a batch's or network check's sentence, a history entry's or a
    batch row's message) in the UI language: a Message translated by its template. A plain
    text is shown as it came: the one case is a message stored before its template was
    (history and batch journal rows from before schema 3), kept in English as stored."""
    return message(text) if isinstance(text, Message) else text
