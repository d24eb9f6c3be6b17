#!/usr/bin/env python3
"""Validate the answer-sentence bank in this directory.

Checks every *.jsonl file: valid JSON, required string fields, allowed label /
question / sector values, label matches the file-name prefix, 6-40 words.
Reports counts per label, question, sector (and label x question), exact
duplicates (after normalisation) and near duplicates (word-trigram Jaccard >= 0.7).
Exit status 1 if any error or duplicate is found.
"""
import glob
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = {"generic", "specific", "plain"}
QUESTIONS = {
    "tell-me-about-yourself", "why-this-company", "why-hire-you", "strengths",
    "weakness", "conflict", "failure", "challenge", "leadership", "five-years",
    "salary", "questions-for-us", "went-beyond", "pressure", "teamwork",
    "customer-complaint", "mistake", "motivation", "why-leaving", "career-gap",
}
SECTORS = {
    "general", "customer-service", "technical", "care-nursing", "retail", "teaching",
    "hospitality", "logistics", "finance", "trades", "admin", "marketing",
    "manufacturing", "public-sector",
}
FIELDS = ("text", "label", "family", "question", "sector")
THRESH = 0.7
CONTAIN = 0.8  # informational: shorter sentence mostly contained in a longer one


def norm_words(text):
    return re.findall(r"[a-z0-9£$%']+", text.lower().replace("\u2019", "'"))


def trigrams(words):
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def main():
    errors, rows = [], []
    files = sorted(glob.glob(os.path.join(HERE, "*.jsonl")))
    for path in files:
        name = os.path.basename(path)
        prefix = name.split("-")[0]
        with open(path, encoding="utf-8") as fh:
            for ln, line in enumerate(fh, 1):
                where = f"{name}:{ln}"
                if not line.strip():
                    errors.append(f"{where}: blank line")
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f"{where}: bad JSON ({e})")
                    continue
                if not isinstance(obj, dict):
                    errors.append(f"{where}: not an object")
                    continue
                missing = [f for f in FIELDS if not isinstance(obj.get(f), str) or not obj.get(f).strip()]
                if missing:
                    errors.append(f"{where}: missing/empty fields {missing}")
                    continue
                extra = set(obj) - set(FIELDS)
                if extra:
                    errors.append(f"{where}: unexpected fields {sorted(extra)}")
                if obj["label"] not in LABELS:
                    errors.append(f"{where}: bad label {obj['label']!r}")
                elif prefix in LABELS and obj["label"] != prefix:
                    errors.append(f"{where}: label {obj['label']} in {prefix} file")
                if obj["question"] not in QUESTIONS:
                    errors.append(f"{where}: bad question {obj['question']!r}")
                if obj["sector"] not in SECTORS:
                    errors.append(f"{where}: bad sector {obj['sector']!r}")
                nw = len(obj["text"].split())
                if not 6 <= nw <= 40:
                    errors.append(f"{where}: {nw} words: {obj['text']}")
                rows.append((where, obj))

    # counts
    by_label = Counter(o["label"] for _, o in rows)
    by_q = defaultdict(Counter)
    by_s = defaultdict(Counter)
    fam = defaultdict(Counter)
    for _, o in rows:
        by_q[o["question"]][o["label"]] += 1
        by_s[o["sector"]][o["label"]] += 1
        fam[o["label"]][o["family"]] += 1

    print(f"files: {len(files)}  rows: {len(rows)}")
    print("\nper label:")
    for l in sorted(LABELS):
        print(f"  {l:10s} {by_label[l]:5d}")
    hdr = f"  {'':24s} {'generic':>8s} {'specific':>8s} {'plain':>6s} {'total':>6s}"
    print("\nper question:")
    print(hdr)
    for q in sorted(QUESTIONS):
        c = by_q[q]
        print(f"  {q:24s} {c['generic']:8d} {c['specific']:8d} {c['plain']:6d} {sum(c.values()):6d}")
    print("\nper sector:")
    print(hdr)
    for s in sorted(SECTORS):
        c = by_s[s]
        print(f"  {s:24s} {c['generic']:8d} {c['specific']:8d} {c['plain']:6d} {sum(c.values()):6d}")
    print("\nfamilies:")
    for l in sorted(fam):
        print(f"  {l}: " + ", ".join(f"{k}={v}" for k, v in fam[l].most_common()))

    # duplicates
    exact = defaultdict(list)
    for where, o in rows:
        exact[" ".join(norm_words(o["text"]))].append(where)
    dups = [v for v in exact.values() if len(v) > 1]
    grams = [trigrams(norm_words(o["text"])) for _, o in rows]
    index = defaultdict(list)
    for i, g in enumerate(grams):
        for t in g:
            index[t].append(i)
    shared = defaultdict(int)
    for ids in index.values():
        if len(ids) > 200:  # extremely common trigram; still count pairs but cheaply
            pass
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                shared[(ids[a], ids[b])] += 1
    near, contained = [], []
    for (i, j), inter in shared.items():
        small = min(len(grams[i]), len(grams[j]))
        if small >= 4 and inter / small >= CONTAIN:
            contained.append((inter / small, i, j))
        union = len(grams[i]) + len(grams[j]) - inter
        if union and inter / union >= THRESH:
            if " ".join(norm_words(rows[i][1]["text"])) == " ".join(norm_words(rows[j][1]["text"])):
                continue
            near.append((inter / union, i, j))
    print(f"\nerrors: {len(errors)}")
    for e in errors[:200]:
        print("  " + e)
    print(f"exact duplicates: {len(dups)}")
    for v in dups:
        print("  " + ", ".join(v))
    print(f"near duplicates (trigram Jaccard >= {THRESH}): {len(near)}")
    for jac, i, j in sorted(near, reverse=True):
        print(f"  {jac:.2f} {rows[i][0]} | {rows[j][0]}")
        print(f"       {rows[i][1]['text']}")
        print(f"       {rows[j][1]['text']}")
    print(f"high containment (>= {CONTAIN} of the shorter sentence's trigrams, informational): {len(contained)}")
    for c, i, j in sorted(contained, reverse=True)[:50]:
        print(f"  {c:.2f} {rows[i][0]} | {rows[j][0]}")
        print(f"       {rows[i][1]['text']}")
        print(f"       {rows[j][1]['text']}")
    ok = not errors and not dups and not near
    print("\nOK" if ok else "\nPROBLEMS FOUND")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
