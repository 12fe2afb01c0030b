"""The Python binding's two ways to make one update, interleaved in one process against one
sandbox: UniFFI's typed export (the record lowered and lifted field by field in generated Python)
and the JSON path the wrapper takes (``call_json``: one string each way). Prints medians of the
rounds; `make bench` does not run it (it is the before/after of BENCHMARKS.md's Python section).

    python bench/python/paths.py <base_url> <uuid> [rounds] [calls]
"""
import json
import statistics
import sys
import time

import plivo_powerpack as pp
from plivo_powerpack._native import PowerpackClient as NativeClient


def main():
    base_url, uuid = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    calls = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
    client = pp.PowerpackClient("MASANDBOX00000000001", "sandbox-auth-token", pp.ClientConfig(base_url=base_url))

    def typed(i):
        NativeClient.update_powerpack(client, uuid, pp.UpdatePowerpack(sticky_sender=i % 2 == 0))

    def json_path(i):
        client.update_powerpack(uuid, sticky_sender=i % 2 == 0)

    results = {"typed export": [], "json path": []}
    for f in (typed, json_path):
        for i in range(100):
            f(i)
    for _ in range(rounds):
        for name, f in (("typed export", typed), ("json path", json_path)):
            t = time.perf_counter()
            for i in range(calls):
                f(i)
            results[name].append((time.perf_counter() - t) / calls * 1e6)
    print(json.dumps({k: {"median_us": round(statistics.median(v), 1), "runs_us": [round(x) for x in v]}
                      for k, v in results.items()}))


if __name__ == "__main__":
    main()
