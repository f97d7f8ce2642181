"""The corpus CLI end to end, on real files in tmp_path, reopened with sqlite-utils."""

import codecs
import os
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner
from conftest import SEEDS

from loader.cli import cli
from loader.store import BOOKKEEPING_TABLES, TABLES


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


def dump(db_path):
    """Every corpus table's rows (bookkeeping left out), for before/after comparisons."""
    if not Path(db_path).exists():
        return None
    db = sqlite_utils.Database(db_path)
    if "documents" not in db.table_names():
        return {}
    out = {
        t: list(db.execute(f"select * from [{t}] order by rowid"))
        for t in TABLES
        if t not in BOOKKEEPING_TABLES
    }
    out["fts"] = list(
        db.execute(
            "select rowid from paragraph_search_fts where paragraph_search_fts match '\"煤\"' order by rowid"
        )
    )
    db.close()
    return out


@pytest.mark.parametrize("command", [[]] + [[name] for name in cli.commands])
def test_every_command_has_real_help(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output
    doc = (cli.commands[command[0]] if command else cli).help
    assert doc and len(doc.split()) >= 5


def test_load_seeds(tmp_path):
    db_path = tmp_path / "corpus.db"
    result = run("load", SEEDS, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "2 added" in result.output
    db = sqlite_utils.Database(db_path)
    assert db["documents"].count == 2
    assert db["paragraphs"].count == 75
    assert db["turns"].count == 17
    assert db["exchanges"].count == 11
    assert {r["filename"] for r in db["documents"].rows} == {
        "000_f96f47c78fa21d85.txt",
        "002_a2678734ee956aaa.txt",
    }
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_every_answer_by_lan_foan_with_the_asking_outlet_in_one_join(seeds_db):
    rows = (
        sqlite_utils.Database(seeds_db)
        .execute(
            """select asker.organization, e.question from exchanges e
           join speakers answerer on answerer.id = e.answerer_speaker_id
           join speakers asker on asker.id = e.asker_speaker_id
           where answerer.name = '蓝佛安' order by e.id"""
        )
        .fetchall()
    )
    assert [r[0] for r in rows] == ["新华社", "香港南报", "山西日报"]


def test_quiet_load_prints_nothing(tmp_path):
    result = run("load", SEEDS, "--db", tmp_path / "c.db", "--quiet")
    assert result.exit_code == 0
    assert result.output == ""


def test_reload_is_idempotent(tmp_path, seeds_copy):
    db_path = tmp_path / "corpus.db"
    run("load", seeds_copy, "--db", db_path)
    first = dump(db_path)
    result = run("load", seeds_copy, "--db", db_path)
    assert "0 added, 0 replaced, 2 unchanged" in result.output
    assert dump(db_path) == first


def test_touching_a_file_without_changing_it_keeps_everything(tmp_path, seeds_copy):
    db_path = tmp_path / "corpus.db"
    run("load", seeds_copy, "--db", db_path)
    first = dump(db_path)
    path = next(seeds_copy.glob("000_*.txt"))
    os.utime(path, (1, 1))
    assert "2 unchanged" in run("load", seeds_copy, "--db", db_path).output
    assert dump(db_path) == first


def test_changed_file_replaces_its_document_only(tmp_path, seeds_copy):
    db_path = tmp_path / "corpus.db"
    run("load", seeds_copy, "--db", db_path)
    db = sqlite_utils.Database(db_path)
    ids = {r["filename"]: r["id"] for r in db["documents"].rows}
    other = [
        r for r in db["paragraphs"].rows_where("document_id = ?", [ids["002_a2678734ee956aaa.txt"]])
    ]
    path = seeds_copy / "000_f96f47c78fa21d85.txt"
    path.write_text(path.read_text("utf-8") + "\n新加的一段：产量增长了5%。\n", "utf-8")
    result = run("load", seeds_copy, "--db", db_path)
    assert "0 added, 1 replaced, 1 unchanged" in result.output
    db = sqlite_utils.Database(db_path)
    assert {r["filename"]: r["id"] for r in db["documents"].rows} == ids
    assert (
        list(db["paragraphs"].rows_where("document_id = ?", [ids["002_a2678734ee956aaa.txt"]]))
        == other
    )
    assert (
        db.execute("select count(*) from paragraphs where text like '新加的一段%'").fetchone()[0]
        == 1
    )
    assert (
        db.execute(
            "select count(*) from paragraph_search_fts where paragraph_search_fts match '\"新 加 的\"'"
        ).fetchone()[0]
        == 1
    )
    db.execute("insert into paragraph_search_fts(paragraph_search_fts) values('integrity-check')")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_manifest_change_reparses_its_document(tmp_path, seeds_copy):
    db_path = tmp_path / "corpus.db"
    run("load", seeds_copy, "--db", db_path)
    manifest = seeds_copy / "manifest.yml"
    manifest.write_text(
        manifest.read_text("utf-8").replace('date: "2022-08"', 'date: "2022-07"'), "utf-8"
    )
    assert "0 added, 1 replaced, 1 unchanged" in run("load", seeds_copy, "--db", db_path).output
    db = sqlite_utils.Database(db_path)
    assert (
        db.execute("select date from documents where kind = 'transcript'").fetchone()[0]
        == "2022-07"
    )


def test_prune_removes_documents_whose_files_are_gone(tmp_path, seeds_copy):
    db_path = tmp_path / "corpus.db"
    run("load", seeds_copy, "--db", db_path)
    (seeds_copy / "000_f96f47c78fa21d85.txt").unlink()
    manifest = seeds_copy / "manifest.yml"
    text = manifest.read_text("utf-8")
    manifest.write_text(text[: text.index("  000_")] + text[text.index("  002_") :], "utf-8")
    assert "0 added, 0 replaced, 1 unchanged" in run("load", seeds_copy, "--db", db_path).output
    db = sqlite_utils.Database(db_path)
    assert db["documents"].count == 2  # without --prune nothing is removed
    result = run("load", seeds_copy, "--db", db_path, "--prune")
    assert "1 pruned" in result.output
    db = sqlite_utils.Database(db_path)
    assert [r["filename"] for r in db["documents"].rows] == ["002_a2678734ee956aaa.txt"]
    assert (
        db.execute("select count(*) from speakers where label = '唐登杰代表'").fetchone()[0] == 1
    )  # in speakers.yml
    assert (
        db.execute("select count(*) from speakers where label = '光明日报记者'").fetchone()[0] == 0
    )
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


GOOD = "# 标题\n\n正文第一段，煤炭产量达到13.78亿吨。\n"


def bad_files():
    return {
        "empty.txt": (b"", "empty file"),
        "image.txt": (b"\x89PNG\r\n\x1a\n" + os.urandom(200), "PNG image"),
        "truncated.txt": (GOOD.encode("utf-8") + "煤".encode()[:2], "truncated UTF-8"),
        "punctuation.txt": ("。，！？\n……".encode(), "only punctuation"),
    }


@pytest.mark.parametrize("name", list(bad_files()))
def test_bad_file_is_refused_and_nothing_is_written(tmp_path, name):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, "utf-8")
    data, reason = bad_files()[name]
    (folder / name).write_bytes(data)
    db_path = tmp_path / "corpus.db"
    run("load", SEEDS, "--db", db_path)
    before = dump(db_path)
    result = run("load", folder, "--db", db_path)
    assert result.exit_code == 1
    message = result.output.strip()
    assert len(message.splitlines()) == 1
    assert name in message and reason in message
    assert dump(db_path) == before


@pytest.mark.parametrize("name", list(bad_files()))
def test_skip_bad_loads_the_rest(tmp_path, name):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, "utf-8")
    data, reason = bad_files()[name]
    (folder / name).write_bytes(data)
    db_path = tmp_path / "corpus.db"
    result = run("load", folder, "--db", db_path, "--skip-bad")
    assert result.exit_code == 0
    assert f"skipped {folder / name}" in result.output and reason in result.output
    assert [r["filename"] for r in sqlite_utils.Database(db_path)["documents"].rows] == [
        "a_good.txt"
    ]


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("gb18030"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    ],
)
def test_other_encodings_load(tmp_path, encode):
    path = tmp_path / "doc.txt"
    path.write_bytes(encode(GOOD))
    db_path = tmp_path / "corpus.db"
    assert run("load", path, "--db", db_path).exit_code == 0
    db = sqlite_utils.Database(db_path)
    assert (
        db.execute("select text from paragraphs where seq = 2").fetchone()[0]
        == "正文第一段，煤炭产量达到13.78亿吨。"
    )


