"""The ingest job: read inputs, code the articles, write everything to the store, account for it all.

Every input ends as exactly one of ingested / duplicate / already stored / rejected, in the
store's ``ingest_log`` and in the returned :class:`IngestReport`, so
``ingested + duplicates + already_stored + len(rejected) == inputs``. ``already stored`` is an
article a previous run stored under the same id and text (a re-run or a resumed run).
Writes happen in one transaction per batch: a killed run keeps whole batches only, and a re-run
skips what is already stored.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .guards import truncation_note
from .records import ALREADY_STORED, Article, CodedArticle, Duplicate, Rejection
from .settings import Settings


@dataclass
class IngestReport:
    """What one ingest run did with its inputs."""

    inputs: int = 0
    ingested: int = 0
    duplicates: int = 0
    already_stored: int = 0
    rejected: list[dict[str, str]] = field(default_factory=list)
    events: int = 0
    duplicate_of: list[dict[str, str]] = field(default_factory=list)
    truncated: list[dict[str, str]] = field(default_factory=list)

    def count(self, outcome: CodedArticle | Duplicate | Rejection) -> None:
        self.inputs += 1
        if isinstance(outcome, CodedArticle):
            self.ingested += 1
            self.events += len(outcome.events)
            note = truncation_note(outcome.article)
            if note:
                self.truncated.append({"path": outcome.article.source, "note": note})
        elif isinstance(outcome, Duplicate) and outcome.kind == ALREADY_STORED:
            self.already_stored += 1
        elif isinstance(outcome, Duplicate):
            self.duplicates += 1
            self.duplicate_of.append(
                {"path": outcome.path, "duplicate_of": outcome.duplicate_of, "kind": outcome.kind}
            )
        else:
            self.rejected.append(outcome.to_dict())

    def summary(self) -> str:
        """One line of counts (the progress bar's status)."""
        stored = f" · {self.already_stored} already stored" if self.already_stored else ""
        return (f"{self.ingested} ingested · {self.duplicates} duplicate{stored} · "
                f"{len(self.rejected)} rejected")

    @property
    def balanced(self) -> bool:
        return self.ingested + self.duplicates + self.already_stored + len(self.rejected) == self.inputs

    def to_dict(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "ingested": self.ingested,
            "duplicates": self.duplicates,
            "already_stored": self.already_stored,
            "rejected": self.rejected,
            "events": self.events,
            "duplicate_of": self.duplicate_of,
            "truncated": self.truncated,
        }

    def write(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n")


def code_outcomes(
    outcomes: Iterable[Article | Duplicate | Rejection], settings: Settings
) -> Iterator[CodedArticle | Duplicate | Rejection]:
    """Send the articles among ingest outcomes through the configured engine, keeping the others.

    Order is preserved: a duplicate or rejection is yielded right before the next coded article
    that followed it in the input (or at the end).
    """
    from .engines import get_engine

    pending: deque[Duplicate | Rejection] = deque()

    def articles() -> Iterator[Article]:
        for outcome in outcomes:
            if isinstance(outcome, Article):
                yield outcome
            else:
                pending.append(outcome)

    for coded in get_engine(settings).process(articles()):
        # Outcomes seen while this article was read came before it in the input.
        while pending:
            yield pending.popleft()
        yield coded
    while pending:
        yield pending.popleft()


def run_ingest(
    paths: Iterable[str],
    db: str | Path,
    settings: Settings | None = None,
    progress: Callable[[CodedArticle | Duplicate | Rejection], None] | None = None,
) -> IngestReport:
    """Ingest ``paths`` into the DuckDB file ``db``; returns the accounting report."""
    from .readers import ingest
    from .readers.dedup import Deduplicator
    from .store.writer import Store

    settings = settings or Settings()
    report = IngestReport()
    with Store(db, settings=settings) as store:
        dedup = Deduplicator(settings)
        dedup.seed(store.article_texts(sources=True))
        batch: list[CodedArticle | Duplicate | Rejection] = []
        for outcome in code_outcomes(ingest(paths, settings, dedup=dedup), settings):
            report.count(outcome)
            batch.append(outcome)
            if progress:
                progress(outcome)
            if len(batch) >= settings.batch_size:
                store.write(batch)
                batch = []
        if batch:
            store.write(batch)
        store.finish_run()
    return report
