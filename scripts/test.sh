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
echo "== End to end: the real window under Xvfb"
VFU_E2E_SKIP_UI_BUILD=1 scripts/e2e.sh # the UI was built above; builds the app, installs tauri-driver if missing

echo "All tests passed."
