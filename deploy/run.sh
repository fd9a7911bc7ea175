#!/usr/bin/env bash
# Runs the whole system locally: builds it, starts the Kafka broker, Keycloak and the three services
# (each creates and migrates its PostgreSQL database when missing), waits until all are ready
# and prints their URLs. Stop everything with deploy/stop.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

if ! pg_isready -q -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}"; then
  echo "PostgreSQL does not answer on ${PGHOST:-127.0.0.1}:${PGPORT:-5432}; start it first." >&2
  exit 1
fi

case "${1:-}" in
  --cluster)
    mkdir -p "$DATA_DIR"
    touch "$CLUSTER_MARKER"
    # A cluster never started from this data directory has empty topics: databases of another
    # cluster would remember offsets and events it never had.
    if [[ ! -f "$(kafka_data_dir)/cluster-id" ]]; then
      for database in members_cluster relief_cluster reporting_cluster; do
        if psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
          echo "The database $database holds the data of a Kafka cluster that $(kafka_data_dir) never held:" \
            "drop it (dropdb -h ${PGHOST:-127.0.0.1} -U postgres $database) or use the data directory that made it." >&2
          exit 1
        fi
      done
    fi
    ;;
  --single)
    if cluster_mode; then
      echo "Leaving cluster mode: stop it first (deploy/stop.sh)" >&2
      "$ROOT/deploy/stop.sh"
      rm -f "$CLUSTER_MARKER"
    fi
    ;;
  "") ;;
  *)
    echo "Usage: deploy/run.sh [--cluster|--single]" >&2
    exit 2
    ;;
esac

if [[ "${MEMBERAID_SKIP_BUILD:-false}" != true ]]; then
  echo "Building (./mvnw install, tests skipped; run them with ./mvnw test)..."
  "$ROOT/mvnw" -B -q install -DskipTests
fi

mkdir -p "$DATA_DIR/logs" "$DATA_DIR/pids"
kafka_cli start
# The identity provider the services trust (fetched, built and its database made on first start).
"$ROOT/deploy/keycloak.sh" start
export MEMBERAID_OIDC_ISSUER="${MEMBERAID_OIDC_ISSUER:-$KEYCLOAK_REALM_URL}"
# The services run in their production profile, which refuses to start without a database password.
# The local PostgreSQL trusts connections from 127.0.0.1, so any value serves here; production sets
# the real one.
export QUARKUS_DATASOURCE_PASSWORD="${QUARKUS_DATASOURCE_PASSWORD:-local-trust-auth}"
# The services run in their production profile, where Swagger UI is off unless asked for.
export MEMBERAID_SWAGGER_UI="${MEMBERAID_SWAGGER_UI:-true}"

for service in "${SERVICES[@]}"; do
  for n in $(instances); do
    name=$(instance_name "$service" "$n")
    pid_file="$DATA_DIR/pids/$name.pid"
    if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      echo "$name is already running (pid $(cat "$pid_file"))"
      continue
    fi
    # Each service logs into Kafka as its own user.
    MEMBERAID_KAFKA_PASSWORD="$(kafka_password "$service")"
    export MEMBERAID_KAFKA_PASSWORD
    if cluster_mode; then
      # The cluster's topics are not the single broker's: its databases are its own too (a projection
      # or a replica that remembered the single broker's offsets would skip the cluster's events).
      # Six instances share PostgreSQL's 100 connections with Keycloak: 12 each at most.
      export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/${service%-service}_cluster?reWriteBatchedInserts=true"
      export QUARKUS_DATASOURCE_JDBC_MAX_SIZE="${QUARKUS_DATASOURCE_JDBC_MAX_SIZE:-12}"
    fi
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-$(kafka_bootstrap)}" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" \
      QUARKUS_HTTP_PORT="$(instance_port "$service" "$n")" QUARKUS_MANAGEMENT_PORT="$(instance_management_port "$service" "$n")" \
      nohup java ${JAVA_OPTS:-$(service_heap "$service") $SERVICE_JAVA_OPTS} -jar "$service/target/quarkus-app/quarkus-run.jar" >"$DATA_DIR/logs/$name.log" 2>&1 &
    echo $! >"$pid_file"
    echo "Started $name (pid $!), log: $DATA_DIR/logs/$name.log"
  done
done

for service in "${SERVICES[@]}"; do
  for n in $(instances); do
    port=$(instance_management_port "$service" "$n")
    name=$(instance_name "$service" "$n")
    if ! wait_for_url "http://localhost:$port/q/health/ready" 120; then
      echo "$name did not become ready within 120 s; see $DATA_DIR/logs/$name.log" >&2
      curl -sS "http://localhost:$port/q/health/ready" >&2 || true
      exit 1
    fi
  done
done

cat <<URLS

memberaid is running.
  members-service    http://localhost:8081/api/members    (Swagger UI http://localhost:8081/q/swagger-ui)
  relief-service     http://localhost:8082/api/funds    (Swagger UI http://localhost:8082/q/swagger-ui)
  reporting-service  http://localhost:8083/api/reports/counties    (Swagger UI http://localhost:8083/q/swagger-ui)
  Kafka              $(kafka_bootstrap) (topics members.events, members.payees, relief.events)
  Keycloak           $KEYCLOAK_URL    (realm $KEYCLOAK_REALM_URL; admin console $KEYCLOAK_URL/admin,
                     user admin, password in $KEYCLOAK_DIR/admin-password; tokens: deploy/token.sh ROLE REGION)
  Health             http://localhost:908{1,2,3}/q/health/ready, metrics at /q/metrics (management interface)
Stop everything with deploy/stop.sh
URLS
if cluster_mode; then
  cat <<CLUSTER
Cluster mode: $KAFKA_NODES Kafka nodes (replication factor 3, min.insync.replicas 2; data in $(kafka_data_dir)) and a
second instance of each service: members-service http://localhost:8091, relief-service http://localhost:8092,
reporting-service http://localhost:8093 (management 9191-9193). deploy/run.sh --single goes back to one of each.
CLUSTER
fi
