"""Where the components leave their results on a Doc: every key in one place.

Everything goes in ``doc.user_data``; every key is ``standout.<what it holds>``.
Matches, specifics and mentions are kept as :data:`Place` tuples, not in ``doc.spans``:
spaCy makes a new Span object each time a span group is read, and reading their
fields goes through it again (together about 4% of a cold check).
:mod:`standout.spacy_pass` reads them back into the paragraph records of
:mod:`standout.analysis`.
"""

from __future__ import annotations

# (start token, end token, label): a token range of the Doc
Place = tuple[int, int, str]

# --- lists of Places ---------------------------------------------------------------
RULE_MATCHES = "standout.rule_matches"  # phrase, token and regex matches; labels are rule ids
SPECIFICS = "standout.specifics"  # NUMBER, DATE, NAME, ACTION (components/specifics.py)
EMPLOYER_MENTIONS = "standout.employer_mentions"  # "the role at Globex": the name
GENERIC_REFERENCES = "standout.generic_references"  # "your company": a stand-in for a name

# --- doc.user_data ---------------------------------------------------------------
STREAM = "standout.stream"  # the canonical word stream (components/stream.py)
SENTENCE_STARTS = "standout.sentence_starts"  # token indices where sentences start
ANTIPATTERNS = "standout.antipatterns"  # rule id -> token ranges its antipatterns cover
TEXT = "standout.text"  # the Doc's text, set by the spaCy pass (cheaper than doc.text)
SEGMENTS = "standout.segments"  # [(start_char, end_char)] of each paragraph in the Doc
TOKEN_SEGMENTS = "standout.token_segments"  # [(start_token, end_token)] of each paragraph
COLUMNS = "standout.columns"  # lexical attribute -> its value for every token (columns.py)
UNWRITTEN = "standout.unwritten"  # columns set but not yet written into the Doc (columns.py)
