#!/usr/bin/env bash
# Drives a running system (deploy/run.sh) as a user would: registers a member and waits for the
# report to count it; then stops Kafka, registers another, starts Kafka and waits for that one too
# (nothing lost in an outage). Exits non-zero on any failure. Its calls carry an access token of
# the local Keycloak, whose claims it checks first.
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
  curl -fsS -H "Authorization: Bearer $REPORT_TOKEN" "http://localhost:8083/api/reports/counties/$1" |
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
# Reports are read by analysts (admins, auditors), not registrars: a city analyst covers every county read below.
REPORT_TOKEN=$("$ROOT/deploy/token.sh" analyst 620700 | tail -n 1)
check_token "$("$ROOT/deploy/token.sh" approver 620702 registrar-620702 | tail -n 1)" registrar approver

county=620725
before=$(members_total "$county")
register "$county"
await_total "$county" $((before + 1))

echo "Stopping Kafka, registering while it is down..."
"$ROOT/deploy/kafka.sh" stop
register "$county"
"$ROOT/deploy/kafka.sh" start
await_total "$county" $((before + 2))
echo "smoke test passed"
