"""The published site through Datasette's own test client."""

import csv
import io
import json
import sqlite3

import pytest
import sqlite_utils
import yaml
from conftest import METADATA
from datasette.app import Datasette

from loader.cli import SERVE_SETTINGS

METADATA_DICT = yaml.safe_load(METADATA.read_text("utf-8"))
CORPUS_META = METADATA_DICT["databases"]["corpus"]
QUERIES = list(CORPUS_META["queries"])
FTS_SHADOW = ("_data", "_idx", "_docsize", "_config", "_content")


def datasette(db_path, **settings):
    return Datasette(
        [str(db_path)],
        metadata=METADATA_DICT,
        settings={**{k: v for k, v in SERVE_SETTINGS.items() if k != "allow_download"}, **settings},
    )


@pytest.fixture
async def ds(seeds_db):
    instance = datasette(seeds_db, max_returned_rows=10000)
    await instance.invoke_startup()
    return instance


def visible_tables(db_path):
    db = sqlite_utils.Database(db_path)
    names = [t for t in db.table_names() if not t.endswith(FTS_SHADOW)]
    return names + db.view_names()


@pytest.mark.asyncio
@pytest.mark.parametrize("query", QUERIES)
async def test_every_canned_query_returns_rows_with_its_defaults(ds, query):
    r = await ds.client.get(f"/corpus/{query}.json?_shape=array")
    assert r.status_code == 200, r.text
    rows = r.json()
    assert rows, f"{query} returned no rows"


@pytest.mark.asyncio
@pytest.mark.parametrize("query", QUERIES)
async def test_every_canned_query_is_documented(query):
    spec = CORPUS_META["queries"][query]
    assert spec.get("title") and spec.get("description")


def test_every_table_and_column_has_a_description(seeds_db):
    tables = CORPUS_META["tables"]
    db = sqlite_utils.Database(seeds_db)
    for name in visible_tables(seeds_db):
        assert tables.get(name, {}).get("description"), f"{name} has no description"
        columns = {c.name for c in db[name].columns}
        described = set(tables[name].get("columns", {}))
        assert columns <= described, f"{name}: undescribed {columns - described}"
        assert described <= columns, f"{name}: described but absent {described - columns}"


@pytest.mark.asyncio
async def test_plugin_is_listed(ds):
    plugins = {p["name"]: p for p in (await ds.client.get("/-/plugins.json")).json()}
    assert {"prepare_connection", "render_cell", "startup", "register_routes"} <= set(
        plugins["chinese-press-corpus"]["hooks"]
    )
    assert "datasette-search-all" in plugins


@pytest.mark.asyncio
async def test_internals_are_hidden(ds):
    r = await ds.client.get("/corpus.json")
    hidden = {t["name"] for t in r.json()["tables"] if t["hidden"]}
    assert {
        "paragraph_search",
        "paragraph_search_fts",
        "paragraph_words",
        "file_states",
        "word_instances",
    } <= hidden
    shown = {t["name"] for t in r.json()["tables"] if not t["hidden"]}
    assert {"documents", "paragraphs", "speakers", "turns", "exchanges", "figures"} <= shown


@pytest.mark.asyncio
async def test_foreign_keys_show_labels(ds):
    r = await ds.client.get("/corpus/turns.json?_shape=array&_labels=on&_size=2")
    row = r.json()[0]
    assert row["speaker_id"]["label"] == "唐登杰代表"
    assert row["document_id"]["label"] == "山西代表团举行全体会议向中外媒体开放"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "table",
    [
        "documents",
        "paragraphs",
        "speakers",
        "turns",
        "exchanges",
        "mentions",
        "figures",
        "speaker_roles",
        "word_counts",
        "answers",
    ],
)
async def test_json_and_csv_exports_round_trip(ds, seeds_db, table):
    conn = sqlite3.connect(seeds_db)
    conn.row_factory = sqlite3.Row
    expected = [dict(r) for r in conn.execute(f"select * from [{table}]")]
    r = await ds.client.get(f"/corpus/{table}.json?_shape=array&_size=max")
    assert r.status_code == 200
    got = [
        {k: v for k, v in row.items() if k != "rowid" or "rowid" in expected[0]} for row in r.json()
    ]
    key = lambda row: json.dumps(row, sort_keys=True, ensure_ascii=False)  # noqa: E731
    if table == "answers":
        assert got == expected
    else:
        assert sorted(map(key, got)) == sorted(map(key, expected))
    r = await ds.client.get(f"/corpus/{table}.csv?_size=max&_stream=on")
    assert r.status_code == 200
    rows = [
        {k: v for k, v in row.items() if k != "rowid" or "rowid" in expected[0]}
        for row in csv.DictReader(io.StringIO(r.text))
    ]
    as_text = lambda row: {k: "" if v is None else str(v) for k, v in row.items()}  # noqa: E731
    assert sorted(map(key, rows)) == sorted(key(as_text(e)) for e in expected)


@pytest.mark.asyncio
async def test_canned_query_csv_keeps_chinese(ds):
    r = await ds.client.get("/corpus/questions_by_outlet.csv?outlet=新华社")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["outlet"] for row in rows} == {"新华社"}
    assert any("山西制造的新装备" in row["question"] for row in rows)


@pytest.mark.asyncio
async def test_search_box_on_the_paragraphs_table(ds, seeds_db):
    truth = (
        sqlite3.connect(seeds_db)
        .execute("select count(*) from paragraphs where text like '%煤炭产量%'")
        .fetchone()[0]
    )
    r = await ds.client.get("/corpus/paragraphs?_search=煤炭产量")
    assert r.status_code == 200
    assert "去年煤炭产量达到13.78亿吨" in r.text
    r = await ds.client.get("/corpus/paragraphs.json?_search=煤炭产量&_shape=array&_col=text")
    assert len(r.json()) == truth >= 3


