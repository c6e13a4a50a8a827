#!/usr/bin/env bash
# Alarm benchmark (issue 4): 100 alarms raised at once; time from raise to first responder notified
# (p50, p99) on H2 and on PostgreSQL, in one run each.
#
# Per database: a fresh database with the demo data. The demo city has only 60 elders in 东街街道, the one street
# with responders, so the bench registers the district account `gulou` as an on-duty STREET_DUTY_OFFICER of
# 鼓楼区 (PUT /api/v1/alarms/responders/gulou) and takes 100 elders of 鼓楼区: all of 军门社区 first (chain starts
# with junmen-grid1), then the rest of 东街街道 (dongjie), then others of 鼓楼区 (gulou). The desks
# of junmen-grid1, junmen, dongjie and gulou sign in and listen on /alarms/desk/events (SSE); the volunteer
# volunteer1 is switched off duty unless VOLUNTEER=1.
# ROUNDS times: 100 threads released by a barrier POST /api/v1/alarms with the demo device key (201 each); the
# first `ASKED` event (forMe) for each alarm on any desk is "first responder notified". Baseline in the same
# round: 100 concurrent GET /api/v1/alarms/{id} with the same key, released the same way. Between rounds every
# alarm is resolved (FALSE_ALARM, as gulou) so the next presses raise new alarms rather than join these.
# See bench/alarms/README.md.
#
# Usage: bench/alarms/run.sh [h2|postgres|both] (default both).
# Environment: PORT (default 8186), ALARMS (100), ROUNDS (3), LISTENERS (junmen-grid1,junmen,dongjie,gulou),
# VOLUNTEER (0: volunteer1 is switched OFF_DUTY so 军门's chains start with junmen-grid1; 1: volunteer1 stays on
# its 07-22 rota and its desk listens too, which on PostgreSQL shows the NUL-prefix bug described in the README),
# SKIP_BUILD (set: reuse target/jinlin-*.jar), LOGS (a directory: the application logs are copied there).
# PostgreSQL: the local test database (jdbc:postgresql://localhost:5432/jinlin_test, user/password jinlin,
# see .ci/postgres-start), in a fresh schema that is dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
WHICH=${1:-both}
PORT=${PORT:-8186}
ALARMS=${ALARMS:-100}
ROUNDS=${ROUNDS:-3}
VOLUNTEER=${VOLUNTEER:-0}
if [ "$VOLUNTEER" = 1 ]; then DEFAULT_LISTENERS=junmen-grid1,volunteer1,junmen,dongjie,gulou; else DEFAULT_LISTENERS=junmen-grid1,junmen,dongjie,gulou; fi
LISTENERS=${LISTENERS:-$DEFAULT_LISTENERS}
KEY=jinlin-demo-device
GULOU=350102
DONGJIE_PREFIX=350102004
JUNMEN=350102004001
WORK=$(mktemp -d /tmp/jinlin-alarms-bench.XXXXXX)
BASE="http://localhost:$PORT"
PY="python3 bench/alarms/alarm_bench.py"
APP_PID=""
SUMMARY=()

cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "${SCHEMA:-}" ]; then PGPASSWORD=jinlin psql -q -h localhost -U jinlin -d jinlin_test -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

