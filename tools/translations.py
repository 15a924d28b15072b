"""The translations of Pairing Wizard: extract, and build.

    python tools/translations.py update  # app/core's sentences -> app/ui/core_sentences.py,
                                         # then pyside6-lupdate app/ui -> translations/*.ts
    python tools/translations.py build   # pyside6-lrelease *.ts -> *.qm (not committed)
    python tools/translations.py check   # app/ui/core_sentences.py up to date? (exit 1 if not)

The .ts files (Qt Linguist) are the translators' source; the .qm files are built by
`make setup` and by the packaging step. app/core never imports Qt, so its sentences
(ProviderError advice from errors_table.py, InputError sentences, SignInError advice,
the flow's labels and messages, and every `Message(context, "template", ...)` call of
app/core and app/auth: the batch's and the network check's sentences) are collected
here into a generated module of QT_TRANSLATE_NOOP calls that lupdate reads. app/core
returns filled sentences as app.core.messages.Message (template and values), which
app/ui/i18n.py translates by their template: nothing is parsed back out of English.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TRANSLATIONS = ROOT / "resources" / "translations"
GENERATED = ROOT / "app" / "ui" / "core_sentences.py"
CATALOGUE = "pairing_wizard"
LANGUAGES = ("en", "fr", "es")
INPUT_ERROR_MODULES = ("validation.py", "environments.py", "xee.py", "rufus.py", "zype.py")
LABEL_FUNCTIONS = {"_clean": 2, "_optional": 2, "_validate_key": 2}


# --- app/core's sentences -----------------------------------------------------------------

def _placeholder(node: ast.expr) -> str:
    """A readable placeholder name for an f-string's expression."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        if node.func.id == "provider_name":
            return "provider"
        args = "_".join(_placeholder(a) for a in node.args)
        return f"{node.func.id}_{args}".strip("_")
    if isinstance(node, ast.Name):
        return _field_name(node.id)
    return _field_name(ast.unparse(node))


def _field_name(text: str) -> str:
    """What app/ui/i18n.py reads as a placeholder: lower-case letters and "_"."""
    return re.sub(r"_+", "_", re.sub(r"[^a-z_]+", "_", text.lower())).strip("_")


