"""The only code that writes the corpus database.

The schema is declared as data (`TABLES`, `FTS`, `VIEWS`, `INDEXES`) and applied by
the idempotent `ensure_schema(db)`. Rows are written by `save_*` functions; ids are
assigned here, deterministically, so the same input gives the same database.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

import sqlite_utils

from . import search, segment
from .errors import InputError

# Bump when the schema changes; `ensure_schema` upgrades older databases or refuses.
SCHEMA_VERSION = 1

TABLES: dict[str, dict] = {
    "documents": {
        "columns": {
            "id": int,
            "filename": str,
            "title": str,
            "date": str,
            "year": int,
            "source": str,
            "kind": str,
            "page": str,
            "url": str,
            "byline": str,
            "byline_place": str,
            "byline_author": str,
            "byline_publication": str,
            "continued_to": str,
            "continued_from": str,
            "encoding": str,
            "sha256": str,
            "fingerprint": str,
            "chars": int,
            "paragraph_count": int,
        },
        "pk": "id",
        "not_null": {"filename", "title", "kind", "sha256"},
    },
    "speakers": {
        "columns": {
            "id": int,
            "label": str,
            "name": str,
            "title": str,
            "organization": str,
            "kind": str,
            "aliases": str,
            "notes": str,
            "key": str,
        },
        "pk": "id",
        "not_null": {"label", "kind", "key"},
    },
    "speaker_roles": {
        "columns": {
            "id": int,
            "speaker_id": int,
            "title": str,
            "organization": str,
            "from_date": str,
            "to_date": str,
        },
        "pk": "id",
        "foreign_keys": [("speaker_id", "speakers", "id")],
    },
    "paragraphs": {
        "columns": {
            "id": int,
            "document_id": int,
            "seq": int,
            "kind": str,
            "heading_level": int,
            "text": str,
            "speaker_id": int,
            "turn_id": int,
            "source_line": int,
            "chars": int,
        },
        "pk": "id",
        "foreign_keys": [
            ("document_id", "documents", "id"),
            ("speaker_id", "speakers", "id"),
            ("turn_id", "turns", "id"),
        ],
        "not_null": {"document_id", "seq", "kind", "text"},
    },
    "turns": {
        "columns": {
            "id": int,
            "document_id": int,
            "seq": int,
            "speaker_id": int,
            "kind": str,
            "label": str,
            "first_paragraph_id": int,
            "last_paragraph_id": int,
            "paragraph_count": int,
        },
        "pk": "id",
        "foreign_keys": [
            ("document_id", "documents", "id"),
            ("speaker_id", "speakers", "id"),
            ("first_paragraph_id", "paragraphs", "id"),
            ("last_paragraph_id", "paragraphs", "id"),
        ],
    },
    "exchanges": {
        "columns": {
            "id": int,
            "document_id": int,
            "seq": int,
            "asker_speaker_id": int,
            "answerer_speaker_id": int,
            "question": str,
            "question_paragraph_id": int,
            "question_turn_id": int,
            "answer_turn_id": int,
            "answer_first_paragraph_id": int,
            "answer_last_paragraph_id": int,
            "answer_paragraph_count": int,
        },
        "pk": "id",
        "foreign_keys": [
            ("document_id", "documents", "id"),
            ("asker_speaker_id", "speakers", "id"),
            ("answerer_speaker_id", "speakers", "id"),
            ("question_paragraph_id", "paragraphs", "id"),
            ("question_turn_id", "turns", "id"),
            ("answer_turn_id", "turns", "id"),
            ("answer_first_paragraph_id", "paragraphs", "id"),
            ("answer_last_paragraph_id", "paragraphs", "id"),
        ],
    },
    "mentions": {
        "columns": {
            "id": int,
            "document_id": int,
            "paragraph_id": int,
            "speaker_id": int,
            "text": str,
            "start": int,
            "end": int,
        },
        "pk": "id",
        "foreign_keys": [
            ("document_id", "documents", "id"),
            ("paragraph_id", "paragraphs", "id"),
            ("speaker_id", "speakers", "id"),
        ],
    },
    "figures": {
        "columns": {
            "id": int,
            "document_id": int,
            "paragraph_id": int,
            "seq": int,
            "text": str,
            "start": int,
            "end": int,
            "kind": str,
            "value": float,
            "value_low": float,
            "value_high": float,
            "unit": str,
            "dimension": str,
            "unit_en": str,
            "si_value": float,
            "si_unit": str,
            "qualifier": str,
            "change": str,
            "from_figure_id": int,
            "period": str,
            "period_text": str,
            "subject": str,
            "speaker_id": int,
        },
        "pk": "id",
        "foreign_keys": [
            ("document_id", "documents", "id"),
            ("paragraph_id", "paragraphs", "id"),
            ("from_figure_id", "figures", "id"),
            ("speaker_id", "speakers", "id"),
        ],
    },
    # The search column lives in its own table: rowid = paragraphs.id, text with U+200B
    # between characters (see loader.search). Users never need to read it.
    "paragraph_search": {"columns": {"id": int, "text": str}, "pk": "id"},
    # Stat cache so an unchanged corpus reloads without reading its files; not content.
    "file_states": {
        "columns": {"filename": str, "size": int, "mtime_ns": int, "sha256": str},
        "pk": "filename",
    },
}

# Tables whose rows are bookkeeping, not corpus content (left out of content comparisons).
BOOKKEEPING_TABLES = {"file_states"}

INDEXES: list[tuple[str, list[str], bool]] = [
    ("documents", ["filename"], True),
    ("documents", ["date"], False),
    ("speakers", ["key"], True),
    ("speakers", ["name"], False),
    ("speakers", ["organization"], False),
    ("speaker_roles", ["speaker_id"], False),
    ("paragraphs", ["document_id", "seq"], True),
    # Datasette's search box counts `where id in (select rowid from …_fts match …)`: a narrow
    # covering index on id answers that without reading paragraph pages (124 → 50 ms for a
    # word in 13% of a million paragraphs).
    ("paragraphs", ["id"], False),
    ("paragraphs", ["speaker_id"], False),
    ("paragraphs", ["turn_id"], False),
    ("turns", ["document_id", "seq"], True),
    ("turns", ["speaker_id"], False),
    ("exchanges", ["document_id", "seq"], True),
    ("exchanges", ["asker_speaker_id"], False),
    ("exchanges", ["answerer_speaker_id"], False),
    ("mentions", ["paragraph_id"], False),
    ("mentions", ["speaker_id"], False),
    ("figures", ["paragraph_id"], False),
    ("figures", ["document_id"], False),
    ("figures", ["subject"], False),
    ("figures", ["unit"], False),
    ("figures", ["period"], False),
    # Every foreign key's child column is indexed: a parent insert or delete then probes
    # an index instead of scanning the child table (and loads stay linear).
    ("turns", ["first_paragraph_id"], False),
    ("turns", ["last_paragraph_id"], False),
    ("exchanges", ["question_paragraph_id"], False),
    ("exchanges", ["question_turn_id"], False),
    ("exchanges", ["answer_turn_id"], False),
    ("exchanges", ["answer_first_paragraph_id"], False),
    ("exchanges", ["answer_last_paragraph_id"], False),
    ("mentions", ["document_id"], False),
    ("figures", ["from_figure_id"], False),
    ("figures", ["speaker_id"], False),
]

# Full-text tables: exact-substring search over paragraph_search (external content),
# and a contentless word index (jieba words, space-separated) for frequency lists.
FTS = {
    "paragraph_search_fts": (
        "CREATE VIRTUAL TABLE [paragraph_search_fts] USING FTS5 ([text], "
        "content=[paragraph_search], content_rowid=[id], tokenize='unicode61')"
    ),
    "paragraph_words": (
        "CREATE VIRTUAL TABLE [paragraph_words] USING FTS5 ([words], content='', "
        "tokenize='unicode61 remove_diacritics 0')"
    ),
    "word_counts": "CREATE VIRTUAL TABLE [word_counts] USING fts5vocab([paragraph_words], 'row')",
    "word_instances": "CREATE VIRTUAL TABLE [word_instances] USING fts5vocab([paragraph_words], 'instance')",
}

VIEWS = {
    # Every answer with who asked it, in one row: the exchanges joined to names.
    "answers": """
        select e.id as exchange_id, d.id as document_id, d.title as document, d.date,
          asker.label as asked_by, asker.organization as outlet,
          answerer.label as answered_by, answerer.name as answerer_name,
          e.question, e.answer_first_paragraph_id, e.answer_last_paragraph_id,
          e.answer_paragraph_count
        from exchanges e
        join documents d on d.id = e.document_id
        left join speakers asker on asker.id = e.asker_speaker_id
        left join speakers answerer on answerer.id = e.answerer_speaker_id
        order by d.date, d.id, e.seq
    """,
}


class SchemaError(Exception):
    """The database was written by an incompatible version of the loader."""


def open_db(path, create: bool = True) -> sqlite_utils.Database:
    """Open (or create) the corpus database in WAL mode; refuse files that are not SQLite."""
    try:
        conn = sqlite3.connect(str(path), timeout=30)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA foreign_keys = ON")
        mode = db.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.DatabaseError as e:
        raise InputError(str(path), f"not a usable SQLite database ({e})") from None
    return db


def schema_version(db: sqlite_utils.Database) -> int:
    """The schema version recorded in the file (0 for an empty or foreign database)."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create or upgrade every table, index, FTS table and view; safe to run on every load."""
    version = schema_version(db)
    tables = set(db.table_names())
    if version == 0 and tables and "documents" in tables:
        raise SchemaError(
            "database has corpus tables but no schema version; rebuild it: "
            "delete the file and run `corpus load`"
        )
    if version == 0 and tables - set(FTS) - {"sqlite_stat1", "sqlite_stat4"}:
        raise SchemaError("database holds other tables; choose a new file for the corpus")
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"database schema version {version} is newer than this loader's ({SCHEMA_VERSION}); "
            "upgrade the loader"
        )
    for from_version in range(max(version, 1), SCHEMA_VERSION):
        if from_version not in MIGRATIONS:
            raise SchemaError(
                f"database schema version {version} cannot be upgraded to {SCHEMA_VERSION}; "
                "rebuild it: delete the file and run `corpus load`"
            )
        MIGRATIONS[from_version](db)
    created, deferred = set(tables), []
    for name, spec in TABLES.items():
        if name in tables:
            continue
        # Foreign keys to tables not yet created (paragraphs ↔ turns, figures → figures)
        # are added once every table exists.
        ready = [fk for fk in spec.get("foreign_keys", []) if fk[1] in created]
        deferred += [(name, fk) for fk in spec.get("foreign_keys", []) if fk[1] not in created]
        db.create_table(
            name, spec["columns"], pk=spec["pk"], foreign_keys=ready, not_null=spec.get("not_null")
        )
        created.add(name)
    for name, (column, other, other_column) in deferred:
        db[name].add_foreign_key(column, other, other_column)
    for table, columns, unique in INDEXES:
        db[table].create_index(columns, unique=unique, if_not_exists=True)
    for name, sql in FTS.items():
        if name not in tables:
            db.execute(sql)
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


