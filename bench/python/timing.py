"""The timed part shared by the Python contenders: warm-up, sequential, then concurrency 64."""
import concurrent.futures
import time

N, CONCURRENCY, WARMUP = 2000, 64, 100


def blocking_throughput(update):
    """Times `update(i)` for N sequential calls, then N calls on 64 threads."""
    for i in range(WARMUP):
        update(i)
    t = time.perf_counter()
    for i in range(N):
        update(i)
    seq_s = time.perf_counter() - t
    with concurrent.futures.ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
        t = time.perf_counter()
        list(pool.map(update, range(N)))
        conc_s = time.perf_counter() - t
    return {"seq_s": seq_s, "conc_s": conc_s}
