"""Runs every benchmark contender against one release sandbox and writes BENCHMARKS.md.

Called by scripts/bench.sh (which builds everything first) inside target/bench-venv:

    python bench/run.py --runs 3

Each contender is a separate process speaking one protocol:
    <command...> <throughput|cold|latency|soak> <base_url> <uuids_file>
and printing one JSON object: {"seq_s", "conc_s"} for throughput (2,000 sequential updates,
then 2,000 at concurrency 64, after 100 warm-up updates), {"first_call_s"} for cold, and
{"latency_s"} for latency: 2,000 updates at concurrency 256 in the contender's best style while
the sandbox holds every request for 20 ms (its latency fault), closer to a real network, timed
after one untimed round of the same (the warm-up: JIT, connections at that concurrency);
{"soak_n"} for soak (100,000 sequential updates while this driver reads the process's memory).
This driver adds what only it can see: the process's wall time for cold start (interpreter or
JVM start included) and its peak resident memory (ru_maxrss from wait4).
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
REL = os.path.join(ROOT, "target", "release")
OUT = os.path.join(ROOT, "target", "bench")
AUTH_ID, AUTH_TOKEN = "MASANDBOX00000000001", "sandbox-auth-token"
N, CONCURRENCY = 2000, 64
SOAK = 100_000  # updates in the soak (one run per contender, after the timed runs)
JVM_SOAK_HEAP_MIB = 64  # -Xmx of the JVM contenders in the soak (the timed runs keep the default)
SOAK_GROWTH_MIB = 2.0  # allowed RSS growth after warm-up: allocator noise, not a per-call leak
LATENCY_MS, LATENCY_CONCURRENCY = 20, 256


# Contenders' names, as the table, the targets and the soak refer to them.
PY_BLK, PY_ASYNC, PY_OFF = "Python binding, blocking", "Python binding, asyncio", "official plivo (Python)"
CORE, FLOOR = "Rust core", "raw reqwest (floor)"
KT, KT_BLK, JV = "Kotlin binding, coroutines", "Kotlin binding, blocking", "official plivo-java"
GO, PHP = "Go binding", "PHP binding"
NODE, NODE_OFF = "Node binding", "official plivo-node"


def contenders():
    py = sys.executable
    here = os.path.join(ROOT, "bench")
    cp = open(os.path.join(here, "jvm", "target", "classpath.txt")).read().strip()
    cp = os.path.join(here, "jvm", "target", "classes") + os.pathsep + cp
    bench_bin = os.path.join(REL, "powerpack-bench")
    go_bin = os.path.join(REL, "powerpack-bench-go")
    go = [(GO, "go", [go_bin])] if os.path.exists(go_bin) else []
    php_package = os.path.join(ROOT, "target", "dist-release", "php", "src")
    php = [(PHP, "php", ["php", os.path.join(here, "php", "contender.php")])] \
        if os.path.isdir(php_package) and shutil.which("php") else []
    # The Node contenders live in bench/node, where scripts/bench.sh installs plivo-node and the
    # release tarball; they run only where node and that install are.
    node_dir = os.path.join(here, "node")
    node = [(NODE, "node", ["node", os.path.join(node_dir, "contender_binding.mjs")]),
            (NODE_OFF, "node", ["node", os.path.join(node_dir, "contender_official.mjs")])] \
        if shutil.which("node") and os.path.isdir(os.path.join(node_dir, "node_modules", "plivo-powerpack")) else []
    # plivo-go needs the Go module proxy, which the benchmark machine may not reach: its contender
    # goes here, as ("official plivo-go", "go", [...]), where the proxy is reachable.
    return [
        (FLOOR, "rust", [bench_bin, "reqwest"]),
        (CORE, "rust", [bench_bin, "core"]),
        ("Rust core, blocking client", "rust", [bench_bin, "core-blocking"]),
        (PY_BLK, "python", [py, os.path.join(here, "python", "contender_binding.py"), "blocking"]),
        (PY_ASYNC, "python", [py, os.path.join(here, "python", "contender_binding.py"), "asyncio"]),
        (PY_OFF, "python", [py, os.path.join(here, "python", "contender_official.py")]),
        (KT, "jvm", ["java", "-cp", cp, "bench.BindingContenderKt", "coroutines"]),
        (KT_BLK, "jvm", ["java", "-cp", cp, "bench.BindingContenderKt", "blocking"]),
        (JV, "jvm", ["java", "-cp", cp, "bench.OfficialContender"]),
    ] + go + php + node


CRASHES = []  # (command, exit status) of every contender process that died by a signal


def run_process(cmd, env):
    """Runs one contender; returns (parsed JSON, wall seconds, peak RSS in MiB).

    A process killed by a signal is recorded in CRASHES and run again (twice at most), so
    that a rare crash is reported rather than silently dropped or fatal to the whole run."""
    for _ in range(3):
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env, text=True)
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        if code == 0:
            return json.loads(out.strip().splitlines()[-1]), wall, usage.ru_maxrss / 1024
        if code > 0:
            raise SystemExit(f"contender failed with exit code {code}: {' '.join(cmd)}")
        CRASHES.append((" ".join(os.path.basename(c) for c in cmd[:3]) + " " + " ".join(cmd[-3:-2]), code))
        print(f"crash (signal {-code}): {' '.join(cmd)}", flush=True)
    raise SystemExit(f"contender crashed three times: {' '.join(cmd)}")


def rss_mib(pid):
    """The process's resident set size now (VmRSS), in MiB; None once it has exited."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_soak(cmd, env):
    """The soak: the contender makes SOAK updates one after another while its resident set size
    is read every 0.2 s. Returns (the largest RSS of the run's first half, the warm-up: JIT,
    heap and pools settling; RSS at the end; the largest seen), in MiB, and the seconds taken.
    A leak across the FFI grows with the calls, so the second half ends above the first's peak."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env, text=True)
    samples = []
    started = time.perf_counter()
    while proc.poll() is None:
        rss = rss_mib(proc.pid)
        if rss is not None:
            samples.append((time.perf_counter() - started, rss))
        time.sleep(0.2)
    out = proc.stdout.read()
    if proc.returncode != 0 or not samples:
        raise SystemExit(f"soak failed (exit {proc.returncode}): {' '.join(cmd)}")
    assert json.loads(out.strip().splitlines()[-1])["soak_n"] == SOAK, out
    total = samples[-1][0]
    warm = max(rss for t, rss in samples if t <= total / 2)
    # The last sample taken while the loop still ran (the very last may be the exit's teardown).
    end = samples[-2][1] if len(samples) > 1 else samples[-1][1]
    return warm, end, max(rss for _, rss in samples), total


def admin(base, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"{base}/__admin/{path}", data=data, method=method)
    urllib.request.urlopen(req, timeout=10).read()


def create_powerpack(base, name):
    """One Powerpack for the workload, made with a plain request (no contender's code)."""
    import base64
    req = urllib.request.Request(f"{base}/v1/Account/{AUTH_ID}/Powerpack/", data=json.dumps({"name": name}).encode(),
                                 method="POST", headers={"Content-Type": "application/json", "Authorization":
                                 "Basic " + base64.b64encode(f"{AUTH_ID}:{AUTH_TOKEN}".encode()).decode()})
    return json.loads(urllib.request.urlopen(req, timeout=10).read())["uuid"]


def versions():
    def cmd(*c):
        try:
            return subprocess.run(c, capture_output=True, text=True, check=True).stdout.strip() or \
                subprocess.run(c, capture_output=True, text=True).stderr.strip()
        except Exception:
            return "?"
    import importlib.metadata as md

    def package(name):
        try:
            return md.version(name)
        except md.PackageNotFoundError:
            return "not installed"
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return {
        "rustc": cmd("rustc", "--version"),
        "python": platform.python_version(),
        "java": java,
        "plivo (PyPI)": package("plivo"),
        "plivo-java": "5.46.3",
        "node": cmd("node", "--version"),
        "plivo-node": "4.79.0",
        "plivo-powerpack": package("plivo-powerpack"),
    }


def machine():
    cpu = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1)) / 1024 / 1024
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, {platform.platform()}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", default="",
                    help="comma-separated contender names: run these alone and replace their rows in "
                         "target/bench/results.json (the report says which rows a partial run measured)")
    ap.add_argument("--report-only", action="store_true",
                    help="rewrite BENCHMARKS.md from target/bench/results.json without running")
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    if args.report_only:
        write_report(json.load(open(os.path.join(OUT, "results.json"))))
        return

    sandbox = subprocess.Popen([os.path.join(REL, "powerpack-sandbox"), "--port", "0", "--rate-limit", "off"],
                               stdout=subprocess.PIPE, text=True)
    base = sandbox.stdout.readline().strip()
    try:
        uuids = [create_powerpack(base, f"bench-{i:02}") for i in range(CONCURRENCY)]
        uuids_file = os.path.join(OUT, "uuids.txt")
        open(uuids_file, "w").write("\n".join(uuids) + "\n")
        env = dict(os.environ, PLIVO_AUTH_ID=AUTH_ID, PLIVO_AUTH_TOKEN=AUTH_TOKEN)

        only = [n for n in args.only.split(",") if n]
        chosen = [c for c in contenders() if not only or c[0] in only]
        missing = set(only) - {c[0] for c in chosen}
        if missing:
            sys.exit(f"no contender named {', '.join(sorted(missing))} here")
        raw = {name: {"seq_s": [], "conc_s": [], "cold_s": [], "rss_mib": [], "latency_s": []}
               for name, _, _ in chosen}
        for r in range(args.runs):
            for name, _, cmd in chosen:
                result, _, rss = run_process(cmd + ["throughput", base, uuids_file], env)
                raw[name]["seq_s"].append(result["seq_s"])
                raw[name]["rss_mib"].append(rss)
                _, wall, _ = run_process(cmd + ["cold", base, uuids_file], env)
                raw[name]["cold_s"].append(wall)
                # A contender with no concurrency of its own (PHP: one request at a time) reports
                # the sequential figures only.
                latency = {}
                if "conc_s" in result:
                    raw[name]["conc_s"].append(result["conc_s"])
                    admin(base, "POST", "faults", {"kind": "latency", "ms": LATENCY_MS, "count": 1_000_000})
                    try:
                        latency, _, _ = run_process(cmd + ["latency", base, uuids_file], env)
                    finally:
                        admin(base, "DELETE", "faults")
                    raw[name]["latency_s"].append(latency["latency_s"])
                admin(base, "DELETE", "journal")
                print(f"run {r + 1}/{args.runs} {name}: seq {result['seq_s']:.3f}s conc {result.get('conc_s', 0):.3f}s "
                      f"cold {wall * 1000:.0f}ms rss {rss:.0f}MiB latency {latency.get('latency_s', 0):.3f}s", flush=True)
        soak = {}
        for name, _, cmd in chosen:
            # A JVM with its default heap (a quarter of this machine's memory) grows the heap
            # rather than collect, which hides whatever else grows; the JVM contenders soak in
            # the same bounded heap, so that what grows is native memory or live objects.
            if cmd[0] == "java":
                cmd = cmd[:1] + [f"-Xmx{JVM_SOAK_HEAP_MIB}m"] + cmd[1:]
            warm, end, peak, seconds = run_soak(cmd + ["soak", base, uuids_file], env)
            admin(base, "DELETE", "journal")
            soak[name] = {"warm_mib": warm, "end_mib": end, "peak_mib": peak, "seconds": seconds}
            print(f"soak {name}: {SOAK:,} updates in {seconds:.0f}s, RSS {warm:.1f} MiB after warm-up, "
                  f"{end:.1f} MiB at the end, peak {peak:.1f} MiB", flush=True)
    finally:
        sandbox.terminate()
        sandbox.wait()

    results = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "versions": versions(),
        "runs": args.runs,
        "raw": raw,
        "soak": soak,
        "groups": {name: group for name, group, _ in chosen},
        "crashes": CRASHES,
    }
    previous = os.path.join(OUT, "results.json")
    if only and os.path.exists(previous):
        merged = json.load(open(previous))
        for key in ("raw", "soak", "groups"):
            merged.setdefault(key, {}).update(results[key])
        merged.setdefault("partial", []).append({"date": results["date"], "contenders": only})
        merged["crashes"] = merged.get("crashes", []) + CRASHES
        results = merged
    json.dump(results, open(os.path.join(OUT, "results.json"), "w"), indent=2)
    write_report(results)


