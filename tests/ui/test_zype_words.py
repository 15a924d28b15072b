"""Issue 17 (smaller list) item 3: in French (and Spanish) "boîtier" ("caja"), the box,
is Xee's car box only: Zype's device is a TV. What a Zype result shows, and every
translation whose English speaks of the TV or of Zype, never calls it a box."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from app.ui.batch_dialog import BatchModel
from app.ui.pairing_pages import translated_result_rows

from .conftest import tool

BOX = {"fr": re.compile(r"bo[îi]tier", re.I), "es": re.compile(r"\bcajas?\b", re.I)}

# A Zype link's answer with every field the result page can show.
ZYPE_RESULT = {"pin": "zabc123", "consumer_id": "c-1", "linked_device_id": "roku-4f2a9c",
               "linked": True, "_id": "dp-1", "device_id": "dev-9", "site_id": "site-3",
               "pin_expiration": "2026-12-03T14:35:00Z", "subscription_count": 1,
               "created_at": "2026-12-03T14:05:00Z", "updated_at": "2026-12-03T14:05:00Z"}






@pytest.mark.parametrize("lang", ["fr", "es"])
def test_a_zype_result_never_calls_the_tv_a_box(language, lang):
    language(lang)
    rows = translated_result_rows({"provider": "zype", "result": dict(ZYPE_RESULT)})
    assert len(rows) == 11
    for label, _value in rows:
        assert not BOX[lang].search(label), (lang, label)
    if lang == "fr":   # Xee's box keeps its word: the check looks at the right thing
        xee = translated_result_rows({"provider": "xee", "result": {"device_id": "E1"}})
        assert BOX[lang].search(xee[0][0])


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_the_zype_batch_columns_never_call_the_tv_a_box(language, lang):
    from PySide6.QtCore import Qt

    language(lang)
    model = BatchModel()
    model.provider = "zype"
    model.columns = ["line", "consumer_id", "email", "pin", "linked_device_id", "state",
                     "details"]
    for section in range(len(model.columns)):
        title = model.headerData(section, Qt.Orientation.Horizontal)
        assert not BOX[lang].search(title), (lang, title)


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_no_translation_about_the_tv_or_zype_says_box(lang):
    root = ET.parse(tool.ts_path(lang)).getroot()  # noqa: S314 (our own file)
    checked = 0
    for message in root.iter("message"):
        source = message.find("source").text or ""
        if not re.search(r"\bTVs?\b|\bZype\b|linked device", source, re.I) \
                or re.search(r"\bXee\b|\bbox", source, re.I):
            continue
        translation = message.find("translation")
        texts = [f.text or "" for f in translation.findall("numerusform")] \
            or [translation.text or ""]
        for text in texts:
            assert not BOX[lang].search(text), (lang, source, text)
        checked += 1
    assert checked > 20
