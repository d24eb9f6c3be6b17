"""Train the generic-sentence model and write it to models/generic/.

    .venv-test/bin/python training/generic/train.py

Reads the bank (training/generic/bank/*/*.jsonl: sentences written for the
project, labelled generic, specific or plain), turns each row into the words
the running detector will see (standout.generic.features: canonical words,
numbers, dates and names left out), and trains spaCy's bag-of-words text
classifier (TextCatBOW.v3, word 1-3 grams) with a fixed seed, plus a token counting the words that
no generic sentence of the bank uses (features.with_novelty): the same bank
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
from data import BANK, REPO, bank_items, cross_fitted_novelty, generic_vocabulary, linter

OUT = REPO / "models" / "generic"
SETTINGS = {"seed": 14, "epochs": 8, "dropout": 0.2, "ngram_size": 3, "length": 2**16}
FOLDS = 5  # for the novelty token (data.cross_fitted_novelty)


def bank_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(BANK.glob("*/*.jsonl")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def main() -> None:
    items = bank_items(linter())
    bags = cross_fitted_novelty(items, FOLDS)
    nlp = textcat.train(bags, [i.generic for i in items], **SETTINGS)
    target = OUT / "textcat"
    if target.exists():
        shutil.rmtree(target)
    OUT.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target, exclude=["tokenizer"])
    vocabulary = sorted(generic_vocabulary(items))
    (OUT / "generic-vocabulary.txt").write_text(
        "# Every word the bank's generic sentences use (canonical forms), written by\n"
        "# training/generic/train.py: the model's novelty token counts the words not here.\n"
        + "\n".join(vocabulary) + "\n", encoding="utf-8")
    info = {
        "trained_by": "training/generic/train.py",
        "bank_rows": len(items),
        "bank_generic": sum(i.generic for i in items),
        "bank_sha256_16": bank_digest(),
        "settings": SETTINGS,
        "novelty_folds": FOLDS,
        "generic_vocabulary": len(vocabulary),
    }
    (OUT / "training.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(info, indent=2))


if __name__ == "__main__":
    main()
