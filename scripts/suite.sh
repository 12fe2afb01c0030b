#!/usr/bin/env bash
# Runs one suite of `make test` and records how it went, without stopping the others:
#   scripts/suite.sh <name> <command...>
# The output goes to the terminal and to target/test-logs/<name>.log; target/test-logs/<name>.json
# gets the exit status and the seconds taken. scripts/summary.py reads them back into one table.
set -uo pipefail
name=$1
shift
logs=target/test-logs
mkdir -p "$logs"
started=$(date +%s%N)
"$@" 2>&1 | tee "$logs/$name.log"
status=${PIPESTATUS[0]}
tenths=$(( ($(date +%s%N) - started) / 100000000 ))
printf '{"suite": "%s", "exit": %d, "seconds": %d.%d}\n' "$name" "$status" $((tenths / 10)) $((tenths % 10)) \
    >"$logs/$name.json"
exit 0