def _template(node: ast.expr) -> str | None:
    """The text of a string literal or f-string, f-string fields as {name}."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        out = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                out.append(str(part.value))
            elif isinstance(part, ast.FormattedValue):
                out.append("{" + _placeholder(part.value) + "}")
        return "".join(out)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "Message" and len(node.args) >= 2):
        return _template(node.args[1])   # Message(context, template, **params)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _template(node.left), _template(node.right)
        return left + right if left is not None and right is not None else None
    return None


def input_error_sentences() -> list[str]:
    found: list[str] = []
    for name in INPUT_ERROR_MODULES:
        tree = ast.parse((ROOT / "app" / "core" / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id == "InputError" and len(node.args) >= 2:
                text = _template(node.args[1])
            elif node.func.id in LABEL_FUNCTIONS and len(node.args) > LABEL_FUNCTIONS[
                    node.func.id]:
                text = _template(node.args[LABEL_FUNCTIONS[node.func.id]])
            else:
                continue
            if text and text not in found:
                found.append(text)
    return found


def provider_error_sentences() -> list[str]:
    from app.core import errors_table as table
    from app.core.errors import wait_phrase

    found: list[str] = []
    rows = [*table.ALL_ROWS]
    for operations in table.PROVIDER_ROWS.values():
        for operation_rows in operations.values():
            rows.extend(operation_rows)
    found.extend(row.advice for row in rows)
    found.extend(advice for _category, _sent, advice in table.OUTCOMES.values())
    found.extend(table.UNCERTAIN_OUTCOME_ADVICE.values())
    found.extend(table.UNCERTAIN_REASONS.values())
    found.extend(wait_phrase(seconds).template for seconds in (1, 7, 600))
    return list(dict.fromkeys(found))


def sign_in_error_sentences() -> list[str]:
    from app.auth.errors import ADVICE, SignInError

    return list(dict.fromkeys([*ADVICE.values(), SignInError("unknown kind").advice]))


def flow_sentences() -> list[str]:
    """Labels and messages of app.core.flow, gathered by calling it (every provider,
    every category), numbers turned back into placeholders."""
    import asyncio

    from app.core import flow
    from app.core.errors import ProviderError

    found: list[str] = []
    found.extend(flow.PAGE_TITLES.values())
    for title in flow.ENVIRONMENT_TITLES.values():
        found.extend([title, title.split(" (")[0]])
    for info in flow.PROVIDERS.values():
        found.extend([info.summary, info.action, info.undo_action, info.device_title,
                      info.device_subtitle, info.pairing_status, info.undo_confirm,
                      info.undo_done])
    for fld in flow.FIELDS:
        found.extend([fld.label, fld.help])
    for info in flow.PROVIDERS.values():
        found.extend(label for _name, label in info.identifier_labels)
    states = [flow.new_state()] + [flow.new_state(p) for p in flow.PROVIDERS]
    states.append({**flow.new_state("xee"), "environment": "nowhere"})
    for state in states:   # the flow's own sentences (field errors are InputError's)
        found.extend(flow.page_errors(flow.Page.PROVIDER, state).values())
        if state.get("provider") == "xee":
            found.extend(flow.page_errors(flow.Page.CREDENTIALS, state).values())
    for provider in flow.PROVIDERS:
        state = {**flow.new_state(provider), "api_key": "KEYKEYKEYKEY", "xee_account": ""}
        for label, _value in flow.review_rows(state, "https://example.invalid"):
            found.append(label)
        result = {key: "x" for key in ("device_id", "user", "user_id", "deviceid", "model",
                                       "serial_number", "alias", "firmware", "pin",
                                       "consumer_id", "linked_device_id", "linked", "id",
                                       "_id", "pin_expiration", "subscription_count",
                                       "site_id", "created_at", "updated_at")}
        for label, _value in flow.result_rows({"provider": provider, "result": result}):
            found.append(label)
        for undone in (False, True):
            found.append(flow.success_title({"provider": provider, "undone": undone}))
    found.extend(["not signed in", "{account} (Xee sign-in)", "api key {key}", "yes", "no"])
    for state in states:
        if problem := flow.batch_problem(state, signed_in=False):
            found.append(problem)
    found.extend([*flow.CANCELLED_WHILE_WAITING.values(), flow.CANCELLED_WHILE_WAITING_ANY,
                  flow.SOME_PROVIDER, flow.CANCELLED_BEFORE_SENDING, flow.UNDO_INTERRUPTED])
    for info in flow.PROVIDERS.values():   # each pin lock's own words (Xee's box)
        if info.pin_lock:
            words = info.pin_lock.sentences
            found.extend([words.locked_now, words.left_one, words.left_many])
    found.extend([flow.UNCERTAIN_REVIEW, flow.CHECK_RUFUS_FOUND, flow.CHECK_RUFUS_MISSING,
                  flow.CHECK_ZYPE_FOUND, flow.CHECK_ZYPE_MISSING, flow.CHECK_ZYPE_ELSEWHERE,
                  flow.CHECK_ZYPE_NO_EMAIL, flow.CHECK_ZYPE_NO_CONSUMER, flow.CHECK_XEE_FOUND,
                  flow.CHECK_XEE_MISSING, flow.CHECK_FAILED])
    for category in (None, "input", "refused", "auth", "network", "unexpected"):
        found.append(flow.failure_title({"category": category}))
    found.extend([flow.CANCELLED_SENT_TITLE, flow.CANCELLED_NOT_SENT_TITLE])
    found.extend([*flow.FIX_LABELS.values(), flow.FIX_LABEL_ELSEWHERE])
    for locking, info in flow.PROVIDERS.items():   # the device page's warnings
        if not info.pin_lock:
            continue
        for failed in range(1, info.pin_lock.attempts + 2):
            text = flow.pin_warning({"provider": locking, info.pin_lock.device: "BOX",
                                     "pin_failures": {locking: {"BOX": failed}}})
            if text:
                found.append(text.template)

    class Refusing:
        def __init__(self, status: int) -> None:
            self.status = status

        async def get(self, _deviceid: str) -> None:
            raise ProviderError("k", "auth", "{advice}", status=self.status)

        find_consumers = get

    class Answering:
        async def get(self, _deviceid: str) -> None:
            return None

        find_consumers = get

    for status in (401, 403, 404, 500):
        for provider in ("rufus", "zype"):
            found.append(asyncio.run(flow.check_key(Refusing(status), provider)).message)
    for provider in ("rufus", "zype"):
        found.append(asyncio.run(flow.check_key(Answering(), provider)).message)
    for messages in (flow.xee_app_errors("", "", False), flow.xee_app_errors(
            "bad id", "bad secret", False)):
        found.extend(messages.values())
    # A Message is found by its template (its English names one provider).
    found = [getattr(text, "template", text) for text in found]
    return [text for text in dict.fromkeys(found) if text and text.strip()]


def message_calls() -> dict[str, list[str]]:
    """The templates of every `Message(CONTEXT, "template", ...)` call in app/core and
    app/auth (CONTEXT a name of app.core.messages, or a string), by context."""
    from app.core import messages

    contexts = {name: getattr(messages, name) for name in dir(messages)
                if isinstance(getattr(messages, name), str)
                and getattr(messages, name) in messages.CONTEXTS}
    found: dict[str, list[str]] = {}
    for folder in ("core", "auth"):
        for path in sorted((ROOT / "app" / folder).glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                        and node.func.id == "Message" and len(node.args) >= 2):
                    continue
                where, what = node.args[0], node.args[1]
                context = (contexts.get(where.id) if isinstance(where, ast.Name) else
                           where.value if isinstance(where, ast.Constant) else None)
                if context and isinstance(what, ast.Constant) and isinstance(what.value, str):
                    found.setdefault(context, []).append(what.value)
    return found


def batch_sentences(templates: list[str]) -> list[str]:
    """The batch's sentences, and their wording in the batch window (Resume)."""
    from app.core.batch import window_wording

    return list(dict.fromkeys(t for text in templates for t in (text, window_wording(text))))


