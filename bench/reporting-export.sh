#!/usr/bin/env bash
# Benchmark of the reports (issue 6): the city-wide summary table export with 10,000 activities and 1,000,000
# registrations generated into PostgreSQL, and the import of a 2,000-row intention form, each in a 512 MB heap.
# Needs SCIDAY_TEST_POSTGRES_URL (a JDBC URL with user and password); the data goes into a fresh schema that is
# dropped afterwards. Sizes: -Dbench.activities, -Dbench.registrations, -Dbench.units, -Dbench.formRows.
# Usage: bench/reporting-export.sh [extra JVM options]
set -euo pipefail
cd "$(dirname "$0")/.."
: "${SCIDAY_TEST_POSTGRES_URL:?set SCIDAY_TEST_POSTGRES_URL, e.g. jdbc:postgresql://127.0.0.1:5432/sciday_test?user=sciday_test&password=sciday_test}"
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$JAVA" -version 2>&1 | head -1
exec "$JAVA" -Xmx512m -Xms512m -XX:+UseG1GC -Djava.awt.headless=true "$@" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  cn.sciday.reporting.SummaryExportBenchmark
