#!/usr/bin/env bash
# Generates N synthetic plans (default 90 = one province) into a fresh PostgreSQL database $BENCH_DB.
# Usage: bench/generate.sh [PLANS] [SEED] [YEARS] [MONTHLY_YEARS]   (FRESH=0 keeps the database)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/env.sh
PLANS="${1:-90}"; SEED="${2:-1}"; YEARS="${3:-10}"; MONTHLY="${4:-5}"
[ "${FRESH:-1}" = 1 ] && createdb_fresh "$BENCH_DB"
machine | tee "$OUT/generate-machine.txt"
start=$(date +%s.%N)
LANTU_DATA_DIR="$OUT/generate-data" java -Xmx1g -jar "$JAR" generate --plans "$PLANS" --seed "$SEED" --years "$YEARS" --monthly-years "$MONTHLY" \
  2>&1 | tee "$OUT/generate.log" | grep --line-buffered -E 'synthetic data|checksum|ERROR' || true
end=$(date +%s.%N)
figures=$(psql -h "$PGHOST" -U postgres -Atc "select count(*) from figure" "$BENCH_DB")
plans=$(psql -h "$PGHOST" -U postgres -Atc "select count(*) from plan where synthetic" "$BENCH_DB")
echo "generate: $plans synthetic plans, $figures figure rows in total, wall $(echo "$end - $start" | bc) s (JVM start included)" \
  | tee -a "$OUT/generate.log"
