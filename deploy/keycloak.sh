#!/usr/bin/env bash
# Starts, stops or reports the local Keycloak, the identity provider of the services (realm
# memberaid, imported from deploy/keycloak/memberaid-realm.json).
# Usage: deploy/keycloak.sh start|stop|status
#
# The first start fetches the Keycloak distribution from Maven Central (with Maven), unpacks it
# into $DATA_DIR/keycloak, builds it for PostgreSQL (kc.sh build) and generates the bootstrap
# admin's password and the memberaid-scripts client's secret (files there, mode 600). Keycloak
# then runs in production mode (kc.sh start --optimized) on a JDK 21+, with its data in the
# PostgreSQL database "keycloak" (created when missing), so users and sessions survive restarts.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KEYCLOAK_VERSION=26.5.6
KC_HOME="$KEYCLOAK_DIR/keycloak-$KEYCLOAK_VERSION"
KC_DATABASE="${MEMBERAID_KEYCLOAK_DATABASE:-keycloak}"
PG_HOST="${PGHOST:-127.0.0.1}"
PG_PORT="${PGPORT:-5432}"
PID_FILE="$DATA_DIR/pids/keycloak.pid"
LOG_FILE="$DATA_DIR/logs/keycloak.log"
ADMIN_USER=admin
ADMIN_PASSWORD_FILE="$KEYCLOAK_DIR/admin-password"
SCRIPTS_SECRET_FILE="$KEYCLOAK_DIR/scripts-client-secret"
# Build-time options (kc.sh build); a change of these rebuilds. One node: local caches, no cluster.
BUILD_OPTIONS=(--db=postgres --health-enabled=true --cache=local)

