#!/usr/bin/env bash
# The load run of docs/security.md and docs/benchmarks.md: 200 concurrent clients (wrk, 2 threads, 200 connections)
# on a mix of the plan office's pages, the portal and the JSON API for 30 s against one instance started with the
# README's command (embedded H2, demo data, -Xmx320m). Reports requests/s, p50/p99, errors and timeouts, and the
# instance's resident memory. The load generator shares the machine's cores with the server.
# Usage: bench/load.sh   (env: PORT, DURATION, CONNECTIONS)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${OUT:-target/bench}"; mkdir -p "$OUT"
JAR="${JAR:-target/lantu.jar}"
PORT="${PORT:-18090}"; DURATION="${DURATION:-30s}"; CONNECTIONS="${CONNECTIONS:-200}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
DATA="$OUT/load-data"; rm -rf "$DATA"; mkdir -p "$DATA"
# the benchmark logs in with the generated password as written, so the first-login change is off for it
# the embedded database goes into the benchmark's own folder, so every run starts from the first start
LANTU_DATA_DIR="$DATA" LANTU_DB_URL="jdbc:h2:file:$PWD/$DATA/lantu;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE" \
  java -Xmx320m -jar "$JAR" --server.port="$PORT" --lantu.demo=true \
  --lantu.security.password-change-at-first-login=false > "$OUT/load-server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
# health answers once Tomcat listens; the accounts (and their password files) are created just after
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && [ -s "$DATA/initial-admin-password" ] && break
  sleep 1
done
BASE="http://127.0.0.1:$PORT"
PW=$(cat "$DATA/initial-admin-password")
JAR_COOKIES="$OUT/load-cookies.txt"; rm -f "$JAR_COOKIES"
CSRF=$(curl -sf -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | sed -nE 's/.*name="_csrf"[^>]*value="([^"]+)".*/\1/p' | head -1)
curl -sf -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "username=admin" \
  --data-urlencode "password=$PW" --data-urlencode "_csrf=$CSRF" "$BASE/login"
export LANTU_COOKIE=$(sed 's/^#HttpOnly_//' "$JAR_COOKIES" | awk '!/^#/ && NF >= 7 {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}')
export LANTU_TOKEN=$(curl -sf -u "admin:$PW" -H 'Content-Type: application/json' -d '{"name":"load"}' \
  "$BASE/api/v1/me/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
test "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $LANTU_COOKIE" "$BASE/plans/zhuji-15th/cockpit?year=2028")" = 200
{ echo "date: $(date -Is)"; echo "nproc: $(nproc)"; echo "load before: $(cat /proc/loadavg)"; } | tee "$OUT/load-machine.txt"
wrk -t2 -c32 -d10s -s bench/load-mix.lua "$BASE" > /dev/null 2>&1   # warm-up (JIT), not recorded
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s bench/load-mix.lua "$BASE" \
  > "$OUT/load-wrk.txt" 2> "$OUT/load-wrk-stderr.txt"
cat "$OUT/load-wrk.txt"
echo "answers other than 200/304 (first five): $(cat "$OUT/load-wrk-stderr.txt" | tr '\n' ' ')"
echo "server errors logged: $(grep -c ' ERROR ' "$OUT/load-server.log" || true)"
echo "resident memory after the run: $(ps -o rss= -p "$PID" | awk '{printf "%d MB", $1/1024}')"
