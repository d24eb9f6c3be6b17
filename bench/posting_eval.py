"""Posting checks on a set nobody on the team wrote: statuses, echo, about-them, role, company.

    python bench/posting_eval.py                # the dev set (01-11), with every miss
    python bench/posting_eval.py --set test     # the held-out set (12-22): figures only
    python bench/posting_eval.py --set test --json

``bench/postings/`` was written by an outside helper who never saw the code
(see its README.md): 22 postings, each with a tailored, a generic, a
keyword-stuffed and an echoing letter, and the expected status of every ask in
each letter, the echo sentences and the about-the-company items.

Figures:

- **asks found**: expected asks that overlap an ask Standout read from the
  posting; **extra**: asks Standout read that overlap no expected one;
- **status accuracy**: over every expected ask, Standout's status for it
  (an ask it did not read counts as wrong), for the tailored letters and over
  all four letters; **top-8** restricts to the asks the report shows;
- **echo**: precision and recall of the sentences flagged ``posting.echo``
  over all letters (only ``echo.txt`` has any);
- **stuffed <= tailored**: postings where the stuffed letter's ``match`` is not
  above the tailored one's (it must be all of them);
- **nothing about them**: generic letters flagged (should be), tailored not;
- **role / company**: read from the posting as the answer key has them.

The dev set is for looking at and tuning to. The test set is held out: look
only at its figures, never at what it missed, or it stops being blind.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from standout import Linter
from standout.config import UserConfig
from standout.posting import PostingAnalyser
from standout.posting.about import says_something_about
from standout.posting.coverage import coverage, match_share
from standout.posting.echo import find_echo
from standout.posting.lexicon import lexicon

ROOT = Path(__file__).resolve().parent / "postings"
LETTERS = ("tailored", "generic", "stuffed", "echo")
SETS = {"dev": range(1, 12), "test": range(12, 23)}


@dataclass
class Tally:
    found: int = 0
    expected: int = 0
    extra: int = 0
    read: int = 0
    right: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    right_top: Counter = field(default_factory=Counter)
    total_top: Counter = field(default_factory=Counter)
    echo_tp: int = 0
    echo_fp: int = 0
    echo_fn: int = 0
    stuffed_ok: int = 0
    postings: int = 0
    about_generic: int = 0
    about_tailored: int = 0
    role_ok: int = 0
    company_ok: int = 0
    confusion: Counter = field(default_factory=Counter)
    matches: dict = field(default_factory=dict)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def run(which: str, verbose: bool) -> Tally:
    linter = Linter(config=UserConfig())
    analyser = PostingAnalyser(linter.analyse)
    lex = lexicon()
    tally = Tally()
    folders = sorted(d for d in ROOT.iterdir() if d.is_dir() and int(d.name[:2]) in SETS[which])
    for folder in folders:
        tally.postings += 1
        text = (folder / "posting.txt").read_text(encoding="utf-8")
        expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
        posting = analyser(text)
        say = print if verbose else (lambda *a, **k: None)
        say(f"\n=== {folder.name}: {len(posting.asks)} asks read, role={posting.role!r}, "
            f"company={posting.company!r}")
        tally.role_ok += posting.role == expected["role"]
        tally.company_ok += posting.company == expected["company"]
        spans = []
        for item in expected["asks"]:
            start = text.find(item["line"])
            spans.append((start, start + len(item["line"])))
        # Each expected ask is matched by the asks read inside it (at least half of
        # each inside it), or else by the one that overlaps it most; when Standout
        # cut one ask in two, the expected ask gets the better status of the two.
        aligned: list[list[int]] = []
        for span in spans:
            inside = [i for i, a in enumerate(posting.asks)
                      if overlap(span, (a.start, a.end)) * 2 >= a.end - a.start]
            if not inside:
                scores = [overlap(span, (a.start, a.end)) for a in posting.asks]
                best = max(range(len(scores)), key=scores.__getitem__) if scores else None
                inside = [best] if best is not None and scores[best] > 0 else []
            aligned.append(inside)
        tally.expected += len(spans)
        tally.found += sum(bool(a) for a in aligned)
        tally.read += len(posting.asks)
        tally.extra += sum(
            1 for a in posting.asks if not any(overlap((a.start, a.end), s) for s in spans))
        top = set(posting.top)
        if verbose:
            for i, a in enumerate(posting.asks):
                mark = "*" if i in top else " "
                hit = any(overlap((a.start, a.end), s) for s in spans)
                say(f" {mark}{'' if hit else ' EXTRA'} [{a.section[:4]}] {a.weight:.2f} "
                    f"{a.text!r} -> {[t.text for t in a.terms]}")
            for item, a in zip(expected["asks"], aligned, strict=True):
                if not a:
                    say(f"   MISSED ask: {item['line']!r}")
        all_asks = range(len(posting.asks))
        match = {}
        for letter in LETTERS:
            letter_text = (folder / f"{letter}.txt").read_text(encoding="utf-8")
            analysis = linter.analyse(letter_text)
            statuses = {s.ask: s for s in coverage(posting, analysis, lex, asks=all_asks)}
            match[letter] = match_share([statuses[i] for i in posting.top])
            rank = {"absent": 0, "claimed": 1, "shown": 2}
            for item, group in zip(expected["asks"], aligned, strict=True):
                want = item[letter]
                a = max(group, key=lambda i: rank[statuses[i].status]) if group else None
                got = statuses[a].status if a is not None else "missing"
                tally.total[letter] += 1
                tally.right[letter] += got == want
                tally.confusion[(letter, want, got)] += 1
                if a is not None and a in top:
                    tally.total_top[letter] += 1
                    tally.right_top[letter] += got == want
                if got != want and verbose:
                    ev = statuses[a].evidence if a is not None else None
                    mention = statuses[a].mention if a is not None else None
                    sentence = letter_text[ev[0]:ev[1]] if ev else ""
                    named = letter_text[mention[0]:mention[1]] if mention else ""
                    proof = statuses[a].proof if a is not None else ()
                    say(f"   {letter:8} want {want:7} got {got:7} {item['line'][:50]!r}"
                        f" [{named}] {list(proof)} << {sentence[:100]!r}")
            wanted = set(expected["echo_sentences"] if letter == "echo" else [])
            flagged = []
            for paragraph in analysis.paragraphs:
                forms = None
                for a, b in paragraph.sentences:
                    forms = [f for f, s, e in paragraph.local.canonical_words
                             if a <= s + paragraph.offset < b]
                    if find_echo(forms, posting.echo) is not None:
                        flagged.append(letter_text[a:b])
            for sentence in flagged:
                if any(sentence in w or w in sentence for w in wanted):
                    tally.echo_tp += 1
                else:
                    tally.echo_fp += 1
                    say(f"   echo FALSE in {letter}: {sentence!r}")
            for w in wanted:
                if not any(s in w or w in s for s in flagged):
                    tally.echo_fn += 1
                    say(f"   echo MISSED: {w!r}")
            if letter in ("generic", "tailored"):
                about = says_something_about(posting, analysis, lex)
                if letter == "generic" and not about:
                    tally.about_generic += 1
                if letter == "tailored" and about:
                    tally.about_tailored += 1
                if verbose and ((letter == "generic") == bool(about)):
                    say(f"   about-them WRONG on {letter}: {about}")
        tally.stuffed_ok += (match["stuffed"] or 0) <= (match["tailored"] or 0)
        tally.matches[folder.name] = match
        say(f"   match: {match}")
    return tally


def figures(t: Tally) -> dict:
    def share(a, b):
        return round(a / b, 3) if b else None

    all_right = sum(t.right.values())
    all_total = sum(t.total.values())
    return {
        "postings": t.postings,
        "asks_found": share(t.found, t.expected),
        "asks_extra": share(t.extra, t.read),
        "status_accuracy_tailored": share(t.right["tailored"], t.total["tailored"]),
        "status_accuracy_all": share(all_right, all_total),
        "status_accuracy_by_letter": {k: share(t.right[k], t.total[k]) for k in LETTERS},
        "top8_accuracy_tailored": share(t.right_top["tailored"], t.total_top["tailored"]),
        "top8_accuracy_all": share(sum(t.right_top.values()), sum(t.total_top.values())),
        "echo_precision": share(t.echo_tp, t.echo_tp + t.echo_fp),
        "echo_recall": share(t.echo_tp, t.echo_tp + t.echo_fn),
        "stuffed_not_above_tailored": f"{t.stuffed_ok}/{t.postings}",
        "nothing_about_them_generic_flagged": f"{t.about_generic}/{t.postings}",
        "nothing_about_them_tailored_passes": f"{t.about_tailored}/{t.postings}",
        "role_read": f"{t.role_ok}/{t.postings}",
        "company_read": f"{t.company_ok}/{t.postings}",
        "mean_match": {
            k: round(sum((m[k] or 0) for m in t.matches.values()) / max(1, len(t.matches)), 3)
            for k in LETTERS},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="dev")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    verbose = args.set == "dev" and not args.json
    tally = run(args.set, verbose)
    result = figures(tally)
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
    else:
        print(f"\n--- {args.set} set")
        for key, value in result.items():
            print(f"{key:38} {value}")
        if args.set == "dev":
            print("confusion (letter, want, got):")
            for key, n in sorted(tally.confusion.items()):
                if key[1] != key[2]:
                    print(f"   {key}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
