#!/usr/bin/env bash
# Installs the browser test's Node packages, at the versions in package-lock.json, into DIR
# (a folder in the build tree; nothing is written to the source tree). Does nothing when DIR
# already holds exactly this lock file's packages.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${1:?usage: install.sh DIR}"
if [ -f "$dir/node_modules/.package-lock.json" ] && cmp -s "$here/package-lock.json" "$dir/package-lock.json"; then
    exit 0
fi
if ! command -v npm >/dev/null; then
    echo "install.sh: npm is not installed" >&2
    exit 1
fi
mkdir -p "$dir"
cp "$here/package.json" "$here/package-lock.json" "$dir/"
# playwright-core never downloads browsers; --ignore-scripts makes sure nothing else runs either.
(cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
