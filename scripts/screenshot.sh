#!/usr/bin/env bash
# Starts the real app under Xvfb on a fresh database (with its generated demo term) and saves a
# screenshot of the first screen to docs/screenshots/term-list.png (or the path given).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots/term-list.png}"
(cd ui && npm run build --silent)
cargo build -q -p vfu-planner
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
tmp=$(mktemp -d)
trap 'kill $app_pid $xvfb_pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp &
xvfb_pid=$!
sleep 1
DISPLAY=$display VFU_DB="$tmp/demo.sqlite" "$target_dir/debug/vfu-planner" &
app_pid=$!
sleep "${SCREENSHOT_WAIT:-12}"
DISPLAY=$display import -window root "$out"
echo "Saved $out"
