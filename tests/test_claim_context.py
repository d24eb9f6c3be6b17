"""Claims read in context: who the sentence is about, headings, evidence that is pointed to,
evidence that is not evidence, and one warning per point."""

from __future__ import annotations

import pytest


def severities(linter, text, rule, context=None):
    """The rule's findings' severities, overlaps resolved (one per place)."""
    return [f.severity for f in linter.check(text, context).findings if f.rule == rule]


@pytest.mark.parametrize(("text", "rule"), [
    ("Every team player in the league must wear a gum shield.", "cliche.team-player"),
    ("The lorry went the extra mile round by the ring road.", "cliche.above-and-beyond"),
    ("Seals thrive under pressure at depth.", "cliche.fast-paced"),
    ("A size 9 would be the perfect fit for his boots.", "flattery.great-fit"),
    ("My daughter is passionate about dinosaurs.", "passion.passionate-about"),
    ("My brother is a real team player at the rugby club.", "cliche.team-player"),
    ("Fast learner mode in the app skips the tutorial.", "cliche.fast-learner"),
    # an "I" elsewhere in the sentence; the verb's subject is the dog
    ("My terrier thrives in a fast-paced house, as I found out the first week.",
     "cliche.fast-paced"),
    # "my" and a thing before "is": the thing is described, not the writer
    ("My old bread maker is very detail-oriented about its timings.", "cliche.detail-oriented"),
    ("My garden robot is a real team player with the hose.", "cliche.team-player"),
    # a thing as the subject, and "my" before another thing
    ("The longer lead gave my puppy an opportunity to grow into the harness.",
     "flattery.allow-me-to-grow"),
    # a thing opens the sentence; the "I" after it is in another clause
    ("These hinges are not a good fit for the old door, so I ordered longer screws.",
     "flattery.great-fit"),
    ("The old moped was a real self-starter and I never needed the kick pedal.",
     "cliche.self-starter"),
])
def test_self_description_rules_need_the_writer(linter, text, rule):
    assert severities(linter, text, rule) == []


@pytest.mark.parametrize(("text", "rule"), [
    ("I always go the extra mile for my patients.", "cliche.above-and-beyond"),
    ("Team player who loves a busy shop floor.", "cliche.team-player"),  # a CV fragment
    ("My manager says I am a real team player.", "cliche.team-player"),
    ("I am the kind of nurse who thrives in a fast-paced ward.", "cliche.fast-paced"),
    ("The post aligns with my long-term career goals.", "career.place-to-grow"),
    ("My colleagues know me as a team player.", "cliche.team-player"),
    ("Self-starter seeking a role in logistics.", "cliche.self-starter"),
    ("Problem solver by nature and by training.", "cliche.problem-solver"),
    ("Detail-oriented team player who ships every week.", "cliche.team-player"),
    ("Hard-working team player with a love of spreadsheets.", "cliche.team-player"),
    # "my" and an aspect of the writer before "is": the writer
    ("My approach is detail-oriented and calm.", "cliche.detail-oriented"),
    ("My greatest strength is being a team player.", "cliche.team-player"),
    # a thing as the subject, and "my" before an aspect of the writer
    ("The course would give my career an opportunity to grow.", "flattery.allow-me-to-grow"),
    # a thing opens the sentence, but the writer is in the match's clause, or the thing is
    # the application itself
    ("This post is a great fit for my skills.", "flattery.great-fit"),
    ("The truth is, I am a real team player.", "cliche.team-player"),
    ("The reason I applied is that I am a self-starter.", "cliche.self-starter"),
])
def test_self_description_when_the_writer_is_the_subject(linter, text, rule):
    assert severities(linter, text, rule) == ["warning"]


def test_quoted_and_named_uses_are_not_uses(linter):
    assert severities(linter, 'The app has a "fast learner" setting I never use.',
                      "cliche.fast-learner") == []
    assert severities(linter, "I ordered the Hard Worker Series gloves for the line.",
                      "cliche.hard-worker") == []


def test_a_claim_in_a_heading_labels_what_follows(linter):
    text = "Why I am a Strong Fit\nI rebuilt the returns process at Harlow in 2022."
    assert severities(linter, text, "flattery.great-fit") == []
    assert severities(linter, "I am a strong fit for the role.", "flattery.great-fit") == [
        "warning"]


