"""Exact and near-duplicate detection: the same story seen twice, or republished with other boilerplate.

Exact: a hash of the normalised text (lower-cased word tokens). Near: MinHash signatures over
word 5-shingles, candidates found with MinHashLSH at ``Settings.near_duplicate_threshold`` and
confirmed by their estimated Jaccard similarity. The deduplicator is seeded with already-stored
articles so a re-run treats them as seen.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..settings import Settings

if TYPE_CHECKING:
    from datasketch import MinHash

SHINGLE_WORDS = 5
NUM_PERM = 128
_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def fingerprint(text: str) -> bytes:
    """The exact-duplicate key: a hash of the text's lower-cased word tokens."""
    return hashlib.blake2b(" ".join(_tokens(text)).encode("utf-8"), digest_size=16).digest()


_MIX = np.uint64(0x9E3779B1)  # odd multiplier (golden ratio): spreads token hashes over 32 bits


def shingle_hashes(tokens: list[str], size: int = SHINGLE_WORDS) -> np.ndarray:
    """Distinct 32-bit hashes of the ``size``-word shingles of ``tokens`` (one for a short text).

    Tokens are hashed once (crc32, stable across processes) and shingles combined in numpy: far
    cheaper than hashing every shingle string, which dominated the cost of near-duplicate checks.
    """
    if not tokens:
        return np.zeros(1, dtype=np.uint64)
    token_hashes = np.fromiter((zlib.crc32(t.encode("utf-8")) for t in tokens), dtype=np.uint64, count=len(tokens))
    if len(tokens) < size:
        size = len(tokens)
    n = len(tokens) - size + 1
    combined = np.zeros(n, dtype=np.uint64)
    for k in range(size):
        combined = combined * _MIX + token_hashes[k : k + n]  # wraps mod 2**64 by design
    return np.unique((combined ^ (combined >> np.uint64(32))) & np.uint64(0xFFFFFFFF))


@dataclass(frozen=True)
class Match:
    """The article an incoming one duplicates."""

    duplicate_of: str
    kind: str  # exact | near
    similarity: float


class Deduplicator:
    """Remembers articles seen so far and tells when a new one duplicates one of them.

    >>> dedup = Deduplicator(Settings())
    >>> dedup.check("a", "some article text ...") is None
    True
    """

    def __init__(self, settings: Settings | None = None, num_perm: int = NUM_PERM):
        # Imported here: datasketch pulls in scipy (about a second), and only ingest de-duplicates.
        from datasketch import MinHash, MinHashLSH

        settings = settings or Settings()
        self.threshold = settings.near_duplicate_threshold
        self.num_perm = num_perm
        self._exact: dict[bytes, str] = {}
        self._texts: dict[str, bytes] = {}  # article id -> fingerprint of the text it holds
        self._stored: dict[str, str | None] = {}  # id -> input it was stored from (seeded)
        # LSH only proposes candidates; the real threshold is applied to their similarity. Very high
        # thresholds would leave LSH too few bands, so candidates are looked for at most at 0.9.
        self._lsh = MinHashLSH(threshold=min(self.threshold, 0.9), num_perm=num_perm)
        # Signatures kept as compact uint32 arrays, not MinHash objects, for millions of articles.
        self._signatures: dict[str, np.ndarray] = {}
        # Permutations are drawn once and shared: building them per article would dominate the cost.
        template = MinHash(num_perm=num_perm)
        self._permutations, self._scheme = template.permutations, template.scheme

    def __len__(self) -> int:
        return len(self._exact)

    def _minhash(self, tokens: list[str]) -> MinHash:
        from datasketch import MinHash

        m = MinHash(
            num_perm=self.num_perm,
            permutations=self._permutations,
            scheme=self._scheme,
            hashfunc=int,  # values below are already 32-bit shingle hashes
        )
        m.update_batch(shingle_hashes(tokens).tolist())
        return m

    def _similarity(self, m: MinHash, other_id: str) -> float:
        other = self._signatures[other_id]
        return float(np.count_nonzero(m.hashvalues.astype(np.uint32) == other)) / self.num_perm

    def id_taken(self, article_id: str, text: str) -> bool:
        """True when ``article_id`` already names an article with another text (a second text
        under a known id is not allowed to replace or hide the first)."""
        known = self._texts.get(article_id)
        return known is not None and known != fingerprint(text)

    def check(self, article_id: str, text: str, remember: bool = True) -> Match | None:
        """The earlier article that ``text`` duplicates, or None (then it is remembered as seen)."""
        key = fingerprint(text)
        if key in self._exact:
            return Match(self._exact[key], "exact", 1.0)
        tokens = _tokens(text)
        m = self._minhash(tokens)
        best: tuple[float, str] | None = None
        for candidate in self._lsh.query(m):
            sim = self._similarity(m, candidate)
            if sim >= self.threshold and (best is None or sim > best[0]):
                best = (sim, candidate)
        if best is not None:
            return Match(best[1], "near", round(best[0], 3))
        if remember:
            self._add(article_id, key, m)
        return None

    def _add(self, article_id: str, key: bytes, m: MinHash) -> None:
        self._exact[key] = article_id
        self._texts[article_id] = key
        if article_id in self._signatures:
            # Same id, different text (only through add/seed: ingest rejects it, see id_taken).
            self._lsh.remove(article_id)
        self._lsh.insert(article_id, m)
        self._signatures[article_id] = m.hashvalues.astype(np.uint32)

    def add(self, article_id: str, text: str) -> None:
        """Remember an article as seen without checking it."""
        self._add(article_id, fingerprint(text), self._minhash(_tokens(text)))

    def seed(self, articles: Iterable[tuple[str, ...]]) -> int:
        """Remember already-stored ``(article_id, text[, source])`` tuples (``source``: the input
        the article was stored from); returns how many were added."""
        n = 0
        for article_id, text, *source in articles:
            self.add(article_id, text)
            self._stored[article_id] = source[0] if source else None
            n += 1
        return n

    def stored_from(self, article_id: str, source: str) -> bool:
        """True when an earlier run stored ``article_id`` from this same input ``source``."""
        return article_id in self._stored and self._stored[article_id] in (source, None)