def test_encoding_option_overrides_detection(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(GOOD.encode("big5", errors="ignore"))
    db_path = tmp_path / "corpus.db"
    assert run("load", path, "--db", db_path, "--encoding", "big5").exit_code == 0
    assert sqlite_utils.Database(db_path)["documents"].get(1)["encoding"] == "big5"


def test_overlong_single_line_is_refused(tmp_path):
    path = tmp_path / "oneline.txt"
    path.write_bytes(("煤炭产量" * 4_400_000).encode("utf-8"))  # ~50 MB, one line
    result = run("load", path, "--db", tmp_path / "corpus.db")
    assert result.exit_code == 1
    assert "oneline.txt:1: line is 17,600,000 characters long" in result.output


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(GOOD, "utf-8")
    original = Path.read_bytes

    def refuse(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = run("load", path, "--db", tmp_path / "corpus.db")
    assert result.exit_code == 1
    assert "secret.txt: cannot read: Permission denied" in result.output


def test_directory_symlink_loop(tmp_path):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD, "utf-8")
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    result = run("load", folder, "--db", tmp_path / "corpus.db")
    assert result.exit_code == 1
    assert "symlink loop" in result.output
    assert not (tmp_path / "corpus.db").exists()


def test_missing_path(tmp_path):
    result = run("load", tmp_path / "nowhere", "--db", tmp_path / "corpus.db")
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {tmp_path / 'nowhere'}: no such file or directory"


def test_database_that_is_not_sqlite(tmp_path):
    db_path = tmp_path / "corpus.db"
    db_path.write_bytes(b"this is not a database" * 100)
    result = run("load", SEEDS, "--db", db_path)
    assert result.exit_code == 1
    assert "corpus.db: not a usable SQLite database" in result.output
    assert db_path.read_bytes() == b"this is not a database" * 100


def test_read_only_database(tmp_path):
    db_path = tmp_path / "corpus.db"
    run("load", SEEDS, "--db", db_path)
    before = dump(db_path)
    sqlite3.connect(db_path).execute("PRAGMA journal_mode = DELETE").fetchall()
    uri = f"file:{db_path}?mode=ro"
    assert (
        sqlite3.connect(uri, uri=True).execute("select count(*) from documents").fetchone()[0] == 2
    )
    os.chmod(db_path, 0o444)
    try:
        result = run("load", SEEDS, "--db", db_path)
        if os.geteuid() == 0:
            # root may write any file; the load then simply finds nothing to do
            assert result.exit_code == 0
        else:
            assert result.exit_code == 1 and "read-only" in result.output
    finally:
        os.chmod(db_path, 0o644)
    assert dump(db_path) == before


def test_malformed_manifest_points_at_the_line(tmp_path, seeds_copy):
    (seeds_copy / "manifest.yml").write_text(
        "documents:\n  000_f96f47c78fa21d85.txt:\n    date: yesterday\n", "utf-8"
    )
    result = run("load", seeds_copy, "--db", tmp_path / "corpus.db")
    assert result.exit_code == 1
    assert "manifest.yml:3: date 'yesterday' is not an ISO date" in result.output


def test_malformed_speakers_file_points_at_the_line(tmp_path, seeds_copy):
    (seeds_copy / "speakers.yml").write_text(
        "speakers:\n  - name: 林武\n    roles: [{title: 书记, from: 2022-13}]\n", "utf-8"
    )
    result = run("load", seeds_copy, "--db", tmp_path / "corpus.db")
    assert result.exit_code == 1
    assert "speakers.yml:3:" in result.output and "2022-13" in result.output


def test_manifest_naming_a_missing_file(tmp_path, seeds_copy):
    manifest = seeds_copy / "manifest.yml"
    manifest.write_text(
        manifest.read_text("utf-8") + "  999_missing.txt:\n    date: 2020\n", "utf-8"
    )
    result = run("load", seeds_copy, "--db", tmp_path / "corpus.db")
    assert result.exit_code == 1
    assert "999_missing.txt" in result.output


def test_front_matter_metadata(tmp_path):
    path = tmp_path / "fm.txt"
    path.write_text(
        "---\ndate: 2023-05-01\nsource: 人民日报\nkind: report\n---\n# 标题\n\n正文。\n", "utf-8"
    )
    db_path = tmp_path / "corpus.db"
    assert run("load", path, "--db", db_path).exit_code == 0
    doc = sqlite_utils.Database(db_path)["documents"].get(1)
    assert (doc["date"], doc["source"], doc["title"]) == ("2023-05-01", "人民日报", "标题")


def test_parallel_load_gives_the_same_database(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    base = (SEEDS / "002_a2678734ee956aaa.txt").read_text("utf-8")
    for i in range(70):
        (folder / f"doc_{i:03d}.txt").write_text(base.replace("山西", f"山西{i}"), "utf-8")
    serial, parallel = tmp_path / "serial.db", tmp_path / "parallel.db"
    assert run("load", folder, "--db", serial, "--workers", "1").exit_code == 0
    assert run("load", folder, "--db", parallel, "--workers", "2").exit_code == 0
    assert dump(serial) == dump(parallel)


def test_bulk_and_incremental_loads_build_the_same_database(tmp_path, seeds_copy):
    bulk, incremental = tmp_path / "bulk.db", tmp_path / "incremental.db"
    run("load", seeds_copy, "--db", bulk)
    run("load", seeds_copy / "000_f96f47c78fa21d85.txt", "--db", incremental)
    run("load", seeds_copy, "--db", incremental)
    assert dump(bulk) == dump(incremental)
    schema = "select type, name, sql from sqlite_master where type = 'index' order by name"
    assert (
        sqlite3.connect(bulk).execute(schema).fetchall()
        == sqlite3.connect(incremental).execute(schema).fetchall()
    )
    assert sqlite3.connect(bulk).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_progress_bar_on_a_terminal_only(tmp_path):
    """On a terminal a long load shows a progress bar; in a pipe it stays quiet."""
    import pty
    import subprocess
    import sys

    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(5):
        (folder / f"d{i}.txt").write_text(GOOD.replace("标题", f"标题{i}"), "utf-8")
    corpus = str(Path(sys.executable).parent / "corpus")
    piped = subprocess.run(
        [corpus, "load", str(folder), "--db", str(tmp_path / "a.db")],
        capture_output=True,
        text=True,
    )
    assert piped.returncode == 0
    assert "Loading" not in piped.stderr and "5 added" in piped.stderr
    out = bytearray()

    def read(fd):
        data = os.read(fd, 1024)
        out.extend(data)
        return data

    status = pty.spawn([corpus, "load", str(folder), "--db", str(tmp_path / "b.db")], read)
    assert os.waitstatus_to_exitcode(status) == 0
    assert "Loading" in out.decode("utf-8", "replace")
