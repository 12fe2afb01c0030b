"""The timed parts shared by the Python contenders: warm-up, sequential, then concurrency 64;
and the latency workload (N calls at concurrency 256 while the sandbox adds 20 ms to each)."""
import concurrent.futures
import time

N, CONCURRENCY, WARMUP = 2000, 64, 100
LATENCY_CONCURRENCY = 256
SOAK_N = 100_000  # the soak: sequential updates while the driver samples the process's memory


def blocking_throughput(update):
    """Times `update(i)` for N sequential calls, then N calls on 64 threads."""
    for i in range(WARMUP):
        update(i)
    t = time.perf_counter()
    for i in range(N):
        update(i)
    seq_s = time.perf_counter() - t
    return {"seq_s": seq_s, "conc_s": on_threads(update, CONCURRENCY)}


def on_threads(update, threads):
    """Seconds for `update(i)`, i < N, on `threads` threads."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=threads) as pool:
        t = time.perf_counter()
        list(pool.map(update, range(N)))
        return time.perf_counter() - t


def soak(update):
    """SOAK_N sequential updates; the driver reads the resident set size meanwhile."""
    for i in range(SOAK_N):
        update(i)
    return {"soak_n": SOAK_N}


def blocking_latency(update):
    """The latency workload with threads, the blocking style's best. Like every contender's, it
    times the second of two rounds: the first warms what a running service has warm (a JIT, the
    pool's connections at this concurrency), as the throughput workload's warm-up does."""
    on_threads(update, LATENCY_CONCURRENCY)
    return {"latency_s": on_threads(update, LATENCY_CONCURRENCY)}
