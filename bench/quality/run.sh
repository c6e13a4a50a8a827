#!/usr/bin/env bash
# Quality cockpit benchmark (issue 18), on PostgreSQL (default) or H2, in one run:
#   the city's cockpit — GET /api/v1/quality/indicators?territory=350100 (this month: every indicator live), the
#   same for last month (closed: frozen on the first request, read from the snapshots after it), the cockpit page
#   /quality as `city`, and one indicator's records (demands.response, the city, this month, page 1) — against a
#   plain indexed list request in the same run (GET /api/v1/demands?size=20 as `city`: one page of the newest
#   demands), first on the demo database, then with DEMANDS more demands written by
#   org.jinlin.demands.DemandBenchLoader (bench/demands' loader: spread over every building of the city and over the
#   last 365 days). Each line reports the median, the p95 and the median's ratio to the list request's.
#   API requests carry a bearer token (POST /api/v1/accounts/token, one password check per request kind), so the
#   figures measure the work behind the request, not a bcrypt check per call.
#
# Usage: bench/quality/run.sh [postgres|h2]   (default postgres: the production database; H2 loads 1M demands in
#   about five times PostgreSQL's time)
# PostgreSQL: the local test database (jdbc:postgresql://localhost:5432/jinlin_test, user/password jinlin, see
#   .ci/postgres-start), in a fresh schema dropped afterwards.
# Environment: PORT (default 8194), DEMANDS (default 1000000), SAMPLES (default 20), START_TIMEOUT (seconds to wait
#   for the application to be UP, default 900: the demo city loads slowly on a busy machine).
# The machine has 2 shared cores: while others work, run it small (e.g. DEMANDS=100000) and say so.
set -euo pipefail
cd "$(dirname "$0")/../.."
WHICH=${1:-postgres}
PORT=${PORT:-8194}
DEMANDS=${DEMANDS:-1000000}
SAMPLES=${SAMPLES:-20}
WORK=$(mktemp -d /tmp/jinlin-quality-bench.XXXXXX)
BASE="http://localhost:$PORT"
PY="python3 bench/demands/http_bench.py"
APP_PID=""

cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "${SCHEMA:-}" ]; then PGPASSWORD=jinlin psql -q -h localhost -U jinlin -d jinlin_test -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== building (skipping tests)"
./mvnw -B -q -o -DskipTests package
./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
./mvnw -B -q -o test-compile
JAR=$(ls target/jinlin-*.jar | grep -v plain | head -1)
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"
if [ "$WHICH" = h2 ]; then
  URL="jdbc:h2:file:$WORK/h2/jinlin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  APP_ARGS=("--spring.datasource.url=$URL")
  # the loader gives H2 a 1 GiB page cache so that the inserts with the demand table's indexes do not thrash
  LOADER=("$URL;CACHE_SIZE=1048576" sa "")
else
  SCHEMA="bench_quality_$(date +%s)"
  PGPASSWORD=jinlin psql -q -h localhost -U jinlin -d jinlin_test -c "CREATE SCHEMA $SCHEMA"
  export JINLIN_DB_URL="jdbc:postgresql://localhost:5432/jinlin_test?currentSchema=$SCHEMA" JINLIN_DB_USER=jinlin \
    JINLIN_DB_PASSWORD=jinlin
  APP_ARGS=(--spring.profiles.active=postgres)
  LOADER=("$JINLIN_DB_URL&reWriteBatchedInserts=true" jinlin jinlin)
fi
echo "== database: $WHICH"

start_app() {
  PORT=$PORT java -Xmx2g -jar "$JAR" "${APP_ARGS[@]}" >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 "${START_TIMEOUT:-900}"); do
    if curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q UP; then return 0; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then tail -50 "$WORK/app.log"; echo "application died"; exit 1; fi
    sleep 1
  done
  echo "application did not start"; tail -50 "$WORK/app.log"; exit 1
}

stop_app() {
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}

latencies() { # $1: label
  local last_month
  last_month=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-01) -1 month" +%Y-%m)
  echo "== $1: latency, $SAMPLES sequential requests each after 3 warm-ups (load $(cut -d' ' -f1-3 /proc/loadavg))"
  $PY latency "$BASE" "$SAMPLES" \
    "list-baseline=bearer:city:jinlin-demo:/api/v1/demands?size=20" \
    "cockpit-api-live=bearer:city:jinlin-demo:/api/v1/quality/indicators?territory=350100" \
    "cockpit-api-frozen=bearer:city:jinlin-demo:/api/v1/quality/indicators?territory=350100&period=$last_month" \
    "cockpit-page=session:city:jinlin-demo:/quality?territory=350100" \
    "records-api=bearer:city:jinlin-demo:/api/v1/quality/indicators/demands.response/records?territory=350100" \
    | sed "s/^/   $1 /"
}

echo "== starting the application (demo data)"
start_app
# the circle's coverage run of the demo city belongs in the figures: wait for it
for _ in $(seq 1 300); do
  if curl -fsS -u city:jinlin-demo "$BASE/api/v1/circle/runs/current" | jq -e '.current == null and .latest != null' >/dev/null; then break; fi
  sleep 1
done
latencies "demo"
stop_app
echo "== loading $DEMANDS demands"
t0=$SECONDS
java -Xmx1g -cp "$CP" org.jinlin.demands.DemandBenchLoader "${LOADER[@]}" "$DEMANDS"
echo "   load took $((SECONDS - t0)) s"
echo "== restarting the application"
start_app
latencies "demo+$DEMANDS"
stop_app
