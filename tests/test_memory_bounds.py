"""The caches are bounded by bytes, not by count (issue 9, item 5).

The paragraph cache held 4,096 analyses whatever their size: 20,000-character
paragraphs cost about half a megabyte each, and the server grew to 3.4 GB. Each
cache now has a byte budget, and the estimate it counts with is held against
what the analyses really hold (tracemalloc). bench/bench_worst_cases.py
measures the server's RSS.
"""

from __future__ import annotations

import gc
import random
import threading
import tracemalloc

import pytest

from standout import Linter
from standout.bounded_cache import MIB, BoundedCache
from standout.config import UserConfig
from standout.spacy_pass import spacy_pass

SENTENCE = ("the team shipped a faster report for Acme in 2023 and I measured how managers"
            " used it every week with forty depots across three regions")
WORDS = SENTENCE.split(" ")


def big_paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(4_000))[:19_500]


@pytest.fixture(scope="module")
def small_cache_linter():
    linter = Linter(config=UserConfig(), cache_bytes=4 * MIB)
    linter.check("The samples are loaded on the first check.")
    return linter


def test_big_paragraphs_stay_within_the_byte_budget(small_cache_linter):
    linter = small_cache_linter
    rng = random.Random(5)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(4):  # 40 paragraphs of 19,500 characters: about 20 MB if all were kept
            linter.check("\n\n".join(big_paragraph(rng) for _ in range(10)))
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert linter.cache_bytes <= 4 * MIB + linter.samples.cache_bytes
    assert kept < 8 * MIB, f"{kept / MIB:.1f} MiB kept"


def test_the_estimate_is_close_to_what_an_analysis_holds(linter):
    from standout.analysis_cache import paragraph_bytes

    rng = random.Random(6)
    texts = [big_paragraph(rng), "I am a team player at Acme. " * 40, "Short one."]
    for text in texts:
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            (analysis,) = spacy_pass(linter.nlp, [text])
            gc.collect()
            held = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
        estimate = paragraph_bytes(analysis)
        assert 0.5 * held <= estimate <= 2 * held + 4_096, (len(text), held, estimate)


def test_the_sample_matcher_caches_are_bounded_too(small_cache_linter):
    matcher = small_cache_linter.samples
    rng = random.Random(7)
    for _ in range(3):
        small_cache_linter.check("\n\n".join(big_paragraph(rng) for _ in range(15)))
    assert matcher.cache_bytes <= 16 * MIB + 8 * MIB  # the paragraph and the text caches


def test_bounded_cache_evicts_the_least_recent_by_bytes():
    cache: BoundedCache[str] = BoundedCache(max_bytes=100)
    for key in "abcd":
        cache.put(key, key, 25)
    assert cache.get("a") == "a"  # now the most recent
    cache.put("e", "e", 25)
    assert cache.get("b") is None and cache.get("a") == "a" and len(cache) == 4
    assert cache.bytes == 100
    cache.put("huge", "x", 26)  # over a quarter of the cache: not kept
    assert cache.get("huge") is None and cache.bytes == 100
    cache.put("a", "a2", 10)  # replacing an entry counts its new size only
    assert cache.bytes == 85 and cache.get("a") == "a2"


def test_bounded_cache_counts_right_under_threads():
    cache: BoundedCache[int] = BoundedCache(max_bytes=10_000, max_entries=500)

    def fill(offset: int) -> None:
        for n in range(2_000):
            cache.put((offset, n % 700), n, 7)

    threads = [threading.Thread(target=fill, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(cache) <= 500
    assert cache.bytes == 7 * len(cache)


def test_long_message_values_are_not_cached():
    from standout.messages import _fill, fill

    fill("Another employer: $other.", other="Short")
    size = _fill.cache_info().currsize
    for n in range(50):
        fill("Another employer: $other.", other=f"{n} " + "Globex " * 200)
    assert _fill.cache_info().currsize == size


def test_word_caches_of_the_components_are_bounded(monkeypatch):
    from standout.components import sentences, specifics, stream

    linter = Linter(config=UserConfig(), cache_size=0)
    for module in (sentences, specifics, stream):
        monkeypatch.setattr(module, "MAX_CACHED_WORDS", 50)
    linter.check(" ".join(f"Madeup{n}word" for n in range(400)))
    pipes = dict(linter.nlp.pipeline)
    assert len(pipes["standout_specifics"]._classes) <= 50
    assert len(pipes["standout_sentences"]._kinds) <= 50
    assert len(pipes["standout_stream"]._forms) <= 50
