"""Crash safety and serving during reloads, with real processes and a real server."""

import json
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from loader.store import BOOKKEEPING_TABLES, TABLES

pytestmark = pytest.mark.slow

CORPUS = str(Path(sys.executable).parent / "corpus")
KILL_POINTS = 24


def make_documents(folder: Path, count: int, offset: int = 0) -> None:
    """`count` small documents built from the seed transcript's paragraphs, all different."""
    base = (SEEDS / "002_a2678734ee956aaa.txt").read_text("utf-8").split("\n\n")
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(offset, offset + count):
        body = base[: 4 + i % 20]
        text = f"# 第{i}号发布会实录\n\n" + "\n\n".join(b.replace("山西", f"山西{i}") for b in body)
        (folder / f"doc_{i:04d}.txt").write_text(text, "utf-8")


def state(db_path: Path):
    """Everything a reader could see, plus the checks a crash must never break."""
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {n for (n,) in conn.execute("select name from sqlite_master where type = 'table'")}
        if "paragraph_search_fts" not in tables:
            return None  # the load never committed its schema: still the empty state
        conn.execute(
            "insert into paragraph_search_fts(paragraph_search_fts) values('integrity-check')"
        )
        conn.execute("insert into paragraph_words(paragraph_words) values('integrity-check')")
        return {
            t: conn.execute(f"select * from [{t}] order by rowid").fetchall()
            for t in TABLES
            if t not in BOOKKEEPING_TABLES
        }
    finally:
        conn.close()


def fresh_copy(source: Path | None, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    if source is not None:
        shutil.copy(source, target)


def timed_load(folder: Path, db: Path) -> float:
    start = time.monotonic()
    subprocess.run([CORPUS, "load", str(folder), "--db", str(db), "--quiet"], check=True)
    return time.monotonic() - start


@pytest.mark.parametrize("scenario", ["from_empty", "onto_existing"])
def test_killed_loads_leave_before_or_after(tmp_path, scenario):
    folder = tmp_path / "docs"
    make_documents(folder, 300)
    before_db = None
    if scenario == "onto_existing":
        # the corpus already holds 100 of the documents (20 of them since changed) and the seeds
        before_db = tmp_path / "before.db"
        partial = tmp_path / "partial"
        make_documents(partial, 100)
        for path in sorted(partial.glob("*.txt"))[:20]:
            path.write_text(path.read_text("utf-8") + "\n\n旧版本的一段。\n", "utf-8")
        subprocess.run(
            [CORPUS, "load", str(partial), "--db", str(before_db), "--quiet"], check=True
        )
    before = state(before_db) if before_db else None
    after_db = tmp_path / "after.db"
    fresh_copy(before_db, after_db)
    duration = timed_load(folder, after_db)
    after = state(after_db)
    assert after != before

    work = tmp_path / "work.db"
    outcomes = {"before": 0, "after": 0}
    mid_write = 0
    for k in range(1, KILL_POINTS + 1):
        fresh_copy(before_db, work)
        proc = subprocess.Popen([CORPUS, "load", str(folder), "--db", str(work), "--quiet"])
        time.sleep(duration * k / (KILL_POINTS + 1))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        wal = Path(f"{work}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            mid_write += 1
        if not work.exists():
            outcomes["before"] += 1
            continue
        seen = state(work)
        assert seen in (before, after), f"kill point {k}/{KILL_POINTS} left a mixed database"
        outcomes["before" if seen == before else "after"] += 1
    print(f"{scenario}: {outcomes}, {mid_write} kills while writing")
    assert sum(outcomes.values()) == KILL_POINTS
    assert mid_write >= KILL_POINTS // 3, (
        f"only {mid_write} kills landed while the load was writing"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


COUNTS_SQL = (
    "select (select count(*) from documents) as d, (select count(*) from paragraphs) as p, "
    "(select count(*) from figures) as f, (select count(*) from paragraph_search_fts where paragraph_search_fts match '\"煤 炭\"') as s"
)


def test_serving_during_reload_never_fails_or_mixes(tmp_path):
    folder = tmp_path / "docs"
    make_documents(folder, 60)
    db = tmp_path / "corpus.db"
    subprocess.run([CORPUS, "load", str(folder), "--db", str(db), "--quiet"], check=True)
    shutil.copy(ROOT / "metadata.yml", tmp_path / "metadata.yml")
    port = free_port()
    server = subprocess.Popen(
        [CORPUS, "serve", "--db", str(db), "--port", str(port), "--watch"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/corpus.json?" + urllib.parse.urlencode(
        {"sql": COUNTS_SQL, "_shape": "array"}
    )

    def counts():
        with urllib.request.urlopen(url, timeout=10) as r:
            row = json.loads(r.read())[0]
        return (row["d"], row["p"], row["f"], row["s"])

    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                before = counts()
                break
            except OSError:
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        # the reload adds 200 documents and changes 10 of the served ones
        make_documents(folder, 200, offset=60)
        for path in sorted(folder.glob("*.txt"))[:10]:
            path.write_text(path.read_text("utf-8") + "\n\n新增的一段，煤炭产量增长5%。\n", "utf-8")
        loader = subprocess.Popen([CORPUS, "load", str(folder), "--db", str(db), "--quiet"])
        seen, failures, requests = set(), 0, 0
        stop = time.monotonic() + 120
        while requests < 5000 and time.monotonic() < stop:
            requests += 1
            try:
                seen.add(counts())
            except OSError:
                failures += 1
            if loader.poll() is not None:
                break
        assert loader.wait(timeout=120) == 0
        after = counts()
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert failures == 0
    assert requests > 5
    assert after != before
    assert seen <= {before, after}, f"a reader saw a half-done reload: {seen - {before, after}}"
