"""Train the generic-sentence model and write it to models/generic/.

    .venv-test/bin/python training/generic/train.py

Reads the bank (training/generic/bank/*/*.jsonl: sentences written for the
project, labelled generic, specific or plain), turns each row into the words
the running detector will see (standout.generic.features: canonical words,
numbers, dates and names left out), and trains spaCy's bag-of-words text
classifier (TextCatBOW.v3, word 1-3 grams) with a fixed seed: the same bank
gives the same model. Generic is one class; specific and plain the other.
The blind sets in bench/blind/ are never read here.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import textcat
from data import BANK, REPO, bank_items, linter

OUT = REPO / "models" / "generic"
SETTINGS = {"seed": 14, "epochs": 8, "dropout": 0.2, "ngram_size": 3, "length": 2**16}


def bank_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(BANK.glob("*/*.jsonl")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def main() -> None:
    items = bank_items(linter())
    nlp = textcat.train([i.words for i in items], [i.generic for i in items], **SETTINGS)
    target = OUT / "textcat"
    if target.exists():
        shutil.rmtree(target)
    OUT.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target, exclude=["tokenizer"])
    info = {
        "trained_by": "training/generic/train.py",
        "bank_rows": len(items),
        "bank_generic": sum(i.generic for i in items),
        "bank_sha256_16": bank_digest(),
        "settings": SETTINGS,
    }
    (OUT / "training.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(info, indent=2))


if __name__ == "__main__":
    main()
