"""The bounded per-form cache: answers kept until it is full, then it starts over."""

from flashpoint.nlp.fast.cache import FormCache


def test_put_returns_the_value_and_remembers_it():
    cache: FormCache[str, int] = FormCache(limit=3)
    assert cache.put("struck", 1) == 1
    assert cache["struck"] == 1


def test_full_cache_starts_over():
    cache: FormCache[int, int] = FormCache(limit=3)
    for i in range(3):
        cache.put(i, i * i)
    assert len(cache) == 3
    cache.put(99, 1)
    assert dict(cache) == {99: 1}
