"""Validators: accepted values come back clean, rejections are InputErrors with a sentence."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import validation as v
from app.core.errors import InputError, ProviderError

SEED_DEVICEID = "65A1B7E0C6BC3D32C268C1506E3F6F39E225DC6ED79573E177E7243E8E38115B"


def rejects(fn, value) -> InputError:
    with pytest.raises(InputError) as info:
        fn(value)
    err = info.value
    assert err.category == "input" and err.kind == f"input.{err.field}"
    assert len(err.advice) > 20 and err.advice.endswith(".")
    assert str(err) == err.advice
    return err


@pytest.mark.parametrize(
    ("fn", "raw", "clean"),
    [
        (v.validate_xee_device_id, "  E133742015\n", "E133742015"),
        (v.validate_xee_device_id, " e133742015\t", "e133742015"),
        (v.validate_xee_pin, "\t1234 ", "1234"),
        (v.validate_xee_pin, "0042 ", "0042"),
        (v.validate_zype_pin, " ZABC123 ", "zabc123"),
        (v.validate_zype_pin, "1234567", "1234567"),
        (v.validate_zype_consumer_id, " 5f1a2b3c4d5e6f7a8b9c0d01", "5f1a2b3c4d5e6f7a8b9c0d01"),
        (v.validate_email, " Alice@Example.com ", "Alice@Example.com"),
        (v.validate_rufus_model, "  Model X1 ", "Model X1"),
        (v.validate_rufus_serial_number, "\u200bDEVICE-123\ufeff", "DEVICE-123"),
        (v.validate_rufus_alias, "  ", None),
        (v.validate_rufus_alias, None, None),
        (v.validate_rufus_firmware, " 1.2.3 ", "1.2.3"),
        (v.validate_rufus_deviceid, f" {SEED_DEVICEID.lower()} ", SEED_DEVICEID),
        (v.validate_rufus_api_key, " ror-ae4fc6c19681a20fad30 ", "ror-ae4fc6c19681a20fad30"),
        (v.validate_zype_api_key, "abc_DEF-123", "abc_DEF-123"),
        (v.validate_zype_linked_device_id, " roku living room ", "roku living room"),
    ],
)
def test_accepts_and_cleans(fn, raw, clean):
    assert fn(raw) == clean


@pytest.mark.parametrize(
    ("fn", "raw", "field"),
    [
        (v.validate_xee_device_id, "", "device_id"),
        (v.validate_xee_device_id, "   \t ", "device_id"),
        (v.validate_xee_device_id, "E13/42015", "device_id"),
        (v.validate_xee_device_id, "E13 42015", "device_id"),
        (v.validate_xee_device_id, "..", "device_id"),
        (v.validate_xee_device_id, "E" * 65, "device_id"),
        (v.validate_xee_device_id, "E1337\x0042015", "device_id"),
        (v.validate_xee_device_id, "Ｅ133742015", "device_id"),  # full-width letter
        (v.validate_xee_pin, "12 34", "pin"),
        (v.validate_xee_pin, "1" * 17, "pin"),
        (v.validate_xee_pin, "12?4", "pin"),
        (v.validate_zype_pin, "zabc12", "pin"),
        (v.validate_zype_pin, "zabc1234", "pin"),
        (v.validate_zype_pin, "zab-123", "pin"),
        (v.validate_zype_consumer_id, "5f1a 2b3c", "consumer_id"),
        (v.validate_zype_consumer_id, "", "consumer_id"),
        (v.validate_email, "alice", "email"),
        (v.validate_email, "alice@", "email"),
        (v.validate_email, "@example.com", "email"),
        (v.validate_email, "alice@example", "email"),
        (v.validate_email, "al ice@example.com", "email"),
        (v.validate_email, "alice@example..com", "email"),
        (v.validate_rufus_model, "", "model"),
        (v.validate_rufus_model, "X" * 129, "model"),
        (v.validate_rufus_serial_number, "SN\n1", "serial_number"),
        (v.validate_rufus_serial_number, None, "serial_number"),
        (v.validate_rufus_alias, "evil\u202ename", "alias"),
        (v.validate_rufus_firmware, "1.0\r2", "firmware"),
        (v.validate_rufus_deviceid, "65A1B7E0", "deviceid"),
        (v.validate_rufus_deviceid, "G" * 64, "deviceid"),
        (v.validate_rufus_api_key, "ror key", "api_key"),
        (v.validate_rufus_api_key, "ror-clé", "api_key"),
        (v.validate_rufus_api_key, "k" * 257, "api_key"),
        (v.validate_zype_api_key, "", "api_key"),
        (v.validate_zype_linked_device_id, "tv\x07", "linked_device_id"),
    ],
)
def test_rejects_with_a_sentence(fn, raw, field):
    err = rejects(fn, raw)
    assert err.field == field
    assert err.to_dict()["field"] == field


def test_rejection_names_the_field():
    assert "Xee device id" in rejects(v.validate_xee_device_id, "").advice
    assert "Zype pin" in rejects(v.validate_zype_pin, "abc").advice
    assert "too long" in rejects(v.validate_rufus_model, "m" * 500).advice


def test_every_validator_is_exposed_for_the_wizard():
    public = {name for name in dir(v) if name.startswith("validate_")}
    assert {fn.__name__ for fn in v.VALIDATORS.values()} == public


text = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.characters(codec="ascii"), max_size=40),
    st.text(alphabet=st.sampled_from("E1z-_ /\t\n\x00\u202e\u200b@."), max_size=20),
    st.text(min_size=300, max_size=400),
    st.none(),
    st.integers(),
)


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from(sorted(v.VALIDATORS)), value=text)
def test_validators_only_raise_input_errors(name, value):
    fn = v.VALIDATORS[name]
    try:
        clean = fn(value)
    except InputError as err:
        assert err.advice.strip() and err.field
        return
    except ProviderError as err:  # pragma: no cover - would be a bug
        pytest.fail(f"{name} raised a non-input error {err!r}")
    if clean is None:
        assert name in ("rufus.alias", "rufus.firmware", "rufus.type")
        return
    # What passes is stripped, printable, bounded and (for ids in paths) slash-free.
    assert clean == clean.strip() and clean
    assert not any(unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") for ch in clean)
    assert len(clean) <= 256
    if name in ("xee.device_id", "rufus.deviceid"):
        assert "/" not in clean and "." not in clean and "%" not in clean


@settings(max_examples=60, deadline=None)
@given(st.from_regex(r"[A-Za-z0-9]{7}", fullmatch=True))
def test_zype_pin_normalised_to_lowercase(pin):
    assert v.validate_zype_pin(pin) == pin.lower()


edges = st.text(alphabet=st.sampled_from(
    "aZ09-. \t\n\r\x0b\x0c\x1c\x85\xa0\u1680\u2003\u2028\u3000\u200b\u200c\u200d\u2060"
    "\ufeff\u202e\x00é"), max_size=8)


@settings(max_examples=400, deadline=None)
@given(st.one_of(edges, st.text(max_size=12)))
def test_the_fast_paths_agree_with_the_full_checks(value):
    """`_strip_edges` skips its regex when both ends are clean, `_clean` skips the
    per-character look-up for printable ASCII: same results as without the shortcuts."""
    assert v._strip_edges(value) == v._EDGES.sub("", value)
    stripped = v._EDGES.sub("", value)
    bad = any(unicodedata.category(ch) in v._BAD_CATEGORIES or ch in v._BIDI
              for ch in stripped)
    if not stripped:
        return
    try:
        assert v._clean(value, "f", "field", 64, None) == stripped
    except InputError as err:
        assert bad or len(stripped) > 64, (value, err.advice)
    else:
        assert not bad and len(stripped) <= 64
