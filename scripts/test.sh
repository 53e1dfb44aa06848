#!/usr/bin/env bash
# Runs every test of VFU Planner: the UI's (vitest), then every Rust crate's (unit, integration,
# property tests, the bindings export) with cargo-nextest when present.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

echo "== UI: type check, build, tests"
(cd ui && npm run build --silent && npm test --silent)

echo "== Rust: every crate"
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --no-fail-fast
else
  cargo test --workspace --no-fail-fast
fi
echo "All tests passed."
