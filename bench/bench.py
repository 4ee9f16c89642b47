#!/usr/bin/env python3
"""Throughput and latency of copydesk on the development corpus, with `hunspell -l` as reference.

Prints MB/s and words/s for the whole pipeline over ../shared/corpus/clean (cold: first pass,
every distinct misspelling gets suggestions; warm: the same files linted again in the same
process, one pass of three), on one core and on all cores, the median of seven runs (one- and
three-pass runs taken in turn, so that a slow spell of the machine falls on both) with the best
run beside it, and the one-core cold pass also by its CPU time (user and system time of every
thread, the loading threads included); the same files in a new process with --cache, every file
found in the cache (the persistent cache a re-run in CI or a pre-commit hook uses); the cold
figure of each part of the corpus (its folders), beside the distinct unknown words it holds per
MB; per-article latency (process start to exit, p50 and p99); peak memory; the cost of one
misspelling's suggestions; and `hunspell -l` over the same files. Skips cleanly without the
corpus.

A machine's speed drifts by tens of percent over minutes, so figures from two runs of this
script cannot compare two builds. --against OTHER runs OTHER's figures in the same rounds,
each round's runs in a new random order, and prints both. --instructions adds the
instructions (valgrind) of a cold pass, a warm pass and one article, which do not drift.

  bench/bench.py [--exe build/release/copydesk] [--against OTHER_EXE] [--instructions]
                 [--corpus ../shared/corpus] [--articles 200]
"""
import argparse
import collections
import json
import os
import random
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


Run = collections.namedtuple("Run", "seconds peak cpu")


