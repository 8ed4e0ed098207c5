#!/usr/bin/env bash
# Runs what docker/Dockerfile does, without Docker, and starts the results against the local PostgreSQL
# and Redis: the build context as .dockerignore leaves it, `pnpm install --frozen-lockfile --offline`,
# `pnpm build`, the three `pnpm deploy --prod --legacy` directories; then, from those directories alone,
# the CLI migrates a scratch database, the API answers /healthz and /readyz, two workers answer /healthz
# and register one nightly schedule between them, and SIGTERM stops them cleanly.
#
#   bash docker/check-without-docker.sh        # about two minutes; needs PostgreSQL (trust) and Redis on 127.0.0.1
#
# Everything it makes goes into a temporary folder, a scratch database and a Redis prefix of its own,
# all removed at the end. It is not part of `pnpm test`.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/toolchain.sh
source "$repo/scripts/toolchain.sh"
work="$(mktemp -d /tmp/stagebrug-docker-check.XXXXXX)"
db="sb_docker_check_$$"
prefix="sbdockercheck$$"
admin_url="postgres://postgres@127.0.0.1:5432"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  psql -q "$admin_url/test" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  redis-cli --scan --pattern "$prefix:*" | xargs -r redis-cli del >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

step "build context (.dockerignore applied) → $work/repo"
cd "$repo"
git ls-files -co --exclude-standard -z | node -e '
  // Docker semantics, closely enough for our patterns: the last matching pattern decides, and a
  // pattern that matches a folder takes everything in it.
  const { matchesGlob } = require("node:path")
  const fs = require("node:fs")
  const lines = fs.readFileSync(".dockerignore", "utf8").split("\n")
  const rules = lines.map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
    .map((l) => ({ keep: l.startsWith("!"), glob: l.replace(/^!/, "").replace(/\/$/, "") }))
  const files = fs.readFileSync(0, "utf8").split("\0").filter((f) => f && fs.existsSync(f))
  const out = files.filter((f) => {
    const parts = f.split("/")
    const paths = parts.map((_, i) => parts.slice(0, i + 1).join("/"))
    let excluded = false
    for (const r of rules) if (paths.some((p) => matchesGlob(p, r.glob))) excluded = !r.keep
    return !excluded
  })
  process.stdout.write(out.join("\0"))
' >"$work/context"
mkdir -p "$work/repo"
tar -cf - --null -T "$work/context" | tar -xf - -C "$work/repo"
[ -f "$work/repo/test/package.json" ] || fail "test/package.json must be in the context"
[ ! -e "$work/repo/apps/api/test" ] || fail "apps/*/test must not be in the context"
echo "$(tr -cd '\0' <"$work/context" | wc -c) files"

step "pnpm install --frozen-lockfile --offline, pnpm build"
cd "$work/repo"
export CI=true
pnpm install --frozen-lockfile --offline >"$work/install.log" 2>&1 || { tail -20 "$work/install.log"; fail "install"; }
pnpm build >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; fail "build"; }

step "pnpm deploy --prod --legacy: api, worker, cli"
for app in api worker cli; do
  pnpm --filter "@stagebrug/$app" --prod deploy --legacy "$work/out/$app" >"$work/deploy-$app.log" 2>&1 ||
    { tail -20 "$work/deploy-$app.log"; fail "deploy $app"; }
  [ ! -e "$work/out/$app/node_modules/vitest" ] || fail "$app carries a dev dependency (vitest)"
  echo "$app: $(du -sh "$work/out/$app" | cut -f1)"
done
unset CI

export NODE_ENV=production DATABASE_URL="$admin_url/$db" REDIS_URL=redis://127.0.0.1:6379 QUEUE_PREFIX="$prefix"
export LOG_LEVEL=warn

step "cli: db migrate into a scratch database"
psql -q "$admin_url/test" -c "CREATE DATABASE $db" >/dev/null
(cd "$work/out/cli" && node --import tsx src/stagebrug.ts db migrate) | tail -2

free_port() { node -e 'const s=require("node:net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
wait_http() { # url expected-status
  for _ in $(seq 1 120); do
    code="$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)"
    [ "$code" = "$2" ] && return 0
    sleep 0.5
  done
  fail "$1 did not answer $2 (last: $code)"
}

step "api: /healthz and /readyz"
api_port="$(free_port)"
(cd "$work/out/api" && HOST=127.0.0.1 PORT="$api_port" exec node --max-semi-space-size=8 --import tsx src/server.ts) &
pids+=($!)
wait_http "http://127.0.0.1:$api_port/healthz" 200
wait_http "http://127.0.0.1:$api_port/readyz" 200
curl -s "http://127.0.0.1:$api_port/readyz"
echo

step "two workers: /healthz, one schedule"
for _ in 1 2; do
  port="$(free_port)"
  (cd "$work/out/worker" && SMTP_URL=smtp://127.0.0.1:2525 MAIL_FROM='Stagebrug <noreply@stagebrug.local>' \
    HEALTH_PORT="$port" exec node --import tsx src/main.ts) &
  pids+=($!)
  wait_http "http://127.0.0.1:$port/healthz" 200
  curl -s "http://127.0.0.1:$port/healthz"
  echo
done
schedulers="$(redis-cli zrange "$prefix:match:repeat" 0 -1)"
[ "$schedulers" = "nightly-match" ] || fail "expected one scheduler 'nightly-match', found: $schedulers"
echo "schedulers: $schedulers"

step "SIGTERM: every process stops cleanly"
for pid in "${pids[@]}"; do kill -TERM "$pid"; done
for pid in "${pids[@]}"; do
  wait "$pid" || fail "process $pid exited with $?"
done
pids=()
echo "all stopped with exit code 0"
printf '\nOK: the deployed api, worker and cli run from their own node_modules.\n'
