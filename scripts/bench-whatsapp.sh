#!/usr/bin/env bash
# WhatsApp flood benchmark (BENCHMARKS.md, "WhatsApp webhook flood"): starts a fake Graph API and the server on
# MariaDB in a fresh database, sends signed webhook deliveries with dev.parley.bench.WhatsAppFlood (every 10th
# twice), waits until every stored message is answered and every reply settled, and counts the rows.
#   scripts/bench-whatsapp.sh [--deliveries 1000] [--seconds 60] [--concurrency 32]
# Env: BENCH_DB (default parley_whatsapp_bench, dropped and recreated), BENCH_PORT (8089), BENCH_GRAPH_PORT (8098),
# MariaDB at 127.0.0.1:3306 root. The demo number (channels/whatsapp/demo-shop.yml) gets throw-away secrets.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-parley_whatsapp_bench}
PORT=${BENCH_PORT:-8089}
GRAPH_PORT=${BENCH_GRAPH_PORT:-8098}
ARGS=("$@")
export PARLEY_WHATSAPP_DEMO_APP_SECRET=bench-app-secret PARLEY_WHATSAPP_DEMO_ACCESS_TOKEN=bench-token \
  PARLEY_WHATSAPP_DEMO_VERIFY_TOKEN=bench-verify

mvn -B -q -DskipTests package test-compile >&2
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
sql() { mysql -uroot -h127.0.0.1 "$DB" -N -e "$1"; }

java -cp "$CP" dev.parley.bench.WhatsAppFlood sink --port "$GRAPH_PORT" > target/bench-graph.log 2>&1 &
SINK=$!
trap 'kill $SINK 2>/dev/null || true' EXIT
export PARLEY_WHATSAPP_GRAPH_BASE_URL="http://127.0.0.1:$GRAPH_PORT"
source scripts/bench-server.sh
start_bench_server "$DB" "$PORT"
trap 'kill $SERVER $SINK 2>/dev/null || true' EXIT

java -cp "$CP" dev.parley.bench.WhatsAppFlood flood --url "http://127.0.0.1:$PORT" --number 100000000000001 \
  --secret-env PARLEY_WHATSAPP_DEMO_APP_SECRET "${ARGS[@]}"
FLOOD_DONE=$(date +%s)

# answered: every stored message's turn ran and every reply left the outbox (sent or failed)
for _ in $(seq 1 600); do
  OPEN=$(sql "SELECT (SELECT COUNT(*) FROM messages WHERE direction = 'inbound' AND processed = 0)
    + (SELECT COUNT(*) FROM whatsapp_outbox WHERE state IN ('pending', 'sending'))")
  [ "$OPEN" = "0" ] && break
  sleep 1
done
echo "drained $(( $(date +%s) - FLOOD_DONE )) s after the last delivery (open items left: $OPEN)"
mysql -uroot -h127.0.0.1 "$DB" -e "
  SELECT direction, COUNT(*) AS message_rows, COUNT(DISTINCT channel_message_id) AS distinct_wamids,
    SUM(processed = 0) AS without_turn FROM messages GROUP BY direction;
  SELECT COUNT(*) AS duplicate_wamids FROM (SELECT channel_message_id FROM messages
    WHERE channel_message_id IS NOT NULL GROUP BY dedupe_scope, channel_message_id HAVING COUNT(*) > 1) d;
  SELECT state, sent_as, COUNT(*) AS outbox_rows, MAX(attempts) AS max_attempts FROM whatsapp_outbox
    GROUP BY state, sent_as;
  SELECT delivery_status, COUNT(*) AS replies FROM messages WHERE direction = 'outbound' GROUP BY delivery_status;"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