@pytest.mark.asyncio
async def test_search_all_finds_paragraphs(ds):
    r = await ds.client.get("/-/search?q=煤炭")
    assert r.status_code == 200
    assert "/corpus/paragraphs" in r.text


@pytest.mark.asyncio
async def test_search_snippets_are_highlighted(ds):
    r = await ds.client.get("/corpus/search?q=煤炭产量")
    assert "<mark>煤炭产量</mark>" in r.text
    r = await ds.client.get("/corpus/search.json?q=煤炭产量&_shape=array")
    assert all("<mark>煤炭产量</mark>" in row["snippet"] for row in r.json())


@pytest.mark.asyncio
async def test_kwic_gives_one_row_per_occurrence_sortable_by_context(ds, seeds_db):
    conn = sqlite3.connect(seeds_db)
    occurrences = sum(t.count("煤炭") for (t,) in conn.execute("select text from paragraphs"))
    r = await ds.client.get("/corpus/kwic.json?q=煤炭&_shape=array&_size=max")
    rows = r.json()
    assert len(rows) == occurrences
    for row in rows:
        text = conn.execute(
            "select text from paragraphs where id = ?", [row["paragraph_id"]]
        ).fetchone()[0]
        assert text[row["offset"] : row["offset"] + 2] == "煤炭"
        assert text[: row["offset"]].endswith(row["left_context"])
    right = [
        row["right_context"]
        for row in (
            await ds.client.get("/corpus/kwic.json?q=煤炭&sort=right&_shape=array&_size=max")
        ).json()
    ]
    assert right == sorted(right)
    left = [
        row["left_context"][::-1]
        for row in (
            await ds.client.get("/corpus/kwic.json?q=煤炭&sort=left&_shape=array&_size=max")
        ).json()
    ]
    assert left == sorted(left)


@pytest.mark.asyncio
async def test_statistic_series_lines_up_coal_output(ds):
    rows = (
        await ds.client.get("/corpus/statistic_series.json?subject=煤炭产量&_shape=array")
    ).json()
    assert [(r["period"], r["figure"], r["said_on"]) for r in rows] == [
        ("2021", "11.93亿吨", "2022-08"),
        ("2022", "13亿吨以上", "2022-08"),
        ("2022-H1", "6.41亿吨", "2022-08"),
        ("2023", "13.78亿吨", "2024-03-06"),
    ]


@pytest.mark.asyncio
async def test_answers_by_speaker(ds):
    rows = (
        await ds.client.get("/corpus/answers_by_speaker.json?speaker=蓝佛安&_shape=array")
    ).json()
    assert [r["outlet"] for r in rows] == ["新华社", "香港南报", "山西日报"]
    assert rows[0]["answer"].startswith("蓝佛安省长：感谢新华社")


@pytest.mark.asyncio
async def test_word_frequency_for_a_speaker(ds):
    rows = (await ds.client.get("/corpus/word_frequency.json?speaker=林武&_shape=array")).json()
    words = [r["word"] for r in rows]
    assert "能源" in words[:20]
    assert all(len(w) >= 2 for w in words)


@pytest.mark.asyncio
async def test_document_text_in_order_with_labels(ds):
    rows = (await ds.client.get("/corpus/document_text.json?document=代表团&_shape=array")).json()
    assert [r["seq"] for r in rows] == list(range(1, 17))
    assert rows[9]["speaker"] == "唐登杰代表"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "chart, param", [("statistic_series", "subject=煤炭产量"), ("word_trend", "word=煤炭")]
)
async def test_charts_render_as_inline_svg(ds, chart, param):
    r = await ds.client.get(f"/corpus/-/chart/{chart}?{param}")
    assert r.status_code == 200
    assert "<svg" in r.text and "<rect" in r.text
    assert "http://" not in r.text.split("<svg", 1)[1].split("</svg>")[0].replace(
        "http://www.w3.org/2000/svg", ""
    )


@pytest.mark.asyncio
async def test_site_is_read_only(ds):
    r = await ds.client.get("/corpus.json?sql=delete+from+documents")
    assert r.status_code == 400
    r = await ds.client.get("/corpus.json?sql=select+count(*)+as+n+from+documents&_shape=array")
    assert r.json() == [{"n": 2}]


@pytest.mark.asyncio
async def test_pathological_query_is_cut_off_and_the_server_keeps_answering(seeds_db):
    instance = datasette(seeds_db, sql_time_limit_ms=200)
    sql = "select count(*) from paragraphs a, paragraphs b, paragraphs c, paragraphs d, paragraphs e where a.text like '%' || e.text || '%'"
    r = await instance.client.get("/corpus.json", params={"sql": sql})
    assert r.status_code == 400
    assert "interrupted" in r.text.lower() or "time limit" in r.text.lower()
    r = await instance.client.get("/corpus/documents.json?_shape=array")
    assert len(r.json()) == 2


async def test_csv_for_excel_has_a_byte_order_mark(ds):
    r = await ds.client.get("/corpus/speakers.csvbom?_size=max")
    assert r.status_code == 200
    assert r.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert "林武书记" in {row["label"] for row in rows}
    r = await ds.client.get("/corpus/questions_by_outlet.csvbom?outlet=新华社")
    assert r.content.decode("utf-8-sig").splitlines()[0].startswith("outlet,question")
