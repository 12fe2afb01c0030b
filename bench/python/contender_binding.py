"""Benchmark contender: the plivo-powerpack Python binding (the installed release wheel).

    python contender_binding.py <blocking|asyncio> <throughput|cold> <base_url> <uuids_file>

Same protocol as every contender (see bench/run.py): one JSON object on stdout.
"""
import time

STARTED = time.perf_counter()

import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

import plivo_powerpack  # noqa: E402
from timing import CONCURRENCY, N, WARMUP, blocking_throughput  # noqa: E402


def main():
    flavour, mode, base_url, uuids_file = sys.argv[1:5]
    uuids = open(uuids_file).read().split()
    client = plivo_powerpack.PowerpackClient(
        os.environ["PLIVO_AUTH_ID"], os.environ["PLIVO_AUTH_TOKEN"], plivo_powerpack.ClientConfig(base_url=base_url))

    def update(i):
        p = client.update_powerpack(uuids[i % len(uuids)], sticky_sender=i % 2 == 0)
        assert p.sticky_sender is (i % 2 == 0)

    async def update_async(i):
        p = await client.update_powerpack_async(uuids[i % len(uuids)], sticky_sender=i % 2 == 0)
        assert p.sticky_sender is (i % 2 == 0)

    if flavour == "blocking":
        if mode == "cold":
            update(0)
            return {"first_call_s": time.perf_counter() - STARTED}
        return blocking_throughput(update)

    async def run():
        if mode == "cold":
            await update_async(0)
            return {"first_call_s": time.perf_counter() - STARTED}
        for i in range(WARMUP):
            await update_async(i)
        t = time.perf_counter()
        for i in range(N):
            await update_async(i)
        seq_s = time.perf_counter() - t
        gate = asyncio.Semaphore(CONCURRENCY)

        async def gated(i):
            async with gate:
                await update_async(i)

        t = time.perf_counter()
        await asyncio.gather(*(gated(i) for i in range(N)))
        return {"seq_s": seq_s, "conc_s": time.perf_counter() - t}

    return asyncio.run(run())


if __name__ == "__main__":
    print(json.dumps(main()))
