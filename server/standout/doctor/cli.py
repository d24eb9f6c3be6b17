"""``standout doctor``: run every check, print what is wrong and how to fix it.

Exits 0 when every required check passes (warnings and information do not
count), 1 otherwise. ``--format json`` prints the same as one object.
"""

from __future__ import annotations

import json

import click

from ..service.status import DEFAULT_URL, installed_url
from .checks import CHECKS
from .model import Check, Context, Result

MARKS = {"ok": "ok", "warn": "warn", "fail": "FAIL", "info": "info"}


def run_checks(context: Context, checks: tuple[Check, ...] = CHECKS) -> list[tuple[Check, Result]]:
    return [(check, check(context)) for check in checks]


def failed(results: list[tuple[Check, Result]]) -> list[Check]:
    return [check for check, result in results if check.required and result.status == "fail"]


@click.command()
@click.option("--url", help="The server address to check (default: the installed service's,"
              f" else {DEFAULT_URL}).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def doctor(url: str | None, fmt: str) -> None:
    """Check that Standout can work here, and say how to fix what cannot."""
    context = Context(url=_normal(url or installed_url() or DEFAULT_URL))
    results = run_checks(context)
    problems = failed(results)
    if fmt == "json":
        click.echo(json.dumps({
            "ok": not problems, "url": context.url,
            "checks": [{"id": c.id, "title": c.title, "required": c.required, "status": r.status,
                        "summary": r.summary, "fix": r.fix, "details": r.details}
                       for c, r in results],
        }, indent=2))
    else:
        width = max(len(check.title) for check, _ in results)
        for check, result in results:
            click.echo(f"{MARKS[result.status]:<4}  {check.title:<{width}}  {result.summary}")
            if result.fix and result.status != "ok":
                click.echo(f"{'':<4}  {'':<{width}}  fix: {result.fix}")
        if problems:
            noun = "problem" if len(problems) == 1 else "problems"
            names = ", ".join(check.title for check in problems)
            click.echo(f"\nstandout doctor: {len(problems)} {noun} ({names})")
        else:
            click.echo("\nstandout doctor: all required checks pass")
    raise SystemExit(1 if problems else 0)


def _normal(url: str) -> str:
    if "://" not in url:
        url = f"http://{url}"
    return url if url.endswith("/") else url + "/"
