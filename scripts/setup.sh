#!/usr/bin/env bash
# Installs everything the build and the tests need, on a fresh Debian 12 machine with Rust and
# Node. Idempotent: each step checks first, so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
# wasm-bindgen-cli must match the wasm-bindgen the crate locks, or the generated glue breaks.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)

step() { printf '\n==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
  step "cargo install wasm-pack $WASM_PACK_VERSION"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --force
fi

if [ -f package-lock.json ]; then
  # npm ci wipes node_modules; skip it when the installed tree already matches the lock file.
  if ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null && \
     ! [ node_modules/.stacklint-lock -nt package-lock.json ]; then
    step "npm ci"
    npm ci --no-audit --no-fund
    touch node_modules/.stacklint-lock
  fi
fi

# Debian packages the tests drive: chromium (the playground) and neovim (its LSP client
# against the language server).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/nvim ] || missing+=(neovim)
if [ "${#missing[@]}" -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  # Root on the project's machines; hosted CI runners need sudo.
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# pre-commit (PyPI), to run the hooks of .pre-commit-hooks.yaml on a fixture repository; in a
# venv of its own under target/, so nothing is installed into the system's Python.
PRE_COMMIT_VERSION=4.7.0
PRE_COMMIT_VENV=target/pre-commit-venv
if [ "$("$PRE_COMMIT_VENV/bin/pre-commit" --version 2>/dev/null)" != "pre-commit $PRE_COMMIT_VERSION" ]; then
  step "pip install pre-commit $PRE_COMMIT_VERSION (into $PRE_COMMIT_VENV)"
  python3 -m venv "$PRE_COMMIT_VENV"
  "$PRE_COMMIT_VENV/bin/pip" install --quiet --disable-pip-version-check "pre-commit==$PRE_COMMIT_VERSION"
fi
