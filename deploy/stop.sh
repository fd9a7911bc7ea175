#!/usr/bin/env bash
# Stops what deploy/run.sh started: the three services (both instances of each in cluster mode),
# then Keycloak and the Kafka broker (or cluster). Data is kept. With service names (deploy/stop.sh reporting-service, or keycloak) only those stop;
# deploy/run.sh starts them again.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stopping=("${SERVICES[@]}")
stop_keycloak=true
if (($# > 0)); then
  stopping=()
  stop_keycloak=false
  for service in "$@"; do
    if [[ "$service" == keycloak ]]; then
      stop_keycloak=true
    elif [[ -z "$(service_port "$service")" ]]; then
      echo "Unknown service '$service'; the services are ${SERVICES[*]} (and keycloak)" >&2
      exit 2
    else
      stopping+=("$service")
    fi
  done
fi

for name in ${stopping[@]+"${stopping[@]}"}; do
  for service in "$name" "$name-2"; do
    pid_file="$DATA_DIR/pids/$service.pid"
    [[ -f "$pid_file" ]] || continue
    pid=$(cat "$pid_file")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
      done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      echo "Stopped $service"
    fi
    rm -f "$pid_file"
  done
done

if [[ "$stop_keycloak" == true ]]; then
  "$ROOT/deploy/keycloak.sh" stop
fi
if (($# == 0)); then
  kafka_cli stop
fi
