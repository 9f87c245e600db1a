#!/usr/bin/env bash
# Issue 9 benchmark 3: Excel upload vs POI's streaming reader (XSSFReader SAX pass) over the same file, side by
# side in one JVM (cn.lantu.bench.XlsxBench), on a fresh PostgreSQL database with the bundled Zhuji plan.
# Usage: bench/xlsx.sh [PLAN] [YEAR] [ITERATIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DB="${XLSX_DB:-lantu_xlsx}"
. bench/env.sh
if [ ! -f target/bench.cp ] || [ ! -f target/test-classes/cn/lantu/bench/XlsxBench.class ]; then
  ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
fi
createdb_fresh "$BENCH_DB"
machine | tee "$OUT/xlsx-machine.txt"
rm -rf "$OUT/xlsx-data"
LANTU_DATA_DIR="$OUT/xlsx-data" java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
  cn.lantu.bench.XlsxBench "${1:-zhuji-15th}" "${2:-2029}" "${3:-20}" 2>&1 | tee "$OUT/xlsx.log" | grep --line-buffered -E '^BENCH|ERROR|Exception'
