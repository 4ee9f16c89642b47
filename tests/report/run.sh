#!/usr/bin/env bash
# The HTML report in a real browser: renders the report of a golden article (and of a 5 MB
# article built from it) with copydesk, then drives headless Chromium over it (report_test.cjs).
#
#   run.sh COPYDESK_EXE SOURCE_DIR OUT_DIR
#
# Exits 77 (CTest: skipped) only when Chromium or Node.js is not installed; with
# COPYDESK_REQUIRE_BROWSER_TEST=1 (set by CI) that is a failure instead.
set -euo pipefail
exe="$1"
src="$2"
out="$3"
# Relative, as a user would type it: the path is shown in the report.
cd "$src"
article="tests/golden/report-hostile-copy/input.txt"

skip() {
    echo "SKIPPED: $*"
    if [ "${COPYDESK_REQUIRE_BROWSER_TEST:-0}" = 1 ]; then
        echo "COPYDESK_REQUIRE_BROWSER_TEST=1: failing instead of skipping" >&2
        exit 1
    fi
    exit 77
}

browser="${CHROMIUM:-}"
if [ -z "$browser" ]; then
    browser="$(command -v chromium || command -v chromium-browser || true)"
fi
[ -n "$browser" ] && [ -x "$browser" ] || skip "chromium is not installed (apt-get install chromium)"
command -v node >/dev/null || skip "node is not installed (apt-get install nodejs npm)"

mkdir -p "$out"
tests/report/install.sh "$out/node"

# Exit status 1 only means findings, which these articles are meant to have.
lint() { "$exe" lint --color never "$@" || [ $? -eq 1 ]; }
lint --format json "$article" >"$out/findings.json"
lint --format html --output "$out/report.html" "$article"

# Whole copies of the article, 5 MiB or just over, written by a few cat processes (a cat per
# copy took most of this test's time).
big="$out/big-article.txt"
size=$(stat -c %s "$article")
copies=$(((5 * 1024 * 1024 + size - 1) / size))
for ((i = 0; i < copies; i++)); do printf '%s\n' "$article"; done | xargs cat >"$big"
lint --format json "$big" >"$out/big-findings.json"
lint --format html --output "$out/big-report.html" "$big"

exec node tests/report/report_test.cjs \
    --modules "$out/node/node_modules" --chromium "$browser" \
    --source "$article" --html "$out/report.html" --json "$out/findings.json" \
    --big-html "$out/big-report.html" --big-json "$out/big-findings.json" \
    --out "$out"
