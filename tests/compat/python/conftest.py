"""Plivo's official Python SDK (``plivo`` from PyPI) against the sandbox: one sandbox process for
the session, reset before each test, and a ``plivo.RestClient`` pointed at it.

plivo-python has no base-URL option: every request reads the module constant
``plivo.rest.client.PLIVO_API_BASE_URI``, so that is what is pointed at the sandbox (the README's
recipe for users with existing plivo-python code).
"""

import json
import os
import subprocess
import urllib.request

import plivo
import plivo.rest.client
import pytest

AUTH_ID = "MASANDBOX00000000001"
AUTH_TOKEN = "sandbox-auth-token"


class Sandbox:
    def __init__(self, binary):
        self.proc = subprocess.Popen([binary, "--port", "0", "--rate-limit", "off"], stdout=subprocess.PIPE, text=True)
        self.base_url = self.proc.stdout.readline().strip()
        assert self.base_url.startswith("http://127.0.0.1:"), self.base_url

    def admin(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"{self.base_url}/__admin/{path}", data=data, method=method)
        with urllib.request.urlopen(req, timeout=10) as resp:
            text = resp.read()
            return json.loads(text) if text else None

    def journal(self):
        return self.admin("GET", "journal")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="session")
def sandbox_server():
    binary = os.environ.get("POWERPACK_SANDBOX_BIN")
    if not binary:
        pytest.fail("POWERPACK_SANDBOX_BIN must name the powerpack-sandbox binary (make test sets it)")
    sb = Sandbox(binary)
    yield sb
    sb.stop()


@pytest.fixture
def sandbox(sandbox_server):
    sandbox_server.admin("POST", "reset")
    return sandbox_server


@pytest.fixture
def client(sandbox, monkeypatch):
    monkeypatch.setattr(plivo.rest.client, "PLIVO_API_BASE_URI", f"{sandbox.base_url}/v1/Account")
    return plivo.RestClient(AUTH_ID, AUTH_TOKEN)
