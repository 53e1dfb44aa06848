#!/usr/bin/env bash
# End-to-end tests of the real app window: builds the UI and the app binary with the UI embedded,
# then drives the window under Xvfb with tauri-driver + Debian's WebKitWebDriver and
# selenium-webdriver (e2e/). Installs what is missing first: Debian packages (scripts/setup.sh:
# WebKitWebDriver, Xvfb), tauri-driver (cargo install) and e2e/'s npm packages.
#
#   scripts/e2e.sh                              every test in e2e/tests/
#   scripts/e2e.sh e2e/tests/term-list.test.mjs one file
#
# Screenshots go to docs/screenshots/e2e-*.png; failure screenshots and each run's driver and
# app log to e2e/artifacts/. VFU_E2E_SKIP_BUILD=1 uses the binary as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$SECONDS
step() { echo "== e2e: $* ($((SECONDS - started)) s)"; }

step "dependencies"
scripts/setup.sh </dev/null

[ -x /usr/bin/WebKitWebDriver ] || { echo "/usr/bin/WebKitWebDriver is missing (Debian package webkit2gtk-driver)"; exit 1; }

# tauri-driver, built in a target directory of its own: never in the workspace's (CARGO_TARGET_DIR
# may point there), and removed afterwards.
export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v tauri-driver >/dev/null; then
  echo "Installing tauri-driver (cargo install, about 1-2 minutes)"
  driver_build=$(mktemp -d)
  CARGO_TARGET_DIR="$driver_build" cargo install tauri-driver --version '^2' --locked --quiet </dev/null
  rm -rf "$driver_build"
fi

# npm ci only when e2e/'s lock file changed since the last install.
stamp=e2e/node_modules/.package-lock.sha
want=$(sha256sum e2e/package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || [ ! -d e2e/node_modules/selenium-webdriver ]; then
  echo "Installing e2e packages (npm ci)"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error </dev/null)
  echo "$want" > "$stamp"
fi

target_dir=$(cargo metadata --format-version 1 --no-deps | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))')
export VFU_APP_BINARY="$target_dir/debug/vfu-planner"
if [ "${VFU_E2E_SKIP_BUILD:-0}" != 1 ]; then
  if [ "${VFU_E2E_SKIP_UI_BUILD:-0}" != 1 ]; then
    step "UI build (embedded in the app)"
    (cd ui && npm run build --silent </dev/null)
  fi
  step "app build (cargo build -p vfu-planner, feature custom-protocol: the UI embedded)"
  cargo build -p vfu-planner </dev/null
fi
[ -x "$VFU_APP_BINARY" ] || { echo "The app binary $VFU_APP_BINARY is missing"; exit 1; }

if [ $# -gt 0 ]; then
  tests=()
  for t in "$@"; do tests+=("$(realpath "$t")"); done
else
  tests=("$root/e2e/tests/")
fi

step "tests under Xvfb"
cd e2e
status=0
# -a: the first free display; no window manager, so the window has no title bar.
xvfb-run -a -s "-screen 0 1400x900x24 -nolisten tcp" \
  node --test --test-concurrency=1 --test-reporter=spec "${tests[@]}" </dev/null || status=$?
if [ $status -ne 0 ]; then
  echo "End-to-end tests FAILED (exit $status). Screenshots and logs: e2e/artifacts/"
  exit $status
fi
step "passed"