# Upgrades from version N to N+1, applied in order by ensure_schema.
MIGRATIONS: dict[int, callable] = {}


# ---------------------------------------------------------------- ids and speakers


@dataclass
class Ids:
    """Next free id per table, read once per load so ids are assigned without queries."""

    next: dict[str, int]

    @classmethod
    def read(cls, db: sqlite_utils.Database) -> Ids:
        """Read the current maximum id of every table."""
        return cls(
            {
                t: (db.execute(f"select max(id) from [{t}]").fetchone()[0] or 0) + 1
                for t, spec in TABLES.items()
                if spec["pk"] == "id"
            }
        )

    def take(self, table: str, n: int = 1) -> int:
        """Reserve n consecutive ids; return the first."""
        first = self.next[table]
        self.next[table] += n
        return first


def speaker_key(kind: str, name: str | None, title: str | None, organization: str | None) -> str:
    """The identity of a speaker as a string: persons by name, outlets by outlet, roles by role."""
    if kind == "person" and name:
        return f"person:{name}"
    if kind == "outlet":
        return f"outlet:{organization}"
    return f"{kind}:{organization or ''}:{title or ''}"


class SpeakerRegistry:
    """Maps speaker keys to ids, creating rows for speakers seen for the first time."""

    def __init__(self, db: sqlite_utils.Database, ids: Ids):
        self.db, self.ids = db, ids
        self.by_key = {row[0]: row[1] for row in db.execute("select key, id from speakers")}
        self.aliases: dict[str, str] = {}
        for key, aliases in db.execute(
            "select key, aliases from speakers where aliases is not null"
        ):
            for alias in json.loads(aliases):
                self.aliases[alias] = key

    def resolve(self, speaker) -> int:
        """Id of a parsed `speakers.Speaker`, creating its row when new."""
        key = speaker_key(speaker.kind, speaker.name, speaker.title, speaker.organization)
        if speaker.kind == "person" and speaker.name in self.aliases:
            key = self.aliases[speaker.name]
        if key in self.by_key and speaker.kind == "person" and speaker.title:
            self.db.execute(
                "update speakers set title = ?, label = name || ? where id = ? and title is null",
                [speaker.title, speaker.title, self.by_key[key]],
            )
        if key not in self.by_key:
            new_id = self.ids.take("speakers")
            self.db["speakers"].insert(
                {
                    "id": new_id,
                    "label": speaker.label,
                    "name": speaker.name,
                    "title": speaker.title,
                    "organization": speaker.organization,
                    "kind": speaker.kind,
                    "key": key,
                }
            )
            self.by_key[key] = new_id
        return self.by_key[key]


