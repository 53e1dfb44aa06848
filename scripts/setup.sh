#!/usr/bin/env bash
# Installs what building, running and testing VFU Planner needs on Debian 12, and only what is
# missing: Debian packages (WebKitGTK for the window, Xvfb and tools for headless runs) and the
# UI's npm packages. Safe to run again; quiet when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libxdo-dev libssl-dev
  build-essential pkg-config curl file cmake clang libclang-dev   # cmake, g++, libclang: HiGHS via highs-sys
  xvfb xauth imagemagick webkit2gtk-driver                          # windows, screenshots, end-to-end tests
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs)"; exit 1; }
command -v npm >/dev/null || { echo "Node.js 20 with npm is missing"; exit 1; }

# npm ci only when the lock file changed since the last install.
stamp=ui/node_modules/.package-lock.sha
want=$(sha256sum ui/package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || [ ! -x ui/node_modules/.bin/vite ] || [ ! -x ui/node_modules/.bin/tsc ]; then
  echo "Installing UI packages (npm ci)"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
fi
