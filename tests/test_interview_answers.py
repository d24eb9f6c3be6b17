"""Answer structure (situation, own action, result) and "I" vs "we", on answers written
for these tests."""

from __future__ import annotations

import pytest

from standout.interview.answers import AnswerReader


@pytest.fixture(scope="module")
def reader(linter) -> AnswerReader:
    return AnswerReader(linter.nlp)


def shape(linter, reader, text):
    return reader.read(linter.analyse(text))


# text, situation, action, result
STRUCTURE = [
    # all three, in one sentence
    ("Last spring at Kwik Fit I rebuilt the booking sheet, which cut waiting times from 40 to "
     "15 minutes.", True, True, True),
    # all three, one per sentence
    ("In my second year at the Harbour Street pharmacy, prescriptions were regularly ready late. "
     "I sorted the repeat orders by collection day and started a tick list at the counter. "
     "Within a month, late prescriptions fell from about twenty a week to three.",
     True, True, True),
    # claims only: nothing of the three
    ("I am a hard worker who always gives everything. I believe communication is key and I am "
     "a natural problem solver.", False, False, False),
    # scene and action, vague ending
    ("When I was a shift supervisor, two of my staff argued about the holiday rota. I met each "
     "of them separately and then drew up the rota with both of them. Everyone was happy in "
     "the end.", True, True, False),
    # action and a number result, no scene
    ("I rewrote the onboarding checklist and recorded three short videos for new starters. "
     "New staff now need two shifts of shadowing instead of five.", False, True, True),
    # situation and result, the team does everything
    ("Two years ago our warehouse was losing parcels every week. The team reorganised the "
     "shelving and the losses dropped to two a month.", True, False, True),
    # hypothetical action: still the speaker's own
    ("I would ask the customer what happened, apologise for the wait and offer to rebook.",
     False, True, False),
    # a named outcome without a number
    ("At Greenway Nursery I kept a daily notebook for a child who had stopped talking at "
     "drop-off. I shared it with his parents every Friday. The notebook is still used in every "
     "room.", True, True, True),
    # promoted: an outcome on its own
    ("In 2022 I covered the night shift manager for six weeks. I was promoted to deputy "
     "manager that autumn.", True, True, True),
    # a change with money
    ("During the summer fair I ran the tombola stall and raised £420 for the hospice.",
     True, True, True),
    # feelings and states are not actions
    ("At my last job I was responsible for the tills. I felt that I knew the system well and I "
     "think I learned a lot.", True, False, False),
    # "two years ago" is the scene's number, not a result
    ("Two years ago I joined a small team at a call centre. I answered calls and logged "
     "tickets.", True, True, False),
    # "my mistakes" in a claim sets no scene
    ("I am a perfectionist and I always give everything. I make sure that I learn from my "
     "mistakes.", False, False, False),
    # negated action
    ("I didn't say anything to the manager, and I never raised it again.", False, False, False),
    # before and after with words for numbers
    ("I moved our stock count to a shared spreadsheet, which took the weekly count from two "
     "days to half a day.", False, True, True),
    # "now" and when the change holds: a result, though a weekday also sets a scene
    ("I kept every delivery check to myself. Now I hand the Tuesday checks to the new "
     "driver and read his notes after.", True, True, True),
    ("I kept every delivery check to myself. I hand the Tuesday checks to the new driver.",
     True, True, False),
    # found with a sum: what came of the work, not the scene
    ("A landlord gave me two years of bank statements in a carrier bag. I matched every line "
     "to an invoice and found £2,150 in rent he had never chased.", False, True, True),
    # what people have told the speaker since: a result without a number
    ("I rewrote the club's membership form on one page. Several members have told me it is "
     "the first form they finished without ringing.", False, True, True),
    # a level reached by a date: "by June ... was under 300"
    ("Last spring the repairs queue at our depot stood at 900 jobs. I sorted it by postcode "
     "and booked each van a patch. By June the queue was under 300.", True, True, True),
    ("Last spring the repairs queue at our depot stood at 900 jobs. I sorted it by postcode "
     "and booked each van a patch. In June the queue was long.", True, True, False),
    # emoji and CRLF do not disturb it
    ("Last March 🙂 the kitchen at Rosa's failed its hygiene check.\r\n\r\nI retrained the "
     "morning crew on labelling. We passed the re-inspection in June with a score of 5.",
     True, True, True),
]


@pytest.mark.parametrize(("text", "situation", "action", "result"), STRUCTURE)
def test_structure(linter, reader, text, situation, action, result):
    got = shape(linter, reader, text)
    assert (got.has("situation"), got.has("action"), got.has("result")) == (
        situation, action, result,
    )


def test_missing_respects_the_expected_parts(linter, reader):
    got = shape(linter, reader, STRUCTURE[2][0])
    assert got.missing() == ["situation", "action", "result"]
    assert got.missing(("action", "result")) == ["action", "result"]
    assert got.missing(()) == []


def test_parts_point_at_sentences(linter, reader):
    got = shape(linter, reader, STRUCTURE[1][0])
    assert got.situation == (0,) and got.action == (1,) and got.result == (2,)
    text = STRUCTURE[1][0]
    start, end = got.sentences[2]
    assert text[start:end].startswith("Within a month")


# text, i_count, we_count, hides the speaker
VOICE = [
    ("We had a big deadline. We worked late every night and we split the tasks. We delivered "
     "on time and we celebrated.", 0, 5, True),
    ("Our team of four moved the ward's records over one weekend. I took the medication "
     "charts and checked every one against the old system. We finished by Sunday evening.",
     1, 1, False),
    # plenty of "we" but the speaker acts too, often enough
    ("We were short of drivers, so I rebuilt the rota. I called every driver myself. We kept "
     "all the Saturday deliveries.", 2, 2, False),
    # "I" only as a feeling, the work is "we"
    ("I think we did really well. We redesigned the menu and we trained the new staff.", 1, 3,
     True),
    # a lot of "we" against a single "I"
    ("We noticed the queue. We opened a second till, we moved the baskets and we put up signs. "
     "I helped.", 1, 4, True),
    ("I'm proud of it: I led the bid and I wrote the budget.", 3, 0, False),
    ("No pronouns at all in this one.", 0, 0, False),
]


@pytest.mark.parametrize(("text", "i_count", "we_count", "hides"), VOICE)
def test_i_and_we(linter, reader, text, i_count, we_count, hides):
    got = shape(linter, reader, text)
    assert (got.i_count, got.we_count) == (i_count, we_count)
    assert got.hides_speaker() is hides


def test_we_sentences_are_listed_once_each(linter, reader):
    got = shape(linter, reader, VOICE[0][0])
    assert got.we_sentences == (0, 1, 2)


def test_empty_answer(linter, reader):
    got = shape(linter, reader, "")
    assert got.sentences == () and got.missing() == ["situation", "action", "result"]
    assert not got.hides_speaker()
