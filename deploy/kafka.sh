#!/usr/bin/env bash
# Starts, stops or reports the local Kafka broker (KRaft, one node) the system runs on.
# Usage: deploy/kafka.sh start|stop|status
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
kafka_cli "${1:?usage: deploy/kafka.sh start|stop|status}"
