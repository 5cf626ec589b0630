#!/usr/bin/env bash
# Builds the release and serves the standalone page on http://127.0.0.1:8080 (installs what is
# missing first). PORT=… to use another port.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build.sh"
# --cors: the configurator's snippets load the files from this origin with integrity=, which a
# partner's page on another origin (another port, locally) can do only with CORS, as on any copy.
exec node "$ROOT/tests/e2e/serve.mjs" --root "$ROOT/dist" --host 127.0.0.1 --port "${PORT:-8080}" --cors
