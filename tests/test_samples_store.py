"""The user's sample store: round trips, atomic writes, and corrupt files left alone."""

from __future__ import annotations

import json
import re
import stat
import threading

import pytest

from standout.samples import store as store_module
from standout.samples.store import (
    DATA_DIR_ENV,
    MIN_WORDS,
    SampleInputError,
    SampleNotFound,
    SampleStore,
    SampleStoreError,
    data_dir,
)

TEXT = ("I have always been passionate about helping people, and over the past four years I"
        " have worked in retail and call centres where I exceeded my targets every quarter.")
OTHER = ("My greatest strength is my ability to stay calm under pressure, which helps my team"
         " keep its focus when deadlines move and priorities change without warning.")


@pytest.fixture
def store(tmp_path) -> SampleStore:
    return SampleStore(tmp_path / "data")


def test_the_folder_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    assert data_dir() == tmp_path
    assert SampleStore().path == tmp_path / "samples.json"


def test_no_store_file_means_no_samples(store):
    assert store.load() == []
    assert store.signature() is None


def test_add_list_remove_round_trip(store):
    first = store.add(TEXT, "Found online")
    second = store.add(OTHER)
    assert (first.id, second.id) == ("user-1", "user-2")
    assert first.title == "Found online"
    assert second.title.startswith("My greatest strength is") and second.title.endswith("…")
    assert [s.id for s in store.load()] == ["user-1", "user-2"]
    assert store.load()[0].text == TEXT
    removed = store.remove("user-1")
    assert removed.id == "user-1"
    assert [s.id for s in store.load()] == ["user-2"]
    # ids are never reused, so "remove user-1" can never hit a newer sample
    assert store.add(TEXT).id == "user-3"


def test_the_file_is_private_and_no_temporary_file_is_left(store):
    store.add(TEXT)
    names = sorted(p.name for p in store.directory.iterdir())
    assert names == [".samples.lock", "samples.json"]
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["format"] == "standout-samples" and data["version"] == 1


def test_the_signature_changes_on_every_write(store):
    store.add(TEXT)
    before = store.signature()
    store.add(OTHER)
    assert store.signature() != before


@pytest.mark.parametrize(
    ("text", "title", "problem"),
    [
        ("too short to be a sample", None, f"at least {MIN_WORDS}"),
        ("   \n\n  ", None, "has 0 words"),
        ("word " * 20_000, None, "too long"),
        (TEXT, "t" * 200, "title is too long"),
    ],
)
def test_bad_samples_are_refused_with_a_reason(store, text, title, problem):
    with pytest.raises(SampleInputError, match=problem):
        store.add(text, title)
    assert not store.path.exists()


def test_the_same_text_twice_is_refused(store):
    saved = store.add(TEXT)
    with pytest.raises(SampleInputError, match=re.escape(f"already saved as '{saved.title}'")):
        store.add("  " + TEXT.upper() + "  ")


def test_removing_an_unknown_id_says_so(store):
    store.add(TEXT)
    with pytest.raises(SampleNotFound) as error:
        store.remove("user-9")
    assert "no saved sample with id 'user-9'" in str(error.value)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"{not json", "not valid JSON (line 1, column 2)"),
        (b"\xff\xfe", "not UTF-8"),
        (b'{"samples": []}', "not a Standout sample store"),
        (b'{"format": "standout-samples", "version": 9, "samples": []}', "version 9"),
        (b'{"format": "standout-samples", "version": 1, "samples": {}}', "must be a list"),
        (b'{"format": "standout-samples", "version": 1, "samples": [{"id": "user-1"}]}',
         '"title" must be a string'),
        (b'{"format": "standout-samples", "version": 1, "samples": ['
         b'{"id": "x", "title": "t", "text": "t", "added": "d"}]}', "bad or repeated id"),
    ],
)
def test_a_corrupt_store_is_reported_and_never_overwritten(store, content, problem):
    store.directory.mkdir(parents=True)
    store.path.write_bytes(content)
    for action in (store.load, lambda: store.add(TEXT), lambda: store.remove("user-1")):
        with pytest.raises(SampleStoreError) as error:
            action()
        assert str(store.path) in str(error.value)
        assert problem in str(error.value)
        assert "will not change it" in str(error.value)
    assert store.path.read_bytes() == content


def test_a_failed_write_keeps_the_old_store(store, monkeypatch):
    store.add(TEXT)
    before = store.path.read_bytes()

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module.os, "replace", fail)
    with pytest.raises(SampleStoreError, match="No space left on device"):
        store.add(OTHER)
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in store.directory.iterdir()) == [".samples.lock", "samples.json"]


def test_an_unwritable_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    store = SampleStore(blocker / "data")
    with pytest.raises(SampleStoreError, match=str(blocker)):
        store.add(TEXT)


def test_two_stores_on_one_folder_see_each_others_samples(store):
    other = SampleStore(store.directory)
    store.add(TEXT)
    other.add(OTHER)
    store.remove("user-1")
    assert [s.id for s in other.load()] == ["user-2"]


def test_concurrent_writers_lose_nothing(store):
    """The CLI and the server may write at once: the lock serialises read-modify-write."""

    def writer(number: int) -> None:
        mine = SampleStore(store.directory)
        for item in range(8):
            mine.add(f"Writer {number} sample {item}: " + TEXT)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    saved = store.load()
    assert len(saved) == 32
    assert len({s.id for s in saved}) == 32
