#!/usr/bin/env bash
# Builds and starts the VFU Planner desktop app on its embedded SQLite database (in the OS data
# directory, created with a generated demo term on first start; VFU_DB=path overrides it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "Building the UI"
(cd ui && npm run build --silent)
echo "Building the app (the first build takes 10–20 minutes on 2 cores)"
cargo build -p vfu-planner
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
app="$target_dir/debug/vfu-planner"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: starting the app under Xvfb"
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$app"
fi
exec "$app"
