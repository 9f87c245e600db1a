# Shared settings for the scale benchmarks (sourced by the other scripts; run from the repo root).
: "${PGHOST:=127.0.0.1}"
: "${PGPORT:=5432}"
: "${BENCH_DB:=lantu_bench}"
export LANTU_DB_URL="${LANTU_DB_URL:-jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB}"
export LANTU_DB_USER="${LANTU_DB_USER:-postgres}"
export LANTU_DB_PASSWORD="${LANTU_DB_PASSWORD:-}"
JAR="${JAR:-target/lantu.jar}"
OUT="${OUT:-target/bench}"
mkdir -p "$OUT"
machine() {
  echo "date: $(date -Is)"
  echo "nproc: $(nproc)"
  free -g | sed 's/^/free: /'
  java -version 2>&1 | sed 's/^/java: /'
  psql -h "$PGHOST" -p "$PGPORT" -U postgres -Atc 'select version()' postgres | sed 's/^/postgres: /'
  echo "load: $(cat /proc/loadavg)"
}
createdb_fresh() { # $1 = database name
  psql -h "$PGHOST" -p "$PGPORT" -U postgres -qc "DROP DATABASE IF EXISTS $1" postgres
  psql -h "$PGHOST" -p "$PGPORT" -U postgres -qc "CREATE DATABASE $1" postgres
}
