"""Reading a job posting and comparing a text with it.

A posting is split into sections and asks (:mod:`.layout`, :mod:`.clauses`),
each ask reduced to its key terms (:mod:`.terms`) and ranked (:mod:`.ranking`);
role and company are read from its header when it states them (:mod:`.header`).
That analysis is cached by content (:mod:`.analyser`). A text is then compared
with it: which asks it shows, claims or leaves out (:mod:`.coverage`), which of
its sentences copy the posting (:mod:`.echo`), whether it says anything about
the employer (:mod:`.about`), and whether it names another role (:mod:`.role_slots`).
"""

from __future__ import annotations

from .analyser import PostingAnalyser
from .model import Ask, PostingAnalysis, Term

__all__ = ["Ask", "PostingAnalyser", "PostingAnalysis", "Term"]
