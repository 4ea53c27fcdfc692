#!/usr/bin/env bash
# Builds the WebAssembly package into pkg/ (one `--target web` build serves Node and the
# browser) and enforces the size budget.
set -euo pipefail
cd "$(dirname "$0")/.."

# Raised from 900 KB when the editor's Workspace (the session, inspect, silence) came in: it is
# 45 KB of the 919 KB (321 KB gzip).
BUDGET_BYTES=${STACKLINT_WASM_BUDGET:-960000}

# opt-level "z" for the WASM build only (the native CLI keeps the profile's "s"): measured
# 395 KB against 467 KB raw with "s", at the same speed on the whole 2026-08 corpus.
# Panics already abort on wasm32-unknown-unknown, so no panic setting is needed here.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=${CARGO_PROFILE_RELEASE_OPT_LEVEL:-z}

# Panic messages embed source paths; remapping them keeps the committed action/dist/*.wasm
# identical whichever folder or home directory it is built from.
export CARGO_ENCODED_RUSTFLAGS="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"$'\x1f'"--remap-path-prefix=$PWD=/stacklint"

# --mode no-install: use the pinned wasm-bindgen-cli from scripts/setup.sh, download nothing.
wasm-pack build --target web --release --mode no-install --no-pack --out-dir pkg \
  -- --no-default-features >&2

wasm=pkg/stacklint_bg.wasm
raw=$(wc -c < "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "wasm size: $raw bytes raw, $gz bytes gzip (budget $BUDGET_BYTES raw)"
if [ "$raw" -gt "$BUDGET_BYTES" ]; then
  echo "error: $wasm is $raw bytes, over the $BUDGET_BYTES byte budget" >&2
  exit 1
fi
