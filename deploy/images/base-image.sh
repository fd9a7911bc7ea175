#!/usr/bin/env bash
# Builds the services' base image without Docker or a registry: Debian stable (essential packages
# only) with openjdk-17-jre-headless and the CA certificates, an unprivileged user 185 (group 0,
# home /home/jboss: the uid, group and home of the UBI OpenJDK images, so that either base serves the
# same configuration), written as a Docker-format image tarball that Jib takes as its base (quarkus.jib.base-jvm-image=tar://FILE).
#
#   deploy/images/base-image.sh [OUTPUT.tar]   (default deploy/images/target/jre17-base.tar)
#
# Needs root (or user namespaces) and mmdebstrap (Debian package "mmdebstrap"). Extra mmdebstrap
# arguments (a local mirror, say) may follow in MMDEBSTRAP_ARGS. SOURCE_DATE_EPOCH, when set,
# makes the tarball reproducible.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/target/jre17-base.tar}"
suite="${DEBIAN_SUITE:-bookworm}"
user_id=185

command -v mmdebstrap >/dev/null || { echo "mmdebstrap is missing: apt-get install mmdebstrap" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Documentation, manual pages and locales are no use in a container. The JRE's postinst links its
# manual page into man1, so that folder must exist (empty) before it is installed.
# shellcheck disable=SC2086
mmdebstrap --quiet --variant=essential --format=tar \
  --include=openjdk-17-jre-headless,ca-certificates \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
  --customize-hook="echo 'jboss:x:$user_id:0:memberaid service:/home/jboss:/usr/sbin/nologin' >> \"\$1/etc/passwd\"" \
  --customize-hook="mkdir -p \"\$1/home/jboss\" && chown $user_id:0 \"\$1/home/jboss\" && chmod 0770 \"\$1/home/jboss\"" \
  --customize-hook="rm -rf \"\$1\"/var/cache/* \"\$1\"/var/log/* \"\$1\"/var/lib/apt/lists/*" \
  ${MMDEBSTRAP_ARGS:-} \
  "$suite" "$work/layer.tar"

java_home="$(tar -tf "$work/layer.tar" | sed -n 's#^\./usr/lib/jvm/\(java-17-openjdk-[a-z0-9]*\)/bin/java$#/usr/lib/jvm/\1#p' | head -1)"
[ -n "$java_home" ] || { echo "no JRE 17 in the root filesystem" >&2; exit 1; }
case "$(dpkg --print-architecture)" in
  amd64) arch=amd64 ;; arm64) arch=arm64 ;; *) arch="$(dpkg --print-architecture)" ;;
esac
created="$(date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%dT%H:%M:%SZ)"
diff_id="$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"

# docker save's layout (manifest.json, the config, one layer): the tarball format Jib reads as a base.
mkdir -p "$work/image/$diff_id"
mv "$work/layer.tar" "$work/image/$diff_id/layer.tar"
cat > "$work/config.json" <<JSON
{"architecture":"$arch","os":"linux","created":"$created",
 "config":{"User":"$user_id","WorkingDir":"/home/jboss",
  "Env":["PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"],
  "Labels":{"org.opencontainers.image.title":"memberaid-jre17-base"}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"$created","created_by":"deploy/images/base-image.sh (mmdebstrap $suite)"}]}
JSON
config_id="$(sha256sum "$work/config.json" | cut -d' ' -f1)"
mv "$work/config.json" "$work/image/$config_id.json"
printf '[{"Config":"%s.json","RepoTags":["memberaid/jre17-base:%s"],"Layers":["%s/layer.tar"]}]\n' \
  "$config_id" "$suite" "$diff_id" > "$work/image/manifest.json"
tar -C "$work/image" --owner=0 --group=0 --numeric-owner --mtime="$created" -cf "$out" \
  manifest.json "$config_id.json" "$diff_id/layer.tar"
echo "$out: $(du -h "$out" | cut -f1), JAVA_HOME $java_home, user $user_id"