def collect() -> dict[str, list[str]]:
    calls = message_calls()
    listed = {
        "ProviderError": provider_error_sentences(),
        "InputError": input_error_sentences(),
        "SignInError": sign_in_error_sentences(),
        "flow": flow_sentences(),
        "batch": batch_sentences(calls.get("batch", [])),
        "netcheck": calls.get("netcheck", []),
    }
    for context, texts in calls.items():   # the Message calls the lists above miss
        listed[context] = list(dict.fromkeys([*listed.get(context, []), *texts]))
    from app.core.providers import UNKNOWN_PROVIDER

    for context in ("InputError", "batch"):   # providers.unknown_provider's callers
        listed[context] = list(dict.fromkeys([*listed[context], *UNKNOWN_PROVIDER]))
    return listed


def render(sentences: dict[str, list[str]]) -> str:
    lines = [
        '"""app/core\'s and app/auth\'s sentences, for pyside6-lupdate: nothing imports',
        "this module (app/ui/i18n.py translates a Message by its own template).",
        "",
        "Generated by `python tools/translations.py update`: do not edit by hand.",
        '"""',
        "# ruff: noqa: E501",
        "",
        "",
        "def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802",
        "    return text",
    ]
    for context, texts in sentences.items():
        lines += ["", ""]
        for text in texts:
            lines.append(f"QT_TRANSLATE_NOOP({context!r}, {_literal(text)})")
    return "\n".join(lines) + "\n"


def _literal(text: str) -> str:
    # Double quotes, one line: what lupdate's Python parser reads reliably.
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


# --- Qt's tools -----------------------------------------------------------------------------

def qt_tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python (the venv), else on PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (PySide6-Essentials ships it)")
    return found


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"{CATALOGUE}_{language}.ts"


def update() -> int:
    GENERATED.write_text(render(collect()), encoding="utf-8")
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app" / "ui").glob("*.py"))
    for language in LANGUAGES:
        extra = ["-pluralonly"] if language == "en" else []
        subprocess.run([qt_tool("pyside6-lupdate"), *sources, "-no-obsolete",  # noqa: S603
                        "-locations", "none", "-source-language", "en",
                        "-target-language", language, *extra, "-ts",
                        str(ts_path(language).relative_to(ROOT))], cwd=ROOT, check=True)
    return 0


def build() -> int:
    for language in LANGUAGES:
        source = ts_path(language)
        target = source.with_suffix(".qm")
        subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(source), "-qm",  # noqa: S603
                        str(target)], cwd=ROOT, check=True)
    print(f"Built {len(LANGUAGES)} translations in {TRANSLATIONS.relative_to(ROOT)}")
    return 0


def check() -> int:
    current = GENERATED.read_text(encoding="utf-8") if GENERATED.exists() else ""
    if current != render(collect()):
        print("app/ui/core_sentences.py is out of date: run python tools/translations.py "
              "update, then translate the new sentences", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/translations.py",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "build", "check"))
    args = parser.parse_args(argv)
    return {"update": update, "build": build, "check": check}[args.command]()


if __name__ == "__main__":
    raise SystemExit(main())