def write_report(results):
    raw = results["raw"]
    med = {name: {k: statistics.median(v) for k, v in m.items() if v} for name, m in raw.items()}

    def shown(value):
        return "n/a" if value != value else f"{value:,.0f}"

    rows = []
    for name in raw:
        m = med[name]
        rows.append(f"| {name} | {rate(med, name, 'seq_s'):,.0f} | {per_call_us(med, name):,.0f} "
                    f"| {shown(rate(med, name, 'conc_s'))} | {shown(rate(med, name, 'latency_s'))} "
                    f"| {m['cold_s'] * 1000:,.0f} | {m['rss_mib']:,.0f} |")

    checks = target_checks(med)
    # The same comparisons within each round (every contender ran back to back in it): on a shared
    # machine whose speed drifts between rounds, the pairs show how much of a verdict is drift.
    rounds = min(len(v) for m in raw.values() for v in m.values() if v)
    per_round = [target_checks({n: {k: v[r] for k, v in m.items() if len(v) > r} for n, m in raw.items()})
                 for r in range(rounds)]
    soak = results.get("soak", {})
    ours = [n for n in soak if n in (PY_BLK, PY_ASYNC, KT, KT_BLK, GO, PHP, NODE, CORE)]
    if ours:
        worst = max(ours, key=lambda n: soak[n]["end_mib"] - soak[n]["warm_mib"])
        checks.append((f"Largest RSS growth after warm-up over the {SOAK:,}-update soak, our contenders "
                       f"({worst}; target <= {SOAK_GROWTH_MIB} MiB)",
                       soak[worst]["end_mib"] - soak[worst]["warm_mib"], SOAK_GROWTH_MIB, "{:.1f} MiB"))
    soak_rows = [f"| {n} | {v['seconds']:.0f} | {v['warm_mib']:.1f} | {v['end_mib']:.1f} | "
                 f"{v['end_mib'] - v['warm_mib']:+.1f} | {v['peak_mib']:.1f} |" for n, v in soak.items()]
    soak_text = "" if not soak_rows else f"""
## Soak: {SOAK:,} sequential updates per contender

One run per contender after the timed runs; the driver reads the process's resident set size
(`VmRSS`) every 0.2 s. "After warm-up" is the largest reading of the run's first half (JIT,
heap and connection pools settle there), "end" the last reading before the process exits. The JVM contenders run with `-Xmx{JVM_SOAK_HEAP_MIB}m`
here: with the default heap (a quarter of the machine's memory) a JVM grows its heap instead of
collecting (measured: the Kotlin binding 237 -> 1,206 MiB and plivo-java 184 -> 327 MiB over
the same soak), which would hide a native leak rather than show one. A leak across the FFI (a buffer, a string or a handle not
freed per call) grows with the number of calls and shows as the difference.

| contender | seconds | RSS after warm-up: first half's peak (MiB) | RSS at the end (MiB) | growth (MiB) | peak (MiB) |
|---|---:|---:|---:|---:|---:|
{chr(10).join(soak_rows)}
"""
    check_rows = []
    for i, (label, value, target, fmt) in enumerate(checks):
        if target is None:
            verdict = "(context)"
        elif "<=" in label:
            verdict = "met" if value <= target else "**missed**"
        else:
            verdict = "met" if value >= target else "**missed**"
        rounds_shown = ", ".join(fmt.format(r[i][1]) for r in per_round) if i < len(per_round[0]) else "(one run)"
        check_rows.append(f"| {label} | {fmt.format(value)} | {rounds_shown} | {verdict} |")

    crashes = results.get("crashes", [])
    crash_text = ("No contender process crashed." if not crashes else
                  f"{len(crashes)} contender process(es) died by a signal and were run again: " +
                  "; ".join(f"`{c}` (signal {-code})" for c, code in crashes) + ".")
    chart = draw_chart(results, med)
    v = results["versions"]
    text = f"""# Benchmarks

Measured by `make bench` on {results['date']}: every contender in one run, on one machine,
against one release build of the sandbox with rate limiting off. Medians of {results['runs']} runs.{partial_text(results)}

- Machine: {results['machine']}. The sandbox, the contender and the driver share these cores.
- Versions: {', '.join(f'{k} {val}' for k, val in v.items())}.
- Workload: toggle `sticky_sender` on one of 64 Powerpacks per update ("Update a Powerpack",
  the full response decoded and checked). 100 warm-up updates, then {N:,} sequential updates, then
  {N:,} updates at concurrency {CONCURRENCY} (Rust: tokio tasks; Python binding: 64 threads for
  blocking, `asyncio.gather` behind a semaphore for asyncio; official Python SDK: 64 threads;
  Kotlin: coroutines behind a semaphore; plivo-java: 64 threads; Go: 64 goroutines). PHP runs
  one request at a time per process: it has sequential figures only (n/a elsewhere).
- Latency workload (closer to a real network): the sandbox holds every request for
  {LATENCY_MS} ms (its `latency` fault); {N:,} updates at concurrency {LATENCY_CONCURRENCY}, each contender in
  its best style: tokio tasks (Rust core), asyncio (Python binding, asyncio), coroutines (Kotlin
  binding, coroutines), {LATENCY_CONCURRENCY} threads (the blocking contenders and both official SDKs).
  Timed after one untimed round of the same, as a running service is warm (without it the JVM
  contenders measured mostly their JIT's warm-up: the Kotlin binding's coroutines 2.6k/s cold
  against 5.1k/s warm).
  The ideal is {LATENCY_CONCURRENCY} / {LATENCY_MS} ms = {LATENCY_CONCURRENCY * 1000 // LATENCY_MS:,} updates/s.
- Cold start: wall time of a fresh process that builds a client and makes one update
  (interpreter or JVM start, imports and library loading included).
- Peak memory: the throughput process's maximum resident set size.
- Commands: `make bench` = `scripts/bench.sh` = release build, release wheel into
  `target/bench-venv` (with `plivo` from PyPI), `mvn install` of the Kotlin binding with the release
  library, `python bench/run.py --runs {results['runs']}`. Raw numbers: `target/bench/results.json`.

| contender | sequential updates/s | per call (µs) | updates/s at 64 | updates/s, 20 ms latency at 256 | cold start (ms) | peak RSS (MiB) |
|---|---:|---:|---:|---:|---:|---:|
{chr(10).join(rows)}

![throughput chart](docs/benchmarks.png)

## Targets

The verdict reads the medians; "each round" is the same comparison within each round, where
every contender ran back to back.

| comparison | medians | each round | verdict |
|---|---:|---:|---|
{chr(10).join(check_rows)}

Crashes: {crash_text}
{soak_text}
{analysis()}
"""
    open(os.path.join(ROOT, "BENCHMARKS.md"), "w").write(text)
    print(text)
    print("chart:", chart)


