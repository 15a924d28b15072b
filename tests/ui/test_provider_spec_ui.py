"""The UI reads the providers' spec: the history's identifiers of an attempt come from
each field's record, never from a hand-written list per provider."""

from __future__ import annotations

from app.core import flow
from app.ui.services import attempt_identifiers


def test_an_attempts_identifiers_follow_the_fields():
    state = {**flow.new_state("rufus"), "rufus_model": "Model X1", "rufus_serial": "S-1",
             "rufus_type": "GATE", "api_key": "ror-ae4fc6c19681a20fad30"}
    ids = attempt_identifiers(state, {"deviceid": "AB" * 32})
    # The type is a RUFUS identifier (the batch records it too): the wizard's history
    # records it as well now that one record says so.
    assert ids == {"model": "Model X1", "serial_number": "S-1", "type": "GATE",
                   "deviceid": "AB" * 32}


def test_an_attempts_identifiers_never_hold_the_xee_pin_or_a_key():
    state = {**flow.new_state("xee"), "xee_device_id": "E133742015", "xee_pin": "1234",
             "xee_account": "Alice"}
    assert attempt_identifiers(state) == {"device_id": "E133742015", "user": "Alice"}
    zype = {**flow.new_state("zype"), "zype_consumer_id": "c1", "zype_email": "a@b.c",
            "zype_pin": "zabc123", "api_key": "zk_secret"}
    assert attempt_identifiers(zype, {"linked_device_id": "tv-1"}) == {
        "consumer_id": "c1", "email": "a@b.c", "pin": "zabc123", "linked_device_id": "tv-1"}
