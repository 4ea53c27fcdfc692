#!/usr/bin/env bash
# Builds the WebAssembly package into pkg/ (one `--target web` build serves Node and the
# browser) and enforces the size budget.
set -euo pipefail
cd "$(dirname "$0")/.."

BUDGET_BYTES=${STACKLINT_WASM_BUDGET:-900000}

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
