"""Segmentation: the fast port only where it gives jieba's own output."""

import logging

import jieba
import jieba.posseg
from conftest import REPORT, TRANSCRIPT, seed_text

from loader import segment
from loader.normalize import normalize


def test_rjieba_cut_equals_jieba_on_the_seeds():
    for path in (REPORT, TRANSCRIPT):
        text = seed_text(path)
        assert segment.cut(text) == segment.cut_jieba(text)


def test_part_of_speech_is_jieba_posseg():
    jieba.setLogLevel(logging.ERROR)
    for p in normalize(seed_text(TRANSCRIPT)).paragraphs[:10]:
        assert segment.tag(p.text) == [(w.word, w.flag) for w in jieba.posseg.cut(p.text)]


def test_word_index_text_drops_nothing_but_spacing():
    assert (
        segment.indexable_words("去年煤炭产量达到13.78亿吨。")
        == "去年 煤炭 产量 达到 13.78 亿吨 。"
    )


def test_loading_jieba_prints_nothing():
    import subprocess
    import sys

    code = "from loader import segment; print(segment.tag('煤炭产量'))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stderr == ""
    assert "煤炭" in result.stdout