@pytest.mark.parametrize("text", [
    "I stay calm under pressure. For example, I ran the Leeds depot alone for 3 weeks in 2021.",
    "I am a good fit for three reasons:\nI ran the Leeds depot for 3 years.",
    "I wore many hats there: buyer, driver, bookkeeper and weekend cook.",
    "Harlow Trust cut its waiting list by 40% in 2022. I am passionate about that mission.",
])
def test_evidence_the_claim_points_to(linter, text):
    found = [f for f in linter.check(text, resolve_overlaps=False).findings
             if f.category in ("cliche", "flattery", "passion")]
    assert {f.severity for f in found} <= {"info"}


def test_a_neighbouring_sentence_does_not_back_a_claim_by_itself(linter):
    text = "I ran the Leeds depot for 3 years. I stay calm under pressure."
    assert severities(linter, text, "cliche.calm-under-pressure") == ["warning"]


def test_the_employer_named_as_the_target_is_not_evidence(linter):
    text = ("I am applying for the analyst position at Fernway. "
            "I would love to contribute to the success of Fernway.")
    assert severities(linter, text, "flattery.contribute-to-success") == ["warning"]
    other = "I would love to contribute to the success of Fernway, as I did for Oxfam in 2021."
    assert severities(linter, other, "flattery.contribute-to-success") == ["info"]


def test_a_number_inside_a_stock_phrase_is_not_evidence(linter):
    assert severities(linter, "I am a hard worker who always gives 110%.",
                      "cliche.hard-worker") == ["warning"]


def test_an_action_whose_object_is_a_skill_is_not_evidence(linter):
    text = "I have developed strong organizational and leadership skills."
    report = linter.check(text)
    assert report.stats["specifics"]["actions"] == 0
    assert {f.severity for f in report.findings} == {"warning"}
    assert report.score <= 40
    concrete = linter.check("I developed the rota app the ward still uses.")
    assert concrete.stats["specifics"]["actions"] == 1


@pytest.mark.parametrize("text", [
    "At Tesco I developed excellent time management skills.",
    "In 2021 I honed my communication skills at Harrow College.",
    "During my time at Boots I gained strong customer service skills.",
])
def test_where_and_when_a_skill_grew_is_not_evidence(linter, text):
    report = linter.check(text)
    assert "warning" in {f.severity for f in report.findings}
    assert report.score <= 40


def test_a_number_or_an_action_beside_a_growth_claim_still_backs_it(linter):
    text = "I developed excellent time management skills while scheduling 14 drivers at Tesco."
    assert severities(linter, text, "cliche.organizational-skills") == ["info"]
    # without a growth verb, a name in the sentence is evidence as before
    text = "My attention to detail caught a billing error at Tesco."
    assert severities(linter, text, "cliche.detail-oriented") == ["info"]


def test_one_point_one_warning(linter):
    text = "I consider myself a strong team player."
    assert severities(linter, text, "claim.describe-myself") == ["info"]
    assert severities(linter, text, "cliche.team-player") == ["warning"]
    fit = "My skills and experience make me a great fit for the role."
    got = {f.rule: f.severity for f in linter.check(fit).findings}
    assert sorted(got.values()) == ["info", "warning"]
    apart = "I am a team player, and on weekends I am a fast learner of languages."
    assert severities(linter, apart, "cliche.fast-learner") == ["warning"]


LETTER_AFTER = (
    " I catalogued 1,400 parish deeds at Redmarsh Library between 2021 and 2024, and wrote "
    "the finding aid that the searchroom still uses. Before that I spent two summers "
    "scanning glass plate negatives for the Hollin Valley Society, about 3,000 of them, and "
    "I taught two volunteers to do the same. Last winter I moved the society's index of "
    "sitters from a card box to a spreadsheet that the volunteers search every week. I would "
    "bring the same care to your collections and I can start in April. Yours sincerely, "
    "Tomasz Wren"
)


def test_a_plain_opening_line_before_a_heading_and_its_evidence(linter):
    opener = "I'm writing to apply for the Archives Assistant post, reference RA-114."
    with_heading = f"{opener}\n\nWhy this post\n\n{LETTER_AFTER.strip()}"
    vague = (f"{opener}\n\nWhy this post\n\nI have always been interested in history and "
             "I think archives are important for everyone in the community. I am a hard "
             "worker with a real eye for detail." + LETTER_AFTER)
    assert severities(linter, with_heading, "opener.writing-to-apply") == ["info"]
    assert severities(linter, vague, "opener.writing-to-apply") == ["warning"]