def save_speakers_file(db: sqlite_utils.Database, people: list[dict], ids: Ids) -> None:
    """Write the people of `speakers.yml` (with aliases and dated roles) as speakers."""
    for person in people:
        key = speaker_key("person", person["name"], None, None)
        row = db.execute("select id from speakers where key = ?", [key]).fetchone()
        first_role = (person["roles"] or [{}])[0]
        current = db.execute("select title from speakers where key = ?", [key]).fetchone()
        title = person.get("title") or (current[0] if current else None)
        values = {
            # The title comes from how documents label the person (唐登杰代表); the file's
            # dated roles live in speaker_roles.
            "label": person["name"] + (title or ""),
            "name": person["name"],
            "title": title,
            "organization": person.get("organization") or first_role.get("organization"),
            "kind": "person",
            "aliases": json.dumps(person["aliases"], ensure_ascii=False)
            if person["aliases"]
            else None,
            "notes": person.get("notes"),
            "key": key,
        }
        speaker_id = row[0] if row else ids.take("speakers")
        db["speakers"].upsert({"id": speaker_id, **values}, pk="id")
        roles = [
            (r.get("title"), r.get("organization"), r.get("from"), r.get("to"))
            for r in person["roles"]
        ]
        stored = db.execute(
            "select title, organization, from_date, to_date from speaker_roles where speaker_id = ? order by id",
            [speaker_id],
        ).fetchall()
        if [tuple(r) for r in stored] == roles:
            continue  # unchanged: keep the rows and their ids
        db.execute("delete from speaker_roles where speaker_id = ?", [speaker_id])
        for title, organization, from_date, to_date in roles:
            db["speaker_roles"].insert(
                {
                    "id": ids.take("speaker_roles"),
                    "speaker_id": speaker_id,
                    "title": title,
                    "organization": organization,
                    "from_date": from_date,
                    "to_date": to_date,
                }
            )