def run(cmd, stdin=None):
    """Runs cmd, returns its wall time in seconds, the peak RSS of the child in MiB and the
    CPU time (user and system, every thread) it took."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return Run(elapsed, max(after.ru_maxrss, before.ru_maxrss) / 1024.0, cpu)


def instructions_of(cmd):
    """The instructions valgrind counts running cmd, or None."""
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                           *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    found = re.search(r"refs:\s+([\d,]+)", proc.stderr)
    return int(found.group(1).replace(",", "")) if found else None


def instructions(exe, files, article, label=""):
    """Prints the instructions of a cold pass over `files`, of a warm pass (two passes less
    one) and of linting `article` alone, process start to exit: figures that do not drift with
    the machine, for comparing builds."""
    if not shutil.which("valgrind"):
        print(f"{label}instructions: skipped (apt-get install valgrind)")
        return
    lint = [exe, "lint", "--format", "json", "-j", "1"]
    one = instructions_of([*lint, *files])
    two = instructions_of([*lint, *files, *files])
    single = instructions_of([*lint, article])
    if one is None or two is None or single is None:
        print(f"{label}instructions: valgrind gave no count")
        return
    print(f"{label}instructions: cold pass {one / 1e6:.1f} M, warm pass {(two - one) / 1e6:.1f} M, "
          f"one article {single / 1e6:.1f} M")


def supports_jobs(exe):
    out = subprocess.run([exe, "lint", "--help"], capture_output=True, text=True).stdout
    return "-j" in out


def supports_cache(exe):
    out = subprocess.run([exe, "lint", "--help"], capture_output=True, text=True).stdout
    return "--cache-dir" in out


def cached_runs(exe, files, jflag, rounds=7):
    """Seconds of runs (process start to exit) over `files` with --cache when every file is
    in the cache already: one run fills it, then `rounds` are timed."""
    with tempfile.TemporaryDirectory() as cache:
        cmd = [exe, "lint", "--format", "json", *jflag, "--cache-dir", cache, *files]
        run(cmd)
        return [run(cmd)[0] for _ in range(rounds)]


def cold_by_part(exe, clean, files, label="", rounds=5):
    """Prints the cold figure of each part of the corpus (its top-level folders) on one core, with
    the distinct words it reports as unknown per MB: the cold pass costs what its distinct new
    words cost (lookups, name checks, suggestions), which differs from one kind of text to
    another far more than its length does."""
    parts = {}
    for f in files:
        parts.setdefault(os.path.relpath(f, clean).split(os.sep)[0], []).append(f)
    for part, members in sorted(parts.items()):
        size = sum(os.path.getsize(f) for f in members) / 1e6
        cmd = [exe, "lint", "--format", "json", "-j", "1", *members]
        times = [run(cmd)[0] for _ in range(rounds)]
        out = subprocess.run(cmd, capture_output=True, text=True).stdout
        unknown = set()
        for report in json.loads(out).get("files", []):
            with open(report["path"], "rb") as fh:
                text = fh.read()
            for d in report.get("diagnostics", []):
                if d.get("rule") == "spelling":
                    unknown.add(text[d["offset"]:d["offset"] + d["length"]].lower())
        print(f"{label}  cold, one core, {part}: {size / statistics.median(times):7.1f} MB/s "
              f"({size:.2f} MB, {len(unknown) / size:.0f} distinct unknown words per MB)")


def suggestion_cost(exe, corpus, count=2000, label=""):
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
    print(f"{label}suggestions: {1000 * per:.3f} ms per distinct misspelling "
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
    ap.add_argument("--against", help="another copydesk to measure in the same rounds")
    ap.add_argument("--instructions", action="store_true",
                    help="also count instructions with valgrind (a few minutes)")
    args = ap.parse_args()
    clean = os.path.join(args.corpus, "clean")
    if not os.path.isdir(clean):
        print(f"skipped: no corpus at {clean}")
        return 0
    exes = [args.exe] + ([args.against] if args.against else [])
    # Each figure's line names its program when there are two.
    label = {exe: (f"[{exe}] " if args.against else "") for exe in exes}
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(clean) for f in fs)
    size = sum(os.path.getsize(f) for f in files)
    words = 0
    for f in files:
        with open(f, encoding="utf-8", errors="replace") as fh:
            words += len(WORD.findall(fh.read()))
    mb = size / 1e6
    print(f"corpus: {len(files)} files, {mb:.1f} MB, {words} words ({', '.join(exes)})")

    cores = os.cpu_count() or 1
    parallel = all(supports_jobs(exe) for exe in exes) and cores > 1
    job_counts = [1, cores] if parallel else [1]
    cold_one_core = None
    for jobs in job_counts:
        jflag = ["-j", str(jobs)] if len(job_counts) > 1 else []
        # Runs of one pass and of three passes, taken in turn: a warm pass is the difference
        # over two, which a single run of each leaves to the machine's noise. Medians, with
        # the figure from the best runs beside them.
        ones = {exe: [] for exe in exes}
        threes = {exe: [] for exe in exes}
        cpu_ones = {exe: [] for exe in exes}
        peak = {exe: 0.0 for exe in exes}
        for _ in range(7):
            runs = [(exe, passes) for exe in exes for passes in (1, 3)]
            random.shuffle(runs)
            for exe, passes in runs:
                r = run([exe, "lint", "--format", "json", *jflag, *(files * passes)])
                (ones if passes == 1 else threes)[exe].append(r.seconds)
                if passes == 1:
                    cpu_ones[exe].append(r.cpu)
                peak[exe] = max(peak[exe], r.peak)
        for exe in exes:
            once, best_once = statistics.median(ones[exe]), min(ones[exe])
            warm = (statistics.median(threes[exe]) - once) / 2
            best_warm = (min(threes[exe]) - best_once) / 2
            if jobs == 1 and exe == args.exe:
                cold_one_core = once
            warm_text = (f"warm {mb / warm:7.1f} MB/s {words / warm:10.0f} words/s "
                         f"(best runs: {mb / best_warm:.1f})" if warm > 0 and best_warm > 0 else
                         "warm: not measured (the runs varied more than a pass takes)")
            print(f"{label[exe]}{jobs} core(s): cold {mb / once:7.1f} MB/s "
                  f"{words / once:10.0f} words/s (best run: {mb / best_once:.1f})   "
                  f"{warm_text}   peak {peak[exe]:.0f} MiB")
            if jobs == 1:
                # CPU time counts the loading threads too, which wall time on an idle machine
                # hides (they run beside the first file). A busy machine raises it as well.
                cpu = statistics.median(cpu_ones[exe])
                print(f"{label[exe]}1 core(s): cold by CPU time (user + system, every thread) "
                      f"{mb / cpu:7.1f} MB/s (best run: {mb / min(cpu_ones[exe]):.1f})")
        if jobs == 1:
            for exe in exes:
                cold_by_part(exe, clean, files, label[exe])
        # A persistent cache (--cache): a run over files linted before, unchanged.
        for exe in exes:
            if not supports_cache(exe):
                continue
            times = cached_runs(exe, files, jflag)
            cached = statistics.median(times)
            print(f"{label[exe]}{jobs} core(s): from the cache (--cache, all files unchanged, "
                  f"process start to exit) {mb / cached:7.1f} MB/s "
                  f"{words / cached:10.0f} words/s (best run: {mb / min(times):.1f})")

    sample = files[:: max(1, len(files) // args.articles)][: args.articles]
    latencies = {exe: [] for exe in exes}
    for f in sample:
        for exe in random.sample(exes, len(exes)):
            latencies[exe].append(run([exe, "lint", "--format", "json", f]).seconds * 1000)
    for exe in exes:
        times = sorted(latencies[exe])
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        print(f"{label[exe]}per article (process start to exit, {len(times)} articles): "
              f"p50 {statistics.median(times):.1f} ms  p99 {p99:.1f} ms")

    for _ in range(2 if args.against else 1):
        for exe in exes:
            suggestion_cost(exe, args.corpus, label=label[exe])
    if args.instructions:
        for exe in exes:
            instructions(exe, files, sample[0], label[exe])

    hunspell = shutil.which("hunspell")
    if hunspell:
        t = 0.0
        for f in files:
            with open(f, "rb") as fh:
                t += run([hunspell, "-d", "en_US", "-l"], stdin=fh).seconds
        # One process a file is slow: print enough digits that the figure is not 0.0.
        print(f"hunspell -l (reference, one process a file): {mb / t:9.3f} MB/s  "
              f"copydesk on one core, cold, is {t / cold_one_core:.1f}x faster")
    else:
        print("hunspell -l: not installed (apt-get install hunspell)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
