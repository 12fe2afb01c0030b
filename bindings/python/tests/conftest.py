"""Fixtures: one sandbox process for the session (started on port 0), reset before each test.

The suite imports the installed wheel: run it from a directory that does not
contain the package sources (the Makefile runs it from this directory, whose
parent holds only `python/`, never on sys.path).
"""

import datetime
import json
import os
import ssl
import subprocess
import urllib.request

import pytest

import plivo_powerpack as pp

AUTH_ID = "MASANDBOX00000000001"
AUTH_TOKEN = "sandbox-auth-token"
OTHER_ID = "MAOTHERACCOUNT000002"
OTHER_TOKEN = "other-token"


class Sandbox:
    """The sandbox binary and its admin API; `extra` adds flags (``--tls`` ...)."""

    def __init__(self, binary, *extra):
        self.proc = subprocess.Popen(
            [binary, "--port", "0", "--rate-limit", "off",
             "--account", f"{AUTH_ID}:{AUTH_TOKEN}", "--account", f"{OTHER_ID}:{OTHER_TOKEN}", *extra],
            stdout=subprocess.PIPE, text=True,
        )
        self.base_url = self.proc.stdout.readline().strip()
        assert self.base_url.startswith(("http://127.0.0.1:", "https://127.0.0.1:")), self.base_url

    def _admin(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"{self.base_url}/__admin/{path}", data=data, method=method)
        context = ssl.create_default_context(cafile=self.ca_file) if getattr(self, "ca_file", None) else None
        with urllib.request.urlopen(req, timeout=10, context=context) as resp:
            text = resp.read()
            return json.loads(text) if text else None

    def reset(self):
        self._admin("POST", "reset")

    def journal(self):
        return self._admin("GET", "journal")

    def fault(self, kind, method=None, path=None, count=1, **fields):
        self._admin("POST", "faults", {"kind": kind, "method": method, "path": path, "count": count, **fields})

    def seed(self, **document):
        """Adds numbers, shortcodes or Powerpacks (``numbers=[...]``...) until the next reset."""
        self._admin("POST", "seed", document)

    def path(self, uuid=None, account=AUTH_ID):
        return f"/v1/Account/{account}/Powerpack/" + (f"{uuid}/" if uuid else "")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="session")
def sandbox_server():
    sb = Sandbox(_binary())
    yield sb
    sb.stop()


def _binary():
    binary = os.environ.get("POWERPACK_SANDBOX_BIN")
    if not binary:
        pytest.fail("POWERPACK_SANDBOX_BIN must point at the powerpack-sandbox binary (make test sets it)")
    return binary


@pytest.fixture(scope="session")
def tls_sandbox(tmp_path_factory):
    """The sandbox over HTTPS with a certificate for 127.0.0.1 and localhost; `.ca` is its CA (PEM).
    Its admin API is HTTPS too, so the journal is read through the client-independent stdlib with the CA."""
    ca_file = tmp_path_factory.mktemp("tls") / "ca.pem"
    sb = Sandbox(_binary(), "--tls", "--tls-ca-out", str(ca_file))
    sb.ca = ca_file.read_text()
    sb.ca_file = str(ca_file)
    yield sb
    sb.stop()


@pytest.fixture(scope="session")
def other_name_sandbox(tmp_path_factory):
    """The sandbox over HTTPS with a certificate for another host name (api.example.test)."""
    ca_file = tmp_path_factory.mktemp("other") / "ca.pem"
    sb = Sandbox(_binary(), "--tls", "--tls-names", "api.example.test", "--tls-ca-out", str(ca_file))
    sb.ca = ca_file.read_text()
    yield sb
    sb.stop()


@pytest.fixture
def sandbox(sandbox_server):
    sandbox_server.reset()
    return sandbox_server


def ms(n):
    """A duration in milliseconds: the bindings take `datetime.timedelta`."""
    return datetime.timedelta(milliseconds=n)


def fast_config(base_url, **overrides):
    """Quick retries and short timeouts, so fault tests take milliseconds."""
    settings = dict(
        base_url=base_url,
        retry=pp.RetryPolicy(max_attempts=3, base_delay=ms(10), max_delay=ms(50)),
        attempt_timeout=ms(5000),
    )
    settings.update(overrides)
    return pp.ClientConfig(**settings)


@pytest.fixture
def client(sandbox):
    return pp.PowerpackClient(AUTH_ID, AUTH_TOKEN, fast_config(sandbox.base_url))
