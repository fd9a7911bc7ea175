# Shared by the deploy scripts: where things live and how to wait for them. Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${MEMBERAID_DATA_DIR:-$ROOT/deploy/.data}"
KAFKA_PORT="${MEMBERAID_KAFKA_PORT:-9092}"
SERVICES=(members-service relief-service reporting-service)
# Sized for a 2-core, shared machine: a small heap with the serial collector keeps each service's
# resident memory under 300 MB; MALLOC_ARENA_MAX (set by run.sh) stops glibc from multiplying
# native arenas per thread.
SERVICE_JAVA_OPTS="-XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=128m -Xss512k -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError"
# glibc keeps memory the JIT compiler and Netty freed; returning it every 5 s keeps ~25 MB less
# resident. The option exists from JDK 17.0.9 on (experimental there); older JVMs start without it.
if java -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1; then
  SERVICE_JAVA_OPTS="$SERVICE_JAVA_OPTS -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000"
fi

# The heap per service: reporting applies event batches of thousands and holds the county
# table for readers, so it gets more than the request/response services.
service_heap() {
  case "$1" in
    reporting-service) echo "-Xms128m -Xmx256m" ;;
    *) echo "-Xms64m -Xmx112m" ;;
  esac
}

service_port() {
  case "$1" in
    members-service) echo 8081 ;;
    relief-service) echo 8082 ;;
    reporting-service) echo 8083 ;;
  esac
}

# Health and metrics answer on each service's management interface, not on its API port.
management_port() {
  echo $(($(service_port "$1") + 1000))
}

# Cluster mode (deploy/run.sh --cluster, until deploy/run.sh --single): a 3-node Kafka cluster from
# the same launcher (nodes on KAFKA_PORT, +2, +4, data in $DATA_DIR/kafka-cluster) and two instances of
# each service, the second on the service's port + 10 and management port + 110 (8091-8093,
# 9191-9193), both on the service's database. The marker file keeps the mode across restarts.
CLUSTER_MARKER="$DATA_DIR/cluster"
KAFKA_NODES=3
cluster_mode() {
  [[ -f "$CLUSTER_MARKER" ]]
}

kafka_data_dir() {
  if cluster_mode; then echo "$DATA_DIR/kafka-cluster"; else echo "$DATA_DIR/kafka"; fi
}

# The bootstrap servers of the local broker, or of every node of the local cluster.
kafka_bootstrap() {
  if cluster_mode; then
    local servers=() n
    for n in $(seq 0 $((KAFKA_NODES - 1))); do servers+=("localhost:$((KAFKA_PORT + 2 * n))"); done
    (IFS=,; echo "${servers[*]}")
  else
    echo "localhost:$KAFKA_PORT"
  fi
}

# The instances of each service: 1, or 1 and 2 in cluster mode.
instances() {
  if cluster_mode; then echo "1 2"; else echo "1"; fi
}

# instance_port SERVICE N, instance_management_port SERVICE N, instance_name SERVICE N
instance_port() {
  echo $(($(service_port "$1") + 10 * ($2 - 1)))
}
instance_management_port() {
  echo $(($(management_port "$1") + 110 * ($2 - 1)))
}
instance_name() {
  if (($2 == 1)); then echo "$1"; else echo "$1-$2"; fi
}

kafka_cli() {
  local classpath="$ROOT/deploy/kafka-broker/target/launcher.classpath"
  if [[ ! -f "$classpath" ]]; then
    echo "The Kafka launcher is not built yet: run deploy/run.sh (or ./mvnw -B install -DskipTests) first." >&2
    return 1
  fi
  local nodes=()
  cluster_mode && nodes=(--nodes "$KAFKA_NODES")
  java -cp "$(cat "$classpath")" org.memberaid.deploy.kafka.LocalKafkaBroker "$@" \
    --data-dir "$(kafka_data_dir)" --port "$KAFKA_PORT" ${nodes[@]+"${nodes[@]}"}
}

# kafka_password USER: the password of one of the broker's users (admin, members-service,
# relief-service, reporting-service), generated when the broker's data directory was formatted.
kafka_password() {
  local file
  file="$(kafka_data_dir)/credentials/$1"
  if [[ ! -r "$file" ]]; then
    echo "No Kafka password for $1 in $file: is the Kafka broker on port $KAFKA_PORT one that deploy/kafka.sh started from $DATA_DIR/kafka?" >&2
    return 1
  fi
  cat "$file"
}

# wait_for_url URL SECONDS: polls until URL answers 2xx, or fails after SECONDS.
wait_for_url() {
  local url="$1" deadline=$((SECONDS + $2))
  until curl -fs -o /dev/null "$url"; do
    if ((SECONDS >= deadline)); then
      return 1
    fi
    sleep 1
  done
}

# The local Keycloak (deploy/keycloak.sh): its HTTP port, its management port (health), and the
# realm the services trust. Its distribution, secrets and build live in $KEYCLOAK_DIR.
KEYCLOAK_PORT="${MEMBERAID_KEYCLOAK_PORT:-8180}"
KEYCLOAK_MANAGEMENT_PORT="${MEMBERAID_KEYCLOAK_MANAGEMENT_PORT:-9000}"
KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
KEYCLOAK_REALM_URL="$KEYCLOAK_URL/realms/memberaid"
KEYCLOAK_DIR="$DATA_DIR/keycloak"
