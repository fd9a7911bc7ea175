#!/usr/bin/env bash
# Starts, stops or reports the local Kafka broker (KRaft, one node) the system runs on.
# Usage: deploy/kafka.sh start|stop|status; in cluster mode (deploy/run.sh --cluster) the three nodes,
# or with --node N only node N (start it again after a crash).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
kafka_cli "${1:?usage: deploy/kafka.sh start|stop|status [--node N]}" "${@:2}"
