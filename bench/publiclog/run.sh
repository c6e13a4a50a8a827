#!/usr/bin/env bash
# Public-log benchmark: appends APPEND facts through the application's integration and measures inclusion proofs at
# SIZE leaves, each against a baseline in the same run (see bench/publiclog/README.md). PostgreSQL: the local test
# database (jdbc:postgresql://localhost:5432/jinlin_test, user/password jinlin), in a fresh schema dropped afterwards.
#
# Usage: APPEND=100000 SIZE=10000000 bench/publiclog/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
APPEND=${APPEND:-100000}
SIZE=${SIZE:-10000000}
SCHEMA="bench_log_$(date +%s)"
WORK=$(mktemp -d /tmp/jinlin-bench.XXXXXX)
cleanup() {
  PGPASSWORD=jinlin psql -q -h localhost -U jinlin -d jinlin_test -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
echo "== building (skipping tests)"
./mvnw -B -q -DskipTests test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
PGPASSWORD=jinlin psql -q -h localhost -U jinlin -d jinlin_test -c "CREATE SCHEMA $SCHEMA"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx3g -cp "target/classes:target/test-classes:$(cat "$WORK/cp.txt")" org.jinlin.publiclog.LogBench \
  jdbc:postgresql://localhost:5432/jinlin_test jinlin jinlin "$SCHEMA" "$APPEND" "$SIZE"
PGPASSWORD=jinlin psql -q -h localhost -U jinlin -d jinlin_test -tAc \
  "SELECT '   disk: tiles ' || pg_size_pretty(pg_total_relation_size('$SCHEMA.bench_tile')) || ', leaves ' || pg_size_pretty(pg_total_relation_size('$SCHEMA.log_leaf'))"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
