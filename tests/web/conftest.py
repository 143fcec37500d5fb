"""Fixtures for the web tests: a real DuckDB event database written through the store API from
small synthetic records (fictional articles written for these tests), and the app over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from flashpoint.records import Actor, ActorRef, Article, CodedArticle, Event, Quote
from flashpoint.store import Store

SCRIPT = "<script>alert('x')</script>"


def _side(name: str, code: str, country: str | None, agent: str | None = None) -> ActorRef:
    return ActorRef(text=name, name=name, code=code, country=country, agent=agent)


KGZ = _side("Kyrgyzstan", "KGZ", "KGZ")
TJK = _side("Tajikistan", "TJK", "TJK")
COL = _side("the Colombian army", "COLMIL", "COL", "MIL")
ELN = _side("the ELN", "ELN", None, "REB")

# (code, root, name, quad, goldstein, source, target, trigger, modality, negated)
CODES = {
    "036": ("03", "Express intent to meet or negotiate", 1, 4.0),
    "112": ("11", "Accuse", 3, -2.0),
    "138": ("13", "Threaten with military force", 3, -7.0),
    "190": ("19", "Use conventional military force", 4, -10.0),
    "057": ("05", "Sign formal agreement", 1, 8.0),
}


def _event(eid: str, code: str, source: ActorRef, target: ActorRef, sentence: str, trigger: str,
           start: int, day: str, modality: str = "actual", negated: bool = False) -> Event:
    root, name, quad, gold = CODES[code]
    return Event(
        id=eid, code=code, root=root, name=name, quad_class=quad, goldstein=gold, plover=None,
        source=source, target=target, sentence=sentence, span=[start, start + len(sentence)],
        trigger=trigger, rule="test", confidence=0.9, modality=modality, negated=negated,
        date=day,
    )


def _article(aid: str, day: str, title: str, sentences: list[tuple]) -> CodedArticle:
    """An article whose text is the given sentences; each tuple codes one event in it."""
    text, events, actors, quotes = "", [], {}, []
    for i, (sentence, code, source, target, trigger, *rest) in enumerate(sentences):
        start = len(text)
        text += sentence + " "
        modality = rest[0] if rest else "actual"
        negated = rest[1] if len(rest) > 1 else False
        events.append(_event(f"{aid}-e{i}", code, source, target, sentence, trigger, start, day,
                             modality, negated))
        for side in (source, target):
            at = sentence.find(side.text)
            if at >= 0:
                actor = actors.setdefault(side.code, Actor(
                    name=side.name, code=side.code, country=side.country,
                    agent=side.agent, kind="country",
                ))
                actor.mentions.append([start + at, start + at + len(side.text)])
        if '"' in sentence:
            q0 = start + sentence.index('"')
            q1 = start + sentence.rindex('"') + 1
            quotes.append(Quote(text=text[q0 + 1:q1 - 1], kind="direct", span=[q0, q1],
                                speaker={"name": "Ruslan Kazakbaev", "code": "KGZGOV"}))
    article = Article(id=aid, text=text.strip(), source=f"tests/{aid}.txt", title=title,
                      published=day, agency="Reuters", dateline="BISHKEK")
    return CodedArticle(article=article, actors=list(actors.values()), events=events,
                        quotes=quotes)


def synthetic_articles() -> list[CodedArticle]:
    """Eight weeks of a fictional KGZ–TJK dispute and a COL–ELN conflict, plus an article whose
    title and text carry a script tag (to check escaping)."""
    out = []
    weeks = ["2025-03-03", "2025-03-10", "2025-03-17", "2025-03-24", "2025-03-31", "2025-04-07"]
    for w, day in enumerate(weeks):
        out.append(_article(f"kg{w}", day, f"Border talks, week {w}", [
            ("Kyrgyzstan agreed to meet Tajikistan in Osh.", "036", KGZ, TJK, "agreed to meet"),
            ("Tajikistan accused Kyrgyzstan of moving troops.", "112", TJK, KGZ, "accused"),
            ('Kyrgyzstan accused Tajikistan of lying, "we will not back down", the minister said.',
             "112", KGZ, TJK, "accused"),
        ]))
    out.append(_article("kg-clash", "2025-04-14", "Shelling on the border", [
        ("Tajikistan shelled Kyrgyzstan border posts, killing 12.", "190", TJK, KGZ, "shelled"),
        ("Kyrgyzstan shelled Tajikistan villages in return.", "190", KGZ, TJK, "shelled"),
        ("Kyrgyzstan threatened Tajikistan with a wider offensive.", "138", KGZ, TJK,
         "threatened", "threatened"),
        ("Kyrgyzstan did not attack Tajikistan airfields.", "190", KGZ, TJK, "attack", "actual",
         True),
    ]))
    # The same shelling reported by a second outlet (for fusion).
    out.append(_article("kg-clash-2", "2025-04-14", "Deadly border shelling", [
        ("Tajikistan shelled Kyrgyzstan border posts overnight.", "190", TJK, KGZ, "shelled"),
    ]))
    out.append(_article("co1", "2025-03-05", "ELN attack on army base", [
        ("The ELN attacked the Colombian army base in Arauca.", "190", ELN, COL, "attacked"),
        ("The Colombian army signed a deal with the ELN on hostages.", "057", COL, ELN, "signed"),
    ]))
    out.append(_article("xss", "2025-04-01", f"Breaking {SCRIPT} news", [
        (f"Tajikistan accused Kyrgyzstan {SCRIPT} of provocations.", "112", TJK, KGZ, "accused"),
    ]))
    return out


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real DuckDB event database built from the synthetic records (derived tables refreshed)."""
    path = tmp_path_factory.mktemp("web") / "events.duckdb"
    with Store(path) as store:
        store.write(synthetic_articles())
        store.finish_run()
    return path


@pytest.fixture()
def client(web_db: Path) -> Iterator:
    from fastapi.testclient import TestClient

    from flashpoint.web import create_app

    with TestClient(create_app(web_db, idle_seconds=0.05), raise_server_exceptions=False) as c:
        yield c
