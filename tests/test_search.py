"""Exact-substring search: pure query helpers, then the whole path against a substring scan."""

import sqlite3

import pytest
import yaml
from conftest import METADATA
from datasette.app import Datasette

from loader import search


@pytest.mark.parametrize(
    "query, expected",
    [
        ("煤炭产量", '"煤 炭 产 量"'),
        ("煤", '"煤"'),
        ("煤炭 电力", '"煤 炭" AND "电 力"'),
        ("煤炭 OR 电力", '"煤 炭" OR "电 力"'),
        ("煤炭 -电力", '"煤 炭" NOT "电 力"'),
        ('"能源 双碳"', '"能 源 双 碳"'),
        ("RCEP国家", '"R C E P 国 家"'),
        ("13.78", '"1 3 7 8"'),
        ("“煤炭”", '"煤 炭"'),
        ("", '""'),
        ("。，", '""'),
        ('煤"炭', '"煤 炭"'),
    ],
)
def test_queries_become_character_phrases(query, expected):
    assert search.fts_query(query) == expected


def test_search_text_separates_every_character():
    assert search.search_text("煤炭 RCEP") == "煤\u200b炭\u200bR\u200bC\u200bE\u200bP"


def test_snippet_marks_every_match_and_escapes_html():
    text = "<b>去年</b>煤炭产量达到13.78亿吨，煤炭"
    out = search.snippet(text, "煤炭", width=100)
    assert out == "&lt;b&gt;去年&lt;/b&gt;<mark>煤炭</mark>产量达到13.78亿吨，<mark>煤炭</mark>"
    assert search.highlight("煤，炭", "煤炭") == "<mark>煤，炭</mark>"


def test_snippet_windows_long_text():
    text = "甲" * 200 + "煤炭" + "乙" * 200
    out = search.snippet(text, "煤炭", width=40)
    assert out.startswith("…") and out.endswith("…") and "<mark>煤炭</mark>" in out
    assert len(out.replace("<mark>", "").replace("</mark>", "")) < 50


def token_form(text):
    return "".join(c for c in text if c.isalnum()).casefold()


def sample_queries(paragraphs):
    """1- to 4-character substrings at fixed positions of the seeds, plus mixed and digit cases."""
    queries = set()
    joined = "".join(paragraphs)
    for length in (1, 2, 3, 4):
        for start in range(0, len(joined) - length, 211 + length):
            q = joined[start : start + length]
            if all(c.isalnum() for c in q):
                queries.add(q)
    return sorted(queries) + [
        "RCEP国家",
        "rcep",
        "13.78",
        "4376",
        "2.5个百分点",
        "5G",
        "不存在的词语",
    ]


@pytest.fixture(scope="module")
def corpus_paragraphs(seeds_db):
    return dict(sqlite3.connect(seeds_db).execute("select id, text from paragraphs").fetchall())


async def test_search_box_and_canned_search_find_exactly_the_substring_matches(
    seeds_db, corpus_paragraphs
):
    ds = Datasette(
        [str(seeds_db)],
        metadata=yaml.safe_load(METADATA.read_text("utf-8")),
        settings={"max_returned_rows": 5000},
    )
    queries = sample_queries(corpus_paragraphs.values())
    assert len(queries) > 150
    lengths = {len(q) for q in queries}
    assert {1, 2, 3, 4} <= lengths
    for q in queries:
        # FTS ignores punctuation and spaces inside a match; so does the truth.
        truth = {
            pid for pid, text in corpus_paragraphs.items() if token_form(q) in token_form(text)
        }
        plain = {pid for pid, text in corpus_paragraphs.items() if q.casefold() in text.casefold()}
        box = await ds.client.get(
            "/corpus/paragraphs.json",
            params={"_search": q, "_shape": "array", "_col": "id", "_size": "max"},
        )
        found = {row["id"] for row in box.json()}
        assert found == truth, q
        assert plain <= found, q  # recall against a plain substring scan
        canned = await ds.client.get("/corpus/search.json", params={"q": q, "_shape": "array"})
        assert {row["paragraph_id"] for row in canned.json()} == truth, q


def test_plain_sqlite_without_the_plugin_reads_every_table_and_matches(seeds_db):
    conn = sqlite3.connect(seeds_db)  # no functions registered, no extension loaded
    names = [
        r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")
    ]
    for name in names:
        conn.execute(f"select * from [{name}] limit 1").fetchall()
    rows = conn.execute(
        "select p.text from paragraph_search_fts join paragraphs p on p.id = paragraph_search_fts.rowid "
        "where paragraph_search_fts match '\"煤 炭 产 量\"'"
    ).fetchall()
    assert rows and all("煤炭产量" in t for (t,) in rows)
    snippet = conn.execute(
        "select snippet(paragraph_search_fts, 0, '[', ']', '…', 8) from paragraph_search_fts "
        "where paragraph_search_fts match '\"煤 炭\"' limit 1"
    ).fetchone()[0]
    assert "[煤\u200b炭]" in snippet  # zero-width separators keep the snippet readable
    assert conn.execute("select count(*) from word_counts where term = '煤炭'").fetchone()[0] == 1
