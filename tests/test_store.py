"""The store on in-memory databases: schema, exact rows, foreign keys, schema versions."""

import pytest
import sqlite_utils

from loader import store
from loader.documents import parse_document
from loader.figures import extract_document
from loader.load import ParsedDocument, fingerprint
from loader.search import search_text
from loader.segment import indexable_words
from loader.speakers import attribute

TRANSCRIPT = """新闻发布会实录

人民日报记者：今年煤炭产量是多少？

林武书记：感谢提问。

去年煤炭产量达到13.78亿吨。
"""


def parsed(text, filename="a.txt", meta=None):
    doc = parse_document(filename, text, meta or {"date": "2024"})
    return ParsedDocument(
        document=doc,
        attribution=attribute(doc.paragraphs),
        figures=extract_document(doc),
        search_texts=[search_text(p.text) for p in doc.paragraphs],
        words=[indexable_words(p.text) for p in doc.paragraphs],
        fingerprint=fingerprint(doc.sha256, meta or {}, ""),
    )


@pytest.fixture
def db():
    database = sqlite_utils.Database(memory=True)
    database.execute("PRAGMA foreign_keys = ON")
    store.ensure_schema(database)
    return database


def save(db, text, filename="a.txt"):
    with db.atomic():
        db.execute("PRAGMA defer_foreign_keys = ON")  # as the loader does
        ids = store.Ids.read(db)
        doc_id = ids.take("documents")
        registry = store.SpeakerRegistry(db, ids)
        store.save_document(db, parsed(text, filename), doc_id, ids, registry, bulk=False)
    return doc_id


def test_schema_is_idempotent_and_versioned(db):
    before = db.execute("select sql from sqlite_master order by name").fetchall()
    store.ensure_schema(db)
    assert db.execute("select sql from sqlite_master order by name").fetchall() == before
    assert store.schema_version(db) == store.SCHEMA_VERSION


def test_every_declared_foreign_key_exists(db):
    for table, spec in store.TABLES.items():
        declared = {(c, t, o) for c, t, o in spec.get("foreign_keys", [])}
        actual = {(fk.column, fk.other_table, fk.other_column) for fk in db[table].foreign_keys}
        assert declared == actual, table


def test_saved_rows_are_exact(db):
    doc_id = save(db, TRANSCRIPT)
    assert [(r["seq"], r["kind"], r["speaker_id"] is not None) for r in db["paragraphs"].rows] == [
        (1, "heading", False),
        (2, "body", True),
        (3, "body", True),
        (4, "body", True),
    ]
    speakers = {r["label"]: r for r in db["speakers"].rows}
    assert (
        speakers["人民日报记者"]["name"] is None
        and speakers["人民日报记者"]["organization"] == "人民日报"
    )
    assert speakers["林武书记"]["name"] == "林武"
    turns = [(r["seq"], r["kind"], r["paragraph_count"]) for r in db["turns"].rows]
    assert turns == [(1, "question", 1), (2, "answer", 2)]
    (exchange,) = db["exchanges"].rows
    assert exchange["asker_speaker_id"] == speakers["人民日报记者"]["id"]
    assert exchange["answerer_speaker_id"] == speakers["林武书记"]["id"]
    (figure,) = [r for r in db["figures"].rows if r["kind"] == "quantity"]
    assert (figure["value"], figure["unit"], figure["period"], figure["subject"]) == (
        1.378e9,
        "吨",
        "2023",
        "煤炭产量",
    )
    assert figure["speaker_id"] == speakers["林武书记"]["id"]
    assert db["documents"].get(doc_id)["kind"] == "transcript"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_search_index_follows_saves_and_deletes(db):
    doc_id = save(db, TRANSCRIPT)
    match = "select rowid from paragraph_search_fts where paragraph_search_fts match ?"
    assert len(db.execute(match, ['"煤 炭"']).fetchall()) == 2
    store.delete_document(db, doc_id)
    assert db.execute(match, ['"煤 炭"']).fetchall() == []
    assert db.execute(
        "insert into paragraph_search_fts(paragraph_search_fts) values('integrity-check')"
    )
    assert db.execute("select count(*) from paragraph_words").fetchone()[0] == 0
    store.prune_orphan_speakers(db)
    assert db["speakers"].count == 0


def test_speakers_are_shared_across_documents(db):
    save(db, TRANSCRIPT, "a.txt")
    save(db, TRANSCRIPT, "b.txt")
    assert db["speakers"].count == 2
    assert db["turns"].count == 4


def test_newer_schema_is_refused():
    db = sqlite_utils.Database(memory=True)
    db.execute("PRAGMA user_version = 99")
    with pytest.raises(store.SchemaError, match="newer than this loader"):
        store.ensure_schema(db)


def test_unversioned_corpus_is_refused_with_a_rebuild_hint():
    db = sqlite_utils.Database(memory=True)
    db["documents"].insert({"id": 1, "filename": "a.txt"})
    with pytest.raises(store.SchemaError, match="rebuild"):
        store.ensure_schema(db)


def test_foreign_database_is_refused():
    db = sqlite_utils.Database(memory=True)
    db["invoices"].insert({"id": 1})
    with pytest.raises(store.SchemaError, match="other tables"):
        store.ensure_schema(db)


def test_every_foreign_key_column_is_indexed(db):
    """Unindexed child keys make every parent insert scan the child table (quadratic loads)."""
    for table, spec in store.TABLES.items():
        indexed = {tuple(ix.columns)[0] for ix in db[table].indexes} | {spec["pk"]}
        for column, _, _ in spec.get("foreign_keys", []):
            assert column in indexed, f"{table}.{column} has no index"
