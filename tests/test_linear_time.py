"""Check time grows at most linearly with the text (issue 9, item 2).

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
