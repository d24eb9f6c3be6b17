"""The LanguageTool-compatible /v2 endpoint through Flask's test client."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from standout.web.annotated_text import AnnotatedText
from standout.web.lt_matches import CONTEXT_CHARS

MATCH_FIELDS = {"message", "shortMessage", "replacements", "offset", "length", "context",
                "sentence", "type", "rule", "ignoreForIncompleteSentence", "contextForSureMatch"}
LETTER = (
    "I have spent four years building payment systems and would like to bring that work to "
    "your company. I led the migration of our ledger to Postgres in 2022, which cut nightly "
    "reconciliation from six hours to forty minutes, and I mentor two junior engineers. "
    "I am a team player."
)


def lt_check(client, **fields):
    return client.post("/v2/check", data=fields)


def utf16_slice(text: str, offset: int, length: int) -> str:
    return text.encode("utf-16-le")[2 * offset : 2 * (offset + length)].decode("utf-16-le")


def rule_ids(response) -> list[str]:
    return [m["rule"]["id"] for m in response.get_json()["matches"]]


def test_languages_sorted_by_name(client):
    response = client.get("/v2/languages")
    assert response.status_code == 200
    languages = response.get_json()
    assert languages == sorted(languages, key=lambda lang: lang["name"])
    assert {"name": "English (US)", "code": "en", "longCode": "en-US"} in languages
    assert all(set(lang) == {"name", "code", "longCode"} for lang in languages)


def test_head_check_is_200(client):
    response = client.head("/v2/check")
    assert response.status_code == 200


def test_check_response_shape(client):
    response = lt_check(client, text="😀 I am writing to apply. I am a team player.",
                        language="en-US")
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"software", "warnings", "language", "matches", "sentenceRanges"}
    assert body["software"]["apiVersion"] == 1
    assert body["software"]["name"] == "Standout"
    assert body["warnings"] == {"incompleteResults": False}
    assert body["language"]["code"] == "en-US"
    assert body["language"]["detectedLanguage"]["code"] == "en-US"
    assert rule_ids(response) == ["opener.writing-to-apply", "cliche.team-player"]
    opener, team = body["matches"]
    for match in body["matches"]:
        assert set(match) == MATCH_FIELDS
        assert match["replacements"] == []
        assert match["rule"]["issueType"] == "style"
        assert match["type"] == {"typeName": "Other"}
        assert match["ignoreForIncompleteSentence"] is False
        assert match["contextForSureMatch"] == 0
    assert opener["offset"] == 3  # the emoji counts two UTF-16 units
    assert opener["length"] == len("I am writing to apply")
    assert opener["sentence"] == "😀 I am writing to apply."
    assert team["sentence"] == "I am a team player."
    assert team["rule"]["category"] == {"id": "cliche", "name": "Self-description clichés"}
    assert team["rule"]["urls"] == [{"value": "http://localhost/rules/cliche.team-player"}]
    assert team["shortMessage"] == team["rule"]["description"]
    assert team["message"].startswith('"Team player"')
    assert body["sentenceRanges"] == [[0, 25], [26, 45]]


def test_context_is_about_40_chars_either_side_with_relative_offset(client):
    text = "x" * 100 + " I am a team player. " + "y" * 100
    matches = lt_check(client, text=text, language="en").get_json()["matches"]
    match = next(m for m in matches if m["rule"]["id"] == "cliche.team-player")
    context = match["context"]
    flagged = context["text"][context["offset"]:context["offset"] + context["length"]]
    assert flagged == "team player"
    assert context["text"].startswith("...") and context["text"].endswith("...")
    assert len(context["text"]) == 3 + CONTEXT_CHARS + len("team player") + CONTEXT_CHARS + 3


def test_context_without_ellipsis_for_short_texts_and_line_breaks_flattened(client):
    text = "Hello.\n\nI am a team player."
    match = lt_check(client, text=text, language="en-GB").get_json()["matches"][0]
    assert match["context"] == {"text": "Hello.  I am a team player.", "offset": 15, "length": 11}
    assert match["offset"] == 15


def test_context_offsets_count_utf16(client):
    text = "🎉🎉 I am a team player."
    match = lt_check(client, text=text, language="en").get_json()["matches"][0]
    context = match["context"]
    assert context["offset"] == 4 + len(" I am a ")
    assert utf16_slice(context["text"], context["offset"], context["length"]) == "team player"
    assert utf16_slice(text, match["offset"], match["length"]) == "team player"


def test_auto_language(client):
    body = lt_check(client, text="I am a team player.", language="auto").get_json()
    assert body["language"]["detectedLanguage"]["code"] == "en-US"
    assert rule_ids_from(body) == ["cliche.team-player"]


def rule_ids_from(body) -> list[str]:
    return [m["rule"]["id"] for m in body["matches"]]


def test_placeholder_issue_type(client):
    body = lt_check(client, text="Dear [Company Name],", language="en-US").get_json()
    assert body["matches"][0]["rule"]["issueType"] == "uncategorized"


def test_disabled_rules_and_categories(client):
    text = "I am writing to apply. I am a team player."
    assert rule_ids(lt_check(client, text=text, language="en", disabledRules="cliche.team-player")
                    ) == ["opener.writing-to-apply"]
    assert rule_ids(lt_check(client, text=text, language="en",
                             disabledCategories="OPENER,nothing")) == ["cliche.team-player"]


def test_enabled_only(client):
    text = "I am writing to apply. I am a team player."
    only = lt_check(client, text=text, language="en", enabledOnly="true",
                    enabledRules="cliche.team-player")
    assert rule_ids(only) == ["cliche.team-player"]
    by_category = lt_check(client, text=text, language="en", enabledOnly="true",
                           enabledCategories="opener")
    assert rule_ids(by_category) == ["opener.writing-to-apply"]
    not_only = lt_check(client, text=text, language="en", enabledRules="cliche.team-player")
    assert len(rule_ids(not_only)) == 2


def test_mode_splits_text_level_rules_so_nothing_comes_twice(client):
    fields = {"text": LETTER, "language": "en-US", "company": "Acme"}
    everything = rule_ids(lt_check(client, **fields))
    assert "employer.missing" in everything and "cliche.team-player" in everything
    text_level = rule_ids(lt_check(client, **fields, mode="textLevelOnly"))
    rest = rule_ids(lt_check(client, **fields, mode="allButTextLevelOnly"))
    assert text_level == ["employer.missing"]
    assert "employer.missing" not in rest
    assert sorted(text_level + rest) == sorted(everything)


def test_standout_context_fields(client):
    text = "I am excited to apply for the analyst position at Globex."
    without = rule_ids(lt_check(client, text=text, language="en"))
    with_company = rule_ids(lt_check(client, text=text, language="en", company="Acme"))
    assert "employer.other" not in without
    assert "employer.other" in with_company


# --- data (annotated text) -------------------------------------------------------

def test_annotation_markup_is_skipped_but_counted_in_offsets(client):
    data = {"annotation": [
        {"markup": "<p>"},
        {"text": "I am a "},
        {"markup": "<b>"},
        {"text": "team player"},
        {"markup": "</b>"},
        {"text": "."},
        {"markup": "</p>", "interpretAs": "\n\n"},
    ]}
    body = lt_check(client, data=json.dumps(data), language="en-US").get_json()
    document = "<p>I am a <b>team player</b>.</p>"
    match = body["matches"][0]
    assert match["rule"]["id"] == "cliche.team-player"
    assert document[match["offset"]:match["offset"] + match["length"]] == "team player"
    assert match["sentence"] == "I am a team player."
    assert match["context"]["text"].startswith("I am a team player.")


def test_markup_inside_a_match_is_included_in_its_length(client):
    data = {"annotation": [
        {"text": "I am a team "}, {"markup": "<i>"}, {"text": "player"}, {"markup": "</i>"},
        {"text": " and more."},
    ]}
    match = lt_check(client, data=json.dumps(data), language="en").get_json()["matches"][0]
    document = "I am a team <i>player</i> and more."
    assert document[match["offset"]:match["offset"] + match["length"]] == "team <i>player"


def test_interpret_as_separates_paragraphs(client):
    # Without the paragraph break the phrase would run across the markup.
    data = {"annotation": [{"text": "team"}, {"markup": "<br><br>", "interpretAs": "\n\n"},
                           {"text": "player"}]}
    body = lt_check(client, data=json.dumps(data), language="en").get_json()
    assert body["matches"] == []


def test_data_with_plain_text_and_metadata(client):
    data = {"text": "😀 I am a team player.", "metaData": {"EmailToAddress": "x@example.com"}}
    match = lt_check(client, data=json.dumps(data), language="en").get_json()["matches"][0]
    assert (match["offset"], match["length"]) == (10, 11)


def test_astral_markup_counts_two_units(client):
    data = {"annotation": [{"markup": "<😀>"}, {"text": "I am a team player."}]}
    match = lt_check(client, data=json.dumps(data), language="en").get_json()["matches"][0]
    assert match["offset"] == len("<>") + 2 + len("I am a ")


def test_form_body_labelled_json_is_understood(client):
    body = urlencode({"text": "I am a team player.", "language": "en-US"})
    response = client.post("/v2/check", data=body, content_type="application/json")
    assert response.status_code == 200
    assert rule_ids(response) == ["cliche.team-player"]


def test_json_object_body_is_understood(client):
    response = client.post("/v2/check", json={"text": "I am a team player.", "language": "en"})
    assert rule_ids(response) == ["cliche.team-player"]


def test_a_get_never_checks(client, linter):
    """A GET is what an <img> or a link sends: LanguageTool clients POST (issue 9, item 1)."""
    misses = linter.cache_misses
    response = client.get("/v2/check?language=en-US&text=A%20GET%20that%20must%20do%20no%20work.")
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == "method_not_allowed"
    assert "POST" in response.headers["Allow"]
    assert linter.cache_misses == misses  # nothing was analysed


def test_text_in_the_query_string_is_refused(client):
    response = client.post("/v2/check?language=en-US&text=I%20am%20a%20team%20player.")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "text_in_query"


def test_healthcheck(client):
    assert client.get("/v2/healthcheck").status_code == 200


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"language": "en-US"}, "missing_text"),
        ({"text": "x", "data": "{}", "language": "en-US"}, "missing_text"),
        ({"text": "x"}, "missing_language"),
        ({"text": "x", "language": ""}, "missing_language"),
        ({"text": "x", "language": "de-DE"}, "unsupported_language"),
        ({"text": "a\x00b", "language": "en"}, "invalid_text"),
        ({"text": "x", "language": "en", "mode": "sometimes"}, "invalid_mode"),
        ({"text": "x", "language": "en", "enabledOnly": "true"}, "invalid_selection"),
        ({"data": "not json", "language": "en"}, "invalid_data"),
        ({"data": "[]", "language": "en"}, "invalid_data"),
        ({"data": "{}", "language": "en"}, "invalid_data"),
        ({"data": '{"annotation": {}}', "language": "en"}, "invalid_data"),
        ({"data": '{"annotation": ["x"]}', "language": "en"}, "invalid_data"),
        ({"data": '{"annotation": [{"text": 1}]}', "language": "en"}, "invalid_text"),
        ({"data": '{"annotation": [{"text": "a", "markup": "b"}]}', "language": "en"},
         "invalid_data"),
        ({"data": '{"annotation": [{"interpretAs": "b"}]}', "language": "en"}, "invalid_data"),
        ({"data": '{"annotation": [{"markup": "<b>", "interpretAs": 3}]}', "language": "en"},
         "invalid_text"),
        ({"data": '{"annotation": [{"text": "\\ud800"}]}', "language": "en"}, "invalid_text"),
        ({"text": "x", "language": "en", "company": "a\x00"}, "invalid_text"),
    ],
)
def test_bad_requests_are_json_400(client, fields, code):
    response = lt_check(client, **fields)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == code


@pytest.mark.parametrize(
    "raw", [b"\xff\xfe", b"[1,2]", b'{"text": {"a": 1}, "language": "en"}'],
)
def test_bad_raw_bodies(client, raw):
    response = client.post("/v2/check", data=raw, content_type="application/json")
    assert response.status_code == 400
    assert "error" in response.get_json()


def test_wrong_method(client):
    response = client.delete("/v2/check")
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == "method_not_allowed"
    assert client.post("/v2/languages").status_code == 405


def test_big_form_is_413(app):
    response = app.test_client().post(
        "/v2/check", data={"text": "a " * 600_000, "language": "en"})
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "payload_too_large"


# --- the position map itself ----------------------------------------------------

def test_annotated_text_position_map():
    annotated = AnnotatedText([("ab", None), ("<x>", ""), ("cd", None), ("<p>", "\n\n"),
                               ("ef", None)])
    assert annotated.plain == "abcd\n\nef"
    assert annotated.document == "ab<x>cd<p>ef"
    # A span over "bc" in the plain text covers the markup between.
    assert annotated.to_document(1) == 1
    assert annotated.to_document(3, end=True) == 6
    # Starting right after the markup does not include it; ending before it neither.
    assert annotated.to_document(2) == 5
    assert annotated.to_document(2, end=True) == 2
    # Inside an interpretAs stand-in: the markup's start, or its end.
    assert annotated.to_document(5) == 7
    assert annotated.to_document(5, end=True) == 10
    assert annotated.to_document(0) == 0
    assert annotated.to_document(len(annotated.plain), end=True) == len(annotated.document)
