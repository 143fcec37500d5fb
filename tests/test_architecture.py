"""The import rules of ARCHITECTURE.md, checked on the source: which layer may import which, and
no import cycles anywhere in flashpoint. Imports are read with ``ast`` (also those inside
functions, which still run; ``if TYPE_CHECKING:`` blocks are left out)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "flashpoint"


def _module_name(path: Path) -> str:
    parts = ["flashpoint", *path.relative_to(SRC).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in SRC.rglob("*.py")}


def _resolve(name: str) -> str:
    """The module an import binds: ``name`` itself, else its longest known prefix."""
    while name not in MODULES and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def imports_of(module: str, top_level: bool = False) -> set[str]:
    """The flashpoint modules ``module`` imports (resolved to module files); ``top_level``: only
    the imports run when the module is imported (not those inside functions)."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_lines(tree)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in tree.body if top_level else ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(_resolve(a.name) for a in node.names if a.name.startswith("flashpoint"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("flashpoint"):
                continue
            for alias in node.names:  # ``from . import x`` binds the module ``x`` when it is one
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in MODULES else _resolve(target))
    found.discard(module)
    return found


GRAPH = {m: imports_of(m) for m in MODULES}


def _under(module: str, *prefixes: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


STAGES = ("flashpoint.readers", "flashpoint.actors", "flashpoint.quotes", "flashpoint.events")
CODING = STAGES[1:]  # the stages that run as spaCy components, in pipeline order
NLP = ("flashpoint.nlp",)
PIPELINE = ("flashpoint.pipeline",)
RUNS = ("flashpoint.engines", "flashpoint.job", "flashpoint.api", "flashpoint.evaluate")
PRESENTATION = ("flashpoint.cli", "flashpoint.web", "flashpoint.plot", "flashpoint.render")
FOUNDATION = ("flashpoint.errors", "flashpoint.settings", "flashpoint.records", "flashpoint.guards",
              "flashpoint.yamldata")

# (who, what it must not import, why) — the table of ARCHITECTURE.md.
RULES = [
    (FOUNDATION, ("flashpoint.store", "flashpoint.ontology", *STAGES, *NLP, *PIPELINE, *RUNS,
                  *PRESENTATION),
     "the foundation imports only itself"),
    (("flashpoint.store",), (*STAGES, *NLP, *PIPELINE, *RUNS, *PRESENTATION),
     "the store knows records, not how they were made or shown"),
    (("flashpoint.readers",), ("flashpoint.store", *CODING, *NLP, *PIPELINE, *RUNS, *PRESENTATION),
     "readers turn bytes into Articles and know nothing after that"),
    ((*NLP, "flashpoint.ontology"), ("flashpoint.store", *STAGES, *PIPELINE, *RUNS, *PRESENTATION),
     "the NLP layer and the ontology import no stage: the stages hand the prefilter what they know"),
    (CODING, ("flashpoint.store", *PIPELINE, *RUNS, *PRESENTATION),
     "the stages are components: the pipeline runs them, they do not run it"),
    (("flashpoint.actors",), ("flashpoint.quotes", "flashpoint.events"),
     "actors is the lowest stage (quotes and events resolve speakers and arguments through it)"),
    (("flashpoint.quotes",), ("flashpoint.events",),
     "quotes runs before events and does not know it"),
    (("flashpoint.web",), (*STAGES, "flashpoint.cli", "flashpoint.job", "flashpoint.engines"),
     "the web reads the store; it codes text only through flashpoint.api"),
    (("flashpoint.plot", "flashpoint.render"), (*STAGES, *NLP, *PIPELINE, *RUNS, "flashpoint.cli",
                                                "flashpoint.web"),
     "rendering takes results, never makes them"),
]


@pytest.mark.parametrize(("who", "forbidden", "why"), RULES, ids=[r[2] for r in RULES])
def test_layers_import_only_what_they_may(who, forbidden, why):
    broken = sorted(
        f"{m} imports {t}"
        for m, targets in GRAPH.items() if _under(m, *who)
        for t in targets if _under(t, *forbidden)
    )
    assert not broken, f"{why}:\n" + "\n".join(broken)


def test_only_the_cli_imports_the_cli_and_only_the_cli_imports_the_web():
    broken = sorted(
        f"{m} imports {t}" for m, targets in GRAPH.items() for t in targets
        if (_under(t, "flashpoint.cli") and not _under(m, "flashpoint.cli"))
        or (_under(t, "flashpoint.web") and not _under(m, "flashpoint.web", "flashpoint.cli"))
    )
    assert not broken, "\n".join(broken)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles():
    """Anywhere: the stages and the NLP layer included (actors/dictionary <-> actors/knowledge
    and the prefilter importing the events and quotes vocabulary were the last cycles' kind)."""
    assert _cycles(GRAPH) == []


def test_the_cycle_finder_finds_cycles():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_the_package_root_and_the_cli_load_no_pipeline_at_import():
    """Module-level imports only (function-level ones run when a command needs them)."""
    heavy = (*PIPELINE, *NLP, *CODING)
    for module in ["flashpoint", *[m for m in MODULES if _under(m, "flashpoint.cli")]]:
        loaded = {t for t in imports_of(module, top_level=True) if _under(t, *heavy)}
        assert not loaded, f"{module} imports {sorted(loaded)} when imported"


def test_the_checker_sees_imports():
    assert "flashpoint.store.reader" in GRAPH["flashpoint.store"]
    assert "flashpoint.store.writerwait" in GRAPH["flashpoint.store.writer"]
    assert "flashpoint.store.queries" in GRAPH["flashpoint.cli.db"]  # a function-level import
    assert "flashpoint.store.reader" not in GRAPH["flashpoint.store.export"]  # TYPE_CHECKING only
    assert "flashpoint.store.queries" not in imports_of("flashpoint.cli.db", top_level=True)
    assert "flashpoint.nlp.fast.ner" in GRAPH["flashpoint.nlp.prefilter"]
    assert "flashpoint.quotes.marks" in GRAPH["flashpoint.pipeline"]
    assert "flashpoint.actors" in GRAPH["flashpoint.events.coder"]
