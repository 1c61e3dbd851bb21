#!/usr/bin/env bash
# Web chat load with wrk (Debian's `wrk`, a C load generator much lighter than the JVM one in bench-webchat.sh):
# GET /api/ping as the ceiling, then web chat messages through the real NLU for the same duration at the same
# concurrency, then the stored rows against the requests wrk completed.
#   scripts/bench-webchat-wrk.sh [seconds, default 15] [connections, default 16]
# Env: BENCH_DB (default parley_wrk_bench, dropped and recreated), BENCH_PORT (8089), BENCH_JAR (a jar to run
# instead of building target/parley.jar, e.g. a copy of the baseline build for an A/B run; its lib/ folder must sit
# next to it).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-15}
CONNECTIONS=${2:-16}
DB=${BENCH_DB:-parley_wrk_bench}
PORT=${BENCH_PORT:-8089}
command -v wrk > /dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }

[ -n "${BENCH_JAR:-}" ] || mvn -B -q -DskipTests package >&2
source scripts/bench-server.sh
start_bench_server "$DB" "$PORT"
trap 'kill $SERVER 2>/dev/null || true' EXIT
URL="http://127.0.0.1:$PORT"

# sessions enough that none exceeds 30 messages a minute (parley.webchat.rate-limit-per-minute) and each gets only
# a few messages (a shopper asking the same thing again is handed to a person, which would lighten the load)
export WEBCHAT_SESSIONS=target/wrk-sessions.txt RUN_ID=$(date +%s)
: > "$WEBCHAT_SESSIONS"
for _ in $(seq 1 "${BENCH_SESSIONS:-1000}"); do
  curl -sf -H 'Content-Type: application/json' -d '{}' "$URL/api/webchat/sessions" \
    | grep -o '"sessionId":"[^"]*"' | cut -d'"' -f4 >> "$WEBCHAT_SESSIONS"
done
echo "warm-up: 10 s of messages" >&2
RUN_ID=warm-$RUN_ID wrk -t2 -c"$CONNECTIONS" -d10s -s scripts/wrk/webchat-messages.lua "$URL" > /dev/null
echo "== GET /api/ping"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency "$URL/api/ping" | grep -E 'Requests/sec|  50%|  99%|Non-2xx|requests in'
echo "== POST web chat messages (NLU)"
BEFORE=$(mysql -uroot -h127.0.0.1 "$DB" -N -e "SELECT COUNT(*) FROM messages WHERE direction = 'inbound'")
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -s scripts/wrk/webchat-messages.lua "$URL" \
  | grep -E 'Requests/sec|  50%|  99%|Non-2xx|requests in|Socket errors'
sleep 2
AFTER=$(mysql -uroot -h127.0.0.1 "$DB" -N -e "SELECT COUNT(*) FROM messages WHERE direction = 'inbound'")
echo "inbound rows stored by the measured run: $((AFTER - BEFORE)) (wrk counts completed requests above; up to"\
  "$CONNECTIONS more may have been stored when wrk stopped mid-request)"
mysql -uroot -h127.0.0.1 "$DB" -e "SELECT COUNT(*) AS inbound_without_turn FROM messages WHERE direction = 'inbound'
  AND processed = 0; SELECT COUNT(*) AS duplicate_client_ids FROM (SELECT dedupe_scope, channel_message_id
  FROM messages WHERE channel_message_id IS NOT NULL GROUP BY dedupe_scope, channel_message_id HAVING COUNT(*) > 1) d;"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
