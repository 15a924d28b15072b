"""The IT-managed configuration file (app.core.managed_config): parsing, locks, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import managed_config as mc

EXAMPLE = """\
[xee]
client_id = "pw-app"
client_secret = "s3cr3t-from-it"
redirect_uri = "http://localhost:8765/callback"
redirect_ports = [8765, 8766]
state_echoed = false
api_version = "v4"

[roots.rufus]
production = "https://rufus.example.com/v0"

[rufus]
default_type = "TRACKER"

[lock]
settings = ["xee.redirect_uri", "roots.rufus.production", "xee.client_id"]
hide_environments = ["production"]
"""


def test_example_maps_to_settings_keys_and_locks():
    config = mc.parse(EXAMPLE)
    assert config.value("xee/redirectUri") == "http://localhost:8765/callback"
    assert config.value("xee/redirectPorts") == "8765, 8766"
    assert config.value("xee/stateEchoed") is False
    assert config.value("xee/apiVersion") == "v4"
    assert config.value("roots/rufus/production") == "https://rufus.example.com/v0"
    assert config.value("rufus/defaultType") == "TRACKER"
    # One client id for every environment.
    assert config.value("xee/production/clientId") == "pw-app"
    assert config.is_locked("xee/redirectUri") and config.is_locked("xee/sandbox/clientId")
    assert not config.is_locked("xee/stateEchoed")
    assert config.hidden_environments == {"production"}
    assert config.xee_client_secret == "s3cr3t-from-it"
    # The secret is never a setting, nor in the repr.
    assert "s3cr3t" not in repr(config) and "s3cr3t" not in repr(config.values)


@pytest.mark.parametrize("text, line, words", [
    ('[xee]\nclient_id = "a"\nredirect_url = "x"\n', 3, "unknown setting 'xee.redirect_url'"),
    ('[xee]\nstate_echoed = "no"\n', 2, "true or false"),
    ('[xee]\napi_version = "v5"\n', 2, "v3, v4"),
    ('[xee]\nclient_id = \n', 2, "not valid TOML"),
    ('[lock]\nsettings = ["xee.nope"]\n', 2, "unknown setting 'xee.nope'"),
    ('[lock]\nhide_environments = ["staging"]\n', 2, "hide_environments"),
])
def test_bad_file_is_a_sentence_naming_the_line(text, line, words):
    with pytest.raises(mc.ManagedConfigError) as info:
        mc.parse(text, Path("/etc/pairing-wizard/config.toml"))
    sentence = str(info.value)
    assert f"line {line}" in sentence and words in sentence
    assert "/etc/pairing-wizard/config.toml" in sentence and sentence.endswith(".")


def test_load_from_the_environment_variable(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    config = mc.load({mc.ENV_VAR: str(path)})
    assert config.path == path and config.value("xee/apiVersion") == "v4"
    missing, error = mc.load_or_error({mc.ENV_VAR: str(tmp_path / "nope.toml")})
    assert missing.values == {} and error and "does not exist" in error
    path.write_bytes(b"\xff\xfe[")
    assert "UTF-8" in (mc.load_or_error({mc.ENV_VAR: str(path)})[1] or "")


def test_default_paths_per_system(monkeypatch):
    monkeypatch.setattr(mc.sys, "platform", "win32")
    monkeypatch.setenv("ProgramData", r"C:\ProgramData")
    assert str(mc.default_path()).replace("\\", "/").endswith(
        "ProgramData/pairing-wizard/config.toml")
    monkeypatch.setattr(mc.sys, "platform", "darwin")
    assert mc.default_path() == Path("/Library/Application Support/pairing-wizard/config.toml")
    monkeypatch.setattr(mc.sys, "platform", "linux")
    assert mc.default_path() == Path("/etc/pairing-wizard/config.toml")


def test_xee_format_and_scope_keys_are_read():
    text = ('[xee]\ndevice_id_pattern = "[A-Z0-9]{10}"\npin_pattern = "[0-9]{4}"\n'
            'send_scope = false\nscopes = "devices_management"\n')
    config = mc.parse(text)
    assert config.value("xee/deviceIdPattern") == "[A-Z0-9]{10}"
    assert config.value("xee/sendScope") is False


def test_request_timeout_and_batch_wait_are_whole_seconds():
    config = mc.parse("[network]\ntimeout_seconds = 45\n[batch]\nmax_retry_after_seconds = 120\n")
    assert config.value("network/timeoutSeconds") == 45
    assert config.value("batch/maxRetryAfterSeconds") == 120
    with pytest.raises(mc.ManagedConfigError, match="line 2"):
        mc.parse('[network]\ntimeout_seconds = "soon"\n')


def test_no_generic_path_shows_the_client_secret():
    """repr() hides the secret, and so does every other way a value is turned into text
    or data without asking for the secret by name: tuple(), iteration, indexing,
    _asdict(), str() of any of these, _replace(), copies, JSON with a str fallback.
    Pickling refuses (a secret never goes into a byte stream); the callers' attribute
    still gives the text."""
    import copy
    import json
    import pickle

    secret = "s3cr3t-from-it"
    config = mc.parse(EXAMPLE)
    assert config.xee_client_secret == secret
    shown = [repr(config), str(config), f"{config}", f"{config!s:>10}",
             str(tuple(config)), repr(list(config)), str(config._asdict()),
             repr(config._replace(path=Path("/x"))), str(copy.copy(config)),
             str(copy.deepcopy(config)),
             json.dumps(config._asdict(), default=str)]
    shown += [str(part) for part in config] + [repr(part) for part in config]
    shown += [str(config[n]) for n in range(len(config))]
    assert not [text for text in shown if secret in text]
    assert any("hidden" in text for text in shown)   # it is there, masked
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        with pytest.raises(TypeError, match="secret"):
            pickle.dumps(config, protocol=protocol)
    assert copy.deepcopy(config).xee_client_secret == secret
    assert config == mc.parse(EXAMPLE) and mc.parse("").xee_client_secret is None
