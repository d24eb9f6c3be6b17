"""Offsets are exact for any Unicode input: engine (Python indices) and HTTP (UTF-16)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PHRASES = [
    "I am writing to apply", "team player", "passionate about", "[Company Name]",
    "I am excited to apply for the position at Globex.", "Acme", "detail-oriented",
    "think outside the box", "Thank you for your consideration.", " ", ". ", "\n",
]
# Invisible characters (zero-width space, BOM, soft hyphen, word joiner, ZWJ) are taken out
# of the analysed copy (tokenizer_input.py): offsets must still slice the user's text.
ODD = ["\r\n", "\r\n\r\n", "\n\n", "\r", "😀", "👩‍💻", "🇫🇷", "𝒜𝒝", "\u0301", "\u200b", "\ufeff",
       "\u00ad", "\u2060", "\u200d", "\u2028", "\t", "’", "ﬁ", "İ", "ß"]
TEXTS = st.lists(
    st.one_of(
        st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12),
        st.sampled_from(PHRASES),
        st.sampled_from(ODD),
    ),
    max_size=25,
).map("".join)
CONTEXTS = st.sampled_from([None, {"company": "Acme"}, {"company": "Initech"}])
SETTINGS = settings(max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def utf16_slice(text: str, offset: int, length: int) -> str:
    return text.encode("utf-16-le", "surrogatepass")[2 * offset : 2 * (offset + length)].decode(
        "utf-16-le", "surrogatepass")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


@SETTINGS
@given(text=TEXTS, context=CONTEXTS)
def test_engine_offsets_are_inside_and_slice_to_the_text(linter, text, context):
    for finding in linter.check(text, context).findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text


@SETTINGS
@given(text=TEXTS, context=CONTEXTS)
def test_v1_offsets_are_utf16_and_slice_to_the_text(client, text, context):
    response = client.post("/v1/check", json={"text": text, "context": context})
    assert response.status_code == 200
    for finding in response.get_json()["findings"]:
        assert 0 <= finding["offset"] <= finding["offset"] + finding["length"] <= utf16_len(text)
        assert utf16_slice(text, finding["offset"], finding["length"]) == finding["text"]


@SETTINGS
@given(text=TEXTS)
def test_v2_offsets_are_utf16_and_context_slices(client, text):
    response = client.post("/v2/check", data={"text": text, "language": "en-US"})
    assert response.status_code == 200
    body = response.get_json()
    size = utf16_len(text)
    for match in body["matches"]:
        assert 0 <= match["offset"] <= match["offset"] + match["length"] <= size
        flagged = utf16_slice(text, match["offset"], match["length"])
        context = match["context"]
        in_context = utf16_slice(context["text"], context["offset"], context["length"])
        # The context shows line breaks as spaces, one for one.
        assert in_context == flagged.translate(str.maketrans("\r\n\t\f\v", "     "))
    for start, end in body["sentenceRanges"]:
        assert 0 <= start <= end <= size


@SETTINGS
@given(parts=st.lists(st.tuples(st.booleans(), TEXTS), max_size=8))
def test_v2_annotated_offsets_point_into_the_document(client, parts):
    annotation = [{"text": t} if is_text else {"markup": f"<{t}>"} for is_text, t in parts]
    document = "".join(t if is_text else f"<{t}>" for is_text, t in parts)
    response = client.post("/v2/check", data={"data": json.dumps({"annotation": annotation}),
                                              "language": "en"})
    assert response.status_code == 200
    for match in response.get_json()["matches"]:
        assert 0 <= match["offset"] <= match["offset"] + match["length"] <= utf16_len(document)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.sampled_from(["\x00", "\ud800", "\udc00", "a", " ", "😀"])
                   | st.characters(), max_size=40))
def test_nul_and_lone_surrogates_are_refused_and_nothing_crashes(client, text):
    response = client.post("/v1/check", json={"text": text})
    received = json.loads(json.dumps(text))  # JSON joins a high and a low surrogate into one
    if "\x00" in received or any(0xD800 <= ord(ch) <= 0xDFFF for ch in received):
        assert response.status_code == 400
    else:
        assert response.status_code == 200
