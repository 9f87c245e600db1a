#!/usr/bin/env bash
# Issue 9 benchmark 1: full reassessment (ReassessmentService.reassessAll) vs a bare JDBC scan of the figure rows,
# side by side in one JVM (cn.lantu.bench.ReassessBench), against the database filled by bench/generate.sh.
# Usage: bench/reassess.sh [ROUNDS] [YEAR]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/env.sh
if [ ! -f target/bench.cp ] || [ ! -f target/test-classes/cn/lantu/bench/ReassessBench.class ]; then
  ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
fi
machine | tee "$OUT/reassess-machine.txt"
# Planner statistics: this machine's PostgreSQL runs with autovacuum off, so a freshly generated database has none.
echo "autovacuum: $(psql -h "$PGHOST" -p "$PGPORT" -U postgres -Atc 'show autovacuum' "$BENCH_DB"); running ANALYZE" \
  | tee -a "$OUT/reassess-machine.txt"
psql -h "$PGHOST" -p "$PGPORT" -U postgres -qc 'ANALYZE' "$BENCH_DB"
LANTU_DATA_DIR="$OUT/reassess-data" java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
  cn.lantu.bench.ReassessBench "${1:-3}" "${2:-2028}" > "$OUT/reassess.log" 2>&1 &
PID=$!
if [ "${PROFILE:-0}" = 1 ]; then # poor man's sampler: thread dumps of the reassessment workers every 0.5 s
  : > "$OUT/reassess-stacks.txt"
  until grep -q 'BENCH round 0' "$OUT/reassess.log" 2>/dev/null || ! kill -0 $PID 2>/dev/null; do sleep 0.5; done
  while kill -0 $PID 2>/dev/null && ! grep -q 'BENCH median' "$OUT/reassess.log"; do
    jcmd $PID Thread.print 2>/dev/null | awk '
      /^"(pool-|main")/ {p=1; leaf=""; app=""; next}
      /^$/ { if (p && leaf != "") print leaf " <- " (app == "" ? "-" : app); p=0; next }
      p && /^\tat / { f=$2; sub(/\(.*/, "", f); if (leaf == "") leaf=f; if (app == "" && f ~ /^cn\.lantu/) app=f }' >> "$OUT/reassess-stacks.txt" || true
    sleep 0.5
  done
  echo "== sampled worker stacks: innermost cn.lantu frame (count)"
  sed 's/.* <- //' "$OUT/reassess-stacks.txt" | sort | uniq -c | sort -rn | head -15
  echo "== sampled worker stacks: leaf frame (count)"
  sed 's/ <- .*//' "$OUT/reassess-stacks.txt" | sort | uniq -c | sort -rn | head -12
fi
wait $PID || true
grep -E '^BENCH|ERROR' "$OUT/reassess.log"
