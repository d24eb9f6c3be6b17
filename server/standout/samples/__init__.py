"""Sample answers: texts people copy from the internet and change a few words of.

The bundled corpus (``models/samples/*.yaml``, see :mod:`.corpus`) holds sample
answers and cover-letter template paragraphs written for this project in the
style of the widely circulated ones; the user's own samples live in their data
folder (:mod:`.store`). :mod:`.index` finds which samples a paragraph follows,
and :mod:`.detector` turns that into findings for the ``check: sample`` rule.
See ``docs/samples.md`` for the method and its measured quality.
"""

from __future__ import annotations

from .corpus import Sample, SampleCorpusError, load_bundled
from .store import SampleStore, SampleStoreError, StoredSample

__all__ = [
    "Sample",
    "SampleCorpusError",
    "SampleStore",
    "SampleStoreError",
    "StoredSample",
    "load_bundled",
]
