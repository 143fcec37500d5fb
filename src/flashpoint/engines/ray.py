"""The Ray engine: Ray Data ``map_batches`` over an actor pool that loads the model once per actor.

Articles arrive as a stream; they are cut into chunks (``chunk_size`` articles), each chunk becomes
a Ray Dataset, is coded by a pool of ``workers`` actors, written to Parquet (one JSON record a row)
and read back in input order, so memory stays bounded by the chunk and the results match the
local engine exactly. ``--ray-address`` connects to a cluster; without it a local Ray instance is
started (and shut down when the stream ends).

Ray is an optional extra: ``pip install 'flashpoint[ray]'``.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import FlashpointError
from ..records import Article, CodedArticle, Rejection
from ..settings import Settings


class _Coder:
    """A Ray actor: loads the pipeline once, codes batches of JSON-encoded articles."""

    def __init__(self, settings: Settings):
        from ..pipeline import Pipeline

        self.pipeline = Pipeline(settings)

    def __call__(self, batch: dict) -> dict:
        articles = [Article.from_dict(json.loads(a)) for a in batch["article"]]
        coded = [json.dumps(_tagged(r), ensure_ascii=False)
                 for r in self.pipeline.code_or_reject(articles)]
        return {"seq": list(batch["seq"]), "record": coded}


def _tagged(record: CodedArticle | Rejection) -> dict:
    # A rejection travels as {"rejected": {...}}; a coded article as its JSON contract.
    return {"rejected": record.to_dict()} if isinstance(record, Rejection) else record.to_dict()


def _untagged(data: dict) -> CodedArticle | Rejection:
    return Rejection(**data["rejected"]) if "rejected" in data else CodedArticle.from_dict(data)


class RayEngine:
    """Codes articles on a Ray cluster (or a local Ray instance)."""

    def __init__(self, settings: Settings, chunk_size: int = 2000):
        self.settings = settings
        self.chunk_size = chunk_size

    def process(self, articles: Iterable[Article]) -> Iterator[CodedArticle | Rejection]:
        try:
            import ray
        except ImportError as exc:
            raise FlashpointError(
                "the ray engine needs Ray: pip install 'flashpoint[ray]'"
            ) from exc

        started = False
        if not ray.is_initialized():
            ray.init(
                address=self.settings.ray_address,
                num_cpus=None if self.settings.ray_address else max(1, self.settings.workers),
                include_dashboard=False,
                log_to_driver=False,
                ignore_reinit_error=True,
            )
            started = True
        ray.data.DataContext.get_current().enable_progress_bars = False
        try:
            stream = iter(articles)
            seq = itertools.count()
            while chunk := list(itertools.islice(stream, self.chunk_size)):
                yield from self._code_chunk(ray, chunk, seq)
        finally:
            if started:
                ray.shutdown()

    def _code_chunk(self, ray, chunk: list[Article], seq) -> Iterator[CodedArticle | Rejection]:
        import pyarrow.parquet as pq

        items = [
            {"seq": next(seq), "article": json.dumps(a.to_dict(), ensure_ascii=False)} for a in chunk
        ]
        workers = max(1, self.settings.workers)
        dataset = ray.data.from_items(items).map_batches(
            _Coder,
            fn_constructor_args=(self.settings,),
            batch_size=max(1, self.settings.batch_size),
            compute=ray.data.ActorPoolStrategy(size=workers),
            batch_format="numpy",
        )
        with tempfile.TemporaryDirectory(prefix="flashpoint-ray-") as tmp:
            dataset.write_parquet(tmp)
            rows: list[tuple[int, str]] = []
            for part in sorted(Path(tmp).glob("*.parquet")):
                table = pq.read_table(part)
                rows.extend(zip(table["seq"].to_pylist(), table["record"].to_pylist(), strict=True))
        rows.sort()
        for _, record in rows:
            yield _untagged(json.loads(record))
