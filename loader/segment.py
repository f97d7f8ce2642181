"""Chinese word segmentation: rjieba (Rust) for bulk work, jieba for part-of-speech.

Both load their dictionaries lazily, once, and quietly: nothing happens at import,
and jieba's "Building prefix dict" chatter never reaches the user.
"""

from __future__ import annotations

import functools
import logging


# A word worth counting holds at least one letter, digit or Han character.
def is_word(token: str) -> bool:
    """Whether a segmenter token is a word (not whitespace or punctuation)."""
    return any(c.isalnum() for c in token)


@functools.cache
def _rjieba():
    import rjieba

    return rjieba


@functools.cache
def _jieba():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.ERROR)
    jieba.default_logger.setLevel(logging.ERROR)
    jieba.initialize()
    return jieba


def cut(text: str) -> list[str]:
    """Segment text into tokens with rjieba (identical output to jieba's default cut)."""
    return _rjieba().cut(text)


def cut_jieba(text: str) -> list[str]:
    """Segment with pure-Python jieba (reference implementation; slow)."""
    return list(_jieba().cut(text))


def words(text: str) -> list[str]:
    """The words of a text, punctuation and spaces dropped, in order."""
    return [t for t in cut(text) if is_word(t)]


def indexable_words(text: str) -> str:
    """The text's tokens joined by spaces, for the word index (its tokenizer drops punctuation)."""
    return " ".join(cut(text))


def tag(text: str) -> list[tuple[str, str]]:
    """Part-of-speech tagged tokens (jieba's tag set), via rjieba."""
    return [(w, f) for w, f in _rjieba().tag(text)]
