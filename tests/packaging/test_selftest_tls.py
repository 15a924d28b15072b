"""The self-test's TLS check does real handshakes through the OS trust store
(truststore; on Linux it reads OpenSSL's CA file, i.e. SSL_CERT_FILE when set)."""

from __future__ import annotations

import ssl

import pytest

from app import selftest
from app.core.transport import system_ssl_context


@pytest.fixture
def chain(tmp_path):
    return selftest.make_test_chain(tmp_path)


def test_a_chain_from_an_unknown_ca_is_refused(chain):
    with pytest.raises(ssl.SSLCertVerificationError):
        selftest.local_handshake(system_ssl_context(), chain)


def test_a_test_ca_trusted_through_the_os_store_is_accepted(chain, tmp_path, monkeypatch):
    # The store truststore reads on Linux: OpenSSL's default CA file, which SSL_CERT_FILE
    # replaces (and an empty SSL_CERT_DIR, so only this CA is trusted).
    (tmp_path / "no-certs").mkdir()
    monkeypatch.setenv("SSL_CERT_FILE", str(chain.ca_pem))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / "no-certs"))
    assert selftest.local_handshake(system_ssl_context(), chain) in ("TLSv1.3", "TLSv1.2")
    # ... and another CA's chain still is not.
    other = selftest.make_test_chain(tmp_path / "no-certs", name="Another CA")
    with pytest.raises(ssl.SSLCertVerificationError):
        selftest.local_handshake(system_ssl_context(), other)


def test_check_tls_passes_with_the_real_context():
    try:
        detail = selftest.check_tls()
    except selftest.CheckWarning:  # a machine without CA files: still handshook
        return
    assert "verifies" in detail


def test_check_tls_fails_when_an_unknown_ca_is_accepted(monkeypatch):
    # Injected fault: a context that would accept any chain (a real one cannot be made
    # to without turning verification off, which the check's first test already refuses).
    monkeypatch.setattr(selftest, "local_handshake", lambda client, chain: "TLSv1.3")
    with pytest.raises(selftest.CheckFailed, match="unknown authority"):
        selftest.check_tls()
