#!/usr/bin/env bash
# Make sure the system tools the installers' chain uses are here: `make package` and
# `make package-check` (packaging/ci_check.sh) both run this first.
#   packaging/tools.sh tool:apt-package ...
# Missing tools are installed with apt-get (as root, or through sudo without a password).
# When that is not possible (no apt, no rights, offline) it says which tools are missing and
# how to add them, and returns 0: the checks that need a missing tool then say they were
# skipped (packaging/linux/check_deb.py), they do not fail the build.
set -uo pipefail
need=()
for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null || need+=("${pair#*:}")
done
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing: ${need[*]}"
SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO="none"; fi
fi
if [ "$SUDO" != none ] && command -v apt-get >/dev/null \
        && $SUDO apt-get update -qq >/dev/null 2>&1 \
        && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
           "${need[@]}" >/dev/null 2>&1; then
    exit 0
fi
missing=()
for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair%%:*}")
done
echo "note: could not install ${need[*]} (needs apt-get and root or sudo); missing: ${missing[*]}." >&2
echo "      The checks that use them are skipped. To run them: sudo apt-get install ${need[*]}" >&2
exit 0
