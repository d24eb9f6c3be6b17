"""``standout samples``: save, list and remove your own samples.

A sample is a text you started from (an answer found online, a template): once
saved, ``standout check`` and the browser extension show how much of it is
still in what you write. Errors are one line on stderr and exit 2 (the main
group prints them; see ``standout/cli.py``).
"""

from __future__ import annotations

import json

import click

from ..input_files import read_text
from .store import SampleInputError, SampleNotFound, SampleStore


class SampleError(click.ClickException):
    """A sample that cannot be saved or found: exit 2, like any bad input."""

    exit_code = 2


def _store() -> SampleStore:
    return SampleStore()


@click.group()
def samples() -> None:
    """Save the samples you started from, so checks show how much of them remains."""


@samples.command("add")
@click.argument("file", type=click.Path(path_type=str))
@click.option("--title", help="A short name for the sample (default: its first words).")
def add(file: str, title: str | None) -> None:
    """Save the text in FILE (- for standard input) as a sample."""
    text = read_text(file)
    try:
        sample = _store().add(text, title)
    except SampleInputError as exc:
        raise SampleError(f"{file}: {exc}") from None
    words = sample.to_dict()["words"]
    click.echo(f"saved {sample.id}: '{sample.title}' ({words} words)")


@samples.command("list")
@click.option("--bundled", is_flag=True, help="List the bundled samples instead of yours.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def list_samples(bundled: bool, fmt: str) -> None:
    """List your saved samples: id, date added, words and title."""
    if bundled:
        from .corpus import load_bundled

        items = [sample.to_dict() for sample in load_bundled()]
        if fmt == "json":
            click.echo(json.dumps(items, ensure_ascii=False, indent=2))
            return
        for item in items:
            click.echo(f"{item['id']}\t{item['kind']}\t{item['words']}\t{item['title']}")
        return
    store = _store()
    saved = store.load()
    if fmt == "json":
        click.echo(json.dumps([s.to_dict() for s in saved], ensure_ascii=False, indent=2))
        return
    if not saved:
        click.echo(f"No saved samples yet (add one with 'standout samples add FILE'; they are"
                   f" kept in {store.path}).", err=True)
        return
    for sample in saved:
        words = sample.to_dict()["words"]
        click.echo(f"{sample.id}\t{sample.added[:10]}\t{words}\t{sample.title}")


@samples.command("remove")
@click.argument("sample_id", metavar="ID")
def remove(sample_id: str) -> None:
    """Remove the saved sample ID (see 'standout samples list')."""
    try:
        sample = _store().remove(sample_id)
    except SampleNotFound as exc:
        raise SampleError(str(exc)) from None
    click.echo(f"removed {sample.id}: '{sample.title}'")


@samples.command("where")
def where() -> None:
    """Print the file your samples are kept in (STANDOUT_DATA_DIR overrides its folder)."""
    click.echo(str(_store().path))
