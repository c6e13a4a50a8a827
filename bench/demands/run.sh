#!/usr/bin/env bash
# Demands benchmark (issue 3): on H2 and on PostgreSQL, in one run each,
#   (a) demands raised per second through POST /api/v1/demands (staff `junmen` on a resident's behalf,
#       channel PHONE_CALL, several concurrent clients), against a baseline of an authenticated GET with
#       the same account and clients;
#   (b) latency (median, p95) of a grid worker's queue (GET /api/v1/demands/queue as junmen-grid1) and
#   (c) of the measures (GET /api/v1/demands/measures and the page /demands/measures as `city`),
#       first on the demo database (600 demo demands + those raised in (a)), then with 1,000,000 more
#       demands written by org.jinlin.demands.DemandBenchLoader (DemandGenerator, spread over every
#       building of the city and over the last 365 days). Baselines measured in the same run:
#       /actuator/health and the same request on the small database.
#
# Usage: bench/demands/run.sh [h2|postgres|both] (default both).
# Environment: PORT (default 8184), DEMANDS (default 1000000), CLIENTS (4), PER_CLIENT (50), SAMPLES (30).
# PostgreSQL: the local test database (jdbc:postgresql://localhost:5432/jinlin_test, user/password jinlin,
# see .ci/postgres-start), in a fresh schema that is dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
WHICH=${1:-both}
PORT=${PORT:-8184}
DEMANDS=${DEMANDS:-1000000}
CLIENTS=${CLIENTS:-4}
PER_CLIENT=${PER_CLIENT:-50}
SAMPLES=${SAMPLES:-30}
WORK=$(mktemp -d /tmp/jinlin-demands-bench.XXXXXX)
BASE="http://localhost:$PORT"
PY="python3 bench/demands/http_bench.py"
APP_PID=""

cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "${SCHEMA:-}" ]; then PGPASSWORD=jinlin psql -q -h localhost -U jinlin -d jinlin_test -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "== building (skipping tests)"
./mvnw -B -q -DskipTests package
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
./mvnw -B -q test-compile
JAR=$(ls target/jinlin-*.jar | grep -v plain | head -1)
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"

start_app() { # $@: extra arguments
  PORT=$PORT java -Xmx2g -jar "$JAR" "$@" >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 300); do
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
  local year_start
  year_start="$(TZ=Asia/Shanghai date +%Y)-01-01"
  echo "== $1: latency, $SAMPLES sequential requests each after 3 warm-ups"
  $PY latency "$BASE" "$SAMPLES" \
    "health=anon:::/actuator/health" \
    "auth-baseline=basic:junmen-grid1:jinlin-demo:/api/v1/demands/categories" \
    "queue=basic:junmen-grid1:jinlin-demo:/api/v1/demands/queue" \
    "queue-page=session:junmen-grid1:jinlin-demo:/demands/queue" \
    "measures-api-30d=basic:city:jinlin-demo:/api/v1/demands/measures" \
    "measures-api-year=basic:city:jinlin-demo:/api/v1/demands/measures?from=$year_start" \
    "overdue-api=basic:city:jinlin-demo:/api/v1/demands/overdue" \
    "measures-page-30d=session:city:jinlin-demo:/demands/measures" \
    "measures-page-street=session:dongjie:jinlin-demo:/demands/measures?preset=YEAR" \
    | sed "s/^/   $1 /"
}

bench() { # $1: label, $2: JDBC URL, $3: user, $4: password, $@: application arguments
  local label=$1 url=$2 user=$3 password=$4
  shift 4
  echo "== $label: starting the application (demo data)"
  start_app "$@"
  local building
  building=$(curl -fsS -u junmen:jinlin-demo "$BASE/api/v1/territories/350102004001G01C01B01" | jq -r .id)
  local body="{\"categoryCode\":\"sanitation\",\"description\":\"楼道里堆放杂物，影响通行（压测）\",\"locationNodeId\":$building,\"channel\":\"PHONE_CALL\",\"contactName\":\"王阿姨\"}"
  echo "== $label: raising demands through the API"
  $PY raise "$BASE" junmen jinlin-demo "$CLIENTS" "$PER_CLIENT" "$body" | sed "s/^/   $label /"
  $PY raise-key "$BASE" admin jinlin-demo "$CLIENTS" "$PER_CLIENT" "$body" | sed "s/^/   $label /"
  latencies "$label small"
  stop_app
  echo "== $label: loading $DEMANDS demands"
  local t0=$SECONDS
  java -Xmx1g -cp "$CP" org.jinlin.demands.DemandBenchLoader "$url" "$user" "$password" "$DEMANDS"
  echo "   load took $((SECONDS - t0)) s"
  echo "== $label: restarting the application"
  start_app "$@"
  latencies "$label 1M"
  stop_app
}

if [ "$WHICH" = h2 ] || [ "$WHICH" = both ]; then
  URL="jdbc:h2:file:$WORK/h2/jinlin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  # The loader gives H2 a 1 GiB page cache (the application keeps its default) so the 1M inserts with
  # eleven indexes do not thrash.
  bench H2 "$URL;CACHE_SIZE=1048576" sa "" "--spring.datasource.url=$URL"
fi

if [ "$WHICH" = postgres ] || [ "$WHICH" = both ]; then
  SCHEMA="bench_demands_$(date +%s)"
  PGPASSWORD=jinlin psql -q -h localhost -U jinlin -d jinlin_test -c "CREATE SCHEMA $SCHEMA"
  export JINLIN_DB_URL="jdbc:postgresql://localhost:5432/jinlin_test?currentSchema=$SCHEMA" JINLIN_DB_USER=jinlin \
    JINLIN_DB_PASSWORD=jinlin
  bench PostgreSQL "$JINLIN_DB_URL&reWriteBatchedInserts=true" jinlin jinlin --spring.profiles.active=postgres
fi
