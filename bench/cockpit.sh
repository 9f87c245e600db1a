#!/usr/bin/env bash
# Issue 9 benchmarks 2 and 5: cockpit JSON of one county under wrk (2 threads, 32 connections, 20 s) against the
# same server serving a small static file under the same load, and the resident set size of that instance
# sampled every second during both runs. The instance runs in demo mode on a fresh PostgreSQL database.
# Usage: bench/cockpit.sh [PLAN] [YEAR]   (env: COCKPIT_DB, PORT, JAVA_OPTS, DURATION)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DB="${COCKPIT_DB:-lantu_cockpit}"
. bench/env.sh
PLAN="${1:-zhuji-15th}"; YEAR="${2:-2028}"; PORT="${PORT:-18080}"; DURATION="${DURATION:-20s}"
createdb_fresh "$BENCH_DB"
DATA="$OUT/cockpit-data"; rm -rf "$DATA"; mkdir -p "$DATA"
machine | tee "$OUT/cockpit-machine.txt"
LANTU_DATA_DIR="$DATA" java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --lantu.demo=true \
  --lantu.security.password-change-at-first-login=false > "$OUT/cockpit-server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for i in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && [ -s "$DATA/initial-admin-password" ] && break
  sleep 1
done
PW=$(cat "$DATA/initial-admin-password")
TOKEN=$(curl -sf -u "admin:$PW" -H 'Content-Type: application/json' -d '{"name":"bench"}' \
  "http://127.0.0.1:$PORT/api/v1/me/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
API="http://127.0.0.1:$PORT/api/v1/plans/$PLAN/cockpit?year=$YEAR"
STATIC="http://127.0.0.1:$PORT/css/lantu.css"
echo "cockpit JSON: $(curl -sf -H "Authorization: Bearer $TOKEN" "$API" | wc -c) bytes, demo=$(curl -sf -H "Authorization: Bearer $TOKEN" "$API" | grep -o '"demo":[a-z]*')"
echo "static file: $(curl -sf "$STATIC" | wc -c) bytes"
# warm-up of both paths (JIT), not recorded
wrk -t2 -c32 -d10s -H "Authorization: Bearer $TOKEN" "$API" > /dev/null
wrk -t2 -c32 -d10s "$STATIC" > /dev/null
sample() { # RSS in MB every second while wrk runs
  while kill -0 "$1" 2>/dev/null; do ps -o rss= -p "$PID" | awk '{printf "%d\n", $1/1024}'; sleep 1; done; true
}
run() { # $1 label, rest wrk args
  local label=$1; shift
  wrk -t2 -c32 -d"$DURATION" --latency "$@" > "$OUT/wrk-$label.txt" &
  local w=$!
  sample $w > "$OUT/rss-$label.txt"
  wait $w
  echo "== $label"; cat "$OUT/wrk-$label.txt"
  echo "RSS MB during $label: max $(sort -n "$OUT/rss-$label.txt" | tail -1), samples $(wc -l < "$OUT/rss-$label.txt")"
}
run static "$STATIC"
run cockpit -H "Authorization: Bearer $TOKEN" "$API"
rps() { grep 'Requests/sec' "$1" | awk '{print $2}'; }
pct() { grep -E "^ +$2% " "$1" | awk '{print $2}'; }
echo "SUMMARY static $(rps "$OUT/wrk-static.txt") req/s p50 $(pct "$OUT/wrk-static.txt" 50) p99 $(pct "$OUT/wrk-static.txt" 99);" \
     "cockpit $(rps "$OUT/wrk-cockpit.txt") req/s p50 $(pct "$OUT/wrk-cockpit.txt" 50) p99 $(pct "$OUT/wrk-cockpit.txt" 99);" \
     "throughput ratio $(echo "scale=3; $(rps "$OUT/wrk-cockpit.txt") / $(rps "$OUT/wrk-static.txt")" | bc);" \
     "RSS max $(cat "$OUT"/rss-*.txt | sort -n | tail -1) MB" | tee "$OUT/cockpit-summary.txt"
if [ "${PROFILE:-0}" = 1 ]; then # poor man's sampler: thread dumps of the Tomcat workers under cockpit load
  wrk -t2 -c32 -d30s -H "Authorization: Bearer $TOKEN" "$API" > /dev/null &
  W=$!
  sleep 3; : > "$OUT/cockpit-stacks.txt"
  while kill -0 $W 2>/dev/null; do
    jcmd $PID Thread.print 2>/dev/null | awk '
      /^"http-nio-.*exec/ {p=1; leaf=""; app=""; next}
      /^$/ { if (p && leaf != "") print leaf " <- " (app == "" ? "-" : app); p=0; next }
      p && /^\tat / { f=$2; sub(/\(.*/, "", f); if (leaf == "") leaf=f; if (app == "" && f ~ /^cn\.lantu/) app=f }' >> "$OUT/cockpit-stacks.txt" || true
    sleep 0.3
  done
  echo "== sampled Tomcat worker stacks: innermost cn.lantu frame (count)"
  sed 's/.* <- //' "$OUT/cockpit-stacks.txt" | sort | uniq -c | sort -rn | head -15
  echo "== sampled Tomcat worker stacks: leaf frame (count)"
  sed 's/ <- .*//' "$OUT/cockpit-stacks.txt" | sort | uniq -c | sort -rn | head -12
fi
