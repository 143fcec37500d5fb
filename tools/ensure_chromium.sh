#!/bin/sh
# Make sure Debian's headless-capable Chromium is present for the web end-to-end test.
# Installs it only when missing (the e2e test drives /usr/bin/chromium through Playwright;
# `playwright install` is never used, so nothing is downloaded outside the package manager).
set -eu
if [ -x /usr/bin/chromium ]; then
    echo "chromium present: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
/usr/bin/chromium --version || true
