#!/usr/bin/env bash
# The release build: dist/ (page, embed, npm files; see README "Build layout"), then the size report.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"
trunk build --release --offline
node scripts/size-report.mjs
node scripts/pack.mjs
