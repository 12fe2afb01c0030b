#!/usr/bin/env bash
# Prints the project's version: the one source is [workspace.package] version in Cargo.toml.
# The gem, the jar and the tests that name it take it from here.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$root/Cargo.toml"
