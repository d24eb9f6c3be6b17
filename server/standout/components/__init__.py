"""spaCy pipeline components: each one a class plus a thin registered factory."""

# Components keep what they worked out about each distinct word (its class, its
# canonical form) by its hash. A text of a million made-up words would grow those
# dictionaries without end, so each is emptied when it reaches this many entries
# (a writer's whole vocabulary fits many times over).
MAX_CACHED_WORDS = 100_000
