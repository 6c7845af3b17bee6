#!/usr/bin/env bash
# Prepares the machine's RabbitMQ as the STOMP performance peer: Web-STOMP on (ws://127.0.0.1:15674/ws) and an
# open-file limit high enough for thousands of sockets (the default allows about 900).
set -euo pipefail
rabbitmq-plugins enable --offline rabbitmq_web_stomp >/dev/null
if rabbitmqctl status 2>/dev/null | grep -q 'limit: 9[0-9][0-9]$'; then
  rabbitmqctl stop >/dev/null 2>&1 || true
fi
if ! rabbitmqctl status >/dev/null 2>&1; then
  ulimit -n "$(ulimit -Hn)"
  rabbitmq-server -detached
  for _ in $(seq 1 60); do rabbitmqctl status >/dev/null 2>&1 && break; sleep 1; done
fi
rabbitmqctl status | grep -A1 -i 'file descriptors' || true
