#!/usr/bin/env bash
# Drives a running system (deploy/run.sh) as a user would: registers a member and waits for the
# report to count it; then stops Kafka, registers another, starts Kafka and waits for that one too
# (nothing lost in an outage). Then the TypeScript client example (deploy/client-example) generates
# its types from the three running services' OpenAPI documents, compiles with tsc --strict and runs
# its flow (register, assess, fund, request, approve as another user, see it in the report) through
# Prism proxies that check every request and answer against the documents. Exits non-zero on any
# failure. Its calls carry access tokens of the local Keycloak, whose claims it checks first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# A valid national ID (GB 11643 check digit) with a serial unlikely to be taken already.
national_id() {
  local first17 weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2)
  first17="620702$((1950 + RANDOM % 50))$(printf '%02d%02d%03d' $((1 + RANDOM % 12)) $((1 + RANDOM % 28)) $((RANDOM % 1000)))"
  local sum=0 checks=10X98765432
  for i in $(seq 0 16); do sum=$((sum + ${first17:i:1} * weights[i])); done
  echo "$first17${checks:sum % 11:1}"
}

members_total() {
  curl -fsS -H "Authorization: Bearer $ANALYST_TOKEN" "http://localhost:8083/api/reports/counties/$1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["membersTotal"])'
}

register() {
  local status
  status=$(curl -sS -o /tmp/memberaid-smoke.json -w '%{http_code}' -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $TOKEN" \
    -d "{\"nationalId\":\"$(national_id)\",\"name\":\"测试党员\",\"countyCode\":\"$1\",\"joinedPartyOn\":\"2020-07-01\",\"laborCapacity\":\"FULL\",\"annualIncome\":12000}" \
    http://localhost:8081/api/members)
  if [[ "$status" != 201 ]]; then
    echo "registration answered $status: $(cat /tmp/memberaid-smoke.json)" >&2
    return 1
  fi
}

await_total() {
  local county="$1" expected="$2" deadline=$((SECONDS + 60))
  until [[ "$(members_total "$county")" == "$expected" ]]; do
    if ((SECONDS >= deadline)); then
      echo "county $county shows $(members_total "$county") members, expected $expected" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "county $county shows $expected members"
}

# check_token TOKEN ROLE...: the token is a JWT of the memberaid realm for the API, with region
# 620702 and the given realm roles.
check_token() {
  ISSUER="$KEYCLOAK_REALM_URL" python3 - "$@" <<'PYTHON'
import base64, json, os, sys
token, roles = sys.argv[1], sys.argv[2:]
parts = token.split(".")
if len(parts) != 3:
    sys.exit(f"not a JWT: {token[:40]}...")
claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
aud = claims.get("aud")
problems = [f"{name} is {value!r}, expected {wanted}" for name, value, wanted, ok in [
    ("iss", claims.get("iss"), os.environ["ISSUER"], claims.get("iss") == os.environ["ISSUER"]),
    ("region", claims.get("region"), "620702", claims.get("region") == "620702"),
    ("aud", aud, "memberaid-api among them", "memberaid-api" in (aud if isinstance(aud, list) else [aud])),
    ("realm_access.roles", claims.get("realm_access", {}).get("roles"), roles,
     set(roles) <= set(claims.get("realm_access", {}).get("roles", []))),
] if not ok]
if problems:
    sys.exit("token claims: " + "; ".join(problems))
print(f"token of {claims.get('preferred_username')}: region {claims['region']}, roles {', '.join(roles)}, aud memberaid-api")
PYTHON
}

TOKEN=$("$ROOT/deploy/token.sh" registrar 620702 | tail -n 1)
check_token "$TOKEN" registrar
check_token "$("$ROOT/deploy/token.sh" approver 620702 registrar-620702 | tail -n 1)" registrar approver

# Ganzhou's registrar registers in Ganzhou; Ganzhou's analyst reads its report.
ANALYST_TOKEN=$("$ROOT/deploy/token.sh" analyst 620702 | tail -n 1)
county=620702
before=$(members_total "$county")
register "$county"
await_total "$county" $((before + 1))

echo "Stopping Kafka, registering while it is down..."
"$ROOT/deploy/kafka.sh" stop
register "$county"
"$ROOT/deploy/kafka.sh" start
await_total "$county" $((before + 2))

# The client example through Prism proxies (ports 4011-4013) in front of the three services; the
# proxies stop with this script, however it ends.
PROXIES=()
trap 'for p in "${PROXIES[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
client_flow() {
  local dir="$ROOT/deploy/client-example" logs="$DATA_DIR/logs" service port proxy i
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm run -s generate && npm run -s build)
  mkdir -p "$logs"
  for service in members relief reporting; do
    port=$(service_port "$service-service")
    proxy=$((port - 8081 + 4011))
    "$dir/node_modules/.bin/prism" proxy "http://localhost:$port/q/openapi?format=json" "http://localhost:$port" \
      --host 127.0.0.1 --port "$proxy" >"$logs/prism-$service.log" 2>&1 &
    PROXIES+=($!)
    for i in $(seq 1 60); do
      # A TCP connect, not a request: Prism would report an unauthenticated probe as a violation.
      (exec 3<>"/dev/tcp/127.0.0.1/$proxy") 2>/dev/null && break
      sleep 0.5
    done
  done
  MEMBERAID_MEMBERS_URL=http://127.0.0.1:4011 MEMBERAID_RELIEF_URL=http://127.0.0.1:4012 \
    MEMBERAID_REPORTING_URL=http://127.0.0.1:4013 \
    MEMBERAID_TOKEN_REGISTRAR="$TOKEN" MEMBERAID_TOKEN_ANALYST="$ANALYST_TOKEN" \
    MEMBERAID_TOKEN_ADMIN="$("$ROOT/deploy/token.sh" admin 620702 | tail -n 1)" \
    MEMBERAID_TOKEN_CASEWORKER="$("$ROOT/deploy/token.sh" caseworker 620702 | tail -n 1)" \
    MEMBERAID_TOKEN_APPROVER="$("$ROOT/deploy/token.sh" approver 620702 | tail -n 1)" \
    node "$dir/dist/flow.js"
  if grep -il "violation" "$logs"/prism-*.log; then
    echo "Prism found answers or requests that differ from the documents (above)" >&2
    return 1
  fi
  echo "Prism proxies: 0 violations"
}
client_flow
echo "smoke test passed"
