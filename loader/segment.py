"""Chinese word segmentation: rjieba (the Rust port) for bulk cutting, jieba for part-of-speech.

rjieba's cut gives jieba's output exactly (tested on the seeds) at about 20× the speed,
so the word index uses it. Its tagger does not agree with jieba.posseg (they differ on
most seed paragraphs), so part-of-speech — used only on the short clause in front of a
figure — comes from jieba itself. Both load their dictionaries lazily, once, and quietly:
nothing happens at import, and jieba's "Building prefix dict" chatter never reaches the user.
"""

from __future__ import annotations

import functools
import logging


@functools.cache
def _rjieba():
    import rjieba

    return rjieba


@functools.cache
def _jieba():
    import jieba

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


def indexable_words(text: str) -> str:
    """The text's tokens joined by spaces, for the word index (its tokenizer drops punctuation)."""
    return " ".join(cut(text))


@functools.cache
def _posseg():
    _jieba()  # quiet, initialised dictionary first
    import jieba.posseg as posseg

    return posseg


@functools.lru_cache(maxsize=4096)
def _tag(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((p.word, p.flag) for p in _posseg().cut(text))


def tag(text: str) -> list[tuple[str, str]]:
    """Part-of-speech tagged tokens from jieba.posseg (clauses repeat, so results are cached)."""
    return list(_tag(text))
