#!/usr/bin/env bash
# Web chat load benchmark (BENCHMARKS.md, "Conversations and web chat"): starts the server on MariaDB in a fresh
# database, runs dev.parley.bench.WebchatLoad (messages through the real NLU, then quick-reply payloads that skip
# it, each with GET /api/ping as the ceiling in the same run), counts the stored rows, stops the server.
#   scripts/bench-webchat.sh [--concurrency 16] [--messages 1000] [--warmup 200]
# Env: BENCH_DB (default parley_conv_bench, dropped and recreated), BENCH_PORT (8089), MariaDB at 127.0.0.1:3306 root.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-parley_conv_bench}
PORT=${BENCH_PORT:-8089}
ARGS=("$@")

mvn -B -q -DskipTests package test-compile >&2
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2

source scripts/bench-server.sh
start_bench_server "$DB" "$PORT"
trap 'kill $SERVER 2>/dev/null || true' EXIT

load() {
  java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.parley.bench.WebchatLoad \
    --url "http://127.0.0.1:$PORT" "$@" "${ARGS[@]}"
}
load --mode nlu
load --mode shortcut

echo "rows after the run (inbound = unique clientMessageIds sent, retries included in the requests):"
mysql -uroot -h127.0.0.1 "$DB" -e "SELECT direction, COUNT(*) AS messages_rows,
  COUNT(DISTINCT dedupe_scope, channel_message_id) AS distinct_client_ids, COUNT(DISTINCT conversation_id) AS sessions
  FROM messages GROUP BY direction;
  SELECT COUNT(*) AS inbound_without_turn FROM messages WHERE direction = 'inbound' AND processed = 0;
  SELECT COUNT(*) AS duplicate_client_ids FROM (SELECT dedupe_scope, channel_message_id FROM messages
    WHERE channel_message_id IS NOT NULL GROUP BY dedupe_scope, channel_message_id HAVING COUNT(*) > 1) d;"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
