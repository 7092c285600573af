#!/usr/bin/env bash
# Builds the bench module (and what it needs) and runs a benchmark. Relative paths are taken
# from the repository root.
#
#   bench/run.sh [side-by-side args]        dsap vs DuckDB, e.g. bench/run.sh --rows 10000000 --runs 5
#   bench/run.sh generate [generator args]  write an orders CSV, e.g. bench/run.sh generate --rows 1M --dirty --out /tmp/o.csv
#   bench/run.sh jmh [JMH args]             micro-benchmarks, e.g. bench/run.sh jmh -f1 -wi 3 -i 5 BatchFormat
#   bench/run.sh load [load args]           concurrent remote clients, e.g. bench/run.sh load --clients 20 --seconds 60
#   bench/run.sh small [small args]         p50/p99 latency of small queries, e.g. bench/run.sh small --runs 1000
#   bench/run.sh issue9 [issue9 args]       every row of issue 9's table, one Markdown table, e.g. bench/run.sh issue9 --rows 10M --out t.md
#
# SKIP_BUILD=1 reuses the last build. JAVA_OPTS is passed to the JVM that starts (for the
# side-by-side the children get --jvm-args instead).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [[ "${SKIP_BUILD:-0}" != "1" || ! -f bench/target/classpath.txt ]]; then
  mvn -q -B -DskipTests -pl bench -am package
fi
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

case "${1:-}" in
  generate) shift; MAIN=io.dsap.bench.OrdersGenerator ;;
  jmh)      shift; MAIN=org.openjdk.jmh.Main ;;
  load)     shift; MAIN=io.dsap.bench.LoadBench ;;
  small)    shift; MAIN=io.dsap.bench.SmallQueries ;;
  issue9)   shift; MAIN=io.dsap.bench.Issue9Table ;;
  *)        MAIN=io.dsap.bench.SideBySide ;;
esac
# shellcheck disable=SC2086
exec "$JAVA" ${JAVA_OPTS:-} -cp "$CP" "$MAIN" "$@"
