"""A built pipeline as data: its components' state, pickled, put back on a blank Language.

Building the pipeline costs seconds (every phrase pattern expanded, tokenized and
added to the PhraseMatcher; the lemma table read); a blank English Language
costs what any spaCy program pays. So what the components built is kept: each
component's instance dictionary, pickled with the Language, its vocab and its
string store left out (pickle's persistent ids), and later put back into the
components that the same factories make on a new blank Language. The strings
the build added to the vocab go along, so every label and match id still reads
back as text.

This works for any component that is a plain Python object, whatever its rules
hold; one that cannot be pickled raises here, and the caller builds instead.
Two spaCy objects do not round-trip through pickle as they should, and get
their own reducers:

- ``Matcher`` forgets each key's ``greedy`` filter (its ``__reduce__`` leaves it out);
- a lookups ``Table`` unpickles one ``__setitem__`` at a time, Bloom filter and
  all: here its items go back in one pass and the filter from its bytes.
"""

from __future__ import annotations

import gc
import io
import pickle
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from preshed.bloom import BloomFilter
from spacy.language import Language
from spacy.lookups import Table
from spacy.matcher import Matcher

PROTOCOL = 5


@dataclass(frozen=True)
class Component:
    name: str
    factory: str
    config: dict[str, Any]
    cls: str  # module:qualname, checked when the state is put back
    state: dict[str, Any]


@dataclass(frozen=True)
class PipelineState:
    strings: tuple[str, ...]
    components: tuple[Component, ...]


def capture(nlp: Language) -> PipelineState:
    """What ``nlp``'s components hold, ready for :func:`dumps`."""
    components = []
    for name, component in nlp.pipeline:
        if not hasattr(component, "__dict__"):
            raise TypeError(f"component {name!r} keeps no instance dictionary to save")
        config = dict(nlp.config["components"][name])
        config.pop("factory", None)
        components.append(Component(name, nlp.get_pipe_meta(name).factory, config,
                                    _class_name(component), vars(component)))
    return PipelineState(tuple(nlp.vocab.strings), tuple(components))


def restore(state: PipelineState, nlp: Language) -> Language:
    """Add the saved components to ``nlp`` (the blank Language :func:`loads` was given)."""
    strings = nlp.vocab.strings
    for text in state.strings:
        strings.add(text)
    for saved in state.components:
        component = nlp.add_pipe(saved.factory, name=saved.name, config=saved.config)
        if _class_name(component) != saved.cls:
            raise TypeError(f"component {saved.name!r} is a {_class_name(component)} now,"
                            f" saved as a {saved.cls}")
        own = vars(component)
        own.clear()
        own.update(saved.state)
    return nlp


def dumps(value: Any, nlp: Language) -> bytes:
    """Pickle ``value``, which may refer to ``nlp``, its vocab and its strings."""
    buffer = io.BytesIO()
    _Pickler(buffer, nlp).dump(value)
    return buffer.getvalue()


def loads(data: bytes | memoryview, nlp: Language) -> Any:
    """Unpickle what :func:`dumps` wrote, its references pointing at ``nlp`` now."""
    enabled = gc.isenabled()
    gc.disable()  # many small objects at once: collections would only walk them
    try:
        return _Unpickler(io.BytesIO(data), nlp).load()
    finally:
        if enabled:
            gc.enable()


def _class_name(obj: object) -> str:
    return f"{type(obj).__module__}:{type(obj).__qualname__}"


def _references(nlp: Language) -> dict[str, object]:
    return {"nlp": nlp, "vocab": nlp.vocab, "strings": nlp.vocab.strings}


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, nlp: Language) -> None:
        super().__init__(file, protocol=PROTOCOL)
        self._ids = {id(obj): name for name, obj in _references(nlp).items()}

    def persistent_id(self, obj: Any) -> str | None:
        return self._ids.get(id(obj))

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        if kind is Matcher:
            return _matcher, (obj.vocab, obj._patterns, obj._callbacks, obj.validate,
                              obj._fuzzy_compare, obj._filter)
        if kind is Table:
            return _table, (obj.name, obj.default_size, list(OrderedDict.items(obj)),
                            obj.bloom.to_bytes())
        return NotImplemented


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, nlp: Language) -> None:
        super().__init__(file)
        self._references = _references(nlp)

    def persistent_load(self, pid: Any) -> object:
        try:
            return self._references[pid]
        except (KeyError, TypeError):
            raise pickle.UnpicklingError(f"unknown reference {pid!r}") from None


def _matcher(vocab, patterns, callbacks, validate, fuzzy_compare, greedy) -> Matcher:
    # The patterns were validated when first added; adding them again unvalidated is faster.
    matcher = Matcher(vocab, validate=False, fuzzy_compare=fuzzy_compare)
    for key, key_patterns in patterns.items():
        matcher.add(key, key_patterns, on_match=callbacks.get(key), greedy=greedy.get(key))
    matcher.validate = validate
    return matcher


def _table(name, default_size, items, bloom) -> Table:
    table = Table.__new__(Table)
    OrderedDict.__init__(table)
    set_item = OrderedDict.__setitem__
    for key, value in items:
        set_item(table, key, value)
    table.name = name
    table.default_size = default_size
    table.bloom = BloomFilter().from_bytes(bloom)
    return table
