"""Benchmark contender: Plivo's official `plivo` package from PyPI, pointed at the sandbox.

    python contender_official.py <throughput|cold|latency|soak> <base_url> <uuids_file>

The official client has no base-URL option and re-reads the module constant
PLIVO_API_BASE_URI on every request, so that constant is what is pointed at the
sandbox. The update is the seed's: get the Powerpack once, then `powerpack.update(params)`.
It is synchronous, so concurrency 64 uses 64 threads sharing one client.
"""
import time

STARTED = time.perf_counter()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

import plivo  # noqa: E402
import plivo.rest.client  # noqa: E402
from timing import blocking_latency, blocking_throughput, soak  # noqa: E402


def main():
    mode, base_url, uuids_file = sys.argv[1:4]
    uuids = open(uuids_file).read().split()
    plivo.rest.client.PLIVO_API_BASE_URI = f"{base_url}/v1/Account"
    client = plivo.RestClient(os.environ["PLIVO_AUTH_ID"], os.environ["PLIVO_AUTH_TOKEN"])
    if mode == "cold":
        client.powerpacks.get(uuid=uuids[0]).update({"sticky_sender": True})
        return {"first_call_s": time.perf_counter() - STARTED}
    powerpacks = [client.powerpacks.get(uuid=u) for u in uuids]

    def update(i):
        response = powerpacks[i % len(powerpacks)].update({"sticky_sender": i % 2 == 0})
        assert response.sticky_sender is (i % 2 == 0)

    if mode == "soak":
        return soak(update)
    return blocking_latency(update) if mode == "latency" else blocking_throughput(update)


if __name__ == "__main__":
    print(json.dumps(main()))
