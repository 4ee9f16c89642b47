#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan: build preset `fuzz`, in the `asan` build,
# which also runs the test suite under the sanitizers) and fuzzes each one for SECONDS (default
# 60), as many at once as there are cores. Each target (lint_fuzzer, ...) starts from its seeds
# (tests/fuzz/corpus/lint) and past failures (tests/fuzz/regressions/lint); what it learns stays
# in build/fuzz/work/<target>, so a later run goes on from there.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. scripts/fuzz.sh 600 lsp_fuzzer
#
# Exits 1 if a target crashed, hung (an input ran over 10 s) or ran out of memory (2 GB); the
# input is in build/fuzz/artifacts/<target>/. Fix it, then keep it as a regression test:
# copy it into tests/fuzz/regressions/lint/ (for lint_fuzzer; the test suite replays it).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
cmake --preset asan -DCOPYDESK_UNITY_BUILD="${COPYDESK_UNITY_BUILD:-OFF}" >/dev/null
cmake --build --preset fuzz
if [ $# -gt 0 ]; then
    targets=("$@")
else
    targets=()
    for f in tests/fuzz/*_fuzzer.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi

run() {
    local t=$1 work=build/fuzz/work/$1 artifacts=build/fuzz/artifacts/$1/
    mkdir -p "$work" "$artifacts"
    local seeds=(tests/fuzz/corpus/"${t%_fuzzer}")
    [ -d tests/fuzz/regressions/"${t%_fuzzer}" ] && seeds+=(tests/fuzz/regressions/"${t%_fuzzer}")
    # -timeout: an input that takes 30 s is taken for a hang.
    if build/asan/tests/fuzz/"$t" "$work" "${seeds[@]}" -max_total_time="$seconds" \
        -timeout=30 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$artifacts" >build/fuzz/"$t".log 2>&1; then
        echo "$t: $(grep -o 'stat::number_of_executed_units: *[0-9]*' build/fuzz/"$t".log |
            grep -o '[0-9]*$') inputs in ${seconds}s, no failure"
    else
        echo "$t: FAILED, see build/fuzz/$t.log and $artifacts" >&2
        tail -n 40 build/fuzz/"$t".log >&2
        return 1
    fi
}

# Up to one target per core at once; each leaves its verdict in build/fuzz/<target>.status.
for t in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$(nproc)" ]; do sleep 1; done
    rm -f build/fuzz/"$t".status
    (run "$t" && echo ok >build/fuzz/"$t".status) &
done
wait
status=0
for t in "${targets[@]}"; do [ -f build/fuzz/"$t".status ] || status=1; done
exit $status
