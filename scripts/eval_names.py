#!/usr/bin/env python3
"""Runs only the names rules (name-variant, name-consistency) over the development corpus.

For each clean corpus in ../shared/corpus/clean and each style (none, ap, reuters, bbc,
guardian) it prints how many findings each rule makes per 1,000 words and every finding, as
`file:line:col rule 'flagged text': message`, to be read by an editor. With --startup N it also
measures what loading the names database adds to a run: the mean wall time of N runs on a
one-line file with no rule on, with only name-variant on (which loads the database and nothing
else), and with the default rules. Skips cleanly when the corpus is absent.

  scripts/eval_names.py [--exe build/dev/copydesk] [--styles none,ap] [--summary] [--startup 30]
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['\u2019][A-Za-z]+)*")
NAME_RULES = ("name-variant", "name-consistency")


def other_rules(exe):
    out = subprocess.run([exe, "rules"], capture_output=True, text=True, check=True).stdout
    ids = [line.split()[0] for line in out.splitlines() if line.strip()]
    return [i for i in ids if i not in NAME_RULES]


def lint(exe, paths, style, disable):
    # Paths first: --disable takes every value that follows it.
    args = [exe, "lint", *paths, "--format", "json", "--disable", ",".join(disable)]
    if style != "none":
        args += ["--style", style]
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"copydesk failed ({proc.returncode}): {proc.stderr}")
    return json.loads(proc.stdout)


def corpus_run(exe, folder, style, disable, summary):
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
    words = 0
    for f in files:
        with open(f, encoding="utf-8") as fh:
            words += len(WORD.findall(fh.read()))
    result = lint(exe, files, style, disable)
    counts = collections.Counter()
    lines = []
    for f in result["files"]:
        with open(f["path"], "rb") as fh:
            data = fh.read()
        for d in f.get("diagnostics", []):
            counts[d["rule"]] += 1
            text = data[d["offset"]:d["offset"] + d["length"]].decode("utf-8")
            where = f"{os.path.basename(f['path'])}:{d['line']}:{d['column']}"
            lines.append(f"    {where} {d['rule']} '{text}': {d['message']}")
    name = os.path.basename(folder)
    per = ", ".join(f"{r} {counts[r]} ({1000.0 * counts[r] / max(words, 1):.2f}/1,000)"
                    for r in NAME_RULES)
    print(f"{name:13} style {style:9} {words:8d} words  {per}")
    if not summary:
        for line in lines:
            print(line)


def startup(exe, runs, disable):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write("The minister said talks would resume on Monday.\n")
        path = fh.name
    try:
        def mean(extra):
            begin = time.perf_counter()
            for _ in range(runs):
                subprocess.run([exe, "lint", path, "--format", "line", *extra],
                               capture_output=True)
            return 1000.0 * (time.perf_counter() - begin) / runs
        everything = disable + list(NAME_RULES)
        nothing = mean(["--disable", ",".join(everything)])
        names_only = mean(["--disable", ",".join(disable + ["name-consistency"])])
        default = mean([])
        print(f"start-up, mean of {runs} runs on a one-line file: no rules {nothing:.1f} ms, "
              f"name-variant only (loads the names database) {names_only:.1f} ms "
              f"({names_only - nothing:+.1f} ms), all default rules {default:.1f} ms")
    finally:
        os.unlink(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--exe", default=os.path.join(ROOT, "build", "dev", "copydesk"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--styles", default="none,ap,reuters,bbc,guardian")
    ap.add_argument("--summary", action="store_true", help="counts only, no findings")
    ap.add_argument("--startup", type=int, default=0, metavar="N",
                    help="also time N runs with the names rules on and off")
    args = ap.parse_args()
    if not os.access(args.exe, os.X_OK):
        sys.exit(f"no copydesk at {args.exe}: build it first")
    disable = other_rules(args.exe)
    clean = os.path.join(args.corpus, "clean")
    if not os.path.isdir(clean):
        print(f"corpus not found at {clean}: skipping the corpus run")
    else:
        for name in sorted(os.listdir(clean)):
            folder = os.path.join(clean, name)
            if not os.path.isdir(folder):
                continue
            for style in args.styles.split(","):
                corpus_run(args.exe, folder, style, disable, args.summary)
    if args.startup:
        startup(args.exe, args.startup, disable)


if __name__ == "__main__":
    main()
