#!/usr/bin/env python3
"""Consistency check for the blind posting set.

Errors (exit 1):
  - missing files, word counts outside the brief's ranges
  - an ask `line` not verbatim in posting.txt, or asks not in posting order
  - bad status values; tailored_evidence missing/unexpected/not verbatim in tailored.txt
  - an echo_sentences entry not verbatim in echo.txt, or not sharing a run of
    6+ consecutive words with posting.txt
  - any other letter sentence sharing a 6+ word run with posting.txt
Warnings (printed only): term heuristics that a hand checker should look at.
"""
import re, sys, pathlib, yaml

ROOT = pathlib.Path(__file__).resolve().parent
LETTERS = ["tailored", "generic", "stuffed", "echo"]
RANGES = {"posting": (250, 600), "tailored": (200, 350), "generic": (180, 300),
          "stuffed": (150, 300), "echo": (180, 300)}
STATUSES = {"shown", "claimed", "absent"}
SECTIONS = {"responsibilities", "requirements", "nice_to_have"}
SHAPES = {"bulleted", "prose", "mixed"}
RUN = 6

def words(s):
    return re.findall(r"[a-z0-9]+(?:['+][a-z0-9]+)*\+?", s.lower().replace("\u2019", "'"))

def ngrams(ws, n):
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}

def longest_run(a, b):
    """Length of the longest run of consecutive words shared by word lists a and b."""
    best = 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best

def copies_line(sentence_words, line_words):
    """'Most of a requirement line': a shared run of 4+ words covering 75%+ of the line."""
    n = len(line_words)
    run = longest_run(sentence_words, line_words)
    return n >= 4 and run >= 4 and run >= 0.75 * n

def has_term(low, term):
    return re.search(r"(?<!\w)" + re.escape(term.lower()) + r"(?:s|es)?(?!\w)", low) is not None

def sentences(text):
    text = re.sub(r"\s+", " ", text).strip()
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'(])", text) if s]

def main():
    errors, warnings = [], []
    dirs = sorted(d for d in ROOT.iterdir() if d.is_dir() and re.match(r"\d\d-", d.name))
    shapes = {}
    nasks = 0
    for d in dirs:
        def err(m): errors.append(f"{d.name}: {m}")
        def warn(m): warnings.append(f"{d.name}: {m}")
        texts = {}
        for name in ["posting"] + LETTERS:
            p = d / f"{name}.txt"
            if not p.exists():
                err(f"missing {p.name}"); continue
            texts[name] = p.read_text(encoding="utf-8")
            n = len(texts[name].split())
            lo, hi = RANGES[name]
            if not lo <= n <= hi:
                err(f"{p.name} has {n} words, want {lo}-{hi}")
        yp = d / "expected.yaml"
        if not yp.exists():
            err("missing expected.yaml"); continue
        exp = yaml.safe_load(yp.read_text(encoding="utf-8"))
        posting = texts.get("posting", "")
        for k in ["company", "role", "shape", "asks", "echo_sentences", "about_company"]:
            if k not in exp:
                err(f"expected.yaml lacks {k}")
        if exp.get("shape") not in SHAPES:
            err(f"bad shape {exp.get('shape')}")
        shapes.setdefault(exp.get("shape"), []).append(d.name)
        if exp.get("company") and exp["company"] not in posting:
            err("company name not in posting.txt")
        if "generic" in texts and texts["generic"].count(exp.get("company", "")) != 1:
            warn(f"generic.txt names the company {texts['generic'].count(exp.get('company',''))} times")
        ac = exp.get("about_company") or []
        if not 2 <= len(ac) <= 4:
            err(f"about_company has {len(ac)} items, want 2-4")
        last = -1
        asks = exp.get("asks") or []
        nasks += len(asks)
        for i, a in enumerate(asks, 1):
            line = a.get("line", "")
            pos = posting.find(line)
            if pos < 0:
                err(f"ask {i} line not verbatim in posting.txt: {line!r}")
            elif pos < last:
                err(f"ask {i} out of posting order: {line!r}")
            else:
                last = pos
            if a.get("section") not in SECTIONS:
                err(f"ask {i} bad section {a.get('section')}")
            if not a.get("terms"):
                err(f"ask {i} has no terms")
            for L in LETTERS:
                if a.get(L) not in STATUSES:
                    err(f"ask {i} bad {L} status {a.get(L)!r}")
            ev = a.get("tailored_evidence")
            if a.get("tailored") in ("shown", "claimed"):
                if not ev:
                    err(f"ask {i} tailored {a.get('tailored')} but no tailored_evidence")
                elif ev not in texts.get("tailored", ""):
                    err(f"ask {i} tailored_evidence not verbatim in tailored.txt: {ev!r}")
                elif not any(has_term(ev.lower(), t) for t in a.get("terms", [])):
                    warn(f"ask {i} tailored_evidence contains none of its terms (variant?): {ev!r}")
            elif ev:
                err(f"ask {i} tailored is absent but has tailored_evidence")
            for L in LETTERS:
                low = texts.get(L, "").lower()
                hit = [t for t in a.get("terms", []) if has_term(low, t)]
                if a.get(L) == "absent" and hit:
                    warn(f"ask {i} {L}=absent but letter contains term(s) {hit}")
                if a.get(L) in ("shown", "claimed") and not hit:
                    warn(f"ask {i} {L}={a.get(L)} but letter contains none of its terms (variant?)")
        # echo checks
        pgrams = ngrams(words(posting), RUN)
        line_words = [words(a.get("line", "")) for a in asks]
        es = exp.get("echo_sentences") or []
        if not 3 <= len(es) <= 5:
            err(f"{len(es)} echo sentences, want 3-5")
        for s in es:
            if s not in texts.get("echo", ""):
                err(f"echo sentence not verbatim in echo.txt: {s!r}")
            if not (ngrams(words(s), RUN) & pgrams or any(copies_line(words(s), lw) for lw in line_words)):
                err(f"echo sentence shares no {RUN}-word run with posting and copies no ask line: {s!r}")
        for L in LETTERS:
            for s in sentences(texts.get(L, "")):
                if L == "echo" and any(s in e or e in s for e in es):
                    continue
                shared = ngrams(words(s), RUN) & pgrams
                if shared:
                    err(f"{L}.txt sentence copies the ad ({' '.join(next(iter(shared)))}): {s!r}")
                for lw in line_words:
                    if copies_line(words(s), lw):
                        err(f"{L}.txt sentence copies most of ask line {' '.join(lw)!r}: {s!r}")
        for L in ("generic", "stuffed"):
            t = texts.get(L, "")
            for a in asks:  # keywords such as 5S or NEWS2 are not evidence
                for term in a.get("terms", []):
                    t = re.sub(re.escape(term), " ", t, flags=re.I)
            m = re.search(r"(?<![A-Za-z])\d\S*", t)
            if m:
                warn(f"{L}.txt contains a number ({m.group(0)}); it should prove nothing")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(dirs)} postings, {nasks} asks; shapes: " +
          ", ".join(f"{k}={len(v)}" for k, v in sorted(shapes.items(), key=lambda x: str(x[0]))))
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
