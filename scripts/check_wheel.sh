#!/usr/bin/env bash
# Checks that a wheel installs where Python users are: tagged manylinux2014 (glibc 2.17), and
# its native library needs no glibc symbol newer than 2.17 (read with objdump, and with
# auditwheel when the tool venv has it). Prints what it measured.
#   scripts/check_wheel.sh target/dist/python/plivo_powerpack-*.whl [auditwheel]
set -euo pipefail
wheel=${1:?usage: check_wheel.sh WHEEL [AUDITWHEEL]}
auditwheel=${2:-}
name=$(basename "$wheel")
case "$name" in
    *manylinux2014_x86_64*manylinux_2_17_x86_64.whl|*manylinux_2_17_x86_64*) ;;
    *) echo "check_wheel: $name is not tagged manylinux2014 / manylinux_2_17" >&2; exit 1 ;;
esac
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
unzip -q -o "$wheel" 'plivo_powerpack/_native/*.so' -d "$tmp"
lib=$(find "$tmp" -name '*.so' | head -n1)
newest=$(objdump -T "$lib" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n1)
if [[ "$(printf '%s\n2.17\n' "$newest" | sort -V | tail -n1)" != "2.17" ]]; then
    echo "check_wheel: $(basename "$lib") needs GLIBC_$newest, newer than manylinux2014's 2.17" >&2
    exit 1
fi
echo "check_wheel: $name: newest glibc symbol GLIBC_$newest (<= 2.17); library $(stat -c %s "$lib") bytes, wheel $(stat -c %s "$wheel") bytes"
if [[ -n "$auditwheel" ]]; then
    report=$("$auditwheel" show "$wheel")
    grep -q 'manylinux_2_17_x86_64' <<<"$report" || { echo "$report" >&2; echo "check_wheel: auditwheel disagrees" >&2; exit 1; }
    echo "check_wheel: auditwheel: consistent with manylinux_2_17_x86_64"
fi
