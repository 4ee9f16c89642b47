#!/usr/bin/env python3
"""Findings per rule per 1,000 words on the clean development corpus, with sample lines.

    scripts/eval_rules.py [--corpus DIR] [--exe PATH] [--samples N] [--rule ID ...]

The corpus (../shared/corpus/clean: gum-wikinews and sotu by default) is published, edited
text, so a finding on it is more often a false alarm than in a draft: read the samples and
judge. Skips cleanly (exit 0) when the corpus is not there. By default the rules that are on
by default are measured, except spelling and the names rules; --all adds the rules that are
off by default, --rule picks some.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "clean"))
    ap.add_argument("--sets", nargs="*", default=["gum-wikinews", "sotu"])
    ap.add_argument("--exe", default=os.path.join(ROOT, "build", "dev", "copydesk"))
    ap.add_argument("--samples", type=int, default=5, help="sample findings shown per rule")
    ap.add_argument("--rule", nargs="*", help="only these rules")
    ap.add_argument("--all", action="store_true", help="include rules that are off by default")
    args = ap.parse_args()

    if not os.path.isdir(args.corpus):
        print(f"corpus not found at {args.corpus}; skipping")
        return 0
    if not os.path.exists(args.exe):
        print(f"copydesk not built at {args.exe}", file=sys.stderr)
        return 2

    listed = subprocess.run([args.exe, "rules"], capture_output=True, text=True, check=True)
    rules = []
    for line in listed.stdout.splitlines():
        parts = line.split()
        rule_id, category, on = parts[0], parts[1], parts[3] == "on"
        if category in ("spelling", "names"):
            continue
        if on or args.all or (args.rule and rule_id in args.rule):
            rules.append(rule_id)
    if args.rule:
        rules = [r for r in rules if r in args.rule]
    every = [line.split()[0] for line in listed.stdout.splitlines()]
    disable = [r for r in every if r not in rules]

    total_words = 0
    total_findings = 0
    for name in args.sets:
        folder = os.path.join(args.corpus, name)
        if not os.path.isdir(folder):
            print(f"{name}: not found, skipped")
            continue
        files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".txt"))
        words = 0
        lines_of = {}
        for f in files:
            with open(f, encoding="utf-8") as fh:
                text = fh.read()
            words += len(text.split())
            lines_of[f] = text.splitlines()
        cmd = [args.exe, "lint", "--format", "json", "--color", "never"]
        cmd += ["--enable=" + ",".join(rules)]
        if disable:
            cmd += ["--disable=" + ",".join(disable)]
        run = subprocess.run(cmd + files, capture_output=True, text=True)
        if run.returncode not in (0, 1):
            print(run.stderr, file=sys.stderr)
            return 2
        report = json.loads(run.stdout)
        per_rule = collections.defaultdict(list)
        for fr in report["files"]:
            for d in fr.get("diagnostics", []):
                per_rule[d["rule"]].append((fr["path"], d))
        count = sum(len(v) for v in per_rule.values())
        total_words += words
        total_findings += count
        print(f"== {name}: {len(files)} files, {words} words, {count} findings, "
              f"{1000.0 * count / max(words, 1):.3f} per 1,000 words")
        for rule in sorted(per_rule, key=lambda r: -len(per_rule[r])):
            found = per_rule[rule]
            print(f"  {rule}: {len(found)} ({1000.0 * len(found) / words:.3f} per 1,000 words)")
            for path, d in found[: args.samples]:
                line = lines_of[path][d["line"] - 1]
                col = d["column"] - 1
                excerpt = line[max(0, col - 50): col + 60].replace("\t", " ")
                print(f"    {os.path.basename(path)}:{d['line']}:{d['column']}: {d['message']}")
                print(f"      | {excerpt}")
    if total_words:
        print(f"== all: {total_words} words, {total_findings} findings, "
              f"{1000.0 * total_findings / total_words:.3f} per 1,000 words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
