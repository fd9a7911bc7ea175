#!/usr/bin/env bash
# Builds the three services' images with Jib, without Docker (README.md here).
#
#   deploy/images/build.sh                     base: the UBI OpenJDK 17 runtime, pulled from its registry
#   deploy/images/build.sh --local-base        base: deploy/images/base-image.sh's Debian JRE 17 tarball
#                                              (built first if missing), for machines with no registry
#   deploy/images/build.sh --push REGISTRY     pushes memberaid/<service>:<version> to REGISTRY
#
# Without --push each image is written to <service>/target/<service>-<version>-image.tar.
# Further arguments go to Maven (-Dquarkus.container-image.tag=..., say).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --local-base)
      base="$root/deploy/images/target/jre17-base.tar"
      [ -f "$base" ] || "$root/deploy/images/base-image.sh" "$base"
      args+=("-Dquarkus.jib.base-jvm-image=tar://$base")
      shift ;;
    --push)
      args+=("-Dquarkus.container-image.push=true" "-Dquarkus.container-image.registry=${2:?--push needs a registry}")
      shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done

cd "$root"
exec ./mvnw -B package -DskipTests -Pimages -pl members-service,relief-service,reporting-service -am "${args[@]}"
