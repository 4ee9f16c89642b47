#!/usr/bin/env python3
"""Checks the Markdown and HTML readers against plain text on real articles, and their speed.

Each clean article of the development corpus (../shared/corpus) is written three ways: as
plain text; as Markdown (front matter holding the headline, entities for typographic
characters, backslash escapes for Markdown punctuation, emphasis, a code span and a fenced
code block); as HTML (a page with head, script, style, entities, inline tags and comments).
copydesk must report the same findings on the same words in all three. Prints the mismatches
and, for each format, the throughput in MB/s of reading, segmenting and running the rules
that need no dictionary (spelling off), on the articles joined into one large file. Skips
cleanly when the corpus is absent.

  scripts/eval_markup.py [--exe build/dev/copydesk] [--corpus gum-wikinews] [--mb 8]
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENTITY = {"\u2019": "&rsquo;", "\u2018": "&lsquo;", "\u201c": "&ldquo;", "\u201d": "&rdquo;",
          "\u2014": "&mdash;", "\u2013": "&#8211;", "\u00e9": "&eacute;", "\u00a0": "&nbsp;",
          "\u00e8": "&#xE8;"}
MD_PUNCT = set("\\`*_[]<>#|~&!")


def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text.strip("\n")) if p.strip()]


def entities(text):
    return "".join(ENTITY.get(c, c) for c in text)


def to_markdown(paras):
    out = ["---", "title: " + json.dumps(paras[0], ensure_ascii=False), "author: Wikinews",
           "tags: [news, teh]", "---", ""]
    for i, p in enumerate(paras[1:]):
        body = "".join("\\" + c if c in MD_PUNCT else c for c in p)
        # Markdown would read a line starting with these as a list, a heading or a quote.
        body = "\n".join(re.sub(r"^(\s*)([-+=]|\d+[.)])", r"\1\\\2", line) if line else line
                         for line in body.split("\n"))
        words = body.split(" ")
        if len(words) > 6 and re.fullmatch(r"[A-Za-z]+", words[3]):
            words[3] = "*" + words[3] + "*"
            body = " ".join(words)
        out.append(entities(body))
        out.append("")
        if i % 5 == 2:
            out += ["```", "teh code block", "```", ""]
    return "\n".join(out)


def to_html(paras):
    out = ["<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\">",
           "<title>" + entities(html.escape(paras[0], quote=False)) + "</title>",
           "<style>p { teh: 1 }</style><script>var teh = 1;</script></head><body>"]
    for i, p in enumerate(paras[1:]):
        body = entities(html.escape(p, quote=False))
        words = body.split(" ")
        if len(words) > 6 and re.fullmatch(r"[A-Za-z]+", words[2]):
            words[2] = "<em>" + words[2] + "</em>"
            body = " ".join(words)
        out.append("<p>" + body + "</p>")
        if i % 5 == 2:
            out.append("<!-- teh comment --><pre>teh code</pre>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def to_plain(paras):
    return "\n\n".join(paras) + "\n"


def lint(exe, paths, extra=()):
    proc = subprocess.run([exe, "lint", "--format", "json", *extra, *paths],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"copydesk failed ({proc.returncode}): {proc.stderr}")
    return json.loads(proc.stdout)


def flagged_prose(data, d, fmt):
    raw = data[d["offset"]:d["offset"] + d["length"]].decode("utf-8")
    if fmt == "md":
        raw = re.sub(r"\\(.)", r"\1", raw).replace("*", "")
    if fmt in ("md", "html"):
        raw = re.sub(r"</?em>", "", html.unescape(raw))
    return raw


AT_POSITION = re.compile(r" at \d+:\d+")


def findings(report, fmt):
    out = {}
    for f in report["files"]:
        with open(f["path"], "rb") as fh:
            data = fh.read()
        key = os.path.splitext(os.path.basename(f["path"]))[0]
        # Messages that point at an earlier use ("first at 5:30") name a line and column of
        # their own format: compare them without it.
        out[key] = [(d["rule"], AT_POSITION.sub(" at L:C", d["message"]), flagged_prose(data, d, fmt))
                    for d in f.get("diagnostics", [])]
    return out


def joined(fmt, texts):
    """One large document of the format from the converted articles."""
    if fmt == "html":
        bodies = [t[t.index("<body>") + 6:t.rindex("</body>")] for t in texts]
        return texts[0][:texts[0].index("<body>") + 6] + "\n".join(bodies) + "</body></html>\n"
    if fmt == "md":
        return texts[0] + "\n".join(t[t.index("\n---\n") + 5:] for t in texts[1:])
    return "\n".join(texts)


def speed(args, paths, work):
    print("format     MB   MB/s  (spelling off: reader, segmenter, other rules; best of 3)")
    for fmt in ("txt", "md", "html"):
        texts = []
        for p in paths[fmt]:
            with open(p, encoding="utf-8") as fh:
                texts.append(fh.read())
        one = joined(fmt, texts)
        copies = max(1, int(args.mb * 1e6 / max(len(one.encode()), 1)))
        big = joined(fmt, [one] * copies) if fmt != "md" else one + ("\n" + one[one.index("\n---\n") + 5:]) * (copies - 1)
        path = os.path.join(work, "big." + fmt)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(big)
        size = os.path.getsize(path)
        best = None
        for _ in range(3):
            start = time.perf_counter()
            lint(args.exe, [path], ["--disable", "spelling"])
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        print(f"{fmt:6} {size / 1e6:6.2f} {size / 1e6 / best:6.2f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", default=os.path.join(ROOT, "build", "dev", "copydesk"))
    ap.add_argument("--corpus", default="gum-wikinews")
    ap.add_argument("--mb", type=float, default=8.0, help="size of the speed test files")
    args = ap.parse_args()
    folder = os.path.join(ROOT, "..", "shared", "corpus", "clean", args.corpus)
    if not os.path.isdir(folder):
        print(f"skipped: no corpus at {folder}")
        return
    work = tempfile.mkdtemp(prefix="copydesk-markup-")
    try:
        paths = {"txt": [], "md": [], "html": []}
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                paras = paragraphs(fh.read())
            if len(paras) < 2:
                continue
            stem = os.path.splitext(name)[0]
            for fmt, write in (("txt", to_plain), ("md", to_markdown), ("html", to_html)):
                path = os.path.join(work, fmt, stem + "." + fmt)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as fh:
                    fh.write(write(paras))
                paths[fmt].append(path)
        results = {}
        for fmt in ("txt", "md", "html"):
            results[fmt] = findings(lint(args.exe, paths[fmt]), fmt)
        print("format  files  findings")
        for fmt in ("txt", "md", "html"):
            total = sum(len(v) for v in results[fmt].values())
            print(f"{fmt:6} {len(paths[fmt]):6d} {total:9d}")
        speed(args, paths, work)
        mismatches = 0
        for fmt in ("md", "html"):
            for stem, expected in sorted(results["txt"].items()):
                got = results[fmt].get(stem, [])
                if got != expected:
                    mismatches += 1
                    print(f"MISMATCH {fmt} {stem}:")
                    for line in sorted(set(expected) ^ set(got)):
                        side = "plain only" if line in expected else fmt + " only"
                        print(f"    {side}: {line}")
        print(f"{mismatches} of {2 * len(results['txt'])} converted articles differ from plain text")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
