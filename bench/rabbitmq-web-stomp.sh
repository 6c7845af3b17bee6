#!/usr/bin/env bash
# Prepares the machine's RabbitMQ as the STOMP performance peer: Web-STOMP on (ws://127.0.0.1:15674/ws) and an
# open-file limit high enough for thousands of sockets. Debian starts it through `su rabbitmq`, whose PAM session
# resets the limit to 1024 (about 900 sockets), so it is restarted here as the rabbitmq user without PAM.
set -euo pipefail
rabbitmq-plugins enable --offline rabbitmq_web_stomp >/dev/null
limit() { rabbitmqctl status 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | awk '/^Total: .*limit:/ {print $NF; exit}'; }
if [ "$(limit || echo 0)" -lt 10000 ]; then
  rabbitmqctl stop >/dev/null 2>&1 || true
  sleep 2
  ulimit -n "$(ulimit -Hn)"
  cd /var/lib/rabbitmq
  setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups env HOME=/var/lib/rabbitmq \
    /usr/lib/rabbitmq/bin/rabbitmq-server -detached
  for _ in $(seq 1 60); do rabbitmqctl status >/dev/null 2>&1 && break; sleep 1; done
fi
echo "RabbitMQ file descriptor limit: $(limit)"
