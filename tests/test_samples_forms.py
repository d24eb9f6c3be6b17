"""Class words in the sample forms: found by bisection, as the walk over every word found them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from standout.samples.forms import _marked


def _walked(starts: list[int], classes: list[tuple[int, int, str]]) -> dict[int, str | None]:
    """The word-by-word walk ``_marked`` replaced: the reference it is held to."""
    marked: dict[int, str | None] = {}
    c = 0
    opened = -1
    for k, w_start in enumerate(starts):
        while c < len(classes) and classes[c][1] <= w_start:
            c += 1
        if c == len(classes):
            break
        if classes[c][0] <= w_start:
            if opened != c:
                marked[k] = classes[c][2]
                opened = c
            else:
                marked[k] = None
    return marked


@st.composite
def _words_and_classes(draw):
    starts = sorted(set(draw(st.lists(st.integers(0, 60), max_size=25))))
    spans = draw(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12),
                                    st.sampled_from(["#name", "#num", "#date"])), max_size=8))
    classes = sorted((a, a + n, label) for a, n, label in spans)  # may overlap
    return starts, classes


@given(_words_and_classes())
def test_marked_words_are_those_of_the_walk(case):
    starts, classes = case
    assert _marked(starts, classes) == _walked(starts, classes)
    assert list(_marked(starts, classes)) == sorted(_marked(starts, classes))