def test_an_opening_line_citing_the_advert_may_be_backed_a_sentence_later(linter):
    """The advert's date or reference in the opening line: a claim proved at once may come
    first ("I can find stories in public data. In 2023 I ..."); without one, the claim is
    the next thing said and the line stays a warning."""
    claim = " I can find stories in public data and get them into print."
    cited = ("I would like to apply for the Data Reporter post, advertised on 3 May."
             + claim + LETTER_AFTER)
    assert severities(linter, cited, "opener.would-like-to-apply") == ["info"]
    plain = cited.replace(", advertised on 3 May", "")
    assert severities(linter, plain, "opener.would-like-to-apply") == ["warning"]
    website = cited.replace("advertised on 3 May", "as advertised on your website")
    assert severities(linter, website, "opener.would-like-to-apply") == ["warning"]


def test_a_request_to_accept_the_application_leads_in_only_with_the_adverts_reference(linter):
    """ "Please accept my application for ..." is a plain first line when it cites the
    advert and the evidence follows (``lead_in: advert``); bare, it opens template letters
    that go on to a fact or two, and stays a warning."""
    cited = ("Please accept my application for the Archives Assistant post, reference RA-114."
             + LETTER_AFTER)
    assert severities(linter, cited, "opener.accept-this-letter") == ["info"]
    bare = cited.replace(", reference RA-114", "")
    assert severities(linter, bare, "opener.accept-this-letter") == ["warning"]


def test_a_fact_in_another_clause_does_not_back_a_claim(linter):
    """ "..., and during my placement I ..." starts a clause of its own: its facts are not
    evidence for the claim before it (spacy_pass.CLAUSE_BREAK)."""
    text = ("I am a true team player, and during my placement at a Leeds accountancy firm I "
            "prepared 40 VAT returns.")
    assert severities(linter, text, "cliche.team-player") == ["warning"]
    backed = "I am a true team player who covered 40 night shifts for colleagues in 2023."
    assert severities(linter, backed, "cliche.team-player") == ["info"]


@pytest.mark.parametrize(("text", "rule"), [
    ("I took the initiative to fold the towels before Mum got home.", "story.rolled-up-sleeves"),
    ("The new duvet is a real team player on cold nights.", "cliche.team-player"),
    # a plural of a listed word ("crossword", "puppy")
    ("I have a real passion for crosswords and sudokus.", "passion.passion-for"),
    ("I am a real team player when the puppies need walking.", "cliche.team-player"),
    ("I rolled up my sleeves and cleared the hatchback before the drive home.",
     "story.rolled-up-sleeves"),
    # words of the tenth round's longer list
    ("I am a real team player when the gerbils need feeding.", "cliche.team-player"),
    ("I took the initiative to clear the gutters before the gazebo went up.",
     "story.rolled-up-sleeves"),
])
def test_a_stock_phrase_about_life_outside_work_is_at_most_info(linter, text, rule):
    """A word of home life (models/wordlists/everyday-life.txt) in the sentence: the stock
    words are most likely meant literally, so the finding is at most info."""
    assert severities(linter, text, rule) in ([], ["info"])
    work = text.replace("before Mum got home", "before the night shift").replace(
        "The new duvet is", "At work I am").replace("crosswords and sudokus",
                                                    "logistics").replace(
        "the puppies need walking", "the night shift needs cover").replace(
        "cleared the hatchback before the drive home",
        "cleared the backlog before the audit").replace(
        "the gerbils need feeding", "the night shift needs cover").replace(
        "clear the gutters before the gazebo went up", "clear the backlog before the audit")
    assert severities(linter, work, rule) == ["warning"]


@pytest.mark.parametrize(("text", "words"), [
    ("I am a real team player, said the goalkeeper to the press.", "said the goalkeeper"),
    ("I always think outside the box, she laughed, and hid the presents.", "she laughed"),
    ("I stepped up to the plate, quite literally, and dried the dishes.", "quite literally"),
])
def test_a_stock_phrase_in_someone_elses_speech_or_taken_literally_is_at_most_info(
        linter, text, words):
    """A speaker other than the writer ("..., said the goalkeeper"), or "literally": the
    stock words are not the writer's claim about themselves."""
    rule = {"team player": "cliche.team-player", "outside the box": "cliche.think-outside-the-box",
            "the plate": "story.rolled-up-sleeves"}
    [rid] = [r for k, r in rule.items() if k in text]
    assert severities(linter, text, rid) in ([], ["info"])
    plain = text.replace(f", {words},", ",").replace(f", {words}", "")
    assert severities(linter, plain, rid) == ["warning"]


