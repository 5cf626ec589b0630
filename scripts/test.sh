#!/usr/bin/env bash
# Runs every test layer, installing what is missing first (Debian's chromium and chromedriver too):
#   0. formatting: Rust that rustfmt would change fails the run; clippy's warnings, native and for
#      the browser, fail it too; actionlint over .github/workflows;
#   1. native `cargo test --workspace`: data and validator, search, detection, hours, options, strings,
#      SSR render, and the partner kit's poster (poster/);
#   2. `wasm-bindgen-test` component tests in headless Chromium;
#   3. the release build (which validates the data and prerenders the page, and Mexico's country
#      pages), then end-to-end tests against dist/ served over HTTP on localhost, in headless Chromium;
#   4. the core visitor flows, and the accessibility of every page served (the standalone page and
#      Mexico's country pages, JavaScript on and off), against the same build in all three engines:
#      Chromium, Firefox ESR and WebKitGTK (tests/engines/);
#   5. the signed data channel against a second build that trusts the test key (tests/channel/).
# Exits non-zero on any failure. `.ci/run` calls exactly this.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" --test
cd "$ROOT"
export CHROMEDRIVER=/usr/bin/chromedriver

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "formatting (cargo fmt --check, as rustfmt.toml says)"
cargo fmt --all -- --check

step "lints (cargo clippy, warnings are errors): native, and the browser's code (the page's wasm and its tests, the poster's wasm)"
cargo clippy --quiet --workspace --all-targets --features native-tools -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --features page --lib --test browser -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown -p freedom-poster -- -D warnings

step "the GitHub workflows are well formed (actionlint)"
tools/py/bin/actionlint .github/workflows/*.yml

step "native tests (cargo test --workspace: the widget and the poster)"
cargo test --quiet --workspace

step "component tests in headless Chromium (wasm-bindgen-test)"
# As the embed's wasm is built, then with the standalone page's feature, which adds its takeover
# (and the rehearsals before it).
cargo test --target wasm32-unknown-unknown --test browser
cargo test --target wasm32-unknown-unknown --test browser --features page

step "release build"
# As released: with every country's pages (dist/mx/, dist/mx/en/, …), which the end-to-end and
# engine tests open (scripts/post-build.mjs; FW_COUNTRY_PAGES=MX, say, builds fewer).
bash scripts/build.sh

step "end-to-end tests against dist/ (node --test, playwright-core + /usr/bin/chromium)"
node --test --test-concurrency=1 tests/e2e/

step "the core visitor flows and every page's accessibility in Chromium, Firefox ESR and WebKitGTK (tests/engines/)"
node --test --test-concurrency=1 tests/engines/

step "the signed data channel, against a build that trusts the test key (target/dist-testkey, never published)"
FW_DATA_TRUST_TEST_KEY=1 FW_DATA_CHANNEL=/data/channel.json FW_DIST=target/dist-testkey bash scripts/build.sh
# Its npm package, for a toolchain's app in the channel's test (target/testkey/, never published).
node scripts/pack.mjs --dist target/dist-testkey --into target/testkey
node --test --test-concurrency=1 tests/channel/
