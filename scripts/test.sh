#!/usr/bin/env bash
# Builds copydesk (developer preset, warnings as errors) and runs the whole test suite.
# With --asan, builds and tests under AddressSanitizer + UndefinedBehaviorSanitizer instead.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=dev
if [ "${1:-}" = "--asan" ]; then preset=asan; fi
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset" -j "$(nproc)"
