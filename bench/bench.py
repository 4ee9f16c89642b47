#!/usr/bin/env python3
"""Throughput and latency of copydesk on the development corpus, with `hunspell -l` as reference.

Prints MB/s and words/s for the whole pipeline over ../shared/corpus/clean (cold: first pass,
every distinct misspelling gets suggestions; warm: the same files linted again in the same
process, one pass of three), on one core and on all cores, the median of seven runs (one- and
three-pass runs taken in turn, so that a slow spell of the machine falls on both) with the best
run beside it; per-article
latency (process start to exit, p50 and p99); peak memory; the cost of one misspelling's
suggestions; and `hunspell -l` over the same files. Skips cleanly without the corpus.

  bench/bench.py [--exe build/release/copydesk] [--corpus ../shared/corpus] [--articles 200]
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+")


def run(cmd, stdin=None):
    """Runs cmd, returns (seconds, peak RSS of the child in MiB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024.0


def supports_jobs(exe):
    out = subprocess.run([exe, "lint", "--help"], capture_output=True, text=True).stdout
    return "-j" in out


def suggestion_cost(exe, corpus, count=2000):
    """Prints the time one distinct misspelling costs: linting the first `count` misspellings of
    the codespell list, one paragraph each, less linting their corrections laid out the same
    way (best of three runs each, one thread)."""
    path = os.path.join(corpus, "typos", "codespell.tsv")
    if not os.path.exists(path):
        print("suggestions: skipped (no typos/codespell.tsv in the corpus)")
        return
    wrong, right, seen = [], [], set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and parts[0] and not parts[0].startswith("#"):
                if parts[0].lower() not in seen:
                    seen.add(parts[0].lower())
                    wrong.append(parts[0])
                    right.append(parts[1])
            if len(wrong) == count:
                break
    times = []
    for words in (wrong, right):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False,
                                         encoding="utf-8") as tmp:
            tmp.write("".join(w + "\n\n" for w in words))
        try:
            times.append(min(run([exe, "lint", "--format", "json", "-j", "1", tmp.name])[0]
                             for _ in range(3)))
        finally:
            os.unlink(tmp.name)
    per = (times[0] - times[1]) / len(wrong)
    print(f"suggestions: {1000 * per:.3f} ms per distinct misspelling "
          f"({len(wrong)} from typos/codespell.tsv, less their corrections)")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    default_exe = os.path.join(ROOT, "build", "release", "copydesk")
    if not os.path.exists(default_exe):
        default_exe = os.path.join(ROOT, "build", "dev", "copydesk")
    ap.add_argument("--exe", default=default_exe)
    ap.add_argument("--corpus", default=os.environ.get(
        "COPYDESK_CORPUS", os.path.join(ROOT, "..", "shared", "corpus")))
    ap.add_argument("--articles", type=int, default=200, help="articles timed one process each")
    args = ap.parse_args()
    clean = os.path.join(args.corpus, "clean")
    if not os.path.isdir(clean):
        print(f"skipped: no corpus at {clean}")
        return 0
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(clean) for f in fs)
    size = sum(os.path.getsize(f) for f in files)
    words = 0
    for f in files:
        with open(f, encoding="utf-8", errors="replace") as fh:
            words += len(WORD.findall(fh.read()))
    mb = size / 1e6
    print(f"corpus: {len(files)} files, {mb:.1f} MB, {words} words ({args.exe})")

    cores = os.cpu_count() or 1
    job_counts = [1, cores] if supports_jobs(args.exe) and cores > 1 else [1]
    cold_one_core = None
    for jobs in job_counts:
        jflag = ["-j", str(jobs)] if len(job_counts) > 1 else []
        # Runs of one pass and of three passes, taken in turn: a warm pass is the difference
        # over two, which a single run of each leaves to the machine's noise. Medians, with
        # the figure from the best runs beside them.
        ones, threes = [], []
        peak = 0.0
        for _ in range(7):
            t, p = run([args.exe, "lint", "--format", "json", *jflag, *files])
            ones.append(t)
            peak = max(peak, p)
            t, p = run([args.exe, "lint", "--format", "json", *jflag, *files, *files, *files])
            threes.append(t)
            peak = max(peak, p)
        once, best_once = statistics.median(ones), min(ones)
        warm = (statistics.median(threes) - once) / 2
        best_warm = (min(threes) - best_once) / 2
        if jobs == 1:
            cold_one_core = once
        warm_text = (f"warm {mb / warm:7.1f} MB/s {words / warm:10.0f} words/s "
                     f"(best runs: {mb / best_warm:.1f})" if warm > 0 and best_warm > 0 else
                     "warm: not measured (the runs varied more than a pass takes)")
        print(f"{jobs} core(s): cold {mb / once:7.1f} MB/s {words / once:10.0f} words/s "
              f"(best run: {mb / best_once:.1f})   {warm_text}   peak {peak:.0f} MiB")

    sample = files[:: max(1, len(files) // args.articles)][: args.articles]
    latencies = []
    for f in sample:
        t, _ = run([args.exe, "lint", "--format", "json", f])
        latencies.append(t * 1000)
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(f"per article (process start to exit, {len(latencies)} articles): "
          f"p50 {statistics.median(latencies):.1f} ms  p99 {p99:.1f} ms")

    suggestion_cost(args.exe, args.corpus)

    hunspell = shutil.which("hunspell")
    if hunspell:
        t = 0.0
        for f in files:
            with open(f, "rb") as fh:
                dt, _ = run([hunspell, "-d", "en_US", "-l"], stdin=fh)
                t += dt
        # One process a file is slow: print enough digits that the figure is not 0.0.
        print(f"hunspell -l (reference, one process a file): {mb / t:9.3f} MB/s  "
              f"copydesk on one core, cold, is {t / cold_one_core:.1f}x faster")
    else:
        print("hunspell -l: not installed (apt-get install hunspell)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
