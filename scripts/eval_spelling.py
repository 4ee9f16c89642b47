#!/usr/bin/env python3
"""Measures copydesk's spelling on the development corpus (../shared/corpus).

Prints, for each clean corpus, spelling warnings per 1,000 words and the most frequent flagged
words (to review by hand), and for each typo list the share of misspellings flagged, the
top-1 / top-5 suggestion accuracy and the CPU time per distinct misspelling. Skips cleanly
when the corpus is absent.

  scripts/eval_spelling.py [--exe build/dev/copydesk] [--lists wikipedia,codespell] [--limit N]
                           [--with-table] [--flags FILE] [-- extra copydesk arguments]

The typo lists are measured with the known-misspellings table switched off
(COPYDESK_NO_KNOWN_MISSPELLINGS=1), since the table is built from those same lists: the
figures are those of the candidate generator and ranker alone. --with-table measures with it.
Suggestions are compared without regard to case (the lists write "asian" for "Asian"), and a
hyphenated misspelling ("re-negociator") is judged on the part that copydesk flags. The
"capitalized" line repeats the list with each misspelling capitalized inside a sentence
("the Goverment said"), where a misspelling competes with the chance that it is a name.
"""
import argparse
import collections
import json
import os
import re
import resource
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['\u2019][A-Za-z]+)*")
LISTS = {
    "wikipedia": "typos/wikipedia-misspellings-npm.tsv",
    "codespell": "typos/codespell.tsv",
}


def lint_json(exe, paths, extra, env=None):
    proc = subprocess.run([exe, "lint", "--format", "json", *extra, *paths],
                          capture_output=True, text=True, env=env)
    if proc.returncode not in (0, 1):
        sys.exit(f"copydesk failed ({proc.returncode}): {proc.stderr}")
    return json.loads(proc.stdout)


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def clean_corpus(exe, corpus, name, extra, flags_out):
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
            word = data[d["offset"]:d["offset"] + d["length"]].decode("utf-8")
            flagged[word] += 1
            if flags_out:
                start = max(0, d["offset"] - 60)
                context = data[start:d["offset"] + d["length"] + 60].decode("utf-8", "replace")
                flags_out.write(f"{name}\t{os.path.basename(f['path'])}:{d['line']}\t{word}\t"
                                f"{' '.join(context.split())}\n")
    rate = 1000.0 * count / max(words, 1)
    print(f"{name:14} {words:8d} words  {count:5d} spelling warnings  {rate:5.2f} per 1,000")
    top = ", ".join(f"{w} ({n})" for w, n in flagged.most_common(25))
    print(f"{'':14} most flagged: {top}")


def read_pairs(corpus, name, limit):
    pairs = []
    with open(os.path.join(corpus, LISTS[name]), encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and parts[0] and not parts[0].startswith("#"):
                pairs.append((parts[0], parts[1]))
    return pairs[:limit] if limit else pairs


def expected_for(wrong, right, flagged):
    """The correction of the flagged part of a hyphenated misspelling, else the whole."""
    parts, fixed = wrong.split("-"), right.split("-")
    if "-" in wrong and len(parts) == len(fixed) and flagged in parts:
        return fixed[parts.index(flagged)]
    return right


def typo_list(exe, corpus, name, limit, extra, env, capitalized=False):
    pairs = read_pairs(corpus, name, limit)
    lines = []
    for wrong, _ in pairs:
        if capitalized:
            # Inside a sentence: the capital is evidence of a name.
            lines.append(f"They said the {wrong[:1].upper() + wrong[1:]} was there.")
        else:
            lines.append(wrong)  # one paragraph each: every word starts a sentence
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as tmp:
        tmp.write("".join(line + "\n\n" for line in lines))
        path = tmp.name
    before = children_cpu()
    result = lint_json(exe, ["--disable", "repeated-word", path], extra, env)
    cpu = children_cpu() - before
    os.unlink(path)
    by_line = {}
    for d in result["files"][0].get("diagnostics", []):
        if d["rule"] == "spelling":
            by_line.setdefault(d["line"], d)
    flagged = top1 = top5 = reachable = 0
    misses = []
    for i, (wrong, right) in enumerate(pairs):
        d = by_line.get(2 * i + 1)
        if d is None:
            misses.append(wrong)
            continue
        flagged += 1
        token = lines[i][d["column"] - 1:d["end_column"] - 1]
        want = expected_for(wrong.lower(), right.lower(), token.lower())
        sugg = [x.lower() for x in d["suggestions"]]
        top1 += bool(sugg) and sugg[0] == want
        top5 += want in sugg[:5]
    n = len(pairs)
    distinct = len({w.lower() for w, _ in pairs})
    label = name + (" capitalized" if capitalized else "")
    print(f"{label:22} {n:6d} misspellings  flagged {100.0 * flagged / n:5.1f}%  "
          f"top-1 {100.0 * top1 / n:5.1f}%  top-5 {100.0 * top5 / n:5.1f}%  "
          f"{1000.0 * cpu / distinct:6.3f} ms CPU per distinct misspelling (whole run)")
    if misses:
        print(f"{'':22} not flagged (first 20): {', '.join(misses[:20])}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--exe", default=os.path.join(ROOT, "build", "dev", "copydesk"))
    ap.add_argument("--corpus", default=os.environ.get("COPYDESK_CORPUS",
                                                       os.path.join(ROOT, "..", "shared", "corpus")))
    ap.add_argument("--clean", default="gum-wikinews,sotu,moby-dick")
    ap.add_argument("--lists", default="wikipedia,codespell")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N entries of each list")
    ap.add_argument("--with-table", action="store_true",
                    help="keep the known-misspellings table on for the typo lists")
    ap.add_argument("--capitalized", action="store_true",
                    help="also measure each list capitalized inside a sentence")
    ap.add_argument("--flags", help="write every clean-text spelling warning with its context here")
    ap.add_argument("extra", nargs="*", help="extra copydesk lint arguments (after --)")
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    if not os.access(args.exe, os.X_OK):
        sys.exit(f"no copydesk executable at {args.exe}: build it first")
    flags_out = open(args.flags, "w", encoding="utf-8") if args.flags else None
    print("== clean text: spelling warnings")
    for name in filter(None, args.clean.split(",")):
        clean_corpus(args.exe, args.corpus, name, args.extra, flags_out)
    if flags_out:
        flags_out.close()
    env = dict(os.environ)
    if not args.with_table:
        env["COPYDESK_NO_KNOWN_MISSPELLINGS"] = "1"
    table = "on" if args.with_table else "off"
    print(f"== typo lists: each misspelling alone (known-misspellings table {table})")
    for name in filter(None, args.lists.split(",")):
        typo_list(args.exe, args.corpus, name, args.limit, args.extra, env)
        if args.capitalized:
            typo_list(args.exe, args.corpus, name, args.limit, args.extra, env, True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
