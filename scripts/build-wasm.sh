#!/usr/bin/env bash
# Builds the WebAssembly package into pkg/ (one `--target web` build serves Node and the
# browser) and enforces the size budget.
set -euo pipefail
cd "$(dirname "$0")/.."

# Raised from 740,000 when the change check (diff, history rules, baselines), the playground's
# graph, policy and setSeverity, the editor's Workspace and the fixes merged with the hardening;
# issue 13 wants 450,000, which needs the size profile work still open there.
BUDGET_BYTES=${STACKLINT_WASM_BUDGET:-950000}

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
# wasm-opt from npm's binaryen (pinned in package.json, installed by npm ci): Debian's
# binaryen 108 corrupted the output, so wasm-pack's own wasm-opt stays off (Cargo.toml).
# -Oz shrinks the module by a third; the JS tests (action, playground, every fixture in
# js/action/wasm.test.mjs) run the optimised file.
wasm_opt=node_modules/.bin/wasm-opt
if ! [ -x "$wasm_opt" ]; then
  echo "error: $wasm_opt is missing: run \`npm ci\` (scripts/setup.sh does)" >&2
  exit 1
fi
# The features rustc already uses for wasm32 (bulk memory, sign extension, …), no others.
"$wasm_opt" -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
raw=$(wc -c < "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "wasm size: $raw bytes raw, $gz bytes gzip (budget $BUDGET_BYTES raw)"
if [ "$raw" -gt "$BUDGET_BYTES" ]; then
  echo "error: $wasm is $raw bytes, over the $BUDGET_BYTES byte budget" >&2
  exit 1
fi
