#!/usr/bin/env bash
# Start-up time and memory of the service on its embedded defaults (BENCHMARKS.md, "NLU: start-up, heap").
#   scripts/bench-startup.sh            start with the cached intent model (the usual restart)
#   scripts/bench-startup.sh --cold     with an empty model cache: the model is trained from intents/ first
# Prints seconds until GET /api/ping answers and the heap used after a full GC once 200 messages were parsed.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-8091}
DATA=$(mktemp -d)
CACHE=.parley/models
if [ "${1:-}" = "--cold" ]; then CACHE=$(mktemp -d); fi
[ -f target/parley.jar ] || mvn -B -q -DskipTests package >&2
START=$(date +%s.%N)
PARLEY_PORT=$PORT PARLEY_DB_URL="jdbc:h2:file:$DATA/parley;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,KEY,USER" \
  PARLEY_MODEL_CACHE_DIR=$CACHE java ${PARLEY_JAVA_OPTS:--Xmx1536m} -jar target/parley.jar > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -sf "http://127.0.0.1:$PORT/api/ping" > /dev/null; do
  kill -0 $SERVER 2>/dev/null || { cat "$DATA/server.log" >&2; exit 1; }
  sleep 0.2
done
READY=$(date +%s.%N)
for i in $(seq 1 200); do
  curl -sf -H 'Content-Type: application/json' -d "{\"text\":\"do you have red sneakers in size $i\"}" \
    "http://127.0.0.1:$PORT/nlu/parse" > /dev/null
done
jcmd $SERVER GC.run > /dev/null
sleep 1
HEAP=$(jcmd $SERVER GC.heap_info | grep -o 'used [0-9]*K' | head -1 | grep -o '[0-9]*')
RSS=$(ps -o rss= -p $SERVER)
printf '{"startup_seconds":%.1f,"heap_used_mb_after_gc":%d,"rss_mb":%d,"model_cache":"%s"}\n' \
  "$(echo "$READY - $START" | bc)" "$((HEAP / 1024))" "$((RSS / 1024))" "${1:---warm}"
