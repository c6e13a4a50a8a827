#!/usr/bin/env bash
# Meals benchmark (issue 15), in one run:
#   (a) routing DELIVERIES home deliveries (default 300: the buildings nearest canteen1's canteen) with COURIERS
#       couriers (15) from that kitchen over cycling times on the demo city's walking network: Timefold's solve time
#       and total riding time against a nearest-neighbour baseline planned in the same run (travel_ratio = solver /
#       baseline), every hard rule (bags, window, hot food) checked by RouteCheck, not by the score;
#   (b) counter sales per second through POST /api/v1/meals/sales with the demo terminal key (jinlin-demo-canteen,
#       enrolled diners so the subsidies apply) against a plain GET /api/v1/communities by canteen1 over HTTP Basic (a
#       terminal key may call nothing but the sales) (sales_ratio = sales/s / GETs/s).
# The application runs on the demo city in an H2 file database under a temporary directory.
#
# Usage: bench/meals/run.sh. Environment: PORT (default 8194), DELIVERIES (300), COURIERS (15), SOLVE_SECONDS (30),
# CLIENTS (4), PER_CLIENT (100), DEPARTURE (10:55), HANDOVER (seconds at a door, 30).
# Last line: deliveries=N couriers=C solve_ms=X travel_ratio=R sales_per_s=S sales_ratio=Q
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-8194}
CLIENTS=${CLIENTS:-4}
PER_CLIENT=${PER_CLIENT:-100}
export DELIVERIES=${DELIVERIES:-300} COURIERS=${COURIERS:-15} SOLVE_SECONDS=${SOLVE_SECONDS:-30}
# 20 doors a courier: she leaves just before the lunch window opens and hands a bag over in half a minute
DEPARTURE=${DEPARTURE:-10:55}
HANDOVER=${HANDOVER:-30}
WORK=$(mktemp -d /tmp/jinlin-meals-bench.XXXXXX)
BASE="http://127.0.0.1:$PORT"
APP_PID=""

cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB; load:$(uptime | sed 's/.*load average://')"
echo "== building"
./mvnw -B -q -o test-compile
./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$WORK/cp.txt")"

echo "== starting the application on the demo city, then (a) routing"
URL="jdbc:h2:file:$WORK/h2/jinlin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
java -Xmx2g -cp "$CP" org.jinlin.meals.MealsBench --server.port="$PORT" --spring.datasource.url="$URL" \
  --jinlin.demo.enabled=true --logging.level.root=warn --logging.level.org.jinlin=info \
  --jinlin.meals.delivery.departure="$DEPARTURE" --jinlin.meals.delivery.handover-seconds="$HANDOVER" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 900); do
  if grep -q '^ROUTING ' "$WORK/app.log"; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then tail -50 "$WORK/app.log"; echo "application died"; exit 1; fi
  sleep 1
done
grep -q '^ROUTING ' "$WORK/app.log" || { tail -50 "$WORK/app.log"; echo "no routing result"; exit 1; }
grep '^routing: \|Walking network' "$WORK/app.log" | sed 's/^/   /'
ROUTING=$(grep '^ROUTING ' "$WORK/app.log" | tail -1)
echo "   $ROUTING"
case "$ROUTING" in *feasible=true*) ;; *) echo "the solver's plan breaks a hard rule"; exit 1 ;; esac
for _ in $(seq 1 120); do
  if curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q UP; then break; fi
  sleep 1
done

echo "== (b) counter sales through the API, $CLIENTS clients x $PER_CLIENT, against GET /api/v1/communities as canteen1"
DINERS=$(curl -fsS -u canteen1:jinlin-demo "$BASE/api/v1/meals/diners?size=100" | jq -r '[.items[].id] | join(",")')
echo "   diners: $DINERS"
SALES=$(python3 bench/meals/sales_bench.py sales "$BASE" jinlin-demo-canteen canteen1 jinlin-demo "$CLIENTS" "$PER_CLIENT" "$DINERS") \
  || { echo "$SALES"; tail -30 "$WORK/app.log"; exit 1; }
echo "$SALES" | sed 's/^/   /'
SALES_LINE=$(echo "$SALES" | tail -1)
echo "== load after:$(uptime | sed 's/.*load average://')"
echo "$ROUTING" | sed 's/^ROUTING //; s/ feasible=.*//' | tr -d '\n'
echo " $SALES_LINE"