def rate(stat, n, key):
    """Updates/s from one contender's figures (`stat[name][key]`); NaN where it has none."""
    return N / stat[n][key] if key in stat.get(n, {}) else float("nan")


def per_call_us(stat, n):
    return stat[n]["seq_s"] / N * 1e6


def partial_text(results):
    """The rows a later partial run (`--only`) measured, which the report must name."""
    runs = results.get("partial", [])
    if not runs:
        return ""
    return "".join(f"\nRows measured again alone on {p['date']} (`bench/run.py --only`): {', '.join(p['contenders'])}."
                   for p in runs)


def target_checks(stat):
    """The issue's targets and their context, as (label, value, target, format), from one set of
    figures per contender (`stat[name][key]`: the medians, or one round's values)."""
    def r(n, key):
        return rate(stat, n, key)

    def us(n):
        return per_call_us(stat, n)

    best_py_conc = max(r(PY_BLK, "conc_s"), r(PY_ASYNC, "conc_s"))
    best_kt_conc = max(r(KT, "conc_s"), r(KT_BLK, "conc_s"))
    checks = [
        ("Python binding per-call cost above the Rust core's, sequential (target <= 100 µs)",
         us(PY_BLK) - us(CORE), 100.0, "{:.0f} µs"),
        ("Python binding (best style) vs official Python, concurrency 64 (target >= 5x)",
         best_py_conc / r(PY_OFF, "conc_s"), 5.0, "{:.1f}x"),
        ("Python asyncio vs official Python (threads), 20 ms latency at 256 (target >= 5x)",
         r(PY_ASYNC, "latency_s") / r(PY_OFF, "latency_s"), 5.0, "{:.1f}x"),
        ("Kotlin binding (best style) vs plivo-java, concurrency 64 (target >= 1.2x)",
         best_kt_conc / r(JV, "conc_s"), 1.2, "{:.2f}x"),
        ("Kotlin coroutines vs Kotlin threads, 20 ms latency at 256 (target >= 1x)",
         r(KT, "latency_s") / r(KT_BLK, "latency_s"), 1.0, "{:.2f}x"),
        ("Python binding vs official Python, sequential", r(PY_BLK, "seq_s") / r(PY_OFF, "seq_s"), None, "{:.1f}x"),
        ("Kotlin binding vs plivo-java, sequential", r(KT, "seq_s") / r(JV, "seq_s"), None, "{:.1f}x"),
        ("Kotlin coroutines vs plivo-java (threads), 20 ms latency at 256",
         r(KT, "latency_s") / r(JV, "latency_s"), None, "{:.1f}x"),
        ("Rust core vs raw reqwest floor, sequential per-call", us(CORE) / us(FLOOR), None, "{:.2f}x"),
    ]
    if GO in stat:
        checks += [
            ("Go binding per-call cost above the Rust core's, sequential (target <= 30 µs)",
             us(GO) - us(CORE), 30.0, "{:.0f} µs"),
            ("Go binding at 64 goroutines vs the Rust core at 64 tasks (target >= 0.9x)",
             r(GO, "conc_s") / r(CORE, "conc_s"), 0.9, "{:.2f}x"),
        ]
    if NODE in stat and NODE_OFF in stat:
        checks += [
            ("Node binding per-call cost above the Rust core's, sequential (target <= 60 µs)",
             us(NODE) - us(CORE), 60.0, "{:.0f} µs"),
            ("Node binding at 64 promises vs the Rust core at 64 tasks (target >= 0.8x)",
             r(NODE, "conc_s") / r(CORE, "conc_s"), 0.8, "{:.2f}x"),
            ("Node binding vs the Rust core, 20 ms latency at 256 (target >= 0.8x)",
             r(NODE, "latency_s") / r(CORE, "latency_s"), 0.8, "{:.2f}x"),
            ("Node binding vs plivo-node, concurrency 64 (target >= 3x)",
             r(NODE, "conc_s") / r(NODE_OFF, "conc_s"), 3.0, "{:.1f}x"),
            ("Node binding vs plivo-node, 20 ms latency at 256 (target >= 3x)",
             r(NODE, "latency_s") / r(NODE_OFF, "latency_s"), 3.0, "{:.1f}x"),
            ("Node binding peak RSS vs plivo-node, throughput workload (target <= 1x)",
             stat[NODE]["rss_mib"] / stat[NODE_OFF]["rss_mib"], 1.0, "{:.2f}x"),
        ]
    if PHP in stat:
        checks.append(("PHP binding per-call cost above the Rust core's, sequential (target <= 60 µs)",
                       us(PHP) - us(CORE), 60.0, "{:.0f} µs"))
    checks += [
        ("Python binding peak RSS vs official Python, throughput workload (target <= 1x)",
         stat[PY_BLK]["rss_mib"] / stat[PY_OFF]["rss_mib"], 1.0, "{:.2f}x"),
        ("Kotlin binding peak RSS vs plivo-java, throughput workload (target <= 1x)",
         max(stat[KT]["rss_mib"], stat[KT_BLK]["rss_mib"]) / stat[JV]["rss_mib"], 1.0, "{:.2f}x"),
    ]
    return checks


