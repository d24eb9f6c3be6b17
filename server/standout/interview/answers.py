"""What an interview answer is made of: a situation, the speaker's own action, a result;
and who acts in it, "I" or "we".

Coaches ask for answers built from one real episode: where and when (situation),
what *you* did (action), and what came of it (result), told with "I" rather than
"we". The reader finds each part in the engine's analysis of the text:

- **situation**: a sentence with a scene-setting cue (``situation`` in
  ``models/interview/answer-cues.yaml``): a time ("last spring", "two years ago",
  a date), a place ("at Kwik Fit", "at my previous job"), or what was wrong ("we
  were behind", "a complaint");
- **action**: "I" followed, past a few bridge words ("then", "had to", "would",
  adverbs in -ly), by a verb that is not a state or a feeling, in the past or after
  "would" ("I rebuilt", "I would call"; not "I was", "I think"). A habit in the
  present counts when its sentence has something specific ("I ring each supplier on
  Monday"), not when it is a claim ("I keep everyone informed");
- **result**: an outcome cue ("was promoted", "still use it", "no more
  complaints"); a change with a number ("cut ... to 15 minutes", "raised £400");
  a before and after ("from two days to 40 minutes"); or a result connective with a
  specific ("as a result, 30 families ...", "now we split the rota every Monday").
  "It was a success" is not a result: nothing in it can be checked.

Numbers inside a situation cue ("two years ago") are the situation's, not a result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..resources import models_dir
from .bank import PARTS
from .cues import Cues, compile_cues, cue_file, word_forms
from .text_view import Sentence, Word, sentences_of

if TYPE_CHECKING:
    from spacy.language import Language

    from ..analysis import Analysis

MAX_BRIDGES = 3
FROM_TO_SPAN = 8  # words between "from" and "to" in a before/after
SELF, GROUP = "i", "we"
NEGATIONS = frozenset({"not", "n't", "never"})
MODALS = frozenset({"would", "will"})
# Verbs whose past is their present: "I cut", "I put" may be either; read as the past.
SAME_IN_PAST = frozenset({"cut", "put", "set", "let", "hit", "shut", "split", "spread", "quit"})
SPECIFIC_LABELS = frozenset({"NUMBER", "DATE", "NAME"})
# Function words that can still be what someone did ("I made", "I gave", "I went", "I did").
DOING_WORDS = frozenset({"make", "give", "go", "let", "do", "doe", "take"})


@dataclass(frozen=True)
class AnswerShape:
    """Where each part of an answer is (sentence indexes), and who acts in it."""

    sentences: tuple[tuple[int, int], ...]
    situation: tuple[int, ...]
    action: tuple[int, ...]
    result: tuple[int, ...]
    i_count: int  # "I" as a word ("I'm" counts)
    we_count: int
    i_actions: int  # "I" + an action
    we_actions: int
    we_sentences: tuple[int, ...]

    def has(self, part: str) -> bool:
        return bool(getattr(self, part))

    def missing(self, expected: Sequence[str] = PARTS) -> list[str]:
        return [part for part in PARTS if part in expected and not self.has(part)]

    def hides_speaker(self, min_we: int = 2, ratio: float = 2.0) -> bool:
        """"We" throughout: at least ``min_we`` of them, and no action of the speaker's own
        or more than ``ratio`` times as many "we" as "I"."""
        if self.we_count < min_we:
            return False
        return self.i_actions == 0 or self.we_count > ratio * self.i_count

    def to_dict(self) -> dict[str, object]:
        return {
            "situation": list(self.situation), "action": list(self.action),
            "result": list(self.result), "i": self.i_count, "we": self.we_count,
            "i_actions": self.i_actions, "we_actions": self.we_actions,
        }


class AnswerReader:
    """Built once per engine (cues compiled through its pipeline); :meth:`read` per check."""

    def __init__(self, nlp: Language) -> None:
        data = cue_file("answer-cues")
        groups = {
            name: data[name]
            for name in ("situation", "result_changes", "result_outcomes", "result_connectives")
        }
        cues = compile_cues(nlp, groups)
        self.situation: Cues = cues["situation"]
        self.changes: Cues = cues["result_changes"]
        self.outcomes: Cues = cues["result_outcomes"]
        self.connectives: Cues = cues["result_connectives"]
        self.bridges = word_forms(nlp, data["action_bridges"])
        self.not_actions = word_forms(nlp, data["not_actions"])
        self.closed_words = word_forms(nlp, _function_words()) - DOING_WORDS
        self.from_form, self.to_form = "from", "to"

    def read(self, analysis: Analysis) -> AnswerShape:
        return self.read_sentences(sentences_of(analysis), analysis.text)

    def read_sentences(self, sentences: Sequence[Sentence], text: str) -> AnswerShape:
        situation, action, result, we_sentences = [], [], [], []
        i_count = we_count = i_actions = we_actions = 0
        for sentence in sentences:
            words = sentence.words
            scene = self.situation.find(words)
            if scene:
                situation.append(sentence.index)
            in_scene = {k for i, j in scene for k in range(i, j)}
            acted = False
            for k, word in enumerate(words):
                if word.form == SELF:
                    i_count += 1
                    if self._acts(words, k, text):
                        i_actions += 1
                        acted = True
                elif word.form == GROUP:
                    we_count += 1
                    if not we_sentences or we_sentences[-1] != sentence.index:
                        we_sentences.append(sentence.index)
                    if self._acts(words, k, text):
                        we_actions += 1
            if acted:
                action.append(sentence.index)
            if self._has_result(words, in_scene):
                result.append(sentence.index)
        return AnswerShape(
            tuple((s.start, s.end) for s in sentences), tuple(situation), tuple(action),
            tuple(result), i_count, we_count, i_actions, we_actions, tuple(we_sentences),
        )

    def _acts(self, words: Sequence[Word], k: int, text: str) -> bool:
        """Whether the subject at ``k`` is followed by something it did (or would do).

        A verb in the past ("I rebuilt", "I have called") or after "would"/"will" is an
        action. A verb in the present ("I keep everyone informed") is a habit, and counts
        only in a sentence with something specific in it ("I ring each supplier on Monday").
        """
        bridges = 0
        hypothetical = False
        for m in range(k + 1, len(words)):
            word = words[m]
            form = word.form
            if form in self.not_actions or form in NEGATIONS:
                return False
            surface = text[word.start : word.end]
            if form in self.bridges or (surface.endswith("ly") and surface.isalpha()):
                hypothetical = hypothetical or form in MODALS
                bridges += 1
                if bridges > MAX_BRIDGES:
                    return False
                continue
            if form in self.closed_words or not form.isalpha():
                return False
            if m + 1 < len(words) and words[m + 1].form in NEGATIONS:
                return False
            if hypothetical or word.lower != form or word.lower in SAME_IN_PAST:
                return True
            return any(w.label in SPECIFIC_LABELS for w in words)
        return False

    def _has_result(self, words: Sequence[Word], in_scene: set[int]) -> bool:
        if self.outcomes.any_in(words):
            return True
        numbers = [k for k, w in enumerate(words) if w.label == "NUMBER" and k not in in_scene]
        if numbers and self.changes.any_in(words):
            return True
        if numbers and self._before_after(words, numbers):
            return True
        if self.connectives.any_in(words):
            # A date after "now" or "since then" is when the change holds ("Now we split
            # the rota every Monday"), though a date alone also sets a scene.
            return any(
                w.label == "DATE" or (w.label in ("NUMBER", "NAME") and k not in in_scene)
                for k, w in enumerate(words)
            )
        return False

    def _before_after(self, words: Sequence[Word], numbers: list[int]) -> bool:
        """"from two days to 40 minutes": a number between "from" and "to", or just after "to"."""
        for i, word in enumerate(words):
            if word.form != self.from_form:
                continue
            for j in range(i + 2, min(len(words), i + FROM_TO_SPAN + 2)):
                if words[j].form == self.to_form:
                    if any(i < n <= j + 2 for n in numbers):
                        return True
                    break
        return False


def _function_words() -> list[str]:
    path = models_dir() / "samples" / "function-words.txt"
    return [
        line.strip() for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
