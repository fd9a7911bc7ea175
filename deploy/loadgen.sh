#!/usr/bin/env bash
# Applies a scenario of load to the running system (deploy/run.sh) and prints what it measured.
# Usage: deploy/loadgen.sh <scenario> [options]; deploy/loadgen.sh --help lists the scenarios,
# deploy/loadgen.sh <scenario> --help their options. See deploy/loadgen/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

classpath_file="$ROOT/deploy/loadgen/target/loadgen.classpath"
if [[ ! -f "$classpath_file" ]]; then
  echo "The load generator is not built yet: run './mvnw -B -q install -DskipTests' in $ROOT first." >&2
  exit 2
fi

# The requests carry OIDC bearer tokens, one per role (deploy/loadgen/README.md, "Tokens"): each
# MEMBERAID_TOKEN_<ROLE> the caller did not set is fetched from the local Keycloak with
# deploy/token.sh, as the user <role>-620000 of Gansu province, whose region covers Zhangye's
# counties. Passed by environment, not on the command line, where ps would show them.
REGION=620000
roles=()
if [[ " $* " != *" --help "* && " $* " != *" -h "* ]]; then
  case "${1:-}" in
    register | import) roles=(registrar) ;;
    relief | cycle | payments) roles=(registrar admin caseworker approver) ;;
    system | failover) roles=(registrar admin caseworker approver analyst) ;;
    reports | backlog) roles=(analyst) ;;
    freshness) roles=(registrar analyst) ;;
    demo) roles=(registrar admin caseworker approver analyst) ;;
  esac
fi
for role in "${roles[@]}"; do
  variable="MEMBERAID_TOKEN_${role^^}"
  [[ -n "${!variable:-}" ]] && continue
  if ! curl -fs -o /dev/null --max-time 5 "$KEYCLOAK_REALM_URL/.well-known/openid-configuration"; then
    echo "loadgen.sh: $variable is not set and Keycloak does not answer on $KEYCLOAK_URL: start it (deploy/keycloak.sh start) or set MEMBERAID_TOKEN_<ROLE> for ${roles[*]}" >&2
    exit 1
  fi
  token=$("$ROOT/deploy/token.sh" "$role" "$REGION" | tail -n 1) || exit 1
  export "$variable=$token"
done

# shellcheck disable=SC2086 # LOADGEN_JAVA_OPTS is a list of options
exec java ${LOADGEN_JAVA_OPTS:--Xmx1g} -Dloadgen.data-dir="$DATA_DIR" -Dloadgen.root="$ROOT" \
  -cp "$(cat "$classpath_file")" org.memberaid.deploy.loadgen.LoadGenerator "$@"
