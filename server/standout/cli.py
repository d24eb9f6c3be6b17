"""The ``standout`` command line. Knows the linter's API, not spaCy."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

import click

from . import __version__
from .config import ConfigError
from .context import KINDS, Context, PostingTooLong
from .doctor.cli import doctor
from .input_files import InputError, read_text
from .messages import generic
from .rulebook import SEVERITY_RANK, RuleError
from .samples.cli import samples
from .serialize import cli_file_json, rule_json
from .service.cli import service

FAIL_LEVELS = ["error", "warning", "info", "never"]
PROGRESS_MIN_FILES = 5


class StandoutGroup(click.Group):
    """Prints usage errors as one line and never a traceback."""

    def main(self, args: Sequence[str] | None = None, **kwargs: Any) -> Any:
        try:
            return super().main(args=args, standalone_mode=False, **kwargs)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("standout: interrupted", err=True)
            sys.exit(130)
        except click.UsageError as exc:
            hint = f" (try '{exc.ctx.command_path} --help')" if exc.ctx else ""
            click.echo(f"standout: error: {exc.format_message()}{hint}", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            click.echo(f"standout: error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except (RuleError, ConfigError, InputError) as exc:
            click.echo(f"standout: error: {exc}", err=True)
            sys.exit(2)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(1)


@click.group(cls=StandoutGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="standout")
def main() -> None:
    """Standout shows where a cover letter or application answer sounds like everyone else's."""


def _linter():
    from . import default_linter

    return default_linter()


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--company", help="The employer the text is for.")
@click.option("--role", help="The role applied for.")
@click.option("--question", help="The question the text answers.")
@click.option("--kind", type=click.Choice(KINDS),
              help="What the text is (default: inferred; see docs/interview.md).")
@click.option("--posting", "posting_path", type=click.Path(path_type=str), metavar="FILE",
              help="The job posting, as plain text (- for standard input).")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default="warning", show_default=True,
              help="Exit 1 when a finding reaches this severity.")
@click.option("--min-severity", type=click.Choice(list(SEVERITY_RANK)), default="info",
              show_default=True, help="Hide findings below this severity.")
@click.option("--disable", "disabled_rules", multiple=True, metavar="RULE",
              help="Turn a rule off (repeatable).")
@click.option("--disable-category", "disabled_categories", multiple=True, metavar="CATEGORY",
              help="Turn a category off (repeatable).")
@click.option("--advice/--no-advice", default=False,
              help="Print each finding's advice under it (text format).")
def check(files, fmt, company, role, question, kind, posting_path, fail_on, min_severity,
          disabled_rules, disabled_categories, advice) -> None:
    """Check FILES (use - for standard input).

    Prints path:line:col: severity rule-id message for each finding, then, with
    --posting, which of the posting's asks each file shows, claims or leaves out.
    Exits 0 when nothing reaches --fail-on, 1 when something does, 2 for bad input.
    """
    if posting_path == "-" and "-" in files:
        raise click.UsageError("standard input (-) can be read once: give it for the posting "
                               "or for a text, not both")
    posting = read_text(posting_path) if posting_path else None
    context = {"company": company, "role": role, "question": question, "posting": posting,
               "kind": kind}
    try:
        Context.coerce(context)
    except PostingTooLong as exc:
        raise click.UsageError(str(exc)) from None
    linter = _linter()
    known_rules = {rule.id for rule in linter.rules}
    known_categories = {rule.category for rule in linter.rules}
    for rule in disabled_rules:
        if rule not in known_rules:
            raise click.UsageError(f"unknown rule '{rule}' (see 'standout rules')")
    for category in disabled_categories:
        if category not in known_categories:
            raise click.UsageError(f"unknown category '{category}' (see 'standout rules')")
    results: list[dict[str, Any]] = []
    input_errors = 0
    failing = False
    show_progress = len(files) >= PROGRESS_MIN_FILES and sys.stderr.isatty()
    with click.progressbar(files, label="Checking", file=sys.stderr,
                           hidden=not show_progress) as bar:
        for path in bar:
            try:
                text = read_text(path)
            except InputError as exc:
                input_errors += 1
                click.echo(f"standout: error: {exc}", err=True)
                continue
            report = linter.check(
                text, context, disabled_rules=disabled_rules,
                disabled_categories=disabled_categories, min_severity=min_severity,
            )
            name = "<stdin>" if path == "-" else path
            results.append(cli_file_json(name, text, report))
            worst = report.worst()
            if fail_on != "never" and worst and SEVERITY_RANK[worst] >= SEVERITY_RANK[fail_on]:
                failing = True
            if fmt == "text":
                print_text(results[-1], advice)
    if fmt == "json":
        click.echo(json.dumps({"files": results}, ensure_ascii=False, indent=2))
    elif results:
        print_summary(results)
    sys.exit(2 if input_errors else 1 if failing else 0)


