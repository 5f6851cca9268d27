#!/bin/sh
# The browser tests drive Debian's Chromium (never a downloaded browser: playout machines are often offline),
# and the NATS hub tests start Debian's nats-server. Installs whichever is missing, so `npm test` works on a
# fresh machine.
set -e
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
NATS_SERVER="${NATS_SERVER:-/usr/sbin/nats-server}"
PACKAGES=
if [ ! -x "$CHROMIUM" ]; then PACKAGES="chromium fonts-liberation"; fi
if [ ! -x "$NATS_SERVER" ]; then PACKAGES="$PACKAGES nats-server"; fi
if [ -z "$PACKAGES" ]; then exit 0; fi
echo "Installing Debian's $PACKAGES (Chromium expected at $CHROMIUM, nats-server at $NATS_SERVER; needs root)..."
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
[ -x "$CHROMIUM" ] || { echo "Chromium is still missing at $CHROMIUM" >&2; exit 1; }
[ -x "$NATS_SERVER" ] || { echo "nats-server is still missing at $NATS_SERVER" >&2; exit 1; }
