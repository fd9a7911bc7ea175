#!/usr/bin/env bash
# Applies a scenario of load to the running system (deploy/run.sh) and prints what it measured.
# Usage: deploy/loadgen.sh <scenario> [options]; deploy/loadgen.sh --help lists the scenarios,
# deploy/loadgen.sh <scenario> --help their options. See deploy/loadgen/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

classpath_file="$ROOT/deploy/loadgen/target/loadgen.classpath"
if [[ ! -f "$classpath_file" ]]; then
  echo "The load generator is not built yet: run 'mvn -B -q install -DskipTests' in $ROOT first." >&2
  exit 2
fi

# shellcheck disable=SC2086 # LOADGEN_JAVA_OPTS is a list of options
exec java ${LOADGEN_JAVA_OPTS:--Xmx1g} -Dloadgen.data-dir="$DATA_DIR" -Dloadgen.root="$ROOT" \
  -cp "$(cat "$classpath_file")" org.memberaid.deploy.loadgen.LoadGenerator "$@"
