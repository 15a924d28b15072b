"""The providers' spec (app.core.flow.PROVIDERS and FIELDS): each field's five names are
linked by one record, and the batch, the history and the error pages read them."""

from __future__ import annotations

import pytest

from app.core import batch, flow, history, providers
from app.core.errors import InputError
from app.core.flow import Page

# A value each validator refuses (too long, or not the field's shape).
BAD = "x" * 300 + " \u0000"


@pytest.mark.parametrize("fld", [f for f in flow.FIELDS if f.page is not None],
                         ids=lambda f: f"{f.provider}.{f.key}")
def test_a_fields_input_error_names_its_error_field_and_leads_to_its_page(fld):
    with pytest.raises(InputError) as caught:
        fld.validate(BAD)
    error = caught.value
    assert error.field == fld.error_field
    assert flow.page_for_error(error.to_dict()) is fld.page


def test_the_serial_number_leads_to_the_device_page_whatever_the_category():
    # "serial_number" (the error's field) never matched the state key "rufus_serial" by
    # suffix: the page came from the category by chance. The record links them.
    error = {"kind": "rufus.anything", "category": "unexpected", "provider": "rufus",
             "field": "serial_number"}
    assert flow.page_for_error(error) is Page.DEVICE


def test_a_pin_error_is_the_providers_own_pin():
    # The Zype pin's error field is "pin", as the Xee pin's: the provider decides.
    zype = flow.field("zype_pin", "zype")
    assert zype.error_field == flow.field("xee_pin", "xee").error_field == "pin"
    found = [f.key for f in flow.FIELDS
             if f.error_field == "pin" and f.provider == "zype"]
    assert found == ["zype_pin"]


def test_batch_columns_come_from_the_fields():
    assert batch.LAYOUTS == {
        "xee": (("device_id", True), ("pin", True)),
        "rufus": (("model", True), ("serial_number", True), ("alias", False),
                  ("firmware", False), ("type", False)),
        "zype": (("consumer_id", False), ("email", False), ("pin", True),
                 ("linked_device_id", False)),
    }
    assert batch.UNIQUE_COLUMN == {"xee": "device_id", "rufus": "serial_number",
                                   "zype": "pin"}
    assert {key: spec.identifier_columns() for key, spec in providers.SPECS.items()} == {
        "xee": ("device_id",),
        "rufus": ("model", "serial_number", "alias", "firmware", "type"),
        "zype": ("consumer_id", "email", "pin", "linked_device_id")}
    for provider, validators in batch.VALIDATORS.items():
        for column, validate in validators.items():
            fld = next(f for f in flow.columns_for(provider) if f.column == column)
            assert validate is flow.validation.VALIDATORS[fld.validator]


def test_every_identifier_is_one_the_history_accepts():
    for info in flow.PROVIDERS.values():
        allowed = history.IDENTIFIER_FIELDS[info.key]
        names = [f.identifier for f in flow.FIELDS if f.provider == info.key and f.identifier]
        names += [name for name, _state_key in info.result_identifiers]
        assert names and set(names) <= set(allowed), (info.key, names, allowed)
    assert batch.identifiers_of("xee", {"device_id": "E1", "pin": "1234"}) == {
        "device_id": "E1"}


def test_capabilities_are_data():
    xee, rufus, zype = (flow.PROVIDERS[k] for k in ("xee", "rufus", "zype"))
    assert xee.signs_in and not xee.has_api_key
    assert xee.needs_sign_in(flow.PRODUCTION) and not xee.needs_sign_in(flow.ONLINE_SANDBOX)
    assert rufus.has_api_key and not rufus.needs_sign_in(flow.PRODUCTION)
    assert xee.pin_lock and not rufus.pin_lock and not zype.pin_lock
    assert rufus.handover_id == "deviceid" and zype.lookup_field == "zype_email"
    assert flow.api_class("zype").__name__ == "ZypeAPI"
    assert flow.api_class("xee").__name__ == "XeeAPI"
