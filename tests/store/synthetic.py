"""Synthetic coded articles for store, analysis and export tests (no spaCy, no shared data)."""

from __future__ import annotations

from flashpoint.records import (
    Actor,
    ActorRef,
    Article,
    CodedArticle,
    Duplicate,
    Event,
    Location,
    Quantity,
    Quote,
    Rejection,
)

# code → (root, name, quad_class, goldstein, plover): a few real CAMEO codes for the tests.
CODES = {
    "010": ("01", "Make statement", 1, 0.0, None),
    "036": ("03", "Express intent to meet or negotiate", 1, 4.0, "CONSULT"),
    "042": ("04", "Make a visit", 1, 1.9, "CONSULT"),
    "112": ("11", "Accuse", 3, -2.0, "ACCUSE"),
    "138": ("13", "Threaten with military force", 3, -7.0, "THREATEN"),
    "070": ("07", "Provide aid", 2, 7.0, "AID"),
    "190": ("19", "Use conventional military force", 4, -10.0, "ASSAULT"),
    "195": ("19", "Employ aerial weapons", 4, -10.0, "ASSAULT"),
}


def actor(country: str | None, agent: str | None = None, name: str | None = None) -> ActorRef:
    code = (country or "") + (agent or "") or None
    return ActorRef(text=name or code, name=name or code, code=code, country=country, agent=agent)


def event(
    id: str,
    code: str,
    source: str | None,
    target: str | None,
    date: str | None = None,
    modality: str = "actual",
    negated: bool = False,
    location: Location | None = None,
    quantities: list[Quantity] | None = None,
) -> Event:
    root, name, quad, goldstein, plover = CODES[code]
    return Event(
        id=id, code=code, root=root, name=name, quad_class=quad, goldstein=goldstein,
        plover=plover, source=actor(source, "GOV") if source else None,
        target=actor(target) if target else None, sentence=f"Sentence of event {id}.",
        span=[0, 10], trigger="did", rule="test", confidence=0.9, modality=modality,
        negated=negated, date=date, location=location, quantities=quantities or [],
    )


def article(
    id: str,
    events: list[Event],
    published: str | None = "2020-01-02",
    source: str | None = None,
    url: str | None = None,
) -> CodedArticle:
    text = f"Synthetic article {id}. " + " ".join(e.sentence for e in events)
    return CodedArticle(
        article=Article(id=id, text=text, source=source or f"/data/{id}.txt", title=f"Title {id}",
                        published=published, url=url, agency="Reuters", captions=["a caption"]),
        actors=[Actor(name="Mark Example", code="USAGOV", country="USA", agent="GOV",
                      titles=["Secretary"], mentions=[[0, 4]])],
        events=events,
        quotes=[Quote(text="we will respond", kind="direct", span=[1, 5],
                      speaker={"name": "Mark Example", "code": "USAGOV"})],
        quantities=[Quantity(value=25, unit="people", text="25 people", span=[2, 3])],
    )


def corpus(n: int, events_per_article: int = 3) -> list[CodedArticle | Duplicate | Rejection]:
    """``n`` articles with varied dyads/codes/dates, plus a duplicate and a rejection every 10."""
    codes = list(CODES)
    dyads = [("USA", "IRN"), ("IRN", "USA"), ("USA", "IRQ"), ("IRQ", "IRN"), ("ISR", "PSE")]
    out: list[CodedArticle | Duplicate | Rejection] = []
    for i in range(n):
        events = []
        for j in range(events_per_article):
            src, tgt = dyads[(i + j) % len(dyads)]
            day = f"2020-01-{1 + (i * 3 + j) % 28:02d}"
            events.append(event(f"a{i:05d}-e{j}", codes[(i * 7 + j) % len(codes)], src, tgt,
                                date=day, negated=(i + j) % 11 == 0))
        out.append(article(f"a{i:05d}", events, source=f"/data/site{i % 3}/a{i:05d}.txt"))
        if i % 10 == 9:
            out.append(Duplicate(path=f"/data/dup/{i}.txt", article_id=f"d{i:05d}",
                                 duplicate_of=f"a{i:05d}", kind="exact"))
            out.append(Rejection(path=f"/data/bad/{i}.bin", reason="not text"))
    return out