die() {
  echo "keycloak.sh: $*" >&2
  exit 1
}

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid=$(cat "$PID_FILE")
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# A JDK 21 or newer: JAVA_HOME if it is one, else the newest under /usr/lib/jvm.
java_feature_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_jdk() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && (($(java_feature_version "$JAVA_HOME") >= 21)); then
    echo "$JAVA_HOME"
    return
  fi
  local best="" best_version=0 dir version
  for dir in /usr/lib/jvm/*; do
    [[ -x "$dir/bin/java" && ! -L "$dir" ]] || continue
    version=$(java_feature_version "$dir")
    if [[ -n "$version" ]] && ((version >= 21 && version > best_version)); then
      best="$dir" best_version="$version"
    fi
  done
  [[ -n "$best" ]] || return 1
  echo "$best"
}

install_distribution() {
  [[ -x "$KC_HOME/bin/kc.sh" ]] && return
  echo "Fetching Keycloak $KEYCLOAK_VERSION (org.keycloak:keycloak-quarkus-dist, zip) from Maven Central..."
  local download="$KEYCLOAK_DIR/download"
  rm -rf "$download" && mkdir -p "$download"
  # Run outside the project so that Maven does not read its reactor.
  (cd "$download" && mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$download") ||
    die "could not fetch org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip with Maven"
  local zip="$download/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  if command -v unzip >/dev/null; then
    unzip -q "$zip" -d "$download"
  else
    python3 -m zipfile -e "$zip" "$download"
  fi
  chmod +x "$download/keycloak-$KEYCLOAK_VERSION"/bin/*.sh
  mv "$download/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
  rm -rf "$download"
}

# A secret file: made once (32 random URL-safe characters), readable by its owner only.
ensure_secret() {
  if [[ ! -s "$1" ]]; then
    (umask 077 && python3 -c 'import secrets; print(secrets.token_urlsafe(24))' >"$1")
  fi
  chmod 600 "$1"
}

ensure_database() {
  pg_isready -q -h "$PG_HOST" -p "$PG_PORT" ||
    die "PostgreSQL does not answer on $PG_HOST:$PG_PORT; start it first."
  if [[ -z "$(psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$KC_DATABASE'")" ]]; then
    createdb -h "$PG_HOST" -p "$PG_PORT" -U postgres "$KC_DATABASE"
    echo "Created the PostgreSQL database $KC_DATABASE"
  fi
}

build() {
  local marker="$KC_HOME/.memberaid-build" wanted="$KEYCLOAK_VERSION ${BUILD_OPTIONS[*]}"
  [[ -f "$marker" && "$(cat "$marker")" == "$wanted" ]] && return
  echo "Building Keycloak for production (kc.sh build ${BUILD_OPTIONS[*]})..."
  "$KC_HOME/bin/kc.sh" build "${BUILD_OPTIONS[@]}" >"$DATA_DIR/logs/keycloak-build.log" 2>&1 ||
    die "kc.sh build failed; see $DATA_DIR/logs/keycloak-build.log"
  echo "$wanted" >"$marker"
}

start() {
  local pid started=$SECONDS
  if pid=$(running_pid); then
    echo "Keycloak is already running (pid $pid)"
  else
    mkdir -p "$KEYCLOAK_DIR" "$DATA_DIR/logs" "$DATA_DIR/pids"
    local jdk
    jdk=$(find_jdk) || die "Keycloak $KEYCLOAK_VERSION needs a JDK 21 or newer: none under /usr/lib/jvm, and JAVA_HOME (${JAVA_HOME:-unset}) is not one; install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME."
    ensure_database
    install_distribution
    export JAVA_HOME="$jdk" # for kc.sh only: Maven above ran on the default JDK
    ensure_secret "$ADMIN_PASSWORD_FILE"
    ensure_secret "$SCRIPTS_SECRET_FILE"
    build
    # The realm is imported at each start; Keycloak skips it when the realm exists already.
    mkdir -p "$KC_HOME/data/import"
    cp "$ROOT/deploy/keycloak/memberaid-realm.json" "$KC_HOME/data/import/memberaid-realm.json"

    # The bootstrap admin is created only with the master realm, on the first start against a
    # database; the client secret only with the memberaid realm (placeholder in the realm file).
    KC_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER" \
      KC_BOOTSTRAP_ADMIN_PASSWORD="$(cat "$ADMIN_PASSWORD_FILE")" \
      MEMBERAID_KEYCLOAK_SCRIPTS_CLIENT_SECRET="$(cat "$SCRIPTS_SECRET_FILE")" \
      JAVA_OPTS_KC_HEAP="${MEMBERAID_KEYCLOAK_HEAP:--Xms64m -Xmx512m}" \
      MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" \
      nohup "$KC_HOME/bin/kc.sh" start --optimized \
      --http-enabled=true --http-port="$KEYCLOAK_PORT" \
      --hostname="$KEYCLOAK_URL" \
      --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
      --db-url="jdbc:postgresql://$PG_HOST:$PG_PORT/$KC_DATABASE" --db-username=postgres \
      --import-realm \
      </dev/null >"$LOG_FILE" 2>&1 &
    pid=$!
    echo "$pid" >"$PID_FILE"
    echo "Started Keycloak (pid $pid, Java $(java_feature_version "$jdk") from $jdk), log: $LOG_FILE"
  fi

  local deadline=$((SECONDS + ${MEMBERAID_KEYCLOAK_START_TIMEOUT:-300}))
  until curl -fs -o /dev/null "http://localhost:$KEYCLOAK_MANAGEMENT_PORT/health/ready" &&
    curl -fs -o /dev/null "$KEYCLOAK_REALM_URL/.well-known/openid-configuration"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      tail -n 20 "$LOG_FILE" >&2
      die "Keycloak exited during startup; see $LOG_FILE"
    fi
    ((SECONDS < deadline)) || die "Keycloak did not become ready in time; see $LOG_FILE"
    sleep 1
  done
  echo "Keycloak ready on $KEYCLOAK_URL in $((SECONDS - started)) s (realm memberaid: $KEYCLOAK_REALM_URL," \
    "admin console: $KEYCLOAK_URL/admin, user $ADMIN_USER, password in $ADMIN_PASSWORD_FILE)"
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE"
    echo "Keycloak not running"
    return
  fi
  # kc.sh forwards the TERM to its Java process and waits for it.
  local java_pids
  java_pids=$(pgrep -P "$pid" || true)
  kill "$pid"
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    # shellcheck disable=SC2086 # a list of pids
    kill -9 $java_pids "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  echo "Keycloak stopped (pid $pid)"
}

status() {
  local pid
  if pid=$(running_pid); then
    local rss java_pid
    java_pid=$(pgrep -P "$pid" | head -n 1 || true)
    rss=$(ps -o rss= -p "${java_pid:-$pid}" 2>/dev/null | tr -d ' ')
    if curl -fs -o /dev/null "http://localhost:$KEYCLOAK_MANAGEMENT_PORT/health/ready"; then
      echo "Keycloak running on $KEYCLOAK_URL, ready (pid $pid, RSS $((${rss:-0} / 1024)) MB)"
    else
      echo "Keycloak running on $KEYCLOAK_URL, not ready yet (pid $pid)"
    fi
  else
    echo "Keycloak not running"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: deploy/keycloak.sh start|stop|status" >&2
    exit 2
    ;;
esac
