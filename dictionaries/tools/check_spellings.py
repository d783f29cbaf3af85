#!/usr/bin/env python3
"""Checks the misspellings and variant spellings added to dictionaries/countries.toml.

Usage:
    python3 dictionaries/tools/check_spellings.py [--base REV] [--probs FILE]

Compares the country dictionary with its version at git revision REV (default: the commit
before the spellings were added) and checks every string added to a country's `names` or
`adjectives`:

1. Not a common word: the unigram log probability of its lower-case form (summed over its
   words for a multi-word string) must not exceed that of the correct form, compared in lower
   case too, nor may a one-word string's written form be more probable than the written correct
   form (a common other proper noun: "Columbia"). The correct forms are the field's first
   (canonical) entry and the entry most similar to the added string ("Phillipines" ->
   "Philippines", "Kazahkstan" -> "Kazakhstan" and "Kazakstan"), of those the ones with as
   many words as the added string (the most similar one if neither has); it must pass against
   each. Probabilities come
   from spacy-lookups-data's `en_lexeme_prob.json.gz` (word -> log probability); an unseen word
   gets the table's out-of-vocabulary probability.
2. Unique: the string (case-insensitive, typographic quotes folded, and for an adjective also
   its generated plural) appears nowhere else in dictionaries/ under another code: no country
   entry with another code, no organization, agent term, person, event or lexicon word.

Prints one line per added string and exits 1 when any check fails. Standard library only.
"""

import argparse
import difflib
import gzip
import json
import math
import os
import subprocess
import sys
import tomllib

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DICT = os.path.join(ROOT, "dictionaries")
COUNTRIES = "dictionaries/countries.toml"
DEFAULT_BASE = "d163968"
DEFAULT_PROBS = "/work/shared/data/lexicon/spacy-lookups-data/en_lexeme_prob.json.gz"
FIELDS = ("names", "adjectives")
SKIP_KEYS = {"note", "code", "from", "to", "placement", "target_required"}


def norm(s):
    """The matcher's view of a string: lower case, typographic quotes and dashes folded."""
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'),
                 ("\u2013", "-"), ("\u2014", "-")):
        s = s.replace(a, b)
    return " ".join(s.lower().split())


def regular_plural(phrase):
    """herald_dict::model::regular_plural of the last word."""
    words = phrase.split(" ")
    w = words[-1]
    if len(w) >= 2 and w.endswith("y") and w[-2] not in "aeiou":
        w = w[:-1] + "ies"
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        w = w + "es"
    else:
        w = w + "s"
    return " ".join(words[:-1] + [w])


def nwords(s):
    return len(s.replace("-", " ").split())


def countries_at(rev):
    text = subprocess.run(["git", "show", f"{rev}:{COUNTRIES}"], cwd=ROOT, check=True,
                          capture_output=True).stdout.decode()
    return tomllib.loads(text)["country"]


def all_strings():
    """(normalized string, code or None, where) for every string in every dictionary file."""
    out = []

    def walk(v, code, where, key=None, plural=False):
        if isinstance(v, dict):
            c = v.get("code", code) if isinstance(v.get("code"), str) else code
            for k, x in v.items():
                if k not in SKIP_KEYS:
                    walk(x, c, where, k, k in ("adjectives", "terms"))
        elif isinstance(v, list):
            for x in v:
                walk(x, code, where, key, plural)
        elif isinstance(v, str):
            out.append((norm(v), code, f"{where}:{key}"))
            if plural:
                out.append((regular_plural(norm(v)), code, f"{where}:{key} (plural)"))

    for dirpath, _, files in os.walk(DICT):
        for f in sorted(files):
            if f.endswith(".toml"):
                path = os.path.join(dirpath, f)
                rel = os.path.relpath(path, ROOT)
                with open(path, "rb") as fh:
                    data = tomllib.load(fh)
                for table, entries in data.items():
                    for i, e in enumerate(entries if isinstance(entries, list) else [entries]):
                        walk(e, None, f"{rel}[{table}#{i}]")
    return out


class Probs:
    def __init__(self, path):
        with gzip.open(path) as f:
            self.p = json.load(f)
        settings = os.path.join(os.path.dirname(path), "en_lexeme_settings.json.gz")
        try:
            with gzip.open(settings) as f:
                self.oov = json.load(f)["oov_prob"]
        except OSError:
            self.oov = min(self.p.values())

    def __call__(self, phrase):
        words = phrase.replace("-", " ").split()
        return sum(self.p.get(w, self.oov) for w in words) if words else -math.inf


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", default=DEFAULT_BASE, help="git revision before the additions")
    ap.add_argument("--probs", default=DEFAULT_PROBS, help="en_lexeme_prob.json.gz")
    args = ap.parse_args()

    prob = Probs(args.probs)
    before = countries_at(args.base)
    with open(os.path.join(ROOT, COUNTRIES), "rb") as f:
        now = tomllib.load(f)["country"]
    if len(before) != len(now):
        sys.exit("the number of [[country]] entries changed; cannot pair them")
    strings = all_strings()

    failures = 0
    added = 0
    codes = set()
    # A name moved from one country to another ("Congo" from COG to COD) is a decision about
    # which country a name means, not a spelling: only misspellings and variants are checked.
    moved = {norm(s) for old in before for field in FIELDS for s in old.get(field, [])}
    for old, new in zip(before, now):
        code = new["code"]
        for field in FIELDS:
            had = old.get(field, [])
            had_norm = {norm(s) for s in had}
            for s in new.get(field, []):
                if norm(s) in had_norm:
                    continue
                if norm(s) in moved:
                    print(f"moved {code} {field}: {s} (a name of another entry before)")
                    continue
                added += 1
                codes.add(code)
                problems = []
                # The correct form: the field's first (canonical) entry and the entry most
                # like the added string, those with as many words as the added string (a
                # phrase's probability falls with its length); the added string must be rarer
                # than both.
                closest = max(had, key=lambda h: difflib.SequenceMatcher(
                    None, norm(s), norm(h)).ratio()) if had else None
                refs = [r for r in dict.fromkeys([had[0], closest])
                        if nwords(r) == nwords(s)] or [closest] if had else []
                correct = " / ".join(refs) if refs else None
                if not refs:
                    problems.append(f"no {field} to compare with")
                for ref in refs:
                    lp, lc = prob(norm(s)), prob(norm(ref))
                    if lp > lc:
                        problems.append(f"lower-case '{norm(s)}' {lp:.2f} > '{norm(ref)}' {lc:.2f}")
                    # A common other proper noun ("Columbia"): the written single word is more
                    # probable than the written correct form.
                    wp, wc = prob(s), prob(ref)
                    if " " not in s and wp > wc:
                        problems.append(f"written '{s}' {wp:.2f} > '{ref}' {wc:.2f}")
                forms = {norm(s)}
                if field == "adjectives":
                    forms.add(regular_plural(norm(s)))
                for form in sorted(forms):
                    for other, other_code, where in strings:
                        if other == form and other_code != code:
                            problems.append(f"'{form}' also in {where} under {other_code}")
                status = "FAIL" if problems else "ok"
                failures += bool(problems)
                detail = f" (vs {correct}; lower-case logprob {prob(norm(s)):.2f} vs " + \
                    " / ".join(f"{prob(norm(r)):.2f}" for r in refs) + ")" if refs else ""
                print(f"{status} {code} {field}: {s}{detail}")
                for p in problems:
                    print(f"     {p}")
    print(f"{added} added strings for {len(codes)} countries; {failures} failing")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
