# Sourced by the bench-*.sh scripts. start_bench_server DB PORT: drops and recreates the MariaDB database DB
# (127.0.0.1:3306, root), starts target/parley.jar on it at PORT (further settings from the caller's exported
# environment; BENCH_JAR picks another jar, e.g. a copy of the baseline build for an A/B run), output in
# target/bench-server.log, and waits until it answers. Sets SERVER to its pid.
start_bench_server() {
  local db=$1 port=$2
  mysql -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS \`$db\`; CREATE DATABASE \`$db\` CHARACTER SET utf8mb4;"
  PARLEY_DB_URL="jdbc:mysql://127.0.0.1:3306/$db" PARLEY_DB_DRIVER=com.mysql.cj.jdbc.Driver PARLEY_DB_USER=root \
    PARLEY_DB_PASSWORD= PARLEY_DB_DIALECT=MYSQL PARLEY_PORT=$port \
    java ${PARLEY_JAVA_OPTS:--Xmx1536m} -jar "${BENCH_JAR:-target/parley.jar}" > target/bench-server.log 2>&1 &
  SERVER=$!
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$port/api/ping" > /dev/null && break
    kill -0 $SERVER 2>/dev/null || { cat target/bench-server.log >&2; exit 1; }
    sleep 1
  done
  echo "server up (pid $SERVER); load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
}
