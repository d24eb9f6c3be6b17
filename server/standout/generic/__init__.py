"""The generic-sentence model: does a sentence read like anyone's letter?

``features`` turns a paragraph's cached analysis into one bag of words per
sentence, ``model`` scores those bags with the trained classifier shipped in
``models/generic/`` (trained by ``training/generic/train.py``). See
docs/generic-model.md for the design and the figures behind it.
"""
