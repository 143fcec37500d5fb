"""Import PETRARCH/Phoenix (TABARI-format) ``.actors`` and ``.agents`` dictionaries.

Actor files hold entries ``NAME_WITH_UNDERSCORES [CODE]``; ``+ALIAS`` lines add synonyms; code
lines (indented, or on the name line) may carry date restrictions: ``[USAGOV >090120]`` (from),
``[USAGOV <090120]`` (until), ``[USAGOV 010120-090120]`` (between; ``YYMMDD`` or ``YYYYMMDD``).
Names without a code line share the codes of the block that follows them. ``#`` starts a
comment. Agent files hold ``PHRASE [~AGT]`` (or ``[AGT~]``), ``{PLURAL,...}`` explicit plurals
and ``!MACRO! = A, B`` substitutions. Restricted codes are resolved per article against
``Article.published`` (see :func:`flashpoint.actors.terms.pick_code`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import KnowledgeError
from .terms import DatedCode, Term, plural, split_code

_CODE = re.compile(r"\[([^\]]*)\]")
_MACRO_DEF = re.compile(r"^(![A-Z_]+!)\s*=\s*(.+)$")
_MACRO_USE = re.compile(r"![A-Z_]+!")
# Two-digit years: the dictionaries were written in the 2010s, so 30–99 are 19xx, 00–29 20xx.
_PIVOT = 30


@dataclass
class LoadedDictionary:
    """What one or more dictionary files contributed: phrase → term, phrase → agent code."""

    names: dict[str, Term] = field(default_factory=dict)  # lower-case phrase → term
    agents: dict[str, str] = field(default_factory=dict)
    entries: int = 0


def _iso(date: str) -> str | None:
    """``YYMMDD`` or ``YYYYMMDD`` → ``YYYY-MM-DD``; anything else → ``None`` (malformed)."""
    if len(date) == 6 and date.isdigit():
        yy = int(date[:2])
        date = f"{19 if yy >= _PIVOT else 20}{date}"
    if len(date) != 8 or not date.isdigit():
        return None
    return f"{date[:4]}-{date[4:6]}-{date[6:]}"


def parse_code(text: str) -> DatedCode | None:
    """One bracketed code: ``USAGOV``, ``USAGOV >090120``, ``USAGOV 010120-090120`` or ``---``."""
    parts = text.split()
    if not parts or parts[0].startswith("-"):
        return None
    code = parts[0].strip("~").upper()
    if len(parts) == 1:
        return DatedCode(code)
    restriction = "".join(parts[1:])
    if restriction.startswith(">"):
        start = _iso(restriction[1:])
        return DatedCode(code, start=start) if start else None
    if restriction.startswith("<"):
        end = _iso(restriction[1:])
        return DatedCode(code, end=end) if end else None
    if "-" in restriction:
        a, b = restriction.split("-", 1)
        start, end = _iso(a), _iso(b)
        return DatedCode(code, start=start, end=end) if start and end else None
    return None


def _phrase(raw: str) -> str:
    """A dictionary name as text: underscores to spaces, trailing markers dropped."""
    return " ".join(raw.replace("_", " ").split()).strip()


def _display(phrase: str) -> str:
    return " ".join(w if any(c.isdigit() for c in w) else w.capitalize() for w in phrase.split())


def read_actors(path: Path, into: LoadedDictionary) -> None:
    """Read a ``.actors`` file; every name and alias becomes a term with the block's codes."""
    names: list[str] = []
    codes: list[DatedCode] = []

    def flush() -> None:
        if names and codes:
            canonical = _display(names[0])
            term = Term("dictionary", canonical, dated=tuple(codes))
            if len(codes) == 1 and not codes[0].restricted:
                country, agent = split_code(codes[0].code)
                term = Term("dictionary", canonical, country=country, agent=agent, code=codes[0].code)
            for name in names:
                into.names.setdefault(name.lower(), term)
            into.entries += 1
        names.clear()
        codes.clear()

    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            found = [c for c in (parse_code(m) for m in _CODE.findall(line)) if c]
            head = _CODE.sub("", line)
            if line[0] in " \t":
                codes.extend(found)
                continue
            if line.startswith("+"):
                names.append(_phrase(head[1:]))
                codes.extend(found)
                continue
            if codes:
                flush()
            phrase = _phrase(head)
            if phrase:
                names.append(phrase)
            codes.extend(found)
    flush()


def read_agents(path: Path, into: LoadedDictionary) -> None:
    """Read an ``.agents`` file: role phrase (and plurals, macros expanded) → agent code."""
    macros: dict[str, list[str]] = {}
    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            macro = _MACRO_DEF.match(line)
            if macro:
                macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
                continue
            found = [c for c in (parse_code(m) for m in _CODE.findall(line)) if c]
            if not found:
                continue
            agent = split_code(found[0].code)[1]
            if not agent:
                continue
            head = _CODE.sub("", line)
            explicit = re.findall(r"\{([^}]*)\}", head)
            head = re.sub(r"\{[^}]*\}", "", head)
            forms = [head, *[p for group in explicit for p in group.split(",")]]
            for form in forms:
                for expanded in _expand(form.strip(), macros):
                    phrase = _phrase(expanded).lower()
                    if not phrase:
                        continue
                    into.agents.setdefault(phrase, agent)
                    if not explicit:
                        into.agents.setdefault(plural(phrase), agent)
            into.entries += 1


def _expand(form: str, macros: dict[str, list[str]]) -> list[str]:
    match = _MACRO_USE.search(form)
    if not match:
        return [form]
    values = macros.get(match.group(0), [""])
    out: list[str] = []
    for value in values:
        out += _expand(form[: match.start()] + value + form[match.end():], macros)
    return out


@lru_cache(maxsize=8)
def load_dictionary(path: str) -> LoadedDictionary:
    """Load one dictionary file; ``.agents`` files by name (``agents`` in the file name)."""
    p = Path(path)
    if not p.exists():
        raise KnowledgeError(f"dictionary file not found: {p}")
    loaded = LoadedDictionary()
    if "agents" in p.name.lower():
        read_agents(p, loaded)
    else:
        read_actors(p, loaded)
    if loaded.entries == 0:
        raise KnowledgeError(f"{p}: no dictionary entries found (not a PETRARCH/TABARI dictionary?)")
    return loaded
