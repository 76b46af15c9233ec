#!/usr/bin/env bash
# A development server for team sync (issue 17): pouchdb-server (npm, CouchDB-compatible) on
# 127.0.0.1 in the foreground until stopped (Ctrl-C), set up by scripts/sync/setup.mjs with an
# admin, the project database, two test users and the design document with the write rule.
#   scripts/sync-server.sh [--port 5984] [--dir target/sync-server] [--db annotations]
# The same setup against another server, e.g. Apache CouchDB 3.x (nothing is started):
#   scripts/sync-server.sh --setup-only --url http://ADMIN:PASSWORD@HOST:5984 [--db NAME]
#                          [--users name:password,...]
# The users and passwords it prints are for development only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT=5984
DIR="$ROOT/target/sync-server"
DB=annotations
SETUP_ONLY=0
URL=""
USERS="alice:alice-password,bob:bob-password"
ADMIN=admin
ADMIN_PASSWORD=admin-password

say() { printf '\033[1m[sync-server]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[sync-server] %s\033[0m\n' "$*" >&2; exit 1; }
usage() { sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT="${2:?--port needs a number}"; shift 2 ;;
    --dir) DIR="${2:?--dir needs a folder}"; shift 2 ;;
    --db) DB="${2:?--db needs a name}"; shift 2 ;;
    --url) URL="${2:?--url needs a server URL}"; shift 2 ;;
    --users) USERS="${2:?--users needs name:password,...}"; shift 2 ;;
    --setup-only) SETUP_ONLY=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done
[[ "$PORT" =~ ^[0-9]+$ ]] || die "--port must be a number, not $PORT"

command -v node >/dev/null || die "node not found: run scripts/setup.sh first"
# npm ci when node_modules is missing or older than the lockfile (as scripts/setup.sh does).
if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ] \
  || [ ! -x "$ROOT/node_modules/.bin/pouchdb-server" ]; then
  command -v npm >/dev/null || die "npm not found: run scripts/setup.sh first"
  say "installing npm packages from package-lock.json (pouchdb-server among them)"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
fi
[ -x "$ROOT/node_modules/.bin/pouchdb-server" ] || die "pouchdb-server missing from node_modules/.bin (npm ci failed?)"

if [ "$SETUP_ONLY" = 1 ]; then
  [ -n "$URL" ] || die "--setup-only needs --url http://ADMIN:PASSWORD@HOST:5984"
  exec node "$ROOT/scripts/sync/setup.mjs" --url "$URL" --db "$DB" --users "$USERS" --wait 30
fi
[ -z "$URL" ] || die "--url goes with --setup-only (this script starts its own server otherwise)"

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "something already answers on 127.0.0.1:$PORT: stop it, or pick another --port"
fi
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
COLOR=()
[ -t 1 ] || COLOR=(--no-color)

# pouchdb-server keeps its config.json (the admin's password hash) and log.txt in its working
# folder, so it runs in --dir. Stopping this script stops the server. The preloaded file
# corrects a known bug of pouchdb-server 4.2.0 that drops replicated edits on a database with
# a write rule (see the file).
(cd "$DIR" && exec node --require "$ROOT/scripts/sync/pouchdb-server-fixes.cjs" \
  "$ROOT/node_modules/pouchdb-server/bin/pouchdb-server" --host 127.0.0.1 --port "$PORT" --dir . "${COLOR[@]}") &
SERVER=$!
stop() {
  trap - INT TERM EXIT
  if kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
  fi
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

node "$ROOT/scripts/sync/setup.mjs" --url "http://$ADMIN:$ADMIN_PASSWORD@127.0.0.1:$PORT" --db "$DB" --users "$USERS" --wait 30

say "pouchdb-server (pid $SERVER) on http://127.0.0.1:$PORT/ (files in $DIR), database $DB"
say "DEVELOPMENT ONLY, never use these accounts on a real server:"
say "  admin  $ADMIN / $ADMIN_PASSWORD"
IFS=',' read -r -a PAIRS <<<"$USERS"
for pair in "${PAIRS[@]}"; do say "  user   ${pair%%:*} / ${pair#*:}   (member of $DB)"; done
if [ "$PORT" = 5984 ]; then
  say "trunk serve proxies http://127.0.0.1:8080/couchdb/ to it; Ctrl-C stops the server"
else
  say "trunk serve proxies /couchdb/ to port 5984, not $PORT; Ctrl-C stops the server"
fi
set +e
wait "$SERVER"
CODE=$?
trap - INT TERM EXIT
exit "$CODE"
