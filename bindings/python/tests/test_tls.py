"""HTTPS end to end from the installed wheel: the sandbox serves TLS with a CA made at start. An
untrusted certificate raises PowerpackError.Tls at once (not retried); the CA passed in
ClientConfig.root_certificates_pem makes the same call succeed; another host's certificate fails."""

import time

import pytest

import plivo_powerpack as pp
from conftest import AUTH_ID, AUTH_TOKEN, ms


def config(url, **extra):
    # Slow retries: a retried TLS failure would take at least 10 s.
    return pp.ClientConfig(base_url=url, retry=pp.RetryPolicy(max_attempts=3, base_delay=ms(10_000),
                                                             max_delay=ms(10_000)), **extra)


def test_with_the_sandbox_ca_the_call_succeeds_over_https(tls_sandbox):
    assert tls_sandbox.base_url.startswith("https://127.0.0.1:")
    client = pp.PowerpackClient(AUTH_ID, AUTH_TOKEN, config(tls_sandbox.base_url, root_certificates_pem=[tls_sandbox.ca]))
    tls_sandbox.reset()
    created = client.create_powerpack("python over tls", sticky_sender=False)
    assert client.get_powerpack(created.uuid).sticky_sender is False
    journal = tls_sandbox.journal()
    assert [(e["method"], e["path"]) for e in journal] == [
        ("POST", f"/v1/Account/{AUTH_ID}/Powerpack/"), ("GET", f"/v1/Account/{AUTH_ID}/Powerpack/{created.uuid}/")]
    assert dict(journal[0]["headers"])["authorization"] == f"Basic {AUTH_ID}:***"


@pytest.mark.parametrize("store", [None, pp.TrustStore.BUNDLED, pp.TrustStore.SYSTEM])
def test_an_unknown_issuer_fails_at_once_with_a_tls_error(tls_sandbox, store):
    tls_sandbox.reset()
    client = pp.PowerpackClient(AUTH_ID, AUTH_TOKEN, config(tls_sandbox.base_url, trust_store=store))
    started = time.monotonic()
    with pytest.raises(pp.PowerpackError.Tls) as info:
        client.get_powerpack("u")
    assert time.monotonic() - started < 5, "not retried: a retry would have waited 10 s first"
    assert "UnknownIssuer" in info.value.reason and "root_certificate_pem" in info.value.reason
    assert tls_sandbox.journal() == [], "no request got past the handshake"


def test_a_certificate_for_another_name_fails(other_name_sandbox):
    client = pp.PowerpackClient(AUTH_ID, AUTH_TOKEN,
                                config(other_name_sandbox.base_url, root_certificates_pem=[other_name_sandbox.ca]))
    with pytest.raises(pp.PowerpackError.Tls) as info:
        client.get_powerpack("u")
    assert 'not valid for name "127.0.0.1"' in info.value.reason


def test_a_root_certificate_that_is_not_pem_is_refused_at_construction():
    with pytest.raises(pp.PowerpackError.Validation) as info:
        pp.PowerpackClient(AUTH_ID, AUTH_TOKEN, config("https://127.0.0.1:1", root_certificates_pem=["not a cert"]))
    assert info.value.field == "root_certificates_pem[0]"
