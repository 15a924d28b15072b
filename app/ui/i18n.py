"""Translations: Qt Linguist files (resources/translations/*.ts, built to .qm by
`tools/translations.py build`), the language setting, the pseudo-translation used to
stress the layouts, and the sentences app/core makes (errors, validation, the flow).

app/core never imports Qt: it returns its filled sentences as `app.core.messages.Message`
(the English text, which keeps its context, template and values). `message` translates
the template in its context with Qt's translate() and fills in the values: a value that
is itself a Message translated first, any other (the provider's own message, ids,
numbers, names) exactly as it came. A fixed sentence (a plain str) is its own source
text. `core_sentences.py` (written by `tools/translations.py update`) lists app/core's
templates for pyside6-lupdate.

The batch's and the network check's sentences (`tool_text`), kept as English text in
the batch journal and the history, are still translated by the template they were
filled from (the English text parsed back with `core_sentences.TEMPLATES`); a text made
of several of them (a row's problems, a report's lines) sentence by sentence.

Cheap to import: PySide6.QtCore only; no translator is loaded before `install()`.
"""

from __future__ import annotations

import logging
import re
import sys
from datetime import datetime
from functools import cache, lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from app.core.messages import (
    BATCH,
    FLOW,
    INPUT_ERROR,
    NETCHECK,
    PROVIDER_ERROR,
    SIGN_IN_ERROR,
    Message,
)

log = logging.getLogger(__name__)

LANGUAGE_KEY = "ui/language"          # "" (follow the system), "en", "fr", "es"
LANGUAGES = ("en", "fr", "es")
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español"}  # never translated
PSEUDO = "pseudo"
CATALOGUE = "pairing_wizard"

# Contexts of the sentences app/core and app/auth make (app.core.messages names them).
CORE_CONTEXTS = (PROVIDER_ERROR, INPUT_ERROR, SIGN_IN_ERROR, FLOW, BATCH, NETCHECK)
# Where a batch or network-check sentence may come from (a batch row's message is
# often a provider error's advice, or a field's InputError sentence).
TOOL_CONTEXTS = {
    BATCH: (BATCH, PROVIDER_ERROR, INPUT_ERROR, SIGN_IN_ERROR, FLOW),
    NETCHECK: (NETCHECK,),
}

# Placeholders whose values are shown exactly as they came (provider's words, ids).
RAW_VALUES = {"message", "deviceid", "status", "provider", "email", "account", "key",
              "seconds", "minutes", "len_value", "max_len", "left", "failed", "count"}

# In the batch's and the network check's sentences, only these values are sentences
# of ours (translated in turn); every other value (names, ids, numbers, paths, the
# system's own error text) is shown as it came.
TOOL_SENTENCE_VALUES = {"reason", "why", "row_message", "join_errors"}

_installed: list[QTranslator] = []
_generation = [0]   # bumped when the translators change: tool_text's cache key
# True while only the source language is in effect (no translator, or the English
# catalogue, which holds plurals only): app/core's sentences are then their own
# translation, and `sentence` need not look for the template they were filled from.
_source_only = [True]
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
    _generation[0] += 1
    language = language or effective_language(settings)
    _in_effect[0] = _install(app, language)
    return _in_effect[0]


def in_effect() -> str:
    """The language the UI shows now: a change of the setting applies at the next start."""
    return _in_effect[0]


def _install(app: QCoreApplication, language: str) -> str:
    _source_only[0] = language == "en"
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
            _source_only[0] = True
            return "en"
        QLocale.setDefault(QLocale(language))
    app.installTranslator(translator)
    _installed.append(translator)
    return language


def uninstall(app: QCoreApplication) -> None:
    _generation[0] += 1
    _source_only[0] = True
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


# --- app/core's sentences ---------------------------------------------------------------

class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def message(text: Message) -> str:
    """A Message in the UI language: its template translated in its context, then filled
    with its values (a Message value translated in turn, any other as it came)."""
    target = translate(text.context, text.template)
    if not text.params:
        return target
    values = _Blank({name: message(value) if isinstance(value, Message) else str(value)
                     for name, value in text.params.items()})
    try:
        return target.format_map(values)
    except (ValueError, IndexError):   # a translation with a stray brace: say it in English
        log.warning("Bad translation of %r in %s", text.template, text.context)
        return str(text)


_FIELD = re.compile(r"\{([a-z_]+)\}")


