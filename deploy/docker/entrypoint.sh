#!/bin/sh
# Starts a Vigía service jar. Every setting comes from the environment (see the README);
# arguments are passed to the jar (`docker compose run --rm ingest replay …`).
#
# VIGIA_ADVERTISED_HOST is the host:port other stream-processor replicas use to forward
# interactive queries to this one, so behind `docker compose up` with several replicas each
# needs its own. Unless it is set explicitly it becomes this container's IPv4 address on
# the compose network plus VIGIA_HTTP_PORT. IPv6 addresses are skipped (the setting takes
# host:port without brackets); with no IPv4 address the container's hostname is used,
# which Docker's DNS resolves for the other containers of the network.
set -eu

first_ipv4() {
  for address in "$@"; do
    case "$address" in
      *:*) ;;
      *.*.*.*) echo "$address"; return 0 ;;
    esac
  done
  return 1
}

if [ -z "${VIGIA_ADVERTISED_HOST:-}" ] && [ -n "${VIGIA_HTTP_PORT:-}" ]; then
  # shellcheck disable=SC2046 # one address per word, on purpose
  address=$(first_ipv4 $(hostname -I 2>/dev/null || true) $(hostname -i 2>/dev/null || true)) || address=$(hostname)
  VIGIA_ADVERTISED_HOST="$address:$VIGIA_HTTP_PORT"
  export VIGIA_ADVERTISED_HOST
fi

# JAVA_OPTS is split on spaces on purpose (several JVM flags in one variable). exec: the
# JVM is PID 1 and gets Docker's SIGTERM itself, so the service closes cleanly within
# stop_grace_period.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar /app/vigia.jar "$@"