# ---------------------------------------------------------------- documents


def file_states(db: sqlite_utils.Database) -> dict[str, tuple[int, int, str]]:
    """filename → (size, mtime_ns, sha256) as seen by the last load."""
    return {
        f: (size, mtime, sha) for f, size, mtime, sha in db.execute("select * from file_states")
    }


def save_file_state(
    db: sqlite_utils.Database, filename: str, size: int, mtime_ns: int, sha: str
) -> None:
    """Remember a file's size, mtime and hash."""
    db.execute(
        "insert or replace into file_states values (?, ?, ?, ?)", [filename, size, mtime_ns, sha]
    )


def existing_documents(db: sqlite_utils.Database) -> dict[str, tuple[int, str]]:
    """filename → (id, fingerprint) of every stored document."""
    return {
        f: (i, fp) for i, f, fp in db.execute("select id, filename, fingerprint from documents")
    }


def delete_document(db: sqlite_utils.Database, document_id: int, bulk: bool = False) -> None:
    """Remove a document and everything hanging off it, keeping the FTS indexes in step."""
    if not bulk:
        for pid, text in db.execute(
            "select p.id, p.text from paragraphs p where p.document_id = ?", [document_id]
        ).fetchall():
            db.execute(
                "insert into paragraph_search_fts(paragraph_search_fts, rowid, text) values('delete', ?, ?)",
                [pid, search.search_text(text)],
            )
            words = segment.indexable_words(text)
            db.execute(
                "insert into paragraph_words(paragraph_words, rowid, words) values('delete', ?, ?)",
                [pid, words],
            )
    pids = "select id from paragraphs where document_id = ?"
    db.execute(f"delete from paragraph_search where id in ({pids})", [document_id])
    db.execute("delete from figures where document_id = ?", [document_id])
    db.execute("delete from mentions where document_id = ?", [document_id])
    db.execute("delete from exchanges where document_id = ?", [document_id])
    db.execute("update paragraphs set turn_id = null where document_id = ?", [document_id])
    db.execute("delete from turns where document_id = ?", [document_id])
    db.execute("delete from paragraphs where document_id = ?", [document_id])
    db.execute("delete from documents where id = ?", [document_id])


