"""The bundled sample corpus: ``models/samples/*.yaml``, one file per question or kind.

Every file is validated when loaded, and an error names the file and the sample::

    id: why-company                      # every sample id is <id>-<number>
    question: Why do you want to work here?
    kind: answer                         # answer | opening | body | closing
    title: Why do you want to work here? # a sample's title is "<title> (<number>)"
    samples:
      - id: why-company-1
        text: >
          ...

``[Bracketed]`` words are placeholders the writer fills in (a company, a role);
they are not expected to survive and are not matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..resources import models_dir

KINDS = ("answer", "opening", "body", "closing")
MIN_WORDS = 25
_WORD = re.compile(r"\w+")

FILE_SCHEMA = {
    "type": "object",
    "required": ["id", "question", "kind", "title", "samples"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": r"^[a-z][a-z0-9-]*[a-z]$"},
        "question": {"type": "string", "minLength": 3},
        "kind": {"enum": list(KINDS)},
        "title": {"type": "string", "minLength": 3, "maxLength": 70},
        "samples": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "text"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": r"^[a-z][a-z0-9-]*-[1-9][0-9]*$"},
                    "text": {"type": "string", "minLength": 1},
                },
            },
        },
    },
}


@cache
def _validator():
    # jsonschema and yaml are imported when a file is read: the start-up cache reads none.
    import jsonschema

    return jsonschema.Draft202012Validator(FILE_SCHEMA)


class SampleCorpusError(ValueError):
    """A corpus file is malformed. The message names the file and the sample."""


@dataclass(frozen=True, slots=True)
class Sample:
    """One sample text, bundled or the user's own.

    ``source`` is ``"bundled"`` or ``"user"``; ``kind`` is one of :data:`KINDS`
    for bundled samples and ``"user"`` for the user's; ``question`` is the
    question a sample answers, or what a template paragraph is for.
    """

    id: str
    title: str
    question: str
    kind: str
    text: str
    source: str = "bundled"

    @property
    def described(self) -> str:
        """How a finding names this sample: "the sample answer 'Title (3)'"."""
        if self.source == "user":
            return f"your saved sample '{self.title}'"
        if self.kind == "answer":
            return f"the sample answer '{self.title}'"
        return f"the template paragraph '{self.title}'"

    def to_dict(self) -> dict[str, str]:
        return {
            "id": self.id,
            "title": self.title,
            "question": self.question,
            "kind": self.kind,
            "source": self.source,
            "words": str(word_count(self.text)),
        }


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def corpus_files(directory: Path | None = None) -> list[Path]:
    return sorted((directory or models_dir() / "samples").glob("*.yaml"))


def load_bundled(directory: Path | None = None) -> list[Sample]:
    """Load and validate every corpus file; ids are unique across files."""
    samples: list[Sample] = []
    seen: dict[str, Path] = {}
    for path in corpus_files(directory):
        for sample in load_file(path):
            if sample.id in seen:
                raise SampleCorpusError(
                    f"{path}: sample '{sample.id}': the id is already used in {seen[sample.id]}"
                )
            seen[sample.id] = path
            samples.append(sample)
    return samples


def load_file(path: Path) -> list[Sample]:
    import jsonschema
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster
    try:
        raw = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)
    except UnicodeDecodeError as exc:
        raise SampleCorpusError(f"{path}: not UTF-8 ({exc.reason})") from None
    except yaml.YAMLError as exc:
        problem = " ".join(str(exc).split())
        raise SampleCorpusError(f"{path}: not valid YAML: {problem}") from None
    except OSError as exc:
        raise SampleCorpusError(f"{path}: {exc.strerror or exc}") from None
    error = jsonschema.exceptions.best_match(_validator().iter_errors(raw))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "top level"
        raise SampleCorpusError(f"{path}: {where}: {error.message}")
    samples = []
    for entry in raw["samples"]:
        sample_id = entry["id"]
        prefix, _, number = sample_id.rpartition("-")
        if prefix != raw["id"]:
            raise SampleCorpusError(
                f"{path}: sample '{sample_id}': the id must be '{raw['id']}-<number>'"
            )
        text = " ".join(entry["text"].split())
        if word_count(text) < MIN_WORDS:
            raise SampleCorpusError(
                f"{path}: sample '{sample_id}': too short ({word_count(text)} words;"
                f" at least {MIN_WORDS})"
            )
        samples.append(Sample(
            id=sample_id,
            title=f"{raw['title']} ({number})",
            question=raw["question"],
            kind=raw["kind"],
            text=text,
        ))
    return samples
