#!/bin/bash
# Container health = the service's own readiness (GET /ready answers 200 once Kafka is
# reachable and state is restored). Plain bash, so the image needs neither curl nor wget.
set -eu
port="${VIGIA_HTTP_PORT:?VIGIA_HTTP_PORT is not set}"
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /ready HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
read -r _ status _ <&3
[ "$status" = "200" ]
