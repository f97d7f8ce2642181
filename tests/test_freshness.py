"""The committed corpus.db is what `corpus load` builds from seeds/ today."""

import sqlite3

from conftest import ROOT

from loader.load import load
from loader.store import BOOKKEEPING_TABLES, TABLES


def contents(path):
    conn = sqlite3.connect(path)
    tables = {
        t: conn.execute(f"select * from [{t}] order by rowid").fetchall()
        for t in TABLES
        if t not in BOOKKEEPING_TABLES
    }
    schema = conn.execute(
        "select type, name, sql from sqlite_master where name not like 'sqlite_%' order by name"
    ).fetchall()
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    return tables, schema, version


def test_committed_corpus_db_is_fresh(tmp_path):
    committed = ROOT / "corpus.db"
    assert committed.exists(), "corpus.db is missing: run `make corpus.db` and commit it"
    rebuilt = tmp_path / "corpus.db"
    load(rebuilt, [ROOT / "seeds"], workers=1)
    assert contents(committed) == contents(rebuilt), (
        "corpus.db is stale: loader/ or seeds/ changed since it was built; run `make corpus.db` and commit it"
    )
