#!/usr/bin/env bash
# Resident import benchmark: generates a 100,000-row resident file, starts the application (H2, then
# PostgreSQL), uploads the file through POST /api/v1/residents/imports as `junmen`, polls the job and
# prints rows per second. The baseline measured in the same run is a dry run of the same file
# (read + parse + validate, nothing written), so the write cost can be quoted as a ratio.
#
# Usage: bench/import/run.sh [h2|postgres|both] (default both). Port: $PORT (default 8082).
# PostgreSQL: the local test database (jdbc:postgresql://localhost:5432/jinlin_test, user/password jinlin),
# in a fresh schema that is dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
WHICH=${1:-both}
PORT=${PORT:-8082}
ROWS=${ROWS:-100000}
WORK=$(mktemp -d /tmp/jinlin-bench.XXXXXX)
BASE="http://localhost:$PORT"
AUTH="junmen:jinlin-demo"
APP_PID=""

cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "${SCHEMA:-}" ]; then PGPASSWORD=jinlin psql -q -h localhost -U jinlin -d jinlin_test -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== building (skipping tests)"
./mvnw -B -q -DskipTests package
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
JAR=$(ls target/jinlin-*.jar | grep -v plain | head -1)
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"

echo "== generating $ROWS rows"
java -cp "$CP" org.jinlin.people.ResidentFileGenerator "$ROWS" "$WORK/residents.xlsx"
ls -l "$WORK/residents.xlsx" | awk '{print "   file size: " $5 " bytes"}'

start_app() { # $@: extra arguments
  PORT=$PORT java -Xmx1g -jar "$JAR" "$@" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 180); do
    if curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q UP; then return 0; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then tail -50 "$WORK/app.log"; echo "application died"; exit 1; fi
    sleep 1
  done
  echo "application did not start"; tail -50 "$WORK/app.log"; exit 1
}

stop_app() {
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}

# Uploads the file, waits for the job and prints "<status> <seconds by the server's clock> <json>".
run_job() { # $1: dryRun true|false
  local json id status
  json=$(curl -fsS -u "$AUTH" -F "file=@$WORK/residents.xlsx" "$BASE/api/v1/residents/imports?dryRun=$1")
  id=$(echo "$json" | jq -r .id)
  while true; do
    json=$(curl -fsS -u "$AUTH" "$BASE/api/v1/imports/$id")
    status=$(echo "$json" | jq -r .status)
    if [ "$status" = SUCCEEDED ] || [ "$status" = FAILED ]; then break; fi
    sleep 0.5
  done
  local secs
  secs=$(echo "$json" | python3 -c 'import json,sys,datetime as d
j=json.load(sys.stdin); p=lambda s: d.datetime.fromisoformat(s.replace("Z","+00:00"))
print("%.2f" % (p(j["finishedAt"])-p(j["createdAt"])).total_seconds())')
  echo "$status $secs $json"
}

bench() { # $1: label
  echo "== $1: baseline (dry run: read + parse + validate, nothing written)"
  read -r s1 t1 j1 < <(run_job true)
  [ "$s1" = SUCCEEDED ] || { echo "dry run failed: $j1"; exit 1; }
  echo "== $1: import"
  read -r s2 t2 j2 < <(run_job false)
  [ "$s2" = SUCCEEDED ] || { echo "import failed: $j2"; tail -30 "$WORK/app.log"; exit 1; }
  python3 - "$1" "$ROWS" "$t1" "$t2" <<'PY'
import sys
label, rows, t1, t2 = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
print(f"RESULT {label}: {rows} rows imported in {t2:.1f} s = {rows/t2:,.0f} rows/s; "
      f"baseline dry run {t1:.1f} s = {rows/t1:,.0f} rows/s; import/baseline time ratio {t2/t1:.1f}x")
PY
  for _ in 1 2 3 4 5 6 7 8 9 10; do # the job's log line follows its commit
    grep -aq "imported $ROWS rows" "$WORK/app.log" && break; sleep 1
  done
  grep -a "Import job" "$WORK/app.log" | sed 's/^.*ImportJobs *: /   server: /'
}

if [ "$WHICH" = h2 ] || [ "$WHICH" = both ]; then
  echo "== starting on H2 (file database in $WORK)"
  start_app "--spring.datasource.url=jdbc:h2:file:$WORK/h2/jinlin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  bench H2
  stop_app
fi

if [ "$WHICH" = postgres ] || [ "$WHICH" = both ]; then
  SCHEMA="bench_$(date +%s)"
  PGPASSWORD=jinlin psql -q -h localhost -U jinlin -d jinlin_test -c "CREATE SCHEMA $SCHEMA"
  echo "== starting on PostgreSQL (jinlin_test, schema $SCHEMA)"
  export JINLIN_DB_URL="jdbc:postgresql://localhost:5432/jinlin_test?currentSchema=$SCHEMA" JINLIN_DB_USER=jinlin \
    JINLIN_DB_PASSWORD=jinlin
  start_app --spring.profiles.active=postgres
  bench PostgreSQL
  stop_app
fi