def prune_orphan_speakers(db: sqlite_utils.Database) -> None:
    """Drop speakers no row refers to any more (those from speakers.yml stay)."""
    db.execute(
        """delete from speakers where id not in (
             select speaker_id from paragraphs where speaker_id is not null
             union select speaker_id from turns
             union select asker_speaker_id from exchanges where asker_speaker_id is not null
             union select answerer_speaker_id from exchanges where answerer_speaker_id is not null
             union select speaker_id from mentions
             union select speaker_id from figures where speaker_id is not null
             union select speaker_id from speaker_roles)"""
    )


_INSERT_SQL: dict[str, tuple[list[str], str]] = {}


def insert_rows(db: sqlite_utils.Database, table: str, rows) -> None:
    """Insert dicts into one of our tables with one prepared statement (the hot path of a load)."""
    if table not in _INSERT_SQL:
        columns = list(TABLES[table]["columns"])
        names = ", ".join(f"[{c}]" for c in columns)
        sql = f"insert into [{table}] ({names}) values ({', '.join('?' * len(columns))})"
        _INSERT_SQL[table] = (columns, sql)
    columns, sql = _INSERT_SQL[table]
    db.conn.executemany(sql, ([row.get(c) for c in columns] for row in rows))


def save_document(
    db, parsed, document_id: int, ids: Ids, speakers: SpeakerRegistry, bulk: bool
) -> None:
    """Write one parsed document (see loader.load.ParsedDocument) and all its rows.

    Paragraphs and turns refer to each other: the caller defers foreign keys to commit."""
    doc = parsed.document
    byline = doc.byline
    insert_rows(
        db,
        "documents",
        [
            {
                "id": document_id,
                "filename": doc.filename,
                "title": doc.title,
                "date": doc.date,
                "year": int(doc.date[:4]) if doc.date else None,
                "source": doc.source,
                "kind": doc.kind,
                "page": doc.page,
                "url": doc.url,
                "byline": byline.text if byline else None,
                "byline_place": byline.place if byline else None,
                "byline_author": byline.author if byline else None,
                "byline_publication": byline.publication if byline else None,
                "continued_to": doc.continued_to,
                "continued_from": doc.continued_from,
                "encoding": doc.encoding,
                "sha256": doc.sha256,
                "fingerprint": parsed.fingerprint,
                "chars": doc.chars,
                "paragraph_count": len(doc.paragraphs),
            }
        ],
    )
    n = len(doc.paragraphs)
    first_pid = ids.take("paragraphs", n)
    pid = [first_pid + i for i in range(n)]
    attribution = parsed.attribution
    turn_of = attribution.paragraph_turns()
    first_turn = ids.take("turns", len(attribution.turns))
    turn_id = {t.seq: first_turn + k for k, t in enumerate(attribution.turns)}
    turn_speaker = {t.seq: speakers.resolve(t.speaker) for t in attribution.turns}
    insert_rows(
        db,
        "paragraphs",
        (
            {
                "id": pid[i],
                "document_id": document_id,
                "seq": i + 1,
                "kind": p.kind,
                "heading_level": p.level,
                "text": p.text,
                "speaker_id": turn_speaker[turn_of[i].seq] if i in turn_of else None,
                "turn_id": turn_id[turn_of[i].seq] if i in turn_of else None,
                "source_line": p.line,
                "chars": len(p.text),
            }
            for i, p in enumerate(doc.paragraphs)
        ),
    )
    insert_rows(
        db,
        "turns",
        (
            {
                "id": turn_id[t.seq],
                "document_id": document_id,
                "seq": t.seq,
                "speaker_id": turn_speaker[t.seq],
                "kind": t.kind,
                "label": t.label,
                "first_paragraph_id": pid[t.paragraphs[0]],
                "last_paragraph_id": pid[t.paragraphs[-1]],
                "paragraph_count": len(t.paragraphs),
            }
            for t in attribution.turns
        ),
    )
    insert_rows(
        db,
        "exchanges",
        (
            {
                "id": ids.take("exchanges"),
                "document_id": document_id,
                "seq": e.seq,
                "asker_speaker_id": speakers.resolve(e.asker) if e.asker else None,
                "answerer_speaker_id": speakers.resolve(e.answerer) if e.answerer else None,
                "question": e.question,
                "question_paragraph_id": pid[e.question_paragraph]
                if e.question_paragraph is not None
                else None,
                "question_turn_id": turn_id.get(e.question_turn),
                "answer_turn_id": turn_id.get(e.answer_turn),
                "answer_first_paragraph_id": pid[e.answer_paragraphs[0]]
                if e.answer_paragraphs
                else None,
                "answer_last_paragraph_id": pid[e.answer_paragraphs[-1]]
                if e.answer_paragraphs
                else None,
                "answer_paragraph_count": len(e.answer_paragraphs),
            }
            for e in attribution.exchanges
        ),
    )
    insert_rows(
        db,
        "mentions",
        (
            {
                "id": ids.take("mentions"),
                "document_id": document_id,
                "paragraph_id": pid[m.paragraph],
                "speaker_id": speakers.resolve(m.speaker),
                "text": m.text,
                "start": m.start,
                "end": m.end,
            }
            for m in attribution.mentions
        ),
    )
    save_figures(db, parsed.figures, document_id, pid, ids, turn_of, turn_speaker)
    db.conn.executemany(
        "insert into paragraph_search(id, text) values (?, ?)",
        ((pid[i], s) for i, s in enumerate(parsed.search_texts)),
    )
    if not bulk:
        db.conn.executemany(
            "insert into paragraph_search_fts(rowid, text) values (?, ?)",
            ((pid[i], s) for i, s in enumerate(parsed.search_texts)),
        )
    db.conn.executemany(
        "insert into paragraph_words(rowid, words) values (?, ?)",
        ((pid[i], w) for i, w in enumerate(parsed.words)),
    )


