#!/usr/bin/env bash
# Builds copydesk (developer preset, warnings as errors) and runs the whole test suite.
# With --asan, builds and tests under AddressSanitizer + UndefinedBehaviorSanitizer instead (all
# but the browser test of the HTML report, whose C++ side the unit tests cover); with --tsan,
# the tests of the parallel paths (lint -j, the thread pool, hostile inputs) under
# ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=dev
exclude=()
targets=()
case "${1:-}" in
    --asan)
        preset=asan
        exclude=(-E '^report: html in chromium$')
        ;;
    --tsan)
        # The test preset selects the tests of the parallel paths; they need these two.
        preset=tsan
        targets=(--target copydesk copydesk_cli_tests)
        ;;
esac
cmake --preset "$preset" -DCOPYDESK_UNITY_BUILD="${COPYDESK_UNITY_BUILD:-OFF}" \
    -DCOPYDESK_DEBUG_INFO="${COPYDESK_DEBUG_INFO:-ON}" >/dev/null
cmake --build --preset "$preset" "${targets[@]}"
ctest --preset "$preset" -j "$(nproc)" "${exclude[@]}"
