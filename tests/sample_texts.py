"""Texts written for the sample-matching tests: light edits of bundled samples, and
writing of the tests' own that follows no sample."""

from __future__ import annotations

RULE = "sample.follows-sample"

# strength-2 with synonyms swapped and "customers" made a name
STRENGTH_SYNONYMS = (
    "I would say my biggest strength is my communication abilities. I am able to explain"
    " complicated information plainly, whether I am talking with Contoso's buyers, coworkers or"
    " senior leadership. I am also a good listener, which helps me grasp what people truly"
    " need. These abilities have allowed me to build solid relationships and avoid"
    " misunderstandings that could slow down a project."
)
# failure-3 with its clauses reordered, a number added and a sentence dropped
FAILURE_REORDERED = (
    "I once sent a client a report with an error in it. I contacted the client, apologized and"
    " sent a corrected version as soon as I realized the mistake. So that we could prevent"
    " similar problems, I also explained the situation to my supervisor. I have not made a"
    " similar mistake in 3 years, and I created a checklist for reviewing my work."
)
# leadership-1 with a sentence of the writer's own inserted
LEADERSHIP_INSERTED = (
    "In my previous role, our team lost its manager unexpectedly in the middle of a major"
    " project. I stepped up to coordinate the work, set up daily check-ins and made sure"
    " everyone knew their priorities. It was the first time I had run a stand-up. I also kept"
    " leadership updated on our progress. Thanks to everyone's hard work, we delivered the"
    " project on time, and I was later promoted to team lead."
)
OWN_PARAGRAPH = (
    "Last spring I rebuilt the returns process at the Leeds warehouse: refunds that took nine"
    " days now take two, and the team of six that runs it asked to keep the new checklist."
)
ORIGINAL_ANSWERS = [
    # Strength, weakness and a failure, written from experience: nothing of a sample.
    "My strength is spotting the one number that is wrong. At Halden I found a duplicated"
    " freight invoice worth 41,000 euros in my second week, and the finance team now sends me"
    " every carrier statement before it is paid.",
    "I over-prepare. Before my first client workshop I wrote forty slides for a ninety-minute"
    " session and used eleven. Now I write the three questions I want answered first and build"
    " only what answers them.",
    "In 2022 I shipped a pricing change without telling support. Tickets doubled for a week. I"
    " wrote the apology macro myself, sat with the support team for three days, and since then"
    " every release note goes to them a day early.",
]

MY_SAMPLE = (
    "Working at a company that values innovation has always been my goal. I admire how your"
    " teams experiment, measure and share what they learn. In my current job I introduced"
    " weekly demos, which helped our group release features faster. I would love to bring that"
    " habit of learning in public to your engineering organization."
)
MY_SAMPLE_EDITED = (
    "Working at a firm that values innovation has always been my aim. I admire how your teams"
    " experiment, measure and share what they discover. In my present job I set up weekly"
    " demos, which helped our group ship features faster. I would love to bring that habit of"
    " learning in public to Initech's engineering organization."
)
