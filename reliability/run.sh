#!/usr/bin/env bash
# The reliability suite: the real service jars as separate processes, killed, cut off and flooded.
#   reliability/run.sh [--quick]          the clean run, processor-kill9 and poison-pills (what CI runs, under 10 min)
#   reliability/run.sh --full             every scenario against a clean run of the same input (about 35 min on 2 cores)
#   reliability/run.sh --soak [--minutes 30] [--rate 1000] [--settle-minutes 45]   the long run, by hand
#   reliability/run.sh --quick --only broker-kill9,smtp-down-60s   these scenarios only (the clean run always runs)
# Exit code 0: nothing lost or different. See reliability/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=quick
case "${1:-}" in
  --soak) mode=soak; shift ;;
  --full) mode=full; shift ;;
  --quick) shift ;;
esac

version=0.1.0-SNAPSHOT
jars=("ingest/target/vigia-ingest-$version-all.jar" "stream-processor/target/vigia-stream-processor-$version-all.jar"
      "alert-service/target/vigia-alert-service-$version-all.jar" "reliability/target/vigia-reliability-$version-all.jar")
stale=""
for jar in "${jars[@]}"; do
  if [ ! -f "$jar" ]; then stale=yes; break; fi
  if [ -n "$(find . -path ./.vigia -prune -o -path '*/target' -prune -o \( -name '*.java' -o -name 'pom.xml' \) -newer "$jar" -print -quit)" ]; then
    stale=yes; break
  fi
done
if [ -n "$stale" ]; then
  echo "reliability: building the service jars and the suite…"
  ./mvnw -q -B -DskipTests -pl reliability -am package
fi
# The soak's plan (1.8 million updates at the defaults) is read into the driver's memory.
heap=1g
if [ "$mode" = soak ]; then heap=${VIGIA_SOAK_HEAP:-6g}; fi
exec java "-Xmx$heap" -Duser.timezone=UTC -jar "reliability/target/vigia-reliability-$version-all.jar" "$mode" --repo "$(pwd)" "$@"
