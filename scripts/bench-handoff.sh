#!/usr/bin/env bash
# Hand-off claim benchmark (BENCHMARKS.md, "Hand-off queue"): 20 concurrent agents "take next" from the MariaDB
# queue (agent row lock, capacity check, FOR UPDATE SKIP LOCKED, assignment; each claim released right after), with
# a SELECT 1 round trip measured the same way as the floor. No HTTP: the queue's own transaction, as the API runs it.
#   scripts/bench-handoff.sh [--agents 20] [--escalations 5000] [--warmup 500]
# Env: BENCH_DB (default parley_handoff_bench, emptied by Flyway), MariaDB at 127.0.0.1:3306 root.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${BENCH_DB:-parley_handoff_bench}

mvn -B -q -DskipTests test-compile >&2
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores" >&2
java ${PARLEY_JAVA_OPTS:--Xmx1g} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.parley.handoff.ClaimBenchmark --url "jdbc:mysql://127.0.0.1:3306/$DB" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