@pytest.mark.parametrize(("text", "rule"), [
    ("I am writing to express my interest in why the lift on our floor has been broken "
     "since May.", "opener.writing-to-apply"),
    ("To whom it may concern, a grey rabbit has been seen in the churchyard every evening.",
     "opener.to-whom-it-may-concern"),
    ("I would like to be considered for the front seat on the coach trip.",
     "opener.would-like-to-apply"),
    ("Please accept this letter as my formal complaint about the noise from number 12.",
     "opener.accept-this-letter"),
    ("I am writing in response to your advertisement for a used canoe in the local paper.",
     "opener.excited-to-see-posting"),
    ("Dear Sir or Madam, the hedge on the corner has blocked the footpath since June.",
     "opener.dear-sir-or-madam"),
    ("It is with great pleasure that I recommend the new bakery on Station Road.",
     "opener.with-great-enthusiasm"),
    ("I have no hesitation in recommending the lasagne at the corner cafe.",
     "closer.no-hesitation"),
    # "works" here is the pump's verb, not the plural of "work"
    ("I would like to express my interest in the old dinghy, if its outboard still works.",
     "opener.express-interest"),
])
def test_an_opening_about_something_other_than_an_application_is_at_most_info(
        linter, text, rule):
    """The stock opening words, with no job, application, employer or name after them:
    the letter is about something else (application_object.py)."""
    assert severities(linter, text, rule) in ([], ["info"])


@pytest.mark.parametrize(("text", "rule", "context"), [
    ("I am writing to express my interest in the porter vacancy.",
     "opener.writing-to-apply", None),
    ("I am writing to apply.", "opener.writing-to-apply", None),
    ("I would like to be considered for this.", "opener.would-like-to-apply", None),
    ("To whom it may concern,", "opener.to-whom-it-may-concern", None),
    ("I would like to be considered for Senior Data Analyst.", "opener.would-like-to-apply",
     None),
    ("I am writing to express my interest in joining the depot crew.",
     "opener.writing-to-apply", None),
    ("Please accept this letter as my application.", "opener.accept-this-letter", None),
    ("Dear Sir or Madam,", "opener.dear-sir-or-madam", None),
    ("Dear Sir or Madam, I am applying for the porter post.", "opener.dear-sir-or-madam",
     None),
    ("It is with great pleasure that I recommend her for the post.",
     "opener.with-great-enthusiasm", None),
    ("It is with great pleasure that I recommend Daniel Okafor.",
     "opener.with-great-enthusiasm", None),
    # someone at once after a line that ends on "recommend"
    ("I have no hesitation in recommending her.", "closer.no-hesitation", None),
    ("I am delighted to recommend him.", "opener.pleasure-to-recommend", None),
    ("I would have no hesitation in endorsing Maya Chen.", "closer.no-hesitation", None),
    # the context's employer is what the line is about
    ("I am writing to express my interest in the Harrowgate planning office.",
     "opener.writing-to-apply", {"company": "Harrowgate"}),
])
def test_an_opening_about_an_application_keeps_its_warning(linter, text, rule, context):
    assert severities(linter, text, rule, context) == ["warning"]


@pytest.mark.parametrize(("text", "rule", "plain"), [
    ("I slipped on the wet kerb and hit the ground running, straight into a hedge.",
     "cliche.hit-the-ground-running", "I always hit the ground running in a new job."),
    ("On the slackline I have to think on my feet or land on the grass.",
     "cliche.think-on-my-feet", "On a busy ward I have to think on my feet."),
    ("I went the extra mile on the treadmill because the screen froze.",
     "cliche.above-and-beyond", "I went the extra mile for the families on the ward."),
    ("I stepped up to the plate in the rounders match and was out first ball.",
     "story.rolled-up-sleeves", "When the manager left, I stepped up to the plate."),
    ("I rolled up my sleeve at the pharmacy for the booster.",
     "story.rolled-up-sleeves", "So I rolled up my sleeves and got stuck in."),
    ("Two coats of wax took the floorboards to the next level of shine.",
     "promise.next-level", "I want to take your team to the next level."),
])
def test_an_idiom_with_a_word_of_its_literal_sense_is_at_most_info(linter, text, rule, plain):
    """A rule's ``literal_words`` in the sentence ("kerb", "slackline", "treadmill",
    "rounders") show the idiom meant literally; without one it stays a warning."""
    assert severities(linter, text, rule) in ([], ["info"])
    assert severities(linter, plain, rule) == ["warning"]
