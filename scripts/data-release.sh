#!/usr/bin/env bash
# Makes and signs a data release (the format: src/core/release.rs; CONTRIBUTING.md, "Signed data
# releases"):
#   FW_DATA_KEY=path/to/seed bash scripts/data-release.sh DATA_JSON OUT_DIR [--version N] [--expires-days D]
# checks DATA_JSON as the build checks data/hotlines.json, adds the lines withdrawn in
# data/withdrawn.json, and writes OUT_DIR/channel.json, signed with the seed in the file
# FW_DATA_KEY names. Nothing is written if the data or the release would be refused.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 2 ]; then
  echo "usage: FW_DATA_KEY=SEED_FILE bash scripts/data-release.sh DATA_JSON OUT_DIR [--version N] [--expires-days D]" >&2
  exit 2
fi
: "${FW_DATA_KEY:?must name the file that holds the signing key (a CI secret; never a file in the repository)}"
# Paths as the caller gave them, before the tool runs from the repository's root (where it finds
# data/withdrawn.json).
abs() { case "$1" in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$PWD" "$1" ;; esac; }
DATA="$(abs "$1")"
OUT="$(abs "$2")"
shift 2
FW_DATA_KEY="$(abs "$FW_DATA_KEY")"
export FW_DATA_KEY
export PATH="$HOME/.cargo/bin:$PATH"
cd "$ROOT"
exec cargo run --quiet --features native-tools --bin data-release -- sign "$DATA" "$OUT" "$@"
