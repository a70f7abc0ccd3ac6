#!/bin/sh
# Install Debian's chromium for the browser tests (tests/web/test_browser.py), once.
# Idempotent: does nothing when /usr/bin/chromium (or $CHROMIUM) already exists.
# Runs apt-get as root directly, through sudo otherwise.
set -eu

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
    echo "chromium: found $CHROMIUM"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "chromium: $CHROMIUM is missing and neither root nor sudo is available;" >&2
    echo "          install the 'chromium' package yourself (browser tests skip without it)" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium
echo "chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
