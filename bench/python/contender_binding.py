"""Benchmark contender: the plivo-powerpack Python binding (the installed release wheel).

    python contender_binding.py <blocking|asyncio> <throughput|cold|latency|soak> <base_url> <uuids_file>

Same protocol as every contender (see bench/run.py): one JSON object on stdout.
"""
import time

STARTED = time.perf_counter()

import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

import plivo_powerpack  # noqa: E402
from timing import (  # noqa: E402
    CONCURRENCY, LATENCY_CONCURRENCY, N, SOAK_N, WARMUP, blocking_latency, blocking_throughput, soak)


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
        if mode == "soak":
            return soak(update)
        return blocking_latency(update) if mode == "latency" else blocking_throughput(update)

    async def at_concurrency(limit):
        gate = asyncio.Semaphore(limit)

        async def gated(i):
            async with gate:
                await update_async(i)

        t = time.perf_counter()
        await asyncio.gather(*(gated(i) for i in range(N)))
        return time.perf_counter() - t

    async def run():
        if mode == "cold":
            await update_async(0)
            return {"first_call_s": time.perf_counter() - STARTED}
        if mode == "latency":
            await at_concurrency(LATENCY_CONCURRENCY)  # the warm-up round (timing.py)
            return {"latency_s": await at_concurrency(LATENCY_CONCURRENCY)}
        if mode == "soak":
            for i in range(SOAK_N):
                await update_async(i)
            return {"soak_n": SOAK_N}
        for i in range(WARMUP):
            await update_async(i)
        t = time.perf_counter()
        for i in range(N):
            await update_async(i)
        seq_s = time.perf_counter() - t
        return {"seq_s": seq_s, "conc_s": await at_concurrency(CONCURRENCY)}

    return asyncio.run(run())


if __name__ == "__main__":
    print(json.dumps(main()))
