#!/usr/bin/env python3
"""Validate the letters bank: JSON, labels, lengths, counts, exact and near duplicates."""
import collections
import json
import pathlib
import re
import sys
import unicodedata

here = pathlib.Path(__file__).parent
LABELS = {"generic", "specific", "plain"}
KEYS = {"text", "label", "family", "sector"}
MIN_W, MAX_W, THRESH = 6, 40, 0.7
rows, problems = [], []
for f in sorted(here.glob("*.jsonl")):
    for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            problems.append(f"{f.name}:{n}: blank line"); continue
        try:
            o = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{f.name}:{n}: bad JSON {e}"); continue
        if set(o) != KEYS:
            problems.append(f"{f.name}:{n}: keys {sorted(o)}")
        if o.get("label") not in LABELS:
            problems.append(f"{f.name}:{n}: bad label {o.get('label')!r}")
        for k in ("text", "family", "sector"):
            if not isinstance(o.get(k), str) or not o.get(k).strip():
                problems.append(f"{f.name}:{n}: empty {k}")
        t = o.get("text", "")
        nw = len(t.split())
        if not MIN_W <= nw <= MAX_W:
            problems.append(f"{f.name}:{n}: {nw} words: {t}")
        rows.append((f.name, n, o))

def toks(t):
    t = unicodedata.normalize("NFKC", t).lower().replace("\u2019", "'")
    return re.findall(r"[a-z0-9£$€%']+", t)
def norm(t):
    return " ".join(toks(t))
def trigrams(t):
    w = toks(t)
    return {tuple(w[i:i+3]) for i in range(len(w) - 2)} or {tuple(w)}

seen = {}
for f, n, o in rows:
    k = norm(o.get("text", ""))
    if k in seen:
        problems.append(f"EXACT DUP {f}:{n} == {seen[k][0]}:{seen[k][1]}: {o['text']}")
    else:
        seen[k] = (f, n)

grams = [trigrams(o.get("text", "")) for _, _, o in rows]
index = collections.defaultdict(list)
for i, g in enumerate(grams):
    for tg in g:
        index[tg].append(i)
near = 0
for i, g in enumerate(grams):
    cand = collections.Counter()
    for tg in g:
        for j in index[tg]:
            if j > i:
                cand[j] += 1
    for j, inter in cand.items():
        jac = inter / (len(g) + len(grams[j]) - inter)
        if jac >= THRESH and norm(rows[i][2]["text"]) != norm(rows[j][2]["text"]):
            near += 1
            a, b = rows[i], rows[j]
            problems.append(f"NEAR DUP {jac:.2f} {a[0]}:{a[1]} ~ {b[0]}:{b[1]}\n   A: {a[2]['text']}\n   B: {b[2]['text']}")

by_label = collections.Counter(o["label"] for _, _, o in rows)
by_lf = collections.Counter((o["label"], o["family"]) for _, _, o in rows)
by_ls = collections.Counter((o["label"], o["sector"]) for _, _, o in rows)
by_sector = collections.Counter(o["sector"] for _, _, o in rows)
print(f"rows: {len(rows)}")
print("per label:", dict(sorted(by_label.items())))
for lab in sorted(LABELS):
    print(f"\n[{lab}] families:")
    for (l, fam), c in sorted(by_lf.items()):
        if l == lab: print(f"  {fam:20s} {c}")
    print(f"[{lab}] sectors:")
    for (l, s), c in sorted(by_ls.items()):
        if l == lab: print(f"  {s:20s} {c}")
print("\nall sectors:", len(by_sector), dict(sorted(by_sector.items())))
print(f"\nproblems: {len(problems)} (near dups: {near})")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