def analysis():
    """The hand-written reading of the numbers (bench/analysis.md), kept across runs."""
    path = os.path.join(ROOT, "bench", "analysis.md")
    return open(path).read().strip() if os.path.exists(path) else ""


def draw_chart(results, med):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(results["raw"])
    seq = [N / med[n]["seq_s"] for n in names]
    conc = [N / med[n]["conc_s"] if "conc_s" in med[n] else 0 for n in names]
    latency = [N / med[n]["latency_s"] if "latency_s" in med[n] else 0 for n in names]
    colors = {"rust": "#b7410e", "python": "#3572a5", "jvm": "#7f52ff", "go": "#00add8", "php": "#777bb3", "node": "#3c873a"}
    fig, axes = plt.subplots(1, 3, figsize=(19, 4.8))
    panels = ((axes[0], seq, "sequential"), (axes[1], conc, f"concurrency {CONCURRENCY}"),
              (axes[2], latency, f"{LATENCY_MS} ms latency, concurrency {LATENCY_CONCURRENCY}"))
    for ax, values, title in panels:
        bars = ax.barh(names, values, color=[colors[results["groups"][n]] for n in names])
        ax.invert_yaxis()
        ax.set_title(f"updates/s, {title} (median of {results['runs']})", fontsize=10)
        ax.bar_label(bars, labels=[f"{v:,.0f}" for v in values], padding=3, fontsize=8)
        ax.set_xlim(0, max(values) * 1.18)
    fig.tight_layout()
    path = os.path.join(ROOT, "docs", "benchmarks.png")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fig.savefig(path, dpi=110)
    return path


if __name__ == "__main__":
    main()