def save_figures(db, figures_by_paragraph, document_id, pid, ids, turn_of, turn_speaker) -> None:
    """Write the figures of one document; change pairs link the 'to' figure to its 'from'."""
    rows = []
    for i, figures in enumerate(figures_by_paragraph):
        first = ids.take("figures", len(figures))
        speaker_id = turn_speaker[turn_of[i].seq] if i in turn_of else None
        for k, f in enumerate(figures):
            rows.append(
                {
                    "id": first + k,
                    "document_id": document_id,
                    "paragraph_id": pid[i],
                    "seq": k + 1,
                    "text": f.text,
                    "start": f.start,
                    "end": f.end,
                    "kind": f.kind,
                    "value": f.value,
                    "value_low": f.low,
                    "value_high": f.high,
                    "unit": f.unit,
                    "dimension": f.dimension,
                    "unit_en": f.unit_en,
                    "si_value": f.si_value,
                    "si_unit": f.si_unit,
                    "qualifier": f.qualifier,
                    "change": f.change,
                    "from_figure_id": first + f.from_index if f.from_index is not None else None,
                    "period": f.period,
                    "period_text": f.period_text,
                    "subject": f.subject,
                    "speaker_id": speaker_id,
                }
            )
    insert_rows(db, "figures", rows)


def is_empty(db: sqlite_utils.Database) -> bool:
    """True when the database holds no corpus rows yet (new file or empty tables)."""
    if "paragraphs" not in db.table_names():
        return True
    return db.execute("select not exists (select 1 from paragraphs)").fetchone()[0] == 1