machine() {
  echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "== machine: $(machine)"
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== building (skipping tests)"
  ./mvnw -B -q -DskipTests package
fi
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
JAR=$(ls target/jinlin-*.jar | grep -v plain | head -1)
H2JAR=$(tr ':' '\n' <"$WORK/cp.txt" | grep '/h2-' | head -1)

start_app() { # $@: extra arguments
  PORT=$PORT java -Xmx1g -jar "$JAR" "$@" >>"$WORK/app.log" 2>&1 &
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

# The elders of 鼓楼区: 军门社区 first, then the rest of 东街街道, then the others; read straight from the database
# when the register's API (GET /api/v1/elders) is not there.
ELDER_SQL="SELECT e.id FROM elder e WHERE e.status = 'ACTIVE' AND e.territory_path LIKE
  (SELECT path FROM territory_node WHERE code = '$GULOU') || '%'
  ORDER BY CASE WHEN e.community_code = '$JUNMEN' THEN 0 WHEN e.community_code LIKE '$DONGJIE_PREFIX%' THEN 1 ELSE 2 END, e.id"

elders() { # $1: sql runner function
  local rc=0
  $PY elders "$BASE" gulou jinlin-demo "$ALARMS" "$JUNMEN" "$DONGJIE_PREFIX" >"$WORK/elders.txt" || rc=$?
  if [ "$rc" = 3 ]; then
    echo "   (GET /api/v1/elders is not there: elders read from the database)"
    $1 "$ELDER_SQL" | head -"$ALARMS" >"$WORK/elders.txt"
  elif [ "$rc" != 0 ]; then exit "$rc"; fi
  local n
  n=$(wc -l <"$WORK/elders.txt")
  echo "   $n elders of 鼓楼区 ($JUNMEN first, then 东街街道)"
  if [ "$n" -lt "$ALARMS" ]; then echo "fewer than $ALARMS elders in 鼓楼区"; exit 1; fi
}

h2_sql() {
  java -cp "$H2JAR" org.h2.tools.Shell -url "$H2_URL" -user sa -password "" -sql "$1" | grep -E '^[0-9]+ *$' | tr -d ' '
}

pg_sql() {
  PGPASSWORD=jinlin psql -q -h localhost -U jinlin -d jinlin_test -tA -c "SET search_path TO $SCHEMA; $1" | grep -E '^[0-9]+$'
}

bench() { # $1: label, $2: sql runner, $@: application arguments
  local label=$1 sql=$2
  shift 2
  echo "== $label: starting the application (demo data); machine now: $(machine)"
  start_app "$@"
  curl -fsS -o /dev/null -u gulou:jinlin-demo -X PUT -H 'Content-Type: application/json' \
    -d "{\"role\":\"STREET_DUTY_OFFICER\",\"territoryCode\":\"$GULOU\",\"dutyStatus\":\"ON_DUTY\"}" \
    "$BASE/api/v1/alarms/responders/gulou"
  if [ "$VOLUNTEER" != 1 ]; then
    curl -fsS -o /dev/null -u junmen:jinlin-demo -X POST -H 'Content-Type: application/json' -d '{"status":"OFF_DUTY"}' \
      "$BASE/api/v1/alarms/responders/volunteer1/status"
  fi
  elders "$sql"
  echo "== $label: $ROUNDS rounds of $ALARMS alarms at once"
  $PY burst "$BASE" "$KEY" "$WORK/elders.txt" "$ROUNDS" "$LISTENERS" | tee "$WORK/out.txt" | sed "s/^/   $label /"
  SUMMARY+=("$label: $(grep '^SUMMARY' "$WORK/out.txt" | sed 's/^SUMMARY //')")
  stop_app
  # Warnings and errors of the run (not the known start-up and shutdown ones), counted.
  grep -E ' (WARN|ERROR) ' "$WORK/app.log" | grep -v 'Flyway has been verified\|SpringDoc\|ionShutdownHook' \
    | sed 's/^.*--- \[jinlin\] //' | sort | uniq -c | sort -rn | head -5 | sed "s/^/   $label app log: /" || true
  if [ -n "${LOGS:-}" ]; then mkdir -p "$LOGS"; cp "$WORK/app.log" "$LOGS/app-$label.log"; fi
  : >"$WORK/app.log"
}

if [ "$WHICH" = h2 ] || [ "$WHICH" = both ]; then
  # AUTO_SERVER (unlike application.yml), so the elder look-up above can read the database while the app runs.
  H2_URL="jdbc:h2:file:$WORK/h2/jinlin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
  bench H2 h2_sql "--spring.datasource.url=$H2_URL"
fi

if [ "$WHICH" = postgres ] || [ "$WHICH" = both ]; then
  SCHEMA="bench_alarms_$(date +%s)"
  PGPASSWORD=jinlin psql -q -h localhost -U jinlin -d jinlin_test -c "CREATE SCHEMA $SCHEMA"
  export JINLIN_DB_URL="jdbc:postgresql://localhost:5432/jinlin_test?currentSchema=$SCHEMA" JINLIN_DB_USER=jinlin \
    JINLIN_DB_PASSWORD=jinlin
  bench PostgreSQL pg_sql --spring.profiles.active=postgres
fi

echo "== summary ($ROUNDS rounds x $ALARMS alarms at once, raise -> first responder's SSE event, client clock; machine: $(machine))"
for line in "${SUMMARY[@]}"; do echo "   $line"; done
