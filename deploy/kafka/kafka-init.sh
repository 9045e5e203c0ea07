#!/bin/sh
# One-shot preparation of the compose Kafka (service kafka-init; the services start only
# once it has exited 0). Runs in the apache/kafka image, with Kafka's own CLI.
#
#   1. waits until the broker answers (up to KAFKA_INIT_TIMEOUT seconds, default 120);
#   2. if VIGIA_TRANSACTION_VERSION is set, makes the broker's finalized transaction.version
#      that level (upgrade or downgrade as needed) and checks that it holds;
#   3. prints the finalized feature levels.
#
# Any failure exits non-zero with the reason and Kafka's own output, so
# `docker compose logs kafka-init` says why the stack did not start.
#
# Topics are not created here: each service creates the topics it needs at start-up, with
# the partitions, replication factor and per-topic settings of the code it runs.
set -eu

bootstrap="${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS is not set}"
timeout="${KAFKA_INIT_TIMEOUT:-120}"
target="${VIGIA_TRANSACTION_VERSION:-}"
features="${KAFKA_FEATURES_COMMAND:-/opt/kafka/bin/kafka-features.sh}"

say() { echo "kafka-init: $*"; }
fail() { echo "kafka-init: FAILED: $*" >&2; exit 1; }

case "$timeout" in
  ''|*[!0-9]*) fail "KAFKA_INIT_TIMEOUT must be a whole number of seconds, was '$timeout'" ;;
esac
case "$target" in
  ''|[0-9]|[0-9][0-9]) ;;
  *) fail "VIGIA_TRANSACTION_VERSION must be a feature level (0, 1, 2, ...) or empty, was '$target'" ;;
esac

# The finalized level of one feature in `kafka-features.sh describe` output, or nothing.
finalized_level() {
  printf '%s\n' "$2" | sed -n "s/.*Feature: $1[[:space:]].*FinalizedVersionLevel: \([0-9][0-9]*\).*/\1/p" | head -n 1
}

say "waiting for Kafka at $bootstrap (at most ${timeout}s)"
waited=0
while ! described=$("$features" --bootstrap-server "$bootstrap" describe 2>&1); do
  if [ "$waited" -ge "$timeout" ]; then
    fail "Kafka at $bootstrap did not answer within ${timeout}s; last answer of kafka-features.sh:
$described"
  fi
  sleep 2
  waited=$((waited + 2))
done
say "Kafka answers"

if [ -z "$target" ]; then
  say "VIGIA_TRANSACTION_VERSION is empty: transaction.version is left as the broker has it"
else
  current=$(finalized_level transaction.version "$described")
  if [ "$current" = "$target" ]; then
    say "transaction.version is already $target"
  else
    if [ -n "$current" ] && [ "$current" -gt "$target" ]; then action=downgrade; else action=upgrade; fi
    say "transaction.version is ${current:-not finalized}; ${action} to $target"
    if ! output=$("$features" --bootstrap-server "$bootstrap" "$action" --feature "transaction.version=$target" 2>&1); then
      fail "the broker refused to ${action} transaction.version to $target:
$output"
    fi
    printf '%s\n' "$output"
    described=$("$features" --bootstrap-server "$bootstrap" describe 2>&1) \
      || fail "cannot read the feature levels back after the ${action}:
$described"
    current=$(finalized_level transaction.version "$described")
    [ "$current" = "$target" ] \
      || fail "transaction.version is ${current:-not finalized} after the ${action}, not $target:
$described"
    say "transaction.version is now $target"
  fi
fi

say "finalized features:"
printf '%s\n' "$described"
