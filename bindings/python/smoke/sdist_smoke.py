"""The package built from the sdist: import it and make one call against the sandbox.

    python sdist_smoke.py <sandbox base URL>
"""

import sys

import plivo_powerpack as pp

client = pp.PowerpackClient("MASANDBOX00000000001", "sandbox-auth-token", pp.ClientConfig(base_url=sys.argv[1]))
created = client.create_powerpack("from the sdist", sticky_sender=False)
assert "site-packages" in pp.__file__, pp.__file__
assert client.get_powerpack(created.uuid).sticky_sender is False
print(f"sdist build works: created and read back {created.uuid} from {pp.__file__}")
