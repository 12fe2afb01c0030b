"""The end of `make test`: one table of every suite (passed, failed, skipped and why, time), one
table of the conformance vectors per language, and the closing line `N passed, N failed`.

    python3 scripts/summary.py [--strict]

Reads target/test-logs/<suite>.{json,log} (scripts/suite.sh) and target/vectors/<language>.json
(each runner). Exits 1 when a suite failed or a vector failed, and with --strict (STRICT=1, what
CI uses where every toolchain the project names is installed) also when a suite was skipped or a
language ran no vectors.
"""
import json
import os
import re
import sys

LOGS = "target/test-logs"
VECTORS = "target/vectors"
SUITES = ["lint", "rust", "dist", "python", "sdist", "packages", "kotlin", "swift", "ruby", "c", "go", "php", "node", "compat"]
LANGUAGES = ["rust", "python", "kotlin", "java", "swift", "ruby", "cli", "go", "php", "node"]

def counts(log):
    """(passed, failed, skipped) found in a suite's log, summed over every tool that ran."""
    passed = failed = skipped = 0
    for m in re.finditer(r"test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored", log):
        passed, failed, skipped = passed + int(m[1]), failed + int(m[2]), skipped + int(m[3])
    for m in re.finditer(r"^=*\s*(?:(\d+) failed, )?(\d+) passed(?:, (\d+) skipped)?.* in [\d.]+s", log, re.M):
        passed, failed, skipped = passed + int(m[2]), failed + int(m[1] or 0), skipped + int(m[3] or 0)
    for m in re.finditer(r"Results:\s*\n(?:.*\n)*?\[\w+\] Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)", log):
        run, bad, skip = int(m[1]), int(m[2]) + int(m[3]), int(m[4])
        passed, failed, skipped = passed + run - bad - skip, failed + bad, skipped + skip
    executed = re.findall(r"Executed (\d+) tests?, with (\d+) failures?", log)
    if executed:
        run, bad = map(int, executed[-1])
        passed, failed = passed + run - bad, failed + bad
    for m in re.finditer(r"(\d+) runs, \d+ assertions, (\d+) failures, (\d+) errors, (\d+) skips", log):
        bad, skip = int(m[2]) + int(m[3]), int(m[4])
        passed, failed, skipped = passed + int(m[1]) - bad - skip, failed + bad, skipped + skip
    for m in re.finditer(r"c-abi: (\d+) checks, (\d+) failed", log):
        passed, failed = passed + int(m[1]) - int(m[2]), failed + int(m[2])
    for m in re.finditer(r"^OK \((\d+) tests?,", log, re.M):
        passed += int(m[1])
    for m in re.finditer(r"^Tests: (\d+), Assertions: \d+(?:, Errors: (\d+))?(?:, Failures: (\d+))?", log, re.M):
        bad = int(m[2] or 0) + int(m[3] or 0)
        passed, failed = passed + int(m[1]) - bad, failed + bad
    # node --test (its TAP reporter's closing counts)
    for m in re.finditer(r"^# pass (\d+)\n# fail (\d+)\n(?:# cancelled (\d+)\n)?# skipped (\d+)$", log, re.M):
        passed, failed, skipped = passed + int(m[1]), failed + int(m[2]) + int(m[3] or 0), skipped + int(m[4])
    go_pass = len(re.findall(r"^\s*--- PASS: ", log, re.M))
    go_fail = len(re.findall(r"^\s*--- FAIL: ", log, re.M))
    go_skip = len(re.findall(r"^\s*--- SKIP: ", log, re.M))
    return passed + go_pass, failed + go_fail, skipped + go_skip


def table(header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))


def main():
    strict = "--strict" in sys.argv
    rows, total_passed, total_failed = [], 0, 0
    problems, strict_problems = [], []  # the second kind fails the run only with --strict
    for suite in SUITES:
        meta_path = os.path.join(LOGS, f"{suite}.json")
        if not os.path.exists(meta_path):
            rows.append((suite, "-", "-", "-", "-", "not run"))
            problems.append(f"{suite} did not run")
            continue
        meta = json.load(open(meta_path))
        log = open(os.path.join(LOGS, f"{suite}.log"), errors="replace").read()
        passed, failed, skipped = counts(log)
        skips = re.findall(r"^SKIPPED: (.*)$", log, re.M)
        if meta["exit"] != 0:
            status = f"FAILED (exit {meta['exit']})"
            failed = max(failed, 1)
            problems.append(f"{suite} failed")
        elif skips:
            status = "SKIPPED (" + "; ".join(skips) + ")"
            strict_problems.append(f"{suite} skipped")
        elif passed == 0:
            passed, status = 1, "ok"
        else:
            status = "ok"
        total_passed += passed
        total_failed += failed
        rows.append((suite, passed, failed, skipped, f"{meta['seconds']:.0f}s", status))
    print("\n== make test: suites")
    table(("suite", "passed", "failed", "skipped", "time", "status"), rows)

    print("\n== conformance vectors (tests/vectors/) by language")
    vrows = []
    for lang in LANGUAGES:
        path = os.path.join(VECTORS, f"{lang}.json")
        if not os.path.exists(path):
            vrows.append((lang, "-", "-", "-", "no runner ran"))
            strict_problems.append(f"no vectors ran for {lang}")
            continue
        v = json.load(open(path))
        why = "; ".join(f"{s['name']}: {s['why']}" for s in v.get("skips", []))
        vrows.append((lang, v["passed"], v["failed"], v["skipped"], why))
        if v["failed"]:
            problems.append(f"{v['failed']} vectors failed in {lang}")
    table(("language", "passed", "failed", "skipped", "skipped because"), vrows)

    for p in problems + strict_problems:
        print(f"problem: {p}" + ("" if p in problems or strict else " (fails only with STRICT=1)"))
    print(f"\n{total_passed} passed, {total_failed} failed")
    sys.exit(1 if problems or (strict and strict_problems) else 0)


if __name__ == "__main__":
    main()
