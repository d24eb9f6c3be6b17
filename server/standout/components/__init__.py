"""spaCy pipeline components: each one a class plus a thin registered factory."""