@cache
def _templates(context: str) -> tuple[tuple[str, str, str], ...]:
    """The context's templates with the literal text before their first and after their
    last placeholder, the longest literal text first (the most specific one wins)."""
    from app.ui.core_sentences import TEMPLATES

    found = []
    for template in TEMPLATES.get(context, ()):
        fields = list(_FIELD.finditer(template))
        prefix = template[:fields[0].start()] if fields else template
        suffix = template[fields[-1].end():] if fields else ""
        found.append((template, prefix, suffix))
    found.sort(key=lambda item: -len(_FIELD.sub("", item[0])))
    return tuple(found)


@cache
def _pattern(template: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The regex a sentence filled from `template` matches, and its placeholders' names.
    Compiled when a sentence first needs it, not all of a context's (hundreds) at once."""
    names: list[str] = []
    regex = ""
    last = 0
    for match in _FIELD.finditer(template):
        regex += re.escape(template[last:match.start()])
        name = match.group(1)
        regex += f"(?P={name})" if name in names else f"(?P<{name}>.*?)"
        if name not in names:
            names.append(name)
        last = match.end()
    regex += re.escape(template[last:])
    return re.compile(regex, re.DOTALL), tuple(names)


def sentence(context: str, text: str, _depth: int = 0) -> str:
    """Translate a sentence app/core made: itself, or by the template it was filled from."""
    if not text:
        return text
    translated = translate(context, text)
    if translated != text or _depth > 3 or _source_only[0]:
        return translated   # in English, a filled template reads back as the text itself
    for template, prefix, suffix in _templates(context):
        if not (text.startswith(prefix) and text.endswith(suffix)):
            continue   # cheap: most templates are ruled out without their regex
        pattern, names = _pattern(template)
        match = pattern.fullmatch(text)
        if match is None:
            continue
        values = {}
        for name in names:
            value = match.group(name)
            if name in RAW_VALUES:
                values[name] = value
            elif name == "advice" or name.endswith("_advice"):
                values[name] = advice(value)
            elif context in TOOL_CONTEXTS:
                values[name] = (_compound(value, TOOL_CONTEXTS[context], _depth + 1)
                                if name in TOOL_SENTENCE_VALUES else value)
            else:
                values[name] = sentence(context, value, _depth + 1)
        target = translate(context, template)
        return _FIELD.sub(lambda m, v=values: v.get(m.group(1), m.group(0)), target)
    return text


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
    elif kind.startswith("xee.sign_in.") or kind == "sign_in":
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


# --- the batch's and the network check's sentences --------------------------------------

# Between two sentences: after . ! ? or ), before a capital or an opening parenthesis.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?)])(\s+)(?=[A-Z(])")


def tool_text(text: str, context: str = BATCH) -> str:
    """A sentence, or several, that app.core.batch (context BATCH) or app.core.netcheck
    (NETCHECK) made, in the UI language; what no template knows stays as it came."""
    if isinstance(text, Message):
        return message(text)
    if not text:
        return text
    return _cached_tool_text(_generation[0], context, text)


@lru_cache(maxsize=4096)
def _cached_tool_text(_generation: int, context: str, text: str) -> str:
    return _compound(text, TOOL_CONTEXTS[context])


def _first(text: str, contexts: tuple[str, ...], depth: int) -> str | None:
    for context in contexts:
        result = sentence(context, text, depth)
        if result != text:
            return result
    return None


def _compound(text: str, contexts: tuple[str, ...], depth: int = 0) -> str:
    """Line by line ("- " list items too); in a line, the longest runs of sentences a
    template knows, so "A. B." is translated as A then B when no template has both."""
    if "\n" in text:
        return "\n".join(_compound(line, contexts, depth) for line in text.split("\n"))
    if text.startswith("- "):
        return "- " + _compound(text[2:], contexts, depth)
    whole = _first(text, contexts, depth)
    if whole is not None:
        return whole
    parts = _SENTENCE_BREAK.split(text)   # sentence, space, sentence, …
    sentences, spaces = parts[0::2], parts[1::2]
    if len(sentences) == 1:
        return text
    out: list[str] = []
    start = 0
    while start < len(sentences):
        for end in range(len(sentences), start, -1):
            if start == 0 and end == len(sentences):
                continue   # the whole text: tried above
            chunk = "".join(s + (spaces[i] if i < end - 1 else "")
                            for i, s in enumerate(sentences[start:end], start))
            found = _first(chunk, contexts, depth)
            if found is not None or end == start + 1:
                out.append(found if found is not None else chunk)
                if end < len(sentences):
                    out.append(spaces[end - 1])
                start = end
                break
    return "".join(out)
