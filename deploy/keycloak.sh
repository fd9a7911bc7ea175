#!/usr/bin/env bash
# Starts, stops or reports the local Keycloak, the identity provider of the services (realm
# memberaid, imported from deploy/keycloak/memberaid-realm.json).
# Usage: deploy/keycloak.sh start|stop|status
#
# The first start fetches the Keycloak distribution from Maven Central (with ./mvnw), unpacks it
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
# On Java 24+ Quarkus' executor threads need java.lang opened (else one dies at startup).
JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:-} --add-opens=java.base/java.lang=ALL-UNNAMED"

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
  # Run outside the project so that Maven does not read its reactor; the wrapper brings the project's Maven.
  (cd "$download" && "$ROOT/mvnw" -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
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
    # Another Keycloak (say, of another clone) would answer our readiness checks in its place.
    local port
    for port in "$KEYCLOAK_PORT" "$KEYCLOAK_MANAGEMENT_PORT"; do
      [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/")" == 000 ]] ||
        die "something already answers on port $port and it is not this data directory's Keycloak; not starting another"
    done
    local jdk
    jdk=$(find_jdk) || die "Keycloak $KEYCLOAK_VERSION needs a JDK 21 or newer: none under /usr/lib/jvm, and JAVA_HOME (${JAVA_HOME:-unset}) is not one; install one (OpenJDK or Temurin 21+) or point JAVA_HOME at it."
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
      JAVA_OPTS_APPEND="$JAVA_OPTS_APPEND" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" \
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
  reconcile
  echo "Keycloak ready on $KEYCLOAK_URL in $((SECONDS - started)) s (realm memberaid: $KEYCLOAK_REALM_URL," \
    "admin console: $KEYCLOAK_URL/admin, user $ADMIN_USER, password in $ADMIN_PASSWORD_FILE)"
}

# admin_api MODE: signs in as the bootstrap admin (password in $ADMIN_PASSWORD_FILE) and makes the
# memberaid-scripts client's secret the one in $SCRIPTS_SECRET_FILE (the realm's import may have
# come from another data directory). Exits 3 when Keycloak refuses the admin's password. With
# MODE recover it first signs in as $RECOVERY_USER and gives the admin the password of the file,
# then deletes $RECOVERY_USER.
admin_api() {
  KEYCLOAK_URL="$KEYCLOAK_URL" ADMIN_USER="$ADMIN_USER" ADMIN_PASSWORD="$(cat "$ADMIN_PASSWORD_FILE")" \
    SCRIPTS_SECRET="$(cat "$SCRIPTS_SECRET_FILE")" python3 - "$1" <<'PYTHON'
import json, os, sys, urllib.error, urllib.parse, urllib.request
base = os.environ["KEYCLOAK_URL"]

def call(method, path, token=None, body=None, form=None):
    headers, data = {}, None
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
    elif body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    if token:
        headers["Authorization"] = "Bearer " + token
    with urllib.request.urlopen(urllib.request.Request(base + path, data, headers, method=method), timeout=15) as r:
        text = r.read().decode()
        return json.loads(text) if text else None

def login(username, password):
    try:
        return call("POST", "/realms/master/protocol/openid-connect/token", form={
            "grant_type": "password", "client_id": "admin-cli", "username": username, "password": password})["access_token"]
    except urllib.error.HTTPError as e:
        if e.code in (400, 401):
            sys.exit(3)
        raise

admin, password = os.environ["ADMIN_USER"], os.environ["ADMIN_PASSWORD"]
if sys.argv[1] == "recover":
    token = login(os.environ["RECOVERY_USER"], os.environ["RECOVERY_PASSWORD"])
    users = call("GET", "/admin/realms/master/users?exact=true&username=" + admin, token)
    if not users:
        sys.exit(f"keycloak.sh: the master realm has no user {admin}; "
                 f"the recovery user {os.environ['RECOVERY_USER']} is left in place")
    call("PUT", f"/admin/realms/master/users/{users[0]['id']}/reset-password", token,
         {"type": "password", "value": password, "temporary": False})
    recovery = call("GET", "/admin/realms/master/users?exact=true&username=" + os.environ["RECOVERY_USER"], token)
    call("DELETE", f"/admin/realms/master/users/{recovery[0]['id']}", token)
token = login(admin, password)
clients = call("GET", "/admin/realms/memberaid/clients?clientId=memberaid-scripts", token)
if clients and clients[0].get("secret") != os.environ["SCRIPTS_SECRET"]:
    client = clients[0]
    client["secret"] = os.environ["SCRIPTS_SECRET"]
    call("PUT", f"/admin/realms/memberaid/clients/{client['id']}", token, client)
    print("Set the memberaid-scripts client secret to the one in this data directory")
PYTHON
}

# Makes the database agree with this data directory's secrets. A database made from another data
# directory (another clone on the same PostgreSQL, or a data directory deleted) has another admin
# password: Keycloak's own recovery command adds a temporary admin, who resets it.
reconcile() {
  local rc=0
  admin_api check || rc=$?
  ((rc == 3)) || return "$rc"
  echo "The database $KC_DATABASE knows another admin password than $ADMIN_PASSWORD_FILE;" \
    "resetting it through kc.sh bootstrap-admin..."
  local recovery_user="memberaid-recovery-$RANDOM$RANDOM" recovery_password
  recovery_password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
  JAVA_HOME="$(find_jdk)" RECOVERY_PASSWORD="$recovery_password" JAVA_OPTS_KC_HEAP="${MEMBERAID_KEYCLOAK_HEAP:--Xms64m -Xmx512m}" \
    JAVA_OPTS_APPEND="$JAVA_OPTS_APPEND" \
    "$KC_HOME/bin/kc.sh" bootstrap-admin user --optimized --no-prompt \
    --username="$recovery_user" --password:env RECOVERY_PASSWORD \
    --db-url="jdbc:postgresql://$PG_HOST:$PG_PORT/$KC_DATABASE" --db-username=postgres \
    --http-management-port=$((KEYCLOAK_MANAGEMENT_PORT + 1)) \
    >>"$DATA_DIR/logs/keycloak-bootstrap-admin.log" 2>&1 ||
    die "kc.sh bootstrap-admin failed; see $DATA_DIR/logs/keycloak-bootstrap-admin.log"
  RECOVERY_USER="$recovery_user" RECOVERY_PASSWORD="$recovery_password" admin_api recover
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
