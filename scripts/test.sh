#!/usr/bin/env bash
# Every test stacklint has: installs what it needs, then lint, Rust tests (native and WASM),
# the WASM build with its size budget, and the JavaScript tests (action and playground).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "setup"
bash scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "module graph has no cycle"
python3 scripts/deps.py --layers
python3 scripts/deps.py > /dev/null

step "cargo clippy (native and wasm32)"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --lib --test wasm --test wasm_fixtures --locked --target wasm32-unknown-unknown --no-default-features -- -D warnings

step "cargo test"
cargo test --locked

step "cargo test (wasm32: the WASM API and every fixture, in Node)"
# wasm-bindgen-test-runner comes with wasm-bindgen-cli (scripts/setup.sh); the tests do not
# ask for a browser, so it runs them in Node.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown --no-default-features --test wasm --test wasm_fixtures

step "wasm build"
bash scripts/build-wasm.sh

step "action/dist matches a fresh build"
# The action runs the committed bundle, so it must be exactly what the sources build.
# After a Rust or JS change: `npm run build:action` and commit action/dist.
fresh_dist=$(mktemp -d)
trap 'rm -rf "$fresh_dist"' EXIT
node js/action/build.mjs --outdir "$fresh_dist" >/dev/null
if ! diff -r action/dist "$fresh_dist" >/dev/null; then
  diff -r --brief action/dist "$fresh_dist" >&2 || true
  echo "error: action/dist is stale: run \`npm run build:action\` and commit action/dist" >&2
  exit 1
fi

if [ -f package.json ]; then
  step "tsc --checkJs (JS sources)"
  # Reads the JSDoc types of js/ and the types wasm-pack generated in pkg/ (the wasm build above).
  npx --no-install tsc -p tsconfig.json

  step "npm test"
  npm test
fi
