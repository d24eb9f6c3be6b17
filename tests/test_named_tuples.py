"""Named tuples made by ``named_tuples.make`` (tuple.__new__) are the objects their
classes' own constructors make: same class, fields, equality, hash and repr."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from standout.analysis import Match, Specific
from standout.generic.features import SentenceView
from standout.generic.judge import Judged
from standout.match_context import MatchFacts, _Sentence
from standout.named_tuples import make
from standout.samples.forms import Sentence

EXAMPLES = [
    (Specific, ("NAME", 3, 8, "Acme")),
    (Match, ("duty.x", 0, 4, (), (), True, False, False)),
    (MatchFacts, (True, False, False, (0, 3), False)),
    (_Sentence, (0, 5, [0, 2], ".", True, False, False, [], ("i", "am"), False, True)),
    (SentenceView, (0, 9, ("i", "be"), ())),
    (Judged, (0, 9, True, 2, 0, True, False, "", False, False, (), False, 0.5)),
    (Sentence, (0, 9, ("i", "be"))),
]


@pytest.mark.parametrize(("cls", "fields"), EXAMPLES, ids=[c.__name__ for c, _ in EXAMPLES])
def test_make_is_the_constructor(cls, fields):
    made, called = make(cls, fields), cls(*fields)
    assert type(made) is cls
    assert made == called and repr(made) == repr(called)
    try:
        assert hash(made) == hash(called)
    except TypeError:  # a field is a list (_Sentence): neither hashes
        with pytest.raises(TypeError):
            hash(called)
    assert made._asdict() == called._asdict()
    assert pickle.loads(pickle.dumps(made)) == called


def test_every_field_is_given():
    """``make`` fills in no defaults: each class's hot place gives all its fields."""
    for cls, fields in EXAMPLES:
        assert len(fields) == len(cls._fields)


def test_the_reader_sentences_hold_a_bool_promise(linter):
    """The match facts' sentences are made with every field, ``promises`` worked out first
    (it was the default False, or True by ``_replace``): a bool, in a _Sentence, and the
    promising sentences are still found."""
    from spacy.attrs import IS_PUNCT, IS_SPACE

    from standout.components.columns import columns
    from standout.components.sentences import sentences_of
    from standout.match_context import SentenceReader

    texts = [path.read_text(encoding="utf-8") for path in
             sorted((Path(__file__).parent.parent / "bench" / "letters").glob("*.txt"))]
    texts.append("I am organised, and I can prove it. In 2023 I ran 14 payrolls.")
    seen = promised = 0
    for text in texts:
        doc = linter.nlp(text)
        punct, space = columns(doc, IS_PUNCT, IS_SPACE)
        reader = SentenceReader(doc, sentences_of(doc), punct, space)
        for k in range(len(sentences_of(doc))):
            sentence = reader._sentence(k, len(doc))
            assert type(sentence) is _Sentence and type(sentence.promises) is bool
            seen += 1
            promised += sentence.promises
    assert seen > 50 and promised >= 1
