"""Typed event records: an Event's ActorRef sides, Location and Quantity records serialise to the
JSON contract (same keys, same order) and read back from it, through JSON and pickle alike."""

from __future__ import annotations

import json
import pickle

from flashpoint.records import ActorRef, Article, CodedArticle, Event, Location, Quantity

EVENT_KEYS = ["id", "code", "root", "name", "quad_class", "goldstein", "plover", "source",
              "target", "sentence", "span", "trigger", "rule", "confidence", "modality", "negated",
              "date", "date_precision", "location", "quantities", "attributed_to"]
SIDE_KEYS = ["text", "name", "code", "country", "agent", "span"]


def _event(**changes) -> Event:
    fields = dict(
        id="e1", code="190", root="19", name="Use conventional military force", quad_class=4,
        goldstein=-10.0, plover="ASSAULT",
        source=ActorRef(text=None, name="unidentified gunmen", code="IRQUAF", country="IRQ",
                        agent="UAF", span=None, unnamed=True),
        target=ActorRef(text="the checkpoint", name="the checkpoint", span=[30, 44]),
        sentence="Gunmen attacked the checkpoint.", span=[7, 15], trigger="attacked", rule="verb:x",
        confidence=0.5, location=Location(name="Baghdad", country="IRQ", lat=33.3, lon=44.4,
                                          precision="city"),
        quantities=[Quantity(value=3.0, unit="people", text="3 people", span=[50, 58])],
    )
    fields.update(changes)
    return Event(**fields)


def test_event_json_keeps_the_contract():
    data = _event().to_dict()
    assert list(data) == EVENT_KEYS
    assert list(data["source"]) == [*SIDE_KEYS, "unnamed"] and data["source"]["unnamed"] is True
    assert list(data["target"]) == SIDE_KEYS  # "unnamed" only on a generic source
    assert data["location"] == {"name": "Baghdad", "country": "IRQ", "lat": 33.3, "lon": 44.4,
                                "precision": "city"}
    assert data["quantities"] == [{"value": 3, "unit": "people", "text": "3 people",
                                   "span": [50, 58], "approximate": False}]
    bare = _event(source=None, target=None, location=None, quantities=[]).to_dict()
    assert (bare["source"], bare["target"], bare["location"], bare["quantities"]) == (None, None, None, [])


def test_event_reads_back_typed_from_json_and_pickle():
    event = _event()
    text = json.dumps(event.to_dict())
    back = Event.from_dict(json.loads(text))
    assert isinstance(back.source, ActorRef) and isinstance(back.location, Location)
    assert all(isinstance(q, Quantity) for q in back.quantities)
    assert json.dumps(back.to_dict()) == text
    assert json.dumps(pickle.loads(pickle.dumps(event)).to_dict()) == text
    coded = CodedArticle(article=Article(id="a", text="t"), events=[event])
    assert CodedArticle.from_dict(json.loads(json.dumps(coded.to_dict()))).to_dict() == coded.to_dict()
