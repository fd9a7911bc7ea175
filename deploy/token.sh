#!/usr/bin/env bash
# Prints an access token of the local Keycloak (deploy/keycloak.sh) for a user with a realm role
# and a region, as its last line:
#   deploy/token.sh ROLE REGION [USERNAME]
#   TOKEN=$(deploy/token.sh approver 620702 | tail -n 1)
# ROLE is a realm role of memberaid (registrar, caseworker, approver, analyst, admin, auditor),
# REGION a 6-digit GB/T 2260 code (620702 county, 620700 city, 620000 province); USERNAME defaults
# to ROLE-REGION. Through the admin REST API (as the bootstrap admin) the user is created when
# missing, given ROLE when it lacks it (roles add up: one user may hold several), its region set
# to REGION and a fresh random password; the token then comes from the password grant of the
# confidential client memberaid-scripts. Errors go to stderr, with a non-zero exit.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if (($# < 2 || $# > 3)); then
  echo "usage: deploy/token.sh ROLE REGION [USERNAME]   (e.g. deploy/token.sh approver 620702)" >&2
  exit 2
fi

KEYCLOAK_URL="$KEYCLOAK_URL" KEYCLOAK_DIR="$KEYCLOAK_DIR" exec python3 - "$@" <<'PYTHON'
import json, os, re, secrets, sys, urllib.error, urllib.parse, urllib.request

base = os.environ["KEYCLOAK_URL"]
secrets_dir = os.environ["KEYCLOAK_DIR"]
role, region = sys.argv[1], sys.argv[2]
username = (sys.argv[3] if len(sys.argv) > 3 else f"{role}-{region}").lower()


def fail(message):
    print(f"token.sh: {message}", file=sys.stderr)
    sys.exit(1)


if not re.fullmatch(r"[1-9][0-9]{5}", region):
    fail(f"REGION must be a 6-digit GB/T 2260 code such as 620702, not '{region}'")


def read_secret(name):
    path = os.path.join(secrets_dir, name)
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        fail(f"{path} is missing: start Keycloak with deploy/keycloak.sh start first")


def call(method, path, body=None, form=None, token=None):
    headers = {}
    data = None
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text else None), response.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace"), e.headers
    except (urllib.error.URLError, OSError) as e:
        fail(f"Keycloak does not answer on {base} ({e}); start it with deploy/keycloak.sh start")


def expect(result, what, *ok):
    status, body, headers = result
    if status not in (ok or (200,)):
        fail(f"{what}: HTTP {status} {body}")
    return body, headers


status, body, _ = call("POST", "/realms/master/protocol/openid-connect/token", form={
    "grant_type": "password", "client_id": "admin-cli", "username": "admin",
    "password": read_secret("admin-password")})
if status != 200:
    fail(f"the admin password in {secrets_dir}/admin-password is refused by Keycloak on {base} "
         f"(HTTP {status} {body}); the database 'keycloak' was made with another one")
admin = body["access_token"]
realm = "/admin/realms/memberaid"

role_rep, _ = expect(call("GET", f"{realm}/roles/{urllib.parse.quote(role)}", token=admin),
                     f"looking up the realm role '{role}' (memberaid's roles: registrar, caseworker, approver, analyst, admin, auditor)")

users, _ = expect(call("GET", f"{realm}/users?exact=true&briefRepresentation=false&username="
                       + urllib.parse.quote(username), token=admin), "looking up the user")
if users:
    user = users[0]
    user_id = user["id"]
    attributes = user.get("attributes") or {}
    if attributes.get("region") != [region] or not all(user.get(k) for k in ("email", "firstName", "lastName")):
        attributes["region"] = [region]
        user["attributes"] = attributes
        user.setdefault("email", f"{username}@memberaid.local")
        user.setdefault("firstName", username)
        user.setdefault("lastName", "memberaid")
        expect(call("PUT", f"{realm}/users/{user_id}", body=user, token=admin), "updating the user", 204)
else:
    # Email and names too: the default user profile requires them, and a user without them could
    # not sign in ("Account is not fully set up").
    _, headers = expect(call("POST", f"{realm}/users", token=admin, body={
        "username": username, "enabled": True, "email": f"{username}@memberaid.local",
        "emailVerified": True, "firstName": username, "lastName": "memberaid",
        "attributes": {"region": [region]}}), f"creating the user {username}", 201)
    user_id = headers["Location"].rstrip("/").rsplit("/", 1)[1]

mapped, _ = expect(call("GET", f"{realm}/users/{user_id}/role-mappings/realm", token=admin), "reading the user's roles")
if role not in {r["name"] for r in mapped or []}:
    expect(call("POST", f"{realm}/users/{user_id}/role-mappings/realm", body=[role_rep], token=admin),
           f"giving {username} the role {role}", 204)

password = secrets.token_urlsafe(24)
expect(call("PUT", f"{realm}/users/{user_id}/reset-password", token=admin,
            body={"type": "password", "value": password, "temporary": False}), "setting the user's password", 204)

tokens, _ = expect(call("POST", "/realms/memberaid/protocol/openid-connect/token", form={
    "grant_type": "password", "client_id": "memberaid-scripts",
    "client_secret": read_secret("scripts-client-secret"),
    "username": username, "password": password}), f"the password grant for {username} on memberaid-scripts")
print(tokens["access_token"])
PYTHON
