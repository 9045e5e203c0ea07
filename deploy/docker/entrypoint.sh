#!/bin/sh
# Starts a Vigía service jar. Every setting comes from the environment (see the README).
#
# VIGIA_ADVERTISED_HOST is the host:port other stream-processor instances use to forward
# interactive queries to this one. Behind `docker compose up --scale stream-processor=N`
# every replica needs its own, so unless it is set explicitly it is this container's own
# address on the compose network plus VIGIA_HTTP_PORT.
set -eu

if [ -z "${VIGIA_ADVERTISED_HOST:-}" ] && [ -n "${VIGIA_HTTP_PORT:-}" ]; then
  address=$(hostname -i 2>/dev/null | awk '{print $1}')
  if [ -z "$address" ]; then
    address=$(hostname)
  fi
  VIGIA_ADVERTISED_HOST="$address:$VIGIA_HTTP_PORT"
  export VIGIA_ADVERTISED_HOST
fi

# JAVA_OPTS is split on spaces on purpose (several JVM flags in one variable).
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar /app/vigia.jar "$@"