def begin_bulk(db: sqlite_utils.Database) -> None:
    """Prepare an empty corpus for a bulk load: no secondary indexes, no FTS merging while writing."""
    for table, columns, unique in INDEXES:
        if not unique:
            db.execute(f"drop index if exists [{_index_name(table, columns)}]")
    db.execute("insert into paragraph_words(paragraph_words, rank) values('automerge', 0)")


def finish_bulk(db: sqlite_utils.Database) -> None:
    """End a bulk load: indexes, the substring index and merged FTS segments, then a full
    foreign-key check (the load ran with enforcement off; a violation aborts it)."""
    for table, columns, unique in INDEXES:
        db[table].create_index(columns, unique=unique, if_not_exists=True)
    db.execute("insert into paragraph_words(paragraph_words, rank) values('automerge', 4)")
    rebuild_search_index(db)
    optimize_indexes(db)
    violation = db.execute("PRAGMA foreign_key_check").fetchone()
    if violation:
        raise RuntimeError(
            f"foreign key violation in {violation[0]} row {violation[1]} → {violation[2]}"
        )


def _index_name(table: str, columns: list[str]) -> str:
    # sqlite-utils' naming: idx_{table}_{col1}_{col2}
    return "idx_{}_{}".format(table.replace(" ", "_"), "_".join(columns))


def rebuild_search_index(db: sqlite_utils.Database) -> None:
    """Build the substring index in one pass from paragraph_search (bulk loads from empty)."""
    db.execute("insert into paragraph_search_fts(paragraph_search_fts) values('rebuild')")


def optimize_indexes(db: sqlite_utils.Database) -> None:
    """Merge FTS segments so searches read one b-tree per index."""
    db.execute("insert into paragraph_search_fts(paragraph_search_fts) values('optimize')")
    db.execute("insert into paragraph_words(paragraph_words) values('optimize')")
