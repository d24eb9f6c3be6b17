"""``standout history``: the applications you marked as sent, on your machine only.

History is opt-in: nothing is stored until ``standout history add`` (or "Mark as
sent" in the extension). Errors are one line on stderr and exit 2.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..input_files import InputError, read_text
from .pairing import PairingError, Pairings
from .records import Application, HistoryInputError, SentText
from .store import ApplicationNotFound, HistoryStore, HistoryStoreError
from .transfer import dumps, export_document, parse_document


class HistoryError(click.ClickException):
    """Bad input, an unknown id or an unreadable store: exit 2, like any bad input."""

    exit_code = 2


def _errors(command: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (HistoryInputError, HistoryStoreError, ApplicationNotFound) as exc:
            raise HistoryError(str(exc)) from None

    return run


def _read(path: str) -> str:
    try:
        return read_text(path)
    except InputError as exc:
        raise HistoryError(str(exc)) from None


@click.group()
def history() -> None:
    """Remember the applications you sent, to catch leftovers and pasted paragraphs."""


@history.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--company", required=True, help="The employer you sent it to.")
@click.option("--role", default="", help="The role you applied for.")
@click.option("--posting", "posting_file", type=click.Path(path_type=str),
              help="A file holding the job posting.")
@click.option("--url", help="Where the application or posting was.")
@click.option("--date", "sent_on", metavar="YYYY-MM-DD", help="The day you sent it (default:"
              " today).")
@_errors
def add(files: tuple[str, ...], company: str, role: str, posting_file: str | None,
        url: str | None, sent_on: str | None) -> None:
    """Mark an application as sent: FILES are its texts (a letter, answers; - for stdin)."""
    texts = [SentText("<stdin>" if f == "-" else Path(f).name, _read(f)) for f in files]
    posting = _read(posting_file) if posting_file else None
    application = HistoryStore().add(company, role, texts, url=url, posting=posting,
                                      sent_on=sent_on)
    noun = "text" if len(texts) == 1 else "texts"
    click.echo(f"saved application {application.id}: {_title(application)}, sent"
               f" {application.sent_on} ({len(texts)} {noun})")


@history.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@_errors
def list_applications(fmt: str) -> None:
    """List the applications: id, date sent, company, role and texts."""
    store = HistoryStore()
    applications = store.applications()
    if fmt == "json":
        click.echo(json.dumps([a.summary() for a in applications], ensure_ascii=False,
                              indent=2))
        return
    if not applications:
        if store.exists():
            click.echo(f"No applications stored (history is on: {store.path}).", err=True)
        else:
            click.echo("No applications yet: history is off until you mark one as sent"
                       f" ('standout history add'); it would be kept in {store.path}.",
                       err=True)
        return
    for a in applications:
        labels = ", ".join(t.label or "text" for t in a.texts)
        click.echo(f"{a.id}\t{a.sent_on}\t{a.company}\t{a.role}\t{labels}")


@history.command("show")
@click.argument("application_id", metavar="ID", type=int)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@_errors
def show(application_id: int, fmt: str) -> None:
    """Show one application with everything stored about it."""
    application = HistoryStore().get(application_id)
    if fmt == "json":
        click.echo(json.dumps(application.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"Application {application.id}: {_title(application)}")
    click.echo(f"Sent: {application.sent_on} (recorded {application.added_at})")
    if application.url:
        click.echo(f"URL: {application.url}")
    for number, text in enumerate(application.texts, 1):
        click.echo(f"\n--- text {number}: {text.label or 'untitled'} ---")
        click.echo(_lines(text.text))
    if application.posting:
        click.echo("\n--- posting ---")
        click.echo(_lines(application.posting))


@history.command("export")
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=str), metavar="FILE",
              help="Write to FILE (readable by you only) instead of standard output.")
@_errors
def export(fmt: str, output: str | None) -> None:
    """Write the whole history as JSON (the format 'import' reads)."""
    text = dumps(export_document(HistoryStore().applications()))
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise HistoryError(f"{output}: {exc.strerror or exc}") from None


@history.command("import")
@click.argument("file", type=click.Path(path_type=str))
@_errors
def import_(file: str) -> None:
    """Add the applications of an export FILE (- for stdin); ones already stored are skipped."""
    try:
        data = json.loads(_read(file))
    except json.JSONDecodeError as exc:
        raise HistoryError(f"{file}: not valid JSON (line {exc.lineno}, column {exc.colno})"
                           ) from None
    try:
        applications = parse_document(data)
    except HistoryInputError as exc:
        raise HistoryError(f"{file}: {exc}") from None
    added, skipped = HistoryStore().insert_all(applications)
    note = f" ({skipped} already stored)" if skipped else ""
    click.echo(f"imported {added} application{'s' if added != 1 else ''}{note}")


@history.command("forget")
@click.argument("application_id", metavar="ID", type=int)
@_errors
def forget(application_id: int) -> None:
    """Delete application ID and everything stored with it."""
    application = HistoryStore().forget(application_id)
    click.echo(f"forgot application {application.id}: {_title(application)}")


@history.command("clear")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@_errors
def clear(yes: bool) -> None:
    """Delete the whole history: the database files themselves, not only their rows."""
    store = HistoryStore()
    if not store.exists():
        click.echo(f"No history to clear ({store.path} does not exist).")
        return
    if not yes:
        try:
            count = f"all {store.count()} applications in "
        except HistoryStoreError:  # an unreadable store can still be deleted
            count = ""
        try:
            confirmed = click.confirm(f"Delete {count}{store.path}?", default=False)
        except click.Abort:
            confirmed = False
        if not confirmed:
            raise HistoryError("nothing was deleted (answer y, or pass --yes)")
    for path in store.clear():
        click.echo(f"removed {path}")


@history.command("pair")
@click.argument("code")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def pair(code: str, yes: bool) -> None:
    """Let the extension that shows CODE (in its popup) use your history."""
    pairings = Pairings()
    try:
        origin = pairings.waiting_for(code)
        if origin is None:
            pairings.approve(code)  # raises the error that says what to do
        if not yes:
            click.echo(f"{origin} asks to read and add to your application history.")
            try:
                confirmed = click.confirm("Allow it?", default=False)
            except click.Abort:
                confirmed = False
            if not confirmed:
                raise HistoryError("not paired")
        pairings.approve(code)
    except PairingError as exc:
        raise HistoryError(str(exc)) from None
    click.echo(f"paired {origin}: the popup shows it within a few seconds")


@history.command("unpair")
def unpair() -> None:
    """Delete the history token: every paired extension has to pair again."""
    pairings = Pairings()
    try:
        removed = pairings.revoke()
    except PairingError as exc:
        raise HistoryError(str(exc)) from None
    click.echo(f"removed {pairings.token_path}" if removed else "No extension was paired.")


@history.command("where")
def where() -> None:
    """Print the history file (STANDOUT_DATA_DIR overrides its folder)."""
    click.echo(str(HistoryStore().path))


def _lines(text: str) -> str:
    """For the terminal: one kind of line end (--format json keeps the text exactly)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")


def _title(application: Application) -> str:
    return f"{application.company} ({application.role})" if application.role else (
        application.company
    )
