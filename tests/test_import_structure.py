"""The layers hold: no import circle in the package, the engine never loads the web or
command-line libraries, and the server and CLI never reach into spaCy.

The import graph is read from the installed package's source (every ``import``,
at module level, inside functions or under ``TYPE_CHECKING``), the way a
reader sees it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import standout

PACKAGE = Path(standout.__file__).parent
FRONT_ENDS = ("standout.web", "standout.cli", "standout.__main__", "standout.samples.cli",
              "standout.history.cli")
SPACY_SIDE = ("spacy", "thinc", "standout.components", "standout.pipeline",
              "standout.spacy_pass", "standout.analysis", "standout.analysis_cache")


def module_name(path: Path) -> str:
    parts = ["standout", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str) -> set[str]:
    """Every module ``name`` names in an import statement (ours resolved to module names)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in MODULES else base)
    return found


GRAPH = {name: {i for i in imports_of(name) if i in MODULES and i != name} for name in MODULES}


def is_under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def circles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return found


def test_the_graph_is_read():
    assert len(MODULES) > 40
    assert "standout.checks.base" in GRAPH["standout.linter"]
    assert "standout.samples.store" in GRAPH["standout.web.samples_api"]


def test_no_import_circle():
    assert circles() == []


def test_the_circle_finder_finds_circles(monkeypatch):
    monkeypatch.setitem(GRAPH, "standout.report", {*GRAPH["standout.report"], "standout.linter"})
    assert any("standout.report" in group for group in circles())


def test_the_server_and_cli_never_import_spacy_or_its_components():
    reaching = {
        name: sorted(i for i in imports_of(name) if is_under(i, SPACY_SIDE))
        for name in MODULES if is_under(name, FRONT_ENDS)
    }
    assert {name: found for name, found in reaching.items() if found} == {}


def test_the_engine_never_imports_the_web_or_command_line_libraries():
    """Checking a text, with every detector loaded, loads no front end; and no module it
    loads imports Flask, click or waitress (spaCy brings click along for its own CLI)."""
    script = (
        "import sys, standout\n"
        "from standout.config import UserConfig\n"
        "linter = standout.Linter(config=UserConfig())\n"
        "linter.check('I am writing to apply at Globex. I am a team player.',\n"
        "             {'company': 'Acme'})\n"
        "assert linter.samples is not None and linter.samples.samples()\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] == 'standout')))\n"
        "print('flask' in sys.modules, 'waitress' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)
    loaded_line, libraries = result.stdout.strip().splitlines()
    engine = set(loaded_line.split())
    assert {"standout.checks.sample", "standout.checks.employer", "standout.linter"} <= engine
    assert [name for name in engine if is_under(name, FRONT_ENDS)] == []
    assert libraries == "False False"
    web_libraries = ("flask", "werkzeug", "click", "waitress")
    reaching = {name: sorted(i for i in imports_of(name) if is_under(i, web_libraries))
                for name in engine}
    assert {name: found for name, found in reaching.items() if found} == {}
