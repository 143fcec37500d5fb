"""Is it prose? Word salad (random words, shuffled text, keyword dumps) must not become events.

Coding reads sentence structure, so text without any would give events out of chance word
orders (10,000 random words gave 770 "actual" events). Three cheap measures over the words of
a text of at least :data:`MIN_WORDS` words reject it as ``not prose: ...``:

- **function words**: English prose is 15-50 % function words (the, of, and, to, in, ...);
  below :data:`MIN_FUNCTION_SHARE` it is a list of content words, not sentences;
- **articles**: in prose "the", "a", "an" are followed by a noun phrase, almost never by a
  preposition, conjunction or article ("the of", "a and", "the the": at most 10 % of them in
  3,500 articles of the shared corpora); shuffled words do it 22-29 % of the time, above
  :data:`MAX_BROKEN_DETERMINERS` it is not prose;
- **sentences**: prose ends a sentence every 4-31 words on average (same corpora); more than
  :data:`MAX_SENTENCE_WORDS` words per sentence end is no sentence structure.

No article of the shared corpora or the samples is rejected (tested); sports tables and weather
bulletins can be, and are not news events either.
"""

from __future__ import annotations

import re

MIN_WORDS = 60
MIN_FUNCTION_SHARE = 0.10
MAX_BROKEN_DETERMINERS = 0.15
MAX_SENTENCE_WORDS = 80

DETERMINERS = frozenset("the a an".split())
FUNCTION_WORDS = DETERMINERS | frozenset("this these those their his her our my your".split()) | frozenset(
    """of and to in that for on with as at by from or but not be is are was were been has have
    had it he she they we i you which who will would said into over after than about also can
    could no if so its than then there them him up out more""".split())
# What a determiner is not followed by in prose (a preposition, conjunction or another determiner).
NOT_AFTER_DETERMINER = DETERMINERS | frozenset(
    "of and to in for on with at by from or but is are was were which who".split())

_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?…](?:[\"'”’)\]]*)(?=\s|$)")


def not_prose(text: str) -> str | None:
    """Why ``text`` is not prose (the rejection reason after ``not prose: ``), or None."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    share = sum(w in FUNCTION_WORDS for w in words) / len(words)
    if share < MIN_FUNCTION_SHARE:
        return f"only {share:.0%} function words (a list of words, not sentences)"
    pairs = [(a, b) for a, b in zip(words, words[1:], strict=False) if a in DETERMINERS]
    if len(pairs) >= 10:
        broken = sum(b in NOT_AFTER_DETERMINER for _, b in pairs) / len(pairs)
        if broken > MAX_BROKEN_DETERMINERS:
            return (f"{broken:.0%} of determiners followed by a function word "
                    "(words in random order)")
    ends = len(_SENTENCE_END.findall(text)) + text.count("\n\n") + 1
    if len(words) / ends > MAX_SENTENCE_WORDS:
        return f"{len(words) / ends:.0f} words per sentence (no sentence structure)"
    return None
