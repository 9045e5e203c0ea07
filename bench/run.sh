#!/usr/bin/env bash
# Runs a benchmark of bench/: builds the bench jar, then
#   bench/run.sh processor [updates] [rounds]   stream-processor vs bare groupByKey().aggregate(), EOS v2
#   bench/run.sh ingest    [updates] [rounds=6] [batch] [clients]   ingest API (batched) vs bare producer, acks=all
#   bench/run.sh latency   [updates/s] [seconds] [warm-up s]   update -> status latency, open loop
#   bench/run.sh alert-latency [samples]           stall tick -> email in GreenMail
#   bench/run.sh scale [commitments] [updates]     1M commitments, 10M updates through a 1 GiB processor
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests -pl bench -am package
exec java -Xmx3g -jar bench/target/vigia-bench-0.1.0-SNAPSHOT-all.jar "$@"
