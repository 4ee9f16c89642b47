#!/usr/bin/env bash
# Builds copydesk (developer preset, warnings as errors) and runs the whole test suite.
# With --asan, builds and tests under AddressSanitizer + UndefinedBehaviorSanitizer instead (all
# but the browser test of the HTML report, whose C++ side the unit tests cover).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=dev
exclude=()
if [ "${1:-}" = "--asan" ]; then
    preset=asan
    exclude=(-E '^report: html in chromium$')
fi
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset" -j "$(nproc)" "${exclude[@]}"
