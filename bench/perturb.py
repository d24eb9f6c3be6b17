"""Light edits of a sample, as people make them: the evaluation set for sample matching.

:func:`light_edit` fills the placeholders, replaces a share of the words (10-30%
by default) with a synonym, another name or number, or failing those another
word, then drops a sentence, inserts one, or swaps the two halves of a sentence.
The detector knows nothing of the synonyms used here: to it, every replaced
word is simply a different word. Used by the tests and ``bench/bench_samples.py``.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

# A small thesaurus of words common in sample answers. Only the edit generator uses it.
SYNONYMS = {
    "ability": ["capacity", "talent"], "abilities": ["talents", "capabilities"],
    "able": ["capable"], "achieve": ["reach", "attain"], "always": ["consistently"],
    "approach": ["method", "strategy"], "believe": ["think", "feel"],
    "best": ["finest", "strongest"], "big": ["large", "major"], "bigger": ["larger"],
    "bring": ["offer", "contribute"], "career": ["profession", "working life"],
    "challenge": ["difficulty", "test"], "challenges": ["obstacles", "difficulties"],
    "chance": ["opportunity", "occasion"], "clear": ["explicit", "obvious"],
    "colleagues": ["coworkers", "peers"], "colleague": ["coworker", "peer"],
    "company": ["organization", "firm", "business"], "confident": ["sure", "certain"],
    "contribute": ["add", "give"], "create": ["build", "develop"],
    "customer": ["client", "buyer"], "customers": ["clients", "buyers"],
    "dedicated": ["committed", "devoted"], "dedication": ["commitment", "devotion"],
    "deadline": ["due date", "cutoff"], "deadlines": ["due dates", "cutoffs"],
    "develop": ["build", "grow"], "difference": ["change", "impact"],
    "difficult": ["hard", "tough"], "eager": ["keen", "anxious"], "enjoy": ["like", "love"],
    "environment": ["setting", "workplace"], "excited": ["thrilled", "enthusiastic"],
    "excellent": ["outstanding", "superb"], "experience": ["background", "expertise"],
    "feedback": ["input", "comments"], "focus": ["concentrate"], "goal": ["aim", "objective"],
    "goals": ["aims", "objectives"], "great": ["excellent", "wonderful"],
    "grow": ["develop", "advance"], "growth": ["development", "progress"],
    "help": ["assist", "support"], "helped": ["assisted", "supported"],
    "important": ["crucial", "vital"], "improve": ["enhance", "better"],
    "job": ["position", "post"], "knowledge": ["understanding", "expertise"],
    "large": ["big", "sizable"], "learn": ["discover", "pick up"],
    "learned": ["discovered", "realized"], "lead": ["guide", "head"],
    "looking": ["hoping", "searching"], "love": ["adore", "enjoy"],
    "manage": ["handle", "run"], "manager": ["supervisor", "boss"],
    "meaningful": ["significant", "worthwhile"], "mistake": ["error", "slip"],
    "motivated": ["driven", "ambitious"], "new": ["fresh", "novel"],
    "opportunity": ["chance", "opening"], "organization": ["company", "institution"],
    "passionate": ["enthusiastic", "keen"], "people": ["individuals", "folks"],
    "position": ["role", "job"], "positive": ["constructive", "upbeat"],
    "previous": ["prior", "former"], "problem": ["issue", "difficulty"],
    "problems": ["issues", "difficulties"], "project": ["initiative", "assignment"],
    "projects": ["initiatives", "assignments"], "proud": ["pleased", "glad"],
    "quickly": ["rapidly", "swiftly"], "ready": ["prepared", "set"],
    "responsibilities": ["duties", "tasks"], "responsibility": ["duty", "accountability"],
    "results": ["outcomes", "returns"], "role": ["position", "job"],
    "skills": ["abilities", "strengths"], "strong": ["solid", "robust"],
    "success": ["achievement", "triumph"], "successful": ["effective", "fruitful"],
    "support": ["help", "backing"], "team": ["group", "crew"], "time": ["period", "while"],
    "understand": ["grasp", "see"], "value": ["worth", "benefit"],
    "valuable": ["useful", "precious"], "want": ["wish", "would like"],
    "work": ["labor", "effort"], "worked": ["labored", "served"],
    "years": ["seasons", "summers"],
}
NAMES = [
    "Acme", "Globex", "Initech", "Umbrella Health", "Northwind", "Contoso", "Hooli",
    "Vandelay Industries", "Stark Logistics", "Wayne Foods", "Jordan", "Priya", "Mateo",
    "Ingrid", "Kwame", "Lisbon", "Denver", "Osaka",
]
PLACEHOLDER_FILL = [
    "Acme", "Globex Logistics", "Northwind Bank", "data analyst", "nurse manager",
    "marketing coordinator", "LinkedIn", "supply chain", "Salesforce", "$65,000",
]
FILLER = [
    "garden", "window", "orange", "river", "pencil", "ladder", "violin", "blanket", "copper",
    "harbor", "meadow", "lantern", "puzzle", "saddle", "timber", "velvet", "walnut", "anchor",
    "basket", "candle", "falcon", "glacier", "hammock", "island", "jacket", "kettle",
]
INSERTS = [
    "In my spare time I coach a youth football team on Saturday mornings.",
    "Last spring I also ran my first half marathon, which taught me a lot about pacing.",
    "My grandmother ran a bakery for thirty years, and I still help out on weekends.",
    "I have also been learning Portuguese in the evenings for about a year now.",
    "Before that, I spent two summers working at a campsite in the mountains.",
    "I keep a small vegetable garden and share the harvest with my neighbors.",
]
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_PLACEHOLDER = re.compile(r"\[[^\]]+\]")


@dataclass(frozen=True)
class Edit:
    text: str
    rate: float  # share of words replaced
    structure: str  # "drop", "insert" or "reorder"
    replaced: int


def light_edit(
    text: str,
    rng: random.Random,
    rate: float | None = None,
    structure: str | None = None,
) -> Edit:
    """A lightly edited copy of ``text`` (see the module docstring)."""
    rate = rng.uniform(0.10, 0.30) if rate is None else rate
    structure = structure or rng.choice(["drop", "insert", "reorder"])
    text = _PLACEHOLDER.sub(lambda m: rng.choice(PLACEHOLDER_FILL), text)
    sentences = _SENTENCE_END.split(" ".join(text.split()))
    text, replaced = _replace_words(" ".join(sentences), rng, rate)
    sentences = _SENTENCE_END.split(text)
    if structure == "drop" and len(sentences) >= 3:
        del sentences[rng.randrange(len(sentences))]
    elif structure == "insert":
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(INSERTS))
    else:
        structure = "reorder"
        sentences = _reorder(sentences, rng)
    return Edit(" ".join(sentences), rate, structure, replaced)


def _replace_words(text: str, rng: random.Random, rate: float) -> tuple[str, int]:
    matches = list(_WORD.finditer(text))
    count = round(rate * len(matches))
    chosen = set(rng.sample(range(len(matches)), count)) if matches else set()
    out = []
    position = 0
    for number, match in enumerate(matches):
        before = text[position : match.start()]
        out.append(before)
        word = match.group()
        starts = number == 0 or before.strip()[-1:] in {".", "!", "?"}
        out.append(_replacement(word, rng, starts) if number in chosen else word)
        position = match.end()
    out.append(text[position:])
    return "".join(out), len(chosen)


def _replacement(word: str, rng: random.Random, sentence_start: bool) -> str:
    lower = word.lower()
    if word[0].isdigit():
        return str(rng.randint(2, 40))
    if lower in SYNONYMS:
        new = rng.choice(SYNONYMS[lower])
    elif word[0].isupper() and not sentence_start and lower not in {"i", "i'm", "i've", "i'd"}:
        return rng.choice(NAMES)
    else:
        new = rng.choice([f for f in FILLER if f != lower])
    return new[0].upper() + new[1:] if word[0].isupper() else new


def _reorder(sentences: list[str], rng: random.Random) -> list[str]:
    """Swap the clauses around one comma of a sentence ("A, B." -> "B, a.")."""
    options = [i for i, s in enumerate(sentences) if ", " in s.rstrip(".!?")]
    if not options:
        if len(sentences) >= 2:
            i = rng.randrange(len(sentences) - 1)
            sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
        return sentences
    i = rng.choice(options)
    body, end = sentences[i].rstrip(".!?"), sentences[i][len(sentences[i].rstrip(".!?")):]
    first, _, second = body.partition(", ")
    first = first[0].lower() + first[1:] if not first.startswith("I ") else first
    second = second[0].upper() + second[1:]
    out = list(sentences)
    out[i] = f"{second}, {first}{end or '.'}"
    return out
