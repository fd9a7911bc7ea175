#!/usr/bin/env bash
# Stands in for the `docker` command that Quarkus' Jib extension calls when it builds an image
# without pushing it: Jib asks `docker info` for the platform, then streams the image, as a
# `docker save` tarball, into `docker load`. Here that tarball is written to $MEMBERAID_IMAGE_TAR
# instead of a daemon, so images build where there is no Docker. Set by the `images` profile
# (quarkus.jib.docker-executable-name, quarkus.jib.docker-environment); see README.md here.
set -euo pipefail

case "${1:-}" in
  info)
    case "$(uname -m)" in
      x86_64) arch=amd64 ;; aarch64 | arm64) arch=arm64 ;; *) arch="$(uname -m)" ;;
    esac
    printf '{"OSType":"linux","Architecture":"%s"}\n' "$arch"
    ;;
  load)
    : "${MEMBERAID_IMAGE_TAR:?MEMBERAID_IMAGE_TAR names the tarball to write}"
    mkdir -p "$(dirname "$MEMBERAID_IMAGE_TAR")"
    cat > "$MEMBERAID_IMAGE_TAR.partial"
    mv "$MEMBERAID_IMAGE_TAR.partial" "$MEMBERAID_IMAGE_TAR"
    echo "Wrote image tarball $MEMBERAID_IMAGE_TAR"
    ;;
  *)
    echo "image-tar.sh writes an image tarball and has no '$*': push to a registry instead" >&2
    exit 1
    ;;
esac
