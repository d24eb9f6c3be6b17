"""Check time grows at most linearly with the text and the posting (issue 9, item 2).

Overlap resolution compared every finding with every other, and a claim's
evidence was looked for among every specific of its paragraph: 900 KB of
"XYZ Company " took a minute. Here adversarial texts (repeated capitalised
names, repeated stock phrases, brackets, one long line) are checked at two
lengths, 8x apart, inside one paragraph (the engine's unit), and the ratio of
the times must stay under twice the ratio of the lengths: linear work gives
8 or less, the old quadratic work 30 to 60.

Measured as a ratio in one process, never as an absolute time, and in the
thread's CPU time (what other processes do to the shared machine is not
counted): each length is checked a few times, the two interleaved, with the
caches emptied and the garbage collector paused, and the fastest run counts.
"""

from __future__ import annotations

import gc
import time

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

SMALL, LARGE = 2_500, 20_000  # characters; a paragraph holds up to 20,000
LIMIT = 2 * LARGE / SMALL
RUNS = 5

NAME = st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True)
STOCK = st.sampled_from([
    "I am a team player", "passionate about", "detail-oriented", "hard-working self-starter",
    "I am writing to apply for", "Thank you for your time and consideration",
    "my greatest weakness is that I am a perfectionist", "think outside the box",
    "outside the box office", "fast-paced environment", "I believe I would be a great fit",
])
BRACKET = st.sampled_from([
    "[Company Name]", "{Insert role here}", "<Hiring Manager>", "[", "]", "(", ")", "{", "<",
    "XYZ Company", "[Your Name]", "(insert achievement here)", "____", "XXXX", "....",
])
WORD = st.one_of(NAME, STOCK, BRACKET, st.sampled_from(["and", "the", "at", "of", "I", "we"]))

GENERATORS = {
    "names": st.lists(NAME, min_size=1, max_size=6).map(" ".join),
    "names in sentences": st.lists(NAME, min_size=2, max_size=6).map(
        lambda names: "I met " + " and ".join(names) + " at Acme Labs. "),
    "stock phrases": st.lists(STOCK, min_size=1, max_size=4).map(lambda p: ". ".join(p) + ". "),
    "stock phrases, one sentence": st.lists(STOCK, min_size=1, max_size=4).map(" ".join),
    "brackets": st.lists(BRACKET, min_size=1, max_size=6).map(" ".join),
    "long line": st.lists(WORD, min_size=3, max_size=12).map(" ".join),
}
# Units that were quadratic before issue 9, always tried: overlapping placeholder matches
# (overlap resolution) and claims among names in one sentence (their evidence).
EXAMPLES = {
    "brackets": ["XYZ Company", "[Company Name] XYZ Company"],
    "long line": ["I am detail-oriented Alice Johnson", "passionate about Acme Globex Initech"],
}


def repeated(unit: str, length: int) -> str:
    unit = unit.strip() + " "
    return (unit * (length // len(unit) + 1))[:length].strip()


def cpu_time(linter, text: str) -> float:
    linter.clear_caches()
    started = time.thread_time()
    linter.check(text, {"company": "Acme"})
    return time.thread_time() - started


def ratio(linter, unit: str) -> float:
    small_text, large_text = repeated(unit, SMALL), repeated(unit, LARGE)
    linter.check(repeated(unit, 200), {"company": "Acme"})  # word caches warm
    small = large = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(RUNS):  # interleaved, so a busy moment slows both alike
            small = min(small, cpu_time(linter, small_text))
            large = min(large, cpu_time(linter, large_text))
    finally:
        gc.enable()
    return large / small


def _test(name: str):
    @settings(max_examples=4, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(unit=GENERATORS[name])
    def test(linter, unit):
        assert ratio(linter, unit) <= LIMIT, f"{name}: {unit!r}"

    for unit in EXAMPLES.get(name, ()):
        test = example(unit=unit)(test)

    test.__name__ = f"test_time_is_linear_in_{name.replace(' ', '_').replace(',', '')}"
    test.__doc__ = f"Repeated {name}: 8x the text, at most 16x the time."
    return test


for _name in GENERATORS:
    _generated = _test(_name)
    globals()[_generated.__name__] = _generated


# The job posting (context.posting, up to 50,000 characters) is read by its own stage:
# sections, asks, the about part's names, the echo index. Same measure, 8x the posting.
POSTING_SMALL, POSTING_LARGE = 6_250, 50_000
POSTING_LINE = st.one_of(
    st.lists(NAME, min_size=1, max_size=5).map(lambda names: "- Experience with "
                                               + ", ".join(names)),
    st.sampled_from([
        "Requirements:", "- 5+ years of experience in Java, Go and Kubernetes",
        "You will build data pipelines.", "Acme Labs is hiring a Senior Data Engineer.",
        "- Strong communication skills", "About us", "[Company Name] XYZ Company",
    ]),
)
LETTER = "I rebuilt the depot scheduler at Northwind in 2023, and routes fell by a fifth."


def posting_ratio(linter, unit: str) -> float:
    small_posting, large_posting = repeated(unit, POSTING_SMALL), repeated(unit, POSTING_LARGE)
    small = large = float("inf")

    def timed(posting: str) -> float:
        linter.clear_caches()
        started = time.thread_time()
        linter.check(LETTER, {"posting": posting})
        return time.thread_time() - started

    timed(repeated(unit, 500))
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            small = min(small, timed(small_posting))
            large = min(large, timed(large_posting))
    finally:
        gc.enable()
    return large / small


@settings(max_examples=3, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(unit=st.lists(POSTING_LINE, min_size=1, max_size=6).map("\n".join))
@example(unit="- 5+ years of experience in Java, Go, Rust, C++ and Kubernetes;")
@example(unit="Acme Labs is hiring a Senior Data Engineer. You will build data pipelines.")
def test_time_is_linear_in_the_posting(linter, unit):
    """Repeated posting lines: 8x the posting, at most 16x the time."""
    assert posting_ratio(linter, unit + "\n") <= 2 * POSTING_LARGE / POSTING_SMALL, unit
