#!/usr/bin/env bash
# The release build: dist/ (page, embed, npm files; see README "Build layout"), then the size report
# and the npm tarball. FW_DIST=DIR builds into DIR instead and packs nothing: the test command's
# build that trusts the test data key (FW_DATA_TRUST_TEST_KEY=1) goes to target/dist-testkey, never
# into dist/ or a package.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"
DIST="${FW_DIST:-dist}"
trunk build --release --offline --dist "$DIST"
node scripts/size-report.mjs "$DIST"
if [ -z "${FW_DIST:-}" ]; then
  node scripts/pack.mjs
fi
