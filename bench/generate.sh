#!/usr/bin/env bash
# Generates N synthetic plans (default 90 = one province) with their figures, key tasks and projects into a fresh
# PostgreSQL database $BENCH_DB.
# Usage: bench/generate.sh [PLANS] [SEED] [YEARS] [MONTHLY_YEARS]   (FRESH=0 keeps the database;
#        TASKS, PROJECTS: per plan, default 300 and 150; THREADS: worker threads, default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/env.sh
PLANS="${1:-90}"; SEED="${2:-1}"; YEARS="${3:-10}"; MONTHLY="${4:-5}"
[ "${FRESH:-1}" = 1 ] && createdb_fresh "$BENCH_DB"
machine | tee "$OUT/generate-machine.txt"
start=$(date +%s.%N)
LANTU_DATA_DIR="$OUT/generate-data" java -Xmx1g -jar "$JAR" generate --plans "$PLANS" --seed "$SEED" --years "$YEARS" \
  --monthly-years "$MONTHLY" --tasks-per-plan "${TASKS:-300}" --projects-per-plan "${PROJECTS:-150}" \
  --threads "${THREADS:-2}" \
  2>&1 | tee "$OUT/generate.log" | grep --line-buffered -E 'synthetic data|checksum|ERROR' || true
end=$(date +%s.%N)
q() { psql -h "$PGHOST" -p "$PGPORT" -U postgres -Atc "$1" "$BENCH_DB"; }
figures=$(q "select count(*) from figure")
plans=$(q "select count(*) from plan where synthetic")
tasks=$(q "select count(*) from task t join plan p on p.id = t.plan_id where p.synthetic")
projects=$(q "select count(*) from project x join plan p on p.id = x.plan_id where p.synthetic")
echo "generate: $plans synthetic plans, $figures figure rows in total, $tasks tasks and $projects projects of synthetic plans," \
  "wall $(echo "$end - $start" | bc) s (JVM start included)" | tee -a "$OUT/generate.log"