def print_text(result: dict[str, Any], advice: bool) -> None:
    for f in result["findings"]:
        message = " ".join(f["message"].split())
        where = f"{result['path']}:{f['line']}:{f['column']}"
        click.echo(f"{where}: {f['severity']} {f['rule']} {message}")
        if advice:
            click.echo(f"    -> {' '.join(f['advice'].split())}")
    if "posting" in result:
        print_checklist(result["path"], result["posting"])


NOTES = {
    "no-asks": "no requirements or responsibilities found in the posting",
    "not-english": "the posting does not read as English; Standout reads English postings",
}


def print_checklist(path: str, posting: dict[str, Any]) -> None:
    """ "shown: SQL (line 5)", "claimed: stakeholder management (line 7)", "absent: Tableau"."""
    if not posting["asks"]:
        notes = "; ".join(NOTES.get(n, n) for n in posting["notes"]) or "no asks"
        click.echo(f"{path}: posting: {notes}")
        return
    shown = sum(1 for a in posting["asks"] if a["status"] == "shown")
    click.echo(f"{path}: posting: {shown} of {len(posting['asks'])} asks shown "
               f"(match {round(100 * posting['match'])}%)")
    for ask in posting["asks"]:
        label = ", ".join(ask["terms"][:2]) or ask["text"]
        line = f" (line {ask['line']})" if ask["line"] else ""
        click.echo(f"  {ask['status']}: {label}{line}")


def print_summary(results: list[dict[str, Any]]) -> None:
    sys.stdout.flush()  # the summary goes to stderr, after the findings
    for result in results:
        count = len(result["findings"])
        noun = "finding" if count == 1 else "findings"
        spoken = result["stats"].get("speaking")
        timing = f", {spoken_summary(spoken)}" if spoken else ""
        click.echo(
            f"{result['path']}: stand-out score {result['score']}/100, {count} {noun}{timing}",
            err=True,
        )


def spoken_summary(spoken: dict[str, Any]) -> str:
    """"about 1 min 5 s to say (interviewers expect 1-2 min)"."""
    def clock(seconds: int) -> str:
        minutes, rest = divmod(seconds, 60)
        if not minutes:
            return f"{rest} s"
        return f"{minutes} min {rest} s" if rest else f"{minutes} min"

    text = f"about {clock(spoken['seconds'])} to say"
    if spoken.get("expected"):
        low, high = spoken["expected"]
        text += f" (interviewers expect {clock(low)} to {clock(high)})"
    return text


@main.command()
@click.option("--category", "categories", multiple=True, metavar="CATEGORY",
              help="Only this category (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def rules(categories, fmt) -> None:
    """List the rules: id, category, severity and message."""
    linter = _linter()
    known = {rule.category for rule in linter.rules}
    for category in categories:
        if category not in known:
            raise click.UsageError(
                f"unknown category '{category}'; known: {', '.join(sorted(known))}"
            )
    selected = [r for r in linter.rules if not categories or r.category in categories]
    if fmt == "json":
        payload = [rule_json(rule, linter.is_enabled(rule)) for rule in selected]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for rule in selected:
        state = "" if linter.is_enabled(rule) else " (off)"
        message = " ".join(generic(rule.message).split())
        click.echo(f"{rule.id}\t{rule.category}\t{rule.severity}{state}\t{message}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@click.option("--allow-remote", is_flag=True,
              help="Allow binding an address other than loopback (not recommended).")
@click.option("--log-file", type=click.Path(dir_okay=False, path_type=str),
              help="Also log to this file, rotated (never the text you check).")
def serve(host: str, port: int, allow_remote: bool, log_file: str | None) -> None:
    """Run the local server for the browser extension and local tools."""
    from . import log_file as logs
    from .web.serve import run

    if not log_file:
        run(host=host, port=port, allow_remote=allow_remote)
        return
    logs.configure(log_file, __version__)
    with logs.failures_logged():
        run(host=host, port=port, allow_remote=allow_remote)


main.add_command(samples)
main.add_command(service)
main.add_command(doctor)
