#!/usr/bin/env bash
# One file, one schema, validated twice in one run: by the local engine (`dsap validate`) and by
# dsap-spark on Spark local[2]. Prints both wall times and the issue counts, which must agree.
#
#   bench/spark-vs-local.sh                 10M-row dirty bench file (about 1.25 GB; generated once)
#   ROWS=1000000 bench/spark-vs-local.sh    a smaller file
#
# DATA_DIR (default /tmp/dsap-bench) holds the file and the outputs. SKIP_BUILD=1 reuses the last build.
# SPARK_HEAP (default 4g) is the Spark JVM's heap: local[2] runs driver and executors in it; what does not
# fit (the cached input, the shuffles of unique and duplicate_row) spills to DATA_DIR/spark-tmp, so 10M rows
# need about 3 GB of free disk there, not more heap. LOCAL_HEAP (default 2g) is the local engine's.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ROWS="${ROWS:-10000000}"
DATA="${DATA_DIR:-/tmp/dsap-bench}"
FILE="orders_dirty_${ROWS}.csv"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mkdir -p "$DATA"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  # Spark itself is "provided": the job jar runs on Spark's own jars, as under spark-submit
  mvn -q -B -DskipTests -pl bench,spark,cli -am package dependency:build-classpath \
    -Dmdep.includeScope=provided -Dmdep.outputFile=target/spark-classpath.txt
fi
[[ -f "$DATA/$FILE" ]] || SKIP_BUILD=1 bench/run.sh generate --rows "$ROWS" --dirty --out "$DATA/$FILE"

# every column typed, so both engines type the file alike (nothing left to detection)
cat > "$DATA/orders_dirty.schema.yaml" <<'YAML'
columns:
  - {name: order_id, type: BIGINT, unique: true}
  - {name: customer_email, type: VARCHAR, nullable: false, semantic: email}
  - {name: order_date, type: DATE, format: yyyy-MM-dd}
  - {name: ship_date, type: DATE, format: yyyy-MM-dd}
  - {name: status, type: VARCHAR, allowed_values: [pending, paid, shipped, delivered, cancelled, returned]}
  - {name: quantity, type: INTEGER}
  - {name: unit_price, type: "DECIMAL(10,2)", min: 0, max: 10000}
  - {name: discount, type: VARCHAR}
  - {name: country, type: VARCHAR}
  - {name: notes, type: VARCHAR}
rules:
  - {name: positive_quantity, check: quantity > 0}
  - {name: ships_after_order, check: ship_date >= order_date}
unexpected_columns: ignore
column_order: ignore
duplicate_rows: ignore
YAML

SPARK_FLAGS="$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' spark/pom.xml)"
seconds() { date +%s.%N; }

echo "file: $DATA/$FILE ($(du -h "$DATA/$FILE" | cut -f1)); machine: $(nproc) cores"
t0=$(seconds)
mkdir -p "$DATA/spark-tmp"
# exit 1 means "issues found"; 2 and above is a failure, which must not pass as "0 issues"
set +e
DSAP_JAVA_OPTS="-Xmx${LOCAL_HEAP:-2g}" DSAP_NO_BUILD=1 ./dsap --root "$DATA" validate "$FILE" \
  --schema-file "$DATA/orders_dirty.schema.yaml" --format json > "$DATA/local-issues.json" 2> "$DATA/local-stderr.txt"
local_rc=$?
set -e
if (( local_rc > 1 )); then
  echo "the local engine failed (exit $local_rc):" >&2
  cat "$DATA/local-stderr.txt" >&2
  exit "$local_rc"
fi
local_issues=$(wc -l < "$DATA/local-issues.json")
t1=$(seconds)
# shellcheck disable=SC2086
"$JAVA" $SPARK_FLAGS -Xmx"${SPARK_HEAP:-4g}" -XX:+UseParallelGC \
  -Dspark.local.dir="$DATA/spark-tmp" -Dspark.ui.enabled=false -Dspark.sql.shuffle.partitions=16 -cp "spark/target/dsap-spark-job-0.1.0-SNAPSHOT.jar:$(cat spark/target/spark-classpath.txt)" \
  io.dsap.spark.DsapSparkJob validate "$DATA/$FILE" --schema "$DATA/orders_dirty.schema.yaml" \
  --out "$DATA/spark-out" --master 'local[2]' 2> "$DATA/spark-summary.txt" || true
t2=$(seconds)
spark_issues=$(awk -F': ' '/ failed \(/ {split($2, a, " "); n += a[1]} END {print n + 0}' "$DATA/spark-summary.txt")
awk -v a="$t0" -v b="$t1" -v c="$t2" -v li="$local_issues" -v si="$spark_issues" 'BEGIN {
  printf "%-30s %8.1f s   %s issues\n", "local engine (dsap validate)", b - a, li
  printf "%-30s %8.1f s   %s issues\n", "Spark local[2] (dsap-spark)", c - b, si
  printf "Spark / local: %.1fx\n", (c - b) / (b - a) }'
