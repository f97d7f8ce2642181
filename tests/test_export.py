"""Parquet export round-trips row counts and Chinese text."""

import sqlite3

import pyarrow.parquet as pq
from click.testing import CliRunner

from loader.cli import cli
from loader.store import BOOKKEEPING_TABLES, TABLES


def test_parquet_export_round_trips(seeds_db, tmp_path):
    out = tmp_path / "parquet"
    result = CliRunner().invoke(cli, ["export", "--db", str(seeds_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(seeds_db)
    for table in TABLES:
        if table in BOOKKEEPING_TABLES or table == "paragraph_search":
            continue
        parquet = pq.read_table(out / f"{table}.parquet")
        assert parquet.num_rows == conn.execute(f"select count(*) from [{table}]").fetchone()[0], (
            table
        )
    paragraphs = pq.read_table(out / "paragraphs.parquet").to_pylist()
    texts = [t for (t,) in conn.execute("select text from paragraphs order by id")]
    assert [p["text"] for p in paragraphs] == texts
    speakers = {r["label"] for r in pq.read_table(out / "speakers.parquet").to_pylist()}
    assert "林武书记" in speakers
